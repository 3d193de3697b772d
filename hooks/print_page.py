"""Fixes for mkdocs-print-site-plugin, which builds the one-page print version.

- The plugin prefixes each page's links with the page's key but misses many of the ids
  they point to (its pattern fails on minified HTML), and it turns links to the home
  page into "#.". Both would be broken links; the link checker in tests/ guards it.
- Links to pages left out of the print page lead nowhere; they go to the pages instead.
- It adds its stylesheets and script to every page, though only the print page uses
  them: three requests per page. Ordinary pages print with extra.css's print rules.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

PRINT_PAGE = "print_page/index.html"
PRINT_ASSETS = re.compile(r'<link rel="?stylesheet"? href="?[./]*css/print-site[\w-]*\.css"?>|<script src="?[./]*js/print-site\.js"?></script>')


def repair_print_page(html: str, page_urls: dict[str, str] | None = None) -> str:
    """Where a link points at '#<page>-<id>' and only '<id>' exists in that page's section,
    give the element the prefixed id, as the plugin intends; point '#.' at the home page,
    and links to pages left out of the print page (page key -> URL) at the pages themselves."""
    soup = BeautifulSoup(html, "html.parser")
    sections = {section["id"]: section for section in soup.find_all("section", class_="print-page", id=True)}
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    for link in soup.find_all("a", href=True):
        if link["href"] == "#.":
            link["href"] = "#index"
        target = link["href"][1:] if link["href"].startswith("#") else None
        if not target or target in ids:
            continue
        if target in (page_urls or {}):
            link["href"] = f"../{page_urls[target]}"
            continue
        key = next((k for k in sorted(sections, key=len, reverse=True) if target.startswith(f"{k}-")), None)
        element = sections[key].find(id=target[len(key) + 1:]) if key else None
        if element is not None:
            element["id"] = target
            ids.add(target)
    return str(soup)


def drop_print_assets(html: str) -> str:
    """An ordinary page without the print page's own stylesheets and script."""
    return PRINT_ASSETS.sub("", html)
