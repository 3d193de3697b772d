"""Browser fixtures: the built site served on 127.0.0.1 and Debian's Chromium driven by Playwright.

Where /usr/bin/chromium is missing the browser tests skip with one message; in CI
(CI=true) a missing browser is a failure instead. No browser is ever downloaded.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
OUTPUT = Path(__file__).resolve().parent.parent / "test-output"


def render_all(page) -> None:
    """Lay out the blocks that `content-visibility: auto` leaves unrendered until a reader
    scrolls near them (notes, figures, tables; docs/stylesheets/extra.css). axe reads contrast
    and target spacing from rendered boxes and misreads unrendered ones (axe-core issue #2768,
    open: false contrast failures under content-visibility), so it audits the page as a
    reader sees it once scrolled, not the placeholders."""
    page.add_style_tag(content="* { content-visibility: visible !important; }")


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run the browser tests"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def served(site):
    """The built site at http://127.0.0.1:<port>/."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()
