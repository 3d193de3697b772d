"""Citing, teaching and keeping links: the cite box, machine-readable metadata, the
glossary's tooltips, the course kit's downloads, CITATION.cff and the permanent URLs."""

from __future__ import annotations

import csv
import io
import json
import re
from xml.etree import ElementTree
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from conftest import ROOT, SITE_URL, SOURCES, page_path, source_id
from glossary import abbreviations
from schema import ARTICLE_KINDS, GLOSSARY_FILE, GlossaryEntry, load_models
from sitecheck import link_problem

MANIFEST = ROOT / "data" / "permanent-urls.txt"
META = {source: get_data(source.read_text(encoding="utf-8"))[1] for source in SOURCES}
ARTICLES = [source for source in SOURCES if META[source]["kind"] in ARTICLE_KINDS]


def soup(site: Path, source: Path) -> BeautifulSoup:
    return BeautifulSoup((site / page_path(source) / "index.html").read_text(encoding="utf-8"), "html.parser")


def manifest() -> list[str]:
    lines = MANIFEST.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("source", SOURCES, ids=source_id)
def test_every_page_has_highwire_open_graph_and_json_ld(site, source):
    page = soup(site, source)
    meta = {tag.get("name") or tag.get("property"): tag["content"] for tag in page.find_all("meta", content=True)}
    url = SITE_URL + page_path(source)
    assert meta["citation_title"] == META[source]["title"]
    assert meta["citation_author"] == "OIC Cooperative Defense Reference"
    assert meta["citation_publication_date"] == META[source]["last_reviewed"].strftime("%Y/%m/%d")
    assert meta["citation_public_url"] == meta["og:url"] == url
    assert meta["og:title"] == META[source]["title"] and meta["og:description"] == META[source]["description"]
    article = json.loads(page.find("script", type="application/ld+json").string)
    assert article["@type"] == "Article" and article["headline"] == META[source]["title"]
    assert article["dateModified"] == META[source]["last_reviewed"].isoformat()
    assert article["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert article["publisher"]["@type"] == "Organization" and article["url"] == url


@pytest.mark.parametrize("source", SOURCES, ids=source_id)
def test_every_page_has_a_cite_box_and_report_link_and_articles_a_reading_time(site, source):
    page = soup(site, source)
    box = page.find("section", class_="cite-box")
    styles = {code["id"]: code.get_text() for code in box.find_all("code")}
    assert set(styles) == {"cite-apa", "cite-chicago", "cite-bibtex"}
    for text in styles.values():
        assert META[source]["title"] in text and SITE_URL + page_path(source) in text
        assert "[date you read it]" in text  # filled in by the browser; visible without JavaScript
    assert len(box.find_all("button", attrs={"data-clipboard-target": True})) == 3
    if META[source]["kind"] in ARTICLE_KINDS:
        assert "min read" in page.find("p", class_="page-facts").get_text()
    assert "issues/new?title=" in page.find("p", class_="report-error").a["href"]


def test_cite_box_fills_in_todays_date_and_copies_in_one_click(browser, served):
    if not ARTICLES:
        pytest.skip("no article pages yet")
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(served + page_path(ARTICLES[0]), wait_until="networkidle")
    today = page.evaluate("new Date().toISOString().slice(0, 10)")
    assert today in page.locator("#cite-bibtex").inner_text()
    page.locator("button[data-clipboard-target='#cite-apa']").click()
    page.wait_for_function("navigator.clipboard.readText().then(text => text.length > 0)")
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied.startswith("OIC Cooperative Defense Reference. (") and "[date you read it]" not in copied


def test_every_glossary_acronym_has_a_tooltip(site):
    entries = [entry for entry, _ in load_models(GLOSSARY_FILE, GlossaryEntry, "glossary term")[0]]
    lines = abbreviations(entries).splitlines()
    assert len(lines) == len({e.acronym for e in entries if e.acronym})
    glossary = soup(site, ROOT / "docs" / "glossary.md")
    tooltips = {abbr.get_text(): abbr["title"] for abbr in glossary.find_all("abbr")}
    for entry in entries:
        assert glossary.find(id=entry.anchor), f"no anchor for {entry.term}"
        if entry.acronym:
            assert tooltips.get(entry.acronym) == entry.term


def test_syllabus_csv_lists_every_page_with_its_permanent_url(site):
    rows = list(csv.DictReader(io.StringIO((site / "teach" / "syllabus.csv").read_text(encoding="utf-8"))))
    assert sorted(row["url"] for row in rows) == sorted(SITE_URL + page_path(source) for source in SOURCES)
    assert all(row["summary"] and int(row["reading_minutes"]) >= 1 for row in rows)


def test_feed_is_atom_with_the_changes(site):
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.parse(site / "feed.xml").getroot()
    assert feed.tag == f"{atom}feed"
    entries = feed.findall(f"{atom}entry")
    assert entries and all(entry.find(f"{atom}link").get("href").startswith(SITE_URL) for entry in entries)


def test_every_permanent_url_still_resolves(site):
    home = site.resolve() / "index.html"
    problems = {url: link_problem(site.resolve(), home, SITE_URL + url.lstrip("/"), SITE_URL) for url in manifest()}
    assert {url: problem for url, problem in problems.items() if problem} == {}


def test_every_page_is_in_the_permanent_url_manifest():
    listed = set(manifest())
    missing = [f"/{page_path(source)}" for source in SOURCES if f"/{page_path(source)}" not in listed]
    assert missing == [], f"add these lines to {MANIFEST.relative_to(ROOT)}"


def test_citation_cff_is_valid():
    import jsonschema
    import yaml

    cff = json.loads(json.dumps(yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8")), default=str))
    schema = json.loads((ROOT / "tests" / "schemas" / "citation-file-format-1.2.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(cff, schema, format_checker=jsonschema.FormatChecker())


def test_a_broken_citation_cff_is_refused():
    import jsonschema

    schema = json.loads((ROOT / "tests" / "schemas" / "citation-file-format-1.2.0.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError, match="'authors' is a required property"):
        jsonschema.validate({"cff-version": "1.2.0", "message": "Cite it.", "title": "T"}, schema)


def test_reading_times_agree_on_the_page_the_course_kit_and_the_csv(site):
    rows = {row["url"]: int(row["reading_minutes"])
            for row in csv.DictReader(io.StringIO((site / "teach" / "syllabus.csv").read_text(encoding="utf-8")))}
    teach = soup(site, ROOT / "docs" / "teach" / "index.md")
    listed = {}
    for row in teach.find_all("tr"):
        cells = row.find_all("td")
        if len(cells) == 4 and cells[1].code:
            listed[cells[1].code.get_text()] = int(cells[3].get_text().split()[0])
    for source in ARTICLES:
        url = SITE_URL + page_path(source)
        shown = int(re.search(r"(\d+) min read", soup(site, source).find("p", class_="page-facts").get_text())[1])
        assert shown == listed[url] == rows[url], f"{url}: page {shown}, /teach/ {listed[url]}, CSV {rows[url]}"


def test_the_dataset_version_is_the_latest_release_everywhere(site):
    import yaml

    latest = yaml.safe_load((ROOT / "data" / "releases.yml").read_text(encoding="utf-8"))[0]["version"]
    assert str(yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))["version"]) == latest
    assert json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))["version"] == latest
    data_page = (site / "data" / "index.html").read_text(encoding="utf-8")
    assert f"version {latest}" in data_page
