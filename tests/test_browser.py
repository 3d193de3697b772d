"""Every built page in Debian's Chromium: clean loads, accessibility in both palettes,
phones, keyboards and readers without JavaScript."""

from __future__ import annotations

import pytest

from browser import OUTPUT, render_all
from conftest import GENERATED_SAMPLE, SOURCES, page_path, source_id

PATHS = [page_path(source) for source in SOURCES] + GENERATED_SAMPLE
IDS = [source_id(source) for source in SOURCES] + GENERATED_SAMPLE
SCREENSHOT_ARTICLE = "scope/"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_page_loads_without_errors_and_only_from_localhost(context, served, path):
    problems: list[str] = []
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url} {request.failure}"))
    page.on("request", lambda request: request.url.startswith((served, "data:", "blob:"))
            or problems.append(f"off-site request: {request.url}"))
    page.goto(served + path, wait_until="networkidle")
    assert problems == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_axe_finds_no_violations(browser, served, path, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(served + path, wait_until="networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    render_all(page)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    context.close()
    violations = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
                  for v in results.response["violations"]]
    assert violations == []


# The narrowest rendering a reader can get: a condensed system font at a small base size.
NARROW_FONTS = ("html { font-size: 100% !important; } body, input, .md-typeset, .md-nav, .md-header, .md-tabs "
                "{ font-family: 'DejaVu Sans Condensed', 'Liberation Sans Narrow', sans-serif !important; }")
TARGET_PAGES = ["cases/aman-naval-exercises/", "cases/malacca-sulu-patrols/", "cases/", "cooperation/mutual-defense/"]


@pytest.mark.parametrize("path", TARGET_PAGES)
def test_touch_targets_stay_24px_with_the_narrowest_fonts(browser, served, path):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context()
    page = context.new_page()
    page.goto(served + path, wait_until="networkidle")
    page.add_style_tag(content=NARROW_FONTS)
    render_all(page)
    page.evaluate("document.fonts.ready.then(() => true)")
    assert "Condensed" in page.evaluate("getComputedStyle(document.querySelector('.md-nav__link')).fontFamily")
    results = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["target-size"]}})
    context.close()
    assert [[n["target"] for n in v["nodes"][:5]] for v in results.response["violations"]] == []


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    yield context
    context.close()


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_nothing_scrolls_sideways_on_a_phone(phone, served, path):
    page = phone.new_page()
    page.goto(served + path, wait_until="networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than a 375px screen"


def test_the_navigation_drawer_opens_and_its_links_work_on_a_phone(phone, served):
    page = phone.new_page()
    page.goto(served, wait_until="networkidle")
    page.locator("label.md-header__button[for='__drawer']").click()
    drawer = page.locator("nav.md-nav--primary")
    link = drawer.get_by_role("link", name="About", exact=True)
    link.wait_for(state="visible")
    link.click()
    page.wait_for_url(f"{served}about/")
    assert page.locator("h1").first.inner_text().startswith("About")


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_pages_are_readable_without_javascript(browser, served, path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + path)
    assert page.locator("article h1").first.is_visible()
    assert page.locator("nav.md-nav--primary a[href]").count() >= 4
    if page.locator("h2#references").count():
        assert page.locator("div.footnote li").first.is_visible()
    context.close()


def test_keyboard_reaches_skip_link_with_visible_focus_and_search(context, served):
    page = context.new_page()
    page.goto(served + "about/", wait_until="networkidle")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => ({text: document.activeElement.textContent.trim(),"
                            " outline: getComputedStyle(document.activeElement).outlineStyle,"
                            " shadow: getComputedStyle(document.activeElement).boxShadow})")
    assert focused["text"] == "Skip to content"
    assert focused["outline"] != "none" or focused["shadow"] != "none", "focus must be visible"
    target = page.locator("a.md-skip").get_attribute("href")
    page.keyboard.press("Enter")
    # A reader's next key comes once the skip link's jump has landed, so the test waits for
    # the address to carry the target.
    page.wait_for_function("target => location.hash === new URL(target, location.href).hash", arg=target)
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement.getAttribute('aria-label') === 'Search'")


def test_record_tables_sort_by_keyboard_and_leave_sources_alone(context, served):
    page = context.new_page()
    page.goto(served + "cooperation/mutual-defense/", wait_until="networkidle")
    table = page.locator(".sortable-table table").first
    signed = table.locator("th", has_text="Signed")
    signed.focus()
    page.keyboard.press("Enter")
    assert signed.get_attribute("aria-sort") in ("ascending", "descending")
    dates = table.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert dates in (sorted(dates), sorted(dates, reverse=True)) and len(dates) > 3
    assert table.locator("th", has_text="Sources").get_attribute("data-sort-method") == "none"


FIGURE_PAGES = ["", "data/maps/", "data/timeline/", "states/mys/"]
TEXT_BOXES = """() => [...document.querySelectorAll('svg.data-svg')].map(svg => {
  const frame = svg.getBoundingClientRect();
  const boxes = [...svg.querySelectorAll('text')].map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom};
  });
  return {id: svg.id || svg.getAttribute('aria-labelledby'), frame: {left: frame.left, right: frame.right,
          top: frame.top, bottom: frame.bottom}, boxes};
})"""


@pytest.mark.parametrize("width", [1366, 375])
@pytest.mark.parametrize("path", FIGURE_PAGES)
def test_figure_text_is_never_clipped_or_overlapping(browser, served, path, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(served + path, wait_until="networkidle")
    figures = page.evaluate(TEXT_BOXES)
    context.close()
    assert figures, "no figure on the page"
    problems = []
    for figure in figures:
        frame = figure["frame"]
        for box in figure["boxes"]:
            if box["left"] < frame["left"] - 0.5 or box["right"] > frame["right"] + 0.5 or \
                    box["top"] < frame["top"] - 0.5 or box["bottom"] > frame["bottom"] + 0.5:
                problems.append(f"{figure['id']}: {box['text'][:40]!r} is clipped by the figure's edge")
        for i, a in enumerate(figure["boxes"]):
            for b in figure["boxes"][i + 1:]:
                if min(a["right"], b["right"]) - max(a["left"], b["left"]) > 0.5 and \
                        min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5:
                    problems.append(f"{figure['id']}: {a['text'][:30]!r} overlaps {b['text'][:30]!r}")
    assert problems == []


def test_an_articles_first_sentence_starts_on_the_first_phone_screen(phone, served):
    page = phone.new_page()
    page.goto(served + "cases/imctc/", wait_until="networkidle")
    top = page.evaluate("document.querySelector('article p:not(.page-facts):not(.page-tags)').getBoundingClientRect().top")
    assert top < 812 / 2, f"the first paragraph starts {top:.0f}px down an 812px screen"


def test_screenshots_for_review(browser, served):
    """Not an assertion: pictures of the home page and an article, for people to look at."""
    OUTPUT.mkdir(exist_ok=True)
    shots = {"desktop": {"viewport": {"width": 1280, "height": 900}},
             "mobile": {"viewport": {"width": 375, "height": 812}, "is_mobile": True},
             "dark": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "dark"}}
    for name, options in shots.items():
        context = browser.new_context(**options)
        page = context.new_page()
        for label, path in {"home": "", "article": SCREENSHOT_ARTICLE, "case": "cases/iran-gulf-wars-2025-2026/",
                            "maps": "data/maps/", "timeline": "data/timeline/", "profile": "states/mys/"}.items():
            page.goto(served + path, wait_until="networkidle")
            page.screenshot(path=OUTPUT / f"{label}-{name}.png")
        context.close()
    assert len(list(OUTPUT.glob("*.png"))) >= 18
