"""A first paint that waits for less.

The theme links its palette stylesheet and ours as files in the head, and loads its script
bundle at the end of the body without `defer`: Lighthouse counts all of them as
render-blocking requests. Each page therefore carries the two small stylesheets inline,
compacted (about 3 KB gzipped together), and the bundle is deferred. On the home page this
brought the first contentful paint from about 1.6 s to 0.9 s (Lighthouse mobile,
scripts/benchmark.py).
The palette stylesheet goes in without the colours the palette options do not choose
(hooks/unused_css.py). The theme's main stylesheet stays a cached file: at 17 KB gzipped it
would weigh on every page view. Scripts that use the bundle's `document$` are modules
(overrides/), so they run after the deferred bundle; a classic one would run before it and fail.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path

from csscompressor import compress

from unused_css import Palette, drop_unused_rules

INLINED_STYLESHEET = re.compile(
    r'<link rel="?stylesheet"? href="?([^\s">]*(?:assets/stylesheets/palette\.[0-9a-f]+\.min\.css'
    r'|stylesheets/extra\.css))"?\s*/?>')
BUNDLE = re.compile(r'<script (src="?[^\s">]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"?)>')


def shorten_critical_path(html: str, page_url: str, site_dir: Path, base_path: str = "/",
                          palette: Palette | None = None) -> str:
    """The page with the small stylesheets inline and the theme's bundle deferred. A stylesheet
    is read from the built site: its link is relative to the page's URL, or (on 404.html)
    absolute under the site's base path. `palette`: the colours the palette options choose."""
    def inline(match: re.Match) -> str:
        href = match.group(1)
        if href.startswith("/"):
            href = "/" + href.removeprefix(base_path)
        path = site_dir / posixpath.normpath(posixpath.join(posixpath.dirname("/" + page_url), href)).lstrip("/")
        if not path.is_file():
            raise FileNotFoundError(f"{page_url or '/'}: stylesheet {match.group(1)} to inline is not in the built site ({path})")
        return "<style>" + _compacted(path, path.stat().st_mtime_ns, palette) + "</style>"

    return BUNDLE.sub(r"<script defer \1>", INLINED_STYLESHEET.sub(inline, html))


@lru_cache(maxsize=8)
def _compacted(path: Path, mtime_ns: int, palette: Palette | None) -> str:
    """Compacted once per file version, not once per page (2.3 s of a 139-page build);
    the modification time in the key lets `mkdocs serve` pick up an edited stylesheet."""
    return compress(drop_unused_rules(path.read_text(encoding="utf-8"), palette=palette))
