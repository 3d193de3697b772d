"""Checks over the one built site: a clean strict build, metadata, references and source links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from citations import cited_keys, sort_key
from conftest import DOCS, SITE_URL, SOURCES, page_path, source_id
from dataset import load_dataset
from schema import load_bibliography


def built_page(site: Path, source: Path) -> Path:
    return site / page_path(source) / "index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_strict_build_passes_without_warnings(build):
    log = build.stderr + build.stdout
    assert build.returncode == 0, log
    assert not re.search(r"^(WARNING|ERROR)", log, flags=re.MULTILINE), log


@pytest.mark.parametrize("source", SOURCES, ids=source_id)
def test_page_metadata_comes_from_front_matter(site, source):
    _, meta = get_data(source.read_text(encoding="utf-8"))
    page = soup(built_page(site, source))
    assert page.find("meta", attrs={"name": "description"})["content"] == meta["description"]
    assert page.find("link", rel="canonical")["href"].startswith(SITE_URL)
    assert page.find("a", rel="edit")["href"].endswith(f"/docs/{source.relative_to(DOCS).as_posix()}")


@pytest.mark.parametrize("source", SOURCES, ids=source_id)
def test_cited_works_appear_as_numbered_notes_under_references(site, source):
    keys = cited_keys(source.read_text(encoding="utf-8"))
    page = soup(built_page(site, source))
    if not keys:
        return
    heading = page.find("h2", id="references")
    assert heading is not None, "a page that cites works needs the generated References section"
    notes = heading.find_next("div", class_="footnote").find_all("li")
    assert keys <= {note["id"].removeprefix("fn:").split("--")[0] for note in notes}  # tables from data add more


def test_every_reference_is_cited_by_a_page_or_a_record_and_listed_once_alphabetically(site):
    references, problems = load_bibliography()
    assert problems == []
    cited = set().union(*(cited_keys(source.read_text(encoding="utf-8")) for source in SOURCES))
    dataset, _ = load_dataset(set(references))
    cited |= {key for records in dataset.values() for record in records for key in record.sources}
    assert sorted(set(references) - cited) == [], "bibliography entries that no page cites"
    letters = sorted(path.parent for path in (site / "references").glob("*/index.html"))
    letters.sort(key=lambda folder: (folder.name != "0-9", folder.name))
    listed = [p["id"] for folder in letters for p in soup(folder / "index.html").find_all("p", class_="reference")]
    assert listed == [r.key for r in sorted(references.values(), key=sort_key)]


def test_old_reference_links_land_on_the_letter_page(site, browser, served):
    from citations import by_letter

    references, _ = load_bibliography()
    key = by_letter(references)["S"][0].key
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{served}references/#{key}")
    page.wait_for_url(f"{served}references/s/#{key}")
    assert page.locator(f"[id='{key}']").is_visible()
    context.close()


def test_sitemap_uses_the_configured_site_url(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}</loc>" in sitemap
    assert f"<loc>{SITE_URL}scope/</loc>" in sitemap


def test_no_placeholder_comment_or_raw_citation_survives_into_the_html(site):
    problems = []
    for path in sorted(site.rglob("*.html")):
        page = soup(path)
        for code in page.find_all(["code", "pre"]):
            code.decompose()
        text = page.get_text(" ")
        problems += [f"{path.relative_to(site)}: {match.group(0)!r}"
                     for match in re.finditer(r"<!--.{0,40}|\[@[^\]\n]{0,40}\]?", text)]
    assert problems == []


def test_pages_defer_the_theme_bundle_and_run_its_dependants_after_it(site):
    """hooks/critical_path.py defers the bundle; a classic inline script that uses `document$`
    would then run before the bundle defines it, so each such script must be a module."""
    problems = []
    for path in sorted(site.rglob("*.html")):
        if path.parent.name == "print_page":
            continue  # the print-site plugin writes this page after the hooks have run
        page = soup(path)
        where = path.relative_to(site)
        bundles = [s for s in page.find_all("script", src=True) if "javascripts/bundle." in s["src"]]
        problems += [f"{where}: bundle not deferred" for s in bundles if not s.has_attr("defer")]
        problems += [f"{where}: {link['href']} linked, not inline" for link in page.find_all("link", rel="stylesheet")
                     if re.search(r"palette\.[0-9a-f]+\.min\.css$|stylesheets/extra\.css$", link["href"])]
        problems += [f"{where}: a classic script uses document$" for s in page.find_all("script", src=False)
                     if "document$" in s.get_text() and s.get("type") != "module"]
    assert problems == []


def test_pages_start_in_the_sites_colours_and_inline_no_other_palette(site):
    """The body names the colours mkdocs.yml chooses before any script runs, so the first paint
    and a reader without JavaScript see the site's teal, not the theme's indigo; the inline
    palette stylesheet carries no other colour (hooks/unused_css.py)."""
    problems = []
    for path in [site / "index.html", site / "cases" / "baghdad-pact-cento" / "index.html", site / "404.html"]:
        page = soup(path)
        colours = {key: page.body.get(f"data-md-color-{key}") for key in ("primary", "accent")}
        if colours != {"primary": "custom", "accent": "custom"}:
            problems.append(f"{path.relative_to(site)}: body starts as {colours}")
        styles = " ".join(style.get_text() for style in page.find_all("style"))
        problems += [f"{path.relative_to(site)}: inline palette rule for {colour}"
                     for colour in sorted(set(re.findall(r"\[data-md-color-(?:primary|accent)=([\w-]+)\]", styles)))]
    assert problems == []


@pytest.mark.parametrize("source", SOURCES, ids=source_id)
def test_article_sections_render_lazily_and_their_headings_stay_outside(site, source):
    """hooks/offscreen.py: the body under each section heading is wrapped, and the headings
    stay outside, where the table of contents reads their positions without laying out the text."""
    article = soup(built_page(site, source)).find("article")
    levels = ["h2", "h3", "h4", "h5", "h6"]
    problems = []
    for heading in article.find_all(levels, recursive=False):
        body = heading.find_next_sibling()
        if body is None or body.name in levels or "footnote" in body.get("class", []):
            continue  # nothing of its own under this heading
        if "section-body" not in body.get("class", []):
            problems.append(f"{source}: the body under #{heading.get('id')} is not wrapped")
    problems += [f"{source}: a heading inside a section body" for body in article.select(":scope > .section-body")
                 if body.find(levels, recursive=False)]
    assert problems == []
