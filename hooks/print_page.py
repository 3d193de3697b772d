"""Fixes for mkdocs-print-site-plugin, which builds the one-page print version.

- The plugin prefixes each page's footnote links with the page's key but misses the
  footnote ids inside paragraphs, and it turns links to the home page into "#.". Both
  would be broken in-page links; the link checker in tests/ guards the result.
- It adds its stylesheets and script to every page, though only the print page uses
  them: three requests per page. Ordinary pages print with extra.css's print rules.
"""

from __future__ import annotations

import re

PRINT_PAGE = "print_page/index.html"
PRINT_ASSETS = re.compile(r'<link rel="?stylesheet"? href="?[./]*css/print-site[\w-]*\.css"?>|<script src="?[./]*js/print-site\.js"?></script>')
SECTION = re.compile(r'(<section class="print-page" id="([^"]+)"[^>]*>)(.*?)(?=<section class="print-page" id="|\Z)', re.DOTALL)
FOOTNOTE_ID = re.compile(r'\bid="(fn:|fnref\d*:)')


def repair_print_page(html: str) -> str:
    def prefix_ids(section: re.Match) -> str:
        opening, key, body = section.groups()
        return opening + FOOTNOTE_ID.sub(lambda m: f'id="{key}-{m.group(1)}', body)

    return SECTION.sub(prefix_ids, html).replace('href="#."', 'href="#index"')


def drop_print_assets(html: str) -> str:
    """An ordinary page without the print page's own stylesheets and script."""
    return PRINT_ASSETS.sub("", html)
