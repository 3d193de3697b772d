"""Fixes for mkdocs-print-site-plugin, which builds the one-page print version.

- The plugin prefixes each page's links with the page's key but misses many of the ids
  they point to (its pattern fails on minified HTML), and it turns links to the home
  page into "#.". Both would be broken links; the link checker in tests/ guards it.
- Links to pages left out of the print page lead nowhere; they go to the pages instead.
- It adds its stylesheets and script to every page, though only the print page uses
  them: three requests per page. Ordinary pages print with extra.css's print rules.
- Its id prefixing (`urls.update_anchor_ids`) runs a pattern that backtracks across whole
  lines of footnoted prose: 23 of the build's seconds for 39 pages. `speed_up_plugin` puts
  a pattern bounded by the tag in its place, which also prefixes the footnote ids it missed.
- Its markup is not valid HTML: a `heading-number` attribute on each section, a `<style>`
  inside the article, and ids repeated across pages (each page numbers its table captions
  from 1; a heading of one page can take the id of another page's section).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from mkdocs_print_site_plugin import urls as print_site_urls

from html_repairs import repair_markup

PRINT_PAGE = "print_page/index.html"
# The tags whose ids the plugin prefixes with the page key (headings, footnote marks and notes).
ANCHOR_ID = re.compile(r'<(h[1-6]|sup|li)\b([^>]*?\sid=")([^"]*)"', re.IGNORECASE)
PRINT_ASSETS = re.compile(r'<link rel="?stylesheet"? href="?[./]*css/print-site[\w-]*\.css"?>|<script src="?[./]*js/print-site\.js"?></script>')


def prefix_anchor_ids(page_html: str, page_key: str) -> str:
    """The plugin's `update_anchor_ids`, in one pass: id="x" becomes id="<page_key>-x"."""
    return ANCHOR_ID.sub(lambda m: f'<{m.group(1)}{m.group(2)}{page_key}-{m.group(3)}"', page_html)


def speed_up_plugin() -> None:
    """Replace the plugin's quadratic id prefixing; fail loudly if a new version renamed it."""
    if not callable(getattr(print_site_urls, "update_anchor_ids", None)):
        raise RuntimeError("mkdocs-print-site-plugin no longer has urls.update_anchor_ids: "
                           "review hooks/print_page.py against the new version")
    print_site_urls.update_anchor_ids = prefix_anchor_ids


def repair_print_page(html: str, page_urls: dict[str, str] | None = None) -> str:
    """Where a link points at '#<page>-<id>' and only '<id>' exists in that page's section,
    give the element the prefixed id, as the plugin intends; point '#.' at the home page,
    and links to pages left out of the print page (page key -> URL) at the pages themselves."""
    soup = BeautifulSoup(html, "html.parser")
    sections = {section["id"]: section for section in soup.find_all("section", class_="print-page", id=True)}
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    keys = sorted(sections, key=len, reverse=True)
    index: dict[str, dict] = {}
    for link in soup.find_all("a", href=True):
        if link["href"] == "#.":
            link["href"] = "#index"
        target = link["href"][1:] if link["href"].startswith("#") else None
        if not target or target in ids:
            continue
        if target in (page_urls or {}):
            link["href"] = f"../{page_urls[target]}"
            continue
        key = next((k for k in keys if target.startswith(f"{k}-")), None)
        element = _ids_within(sections[key], index).pop(target[len(key) + 1:], None) if key else None
        if element is not None:
            element["id"] = target
            ids.add(target)
    _make_valid(soup)
    return repair_markup(str(soup))


def _ids_within(section, index: dict[str, dict]) -> dict:
    """The section's elements by id, first one first, built once: a search per link took
    most of the build's time."""
    if section["id"] not in index:
        found: dict = {}
        for element in section.find_all(id=True):
            found.setdefault(element["id"], element)
        index[section["id"]] = found
    return index[section["id"]]


def _make_valid(soup: BeautifulSoup) -> None:
    """Data attributes for the plugin's numbering, styles in the head, and each id once
    (a page's own section keeps it; a later repeat gets a numbered suffix)."""
    for section in soup.find_all("section", attrs={"heading-number": True}):
        section["data-heading-number"] = section.attrs.pop("heading-number")
    for style in soup.body.find_all("style") if soup.body else []:
        soup.head.append(style.extract())
    owners = {section["id"]: section for section in soup.find_all("section", class_="print-page", id=True)}
    seen: set[str] = set()
    for element in soup.find_all(id=True):
        ident = element["id"]
        if owners.get(ident, element) is not element or ident in seen:
            suffix = 2
            while f"{ident}-{suffix}" in seen or f"{ident}-{suffix}" in owners:
                suffix += 1
            element["id"] = f"{ident}-{suffix}"
        seen.add(element["id"])


def drop_print_assets(html: str) -> str:
    """An ordinary page without the print page's own stylesheets and script."""
    return PRINT_ASSETS.sub("", html)
