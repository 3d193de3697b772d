"""Checks over a built site: links and anchors, and requests to other hosts.

Each function takes the site folder and returns one line per problem,
`page: problem`, so a test can show exactly what is wrong and where.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

# <link rel=...> values that name a relation and fetch nothing.
NON_FETCHING_RELS = {"canonical", "alternate", "author", "license", "next", "prev", "me", "edit", "help", "search"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+(?:url\()?\s*['"]([^'"]+)""")
URL_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src",
                  "iframe": "src", "audio": "src", "video": "src", "embed": "src", "object": "data"}


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@cache
def _ids(path: Path) -> frozenset[str]:
    soup = _soup(path)
    return frozenset([tag["id"] for tag in soup.find_all(id=True)] + [tag["name"] for tag in soup.find_all("a", attrs={"name": True})])


def _name(site: Path, page: Path) -> str:
    return page.relative_to(site).as_posix()


def _is_offsite(url: str, site_host: str) -> bool:
    parts = urlsplit(url)
    return (parts.scheme in {"http", "https"} or url.startswith("//")) and parts.netloc != site_host


def _target(site: Path, page: Path, path: str, base_path: str) -> Path:
    """The file a link points at: relative to the page, or absolute under the site's base path."""
    if path.startswith("/"):
        target = (site / unquote(path).removeprefix(base_path).lstrip("/")).resolve()
    else:
        target = (page.parent / unquote(path)).resolve()
    return target / "index.html" if target.is_dir() or path.endswith("/") else target


def link_problem(site: Path, page: Path, url: str, site_url: str) -> str | None:
    """What is wrong with one link on one page of the built site, or None."""
    if not url.strip():
        return "empty link"
    base_path = urlsplit(site_url).path
    if url.startswith(site_url):
        url = base_path + url[len(site_url):]
    parts = urlsplit(url)
    if parts.scheme in {"mailto", "tel", "data"}:
        return None
    if parts.scheme or url.startswith("//"):
        if parts.scheme != "https":
            return "external link is not https"
        return "malformed external link" if "." not in parts.netloc or " " in url else None
    target = _target(site, page, parts.path, base_path) if parts.path else page
    if target.suffix == ".md":
        return "points at a Markdown source, not a built page"
    if not target.exists():
        return f"no such file {target.relative_to(site).as_posix() if target.is_relative_to(site) else target}"
    if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target):
        return f"no anchor #{parts.fragment} in {_name(site, target)}"
    return None


def check_links(site: Path, site_url: str) -> list[str]:
    """Internal links resolve, anchors exist, no .md targets, no empty links, external links are https."""
    problems = []
    site = site.resolve()
    for page in html_files(site):
        for tag in _soup(page).find_all(list(URL_ATTRIBUTES)):
            url = tag.get(URL_ATTRIBUTES[tag.name])
            if url is not None and (problem := link_problem(site, page, url, site_url)):
                problems.append(f"{_name(site, page)}: <{tag.name}> {url!r}: {problem}")
    return problems


def _css_urls(text: str) -> list[str]:
    return [first or second for first, second in CSS_URL.findall(text)]


def _srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def check_offsite(site: Path, site_url: str) -> list[str]:
    """Nothing a page or stylesheet loads comes from another host."""
    host = urlsplit(site_url).netloc
    problems = []
    for page in html_files(site):
        soup, name = _soup(page), _name(site, page)
        loads: list[tuple[str, str]] = []
        for tag in soup.find_all(["script", "img", "iframe", "source", "audio", "video", "embed", "track"]):
            loads += [(tag.name, tag[attr]) for attr in ("src", "data") if tag.get(attr)]
            if tag.get("srcset"):
                loads += [(f"{tag.name} srcset", url) for url in _srcset_urls(tag["srcset"])]
        for tag in soup.find_all("object", data=True):
            loads.append(("object", tag["data"]))
        for tag in soup.find_all("link", href=True):
            if not NON_FETCHING_RELS.intersection(tag.get("rel", [])):
                loads.append(("link", tag["href"]))
        for tag in soup.find_all("style"):
            loads += [("style", url) for url in _css_urls(tag.get_text())]
        for tag in soup.find_all(style=True):
            loads += [("style attribute", url) for url in _css_urls(tag["style"])]
        problems += [f"{name}: <{kind}> loads {url} from another host" for kind, url in loads if _is_offsite(url, host)]
    for sheet in sorted(site.rglob("*.css")):
        problems += [f"{_name(site, sheet)}: loads {url} from another host"
                     for url in _css_urls(sheet.read_text(encoding="utf-8")) if _is_offsite(url, host)]
    return problems
