"""The dataset as published: every download valid against its data package, a release log that
agrees with the data, and a generated profile for every OIC member state."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil

import yaml

from conftest import ROOT
from releases import Release, release_problems

STATES = yaml.safe_load((ROOT / "data" / "states.yml").read_text(encoding="utf-8"))
MEMBERS = [state for state in STATES if state["oic_status"] == "member"]


def test_every_download_is_valid_against_datapackage_json(site):
    from frictionless import validate

    report = validate(site / "data" / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:20]


def test_a_changed_download_fails_its_checksum(site, tmp_path):
    from frictionless import validate

    folder = shutil.copytree(site / "data", tmp_path / "data", ignore=shutil.ignore_patterns("*.html", "codebook", "maps", "timeline"))
    states = folder / "states.csv"
    states.write_text(states.read_text(encoding="utf-8").replace("Pakistan", "Pakistan!"), encoding="utf-8")
    errors = {error[3] for error in validate(folder / "datapackage.json").flatten(["resourceName", "rowNumber", "fieldName", "type"])}
    assert "hash-count" in errors


def test_the_release_log_must_agree_with_the_data():
    class Record:
        def __init__(self, id):
            self.id = id

    dataset = {"agreements": [Record("a"), Record("b")]}
    releases = [Release(version="2026.12", date=dt.date(2026, 12, 1), summary="Second release.",
                        added={"agreements": ["b"]}, changed={"agreements": ["zzz"]}),
                Release(version="2026.11", date=dt.date(2026, 11, 1), summary="First release.", added={"agreements": ["a", "c"]})]
    assert release_problems(releases, dataset) == [
        "data/releases.yml: release 2026.12: changed agreements record 'zzz' does not exist",
        "data/releases.yml: agreements record 'c' is listed but not in data/agreements.yml",
    ]
    assert release_problems(list(reversed(releases)), dataset)[0] == "data/releases.yml: releases must be listed newest first"


def test_every_member_state_has_a_generated_profile_with_cited_rows(site):
    from bs4 import BeautifulSoup

    assert len(MEMBERS) == 57
    for state in MEMBERS:
        page = BeautifulSoup((site / "states" / state["id"].lower() / "index.html").read_text(encoding="utf-8"), "html.parser")
        heading = page.find("h1")
        for link in heading.find_all("a", class_="headerlink"):
            link.decompose()
        assert heading.get_text(strip=True) == state["name"]
        assert page.find("svg", class_="data-svg") is not None  # the locator map
        for table in page.select("article table"):
            for row in table.find_all("tr")[1:]:
                assert row.find("sup", id=True), f"{state['id']}: a row without sources: {row.get_text(' ', strip=True)[:80]}"
    pakistan = (site / "states" / "pak" / "index.html").read_text(encoding="utf-8")
    assert "Strategic Mutual Defence Agreement" in pakistan and "Saudi Arabia" in pakistan
    index = BeautifulSoup((site / "states" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a["href"] for a in index.select("article table a[href]")}
    assert {f'{state["id"].lower()}/' for state in MEMBERS} <= links


def test_dyad_years_and_states_carry_cow_codes(site):
    states = list(csv.DictReader(io.StringIO((site / "data" / "states.csv").read_text(encoding="utf-8"))))
    assert {row["id"]: row["cow_code"] for row in states}["PAK"] == "770"
    dyads = list(csv.DictReader(io.StringIO((site / "data" / "agreement_dyad_years.csv").read_text(encoding="utf-8"))))
    assert dyads and all(row["state_a"] < row["state_b"] for row in dyads)
    assert any(row["agreement"] == "saudi-pakistan-strategic-mutual-defence-2025" and row["cow_a"] == "770" for row in dyads)
