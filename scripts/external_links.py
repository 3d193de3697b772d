"""Check every external link of a built site online (run by the weekly workflow, not by the tests).

    .venv/bin/python scripts/external_links.py site/

Prints one line per link that fails and exits non-zero if any does. It needs the network,
so it cannot run in the offline test suite.
"""

from __future__ import annotations

import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bs4 import BeautifulSoup

HEADERS = {"User-Agent": "oic-defense-reference link check"}


def external_links(site: Path) -> dict[str, set[str]]:
    """Each external https link, with the pages that carry it."""
    links: dict[str, set[str]] = {}
    for page in sorted(site.rglob("*.html")):
        for tag in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("a", href=True):
            if tag["href"].startswith("https://"):
                links.setdefault(tag["href"].split("#")[0], set()).add(page.relative_to(site).as_posix())
    return links


def status(url: str) -> str | None:
    """None if the link answers, or else what went wrong."""
    for method in ("HEAD", "GET"):
        try:
            with urllib.request.urlopen(urllib.request.Request(url, method=method, headers=HEADERS), timeout=30):
                return None
        except Exception as error:  # any failure is reported, then GET is tried
            problem = str(error)
    return problem


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    links = external_links(site)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(links, pool.map(status, links)))
    failures = {url: problem for url, problem in results.items() if problem}
    for url, problem in sorted(failures.items()):
        print(f"{url}: {problem} (on {', '.join(sorted(links[url]))})")
    print(f"{len(links)} external links checked, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
