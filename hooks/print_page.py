"""Repairs two anchor bugs of mkdocs-print-site-plugin in the one-page print version.

The plugin prefixes each page's footnote links with the page's key but misses the
footnote ids inside paragraphs, and it turns links to the home page into "#.". Both
would be broken in-page links; the link checker in tests/ guards the result.
"""

from __future__ import annotations

import re

PRINT_PAGE = "print_page/index.html"
SECTION = re.compile(r'(<section class="print-page" id="([^"]+)"[^>]*>)(.*?)(?=<section class="print-page" id="|\Z)', re.DOTALL)
FOOTNOTE_ID = re.compile(r'\bid="(fn:|fnref\d*:)')


def repair_print_page(html: str) -> str:
    def prefix_ids(section: re.Match) -> str:
        opening, key, body = section.groups()
        return opening + FOOTNOTE_ID.sub(lambda m: f'id="{key}-{m.group(1)}', body)

    return SECTION.sub(prefix_ids, html).replace('href="#."', 'href="#index"')
