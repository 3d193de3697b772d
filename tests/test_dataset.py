"""The dataset's checks report each bad record with its file, line, id, field and problem."""

from conftest import FIXTURES
from dataset import load_dataset, spell_problems, Spell

REFERENCES = {"fixture-charter"}


def test_broken_records_are_reported_precisely():
    _, problems = load_dataset(REFERENCES, FIXTURES / "data_broken")
    states, organisations, agreements = (f"tests/fixtures/data_broken/{k}.yml" for k in ("states", "organisations", "agreements"))
    assert f"{states}:8: record 'XXX': field 'sources': unknown source key 'no-such-source'" in problems
    assert any(p.startswith(f"{states}:8: record 'XXX': field '(record)': Value error, unknown ISO 3166-1")
               or p.startswith(f"{states}:8: record 'XXX': field '(record)': unknown ISO 3166-1") for p in problems), problems
    assert f"{organisations}:1: record 'fixture-pact': field '(record)': ended (1950) is before founded (1955)" in problems
    assert f"{agreements}:1: record 'fixture-pact': field '(record)': in_force (2025-01-01) is before signed (2025-09-17)" in problems
    assert f"{agreements}:10: record 'bad-type': field 'type': Extra inputs are not permitted" in problems
    assert f"{agreements}:10: record 'bad-type': field 'parties.1': unknown ISO 3166-1 alpha-3 country code 'ZZZ'" in problems
    assert f"{agreements}:18: record 'miscoded': field 'defense': Input should be a valid boolean, unable to interpret input" in problems
    assert any(p.startswith(f"{agreements}:18: record 'miscoded': field 'text_status': Input should be 'published'") for p in problems)
    assert (f"{agreements}:30: record 'no-note': field '(record)': status 'unknown' needs a note on what the sources "
            "do and do not say") in problems
    assert (f"{agreements}:37: record 'stray-party': field '(record)': conditions are given, so conditional must be true; "
            "IRN has spells or obligations but is not among the parties") in problems
    assert ("tests/fixtures/data_broken/exercises.yml:1: record 'undated-exercise': field '(record)': "
            "give first_year or at least one of editions, so the series can be placed in time") in problems


def test_broken_invocations_are_reported_precisely():
    _, problems = load_dataset(REFERENCES, FIXTURES / "data_broken")
    invocations = "tests/fixtures/data_broken/invocations.yml"
    assert any(p.startswith(f"{invocations}:1: record 'asks-nothing-known': field 'kind': Input should be 'request'")
               for p in problems)
    assert f"{invocations}:11: record 'two-instruments': field '(record)': give exactly one of agreement or organisation" in problems
    assert f"{invocations}:21: record 'unknown-agreement': field 'agreement': no agreements record 'no-such-agreement'" in problems


def test_membership_spells_must_not_overlap_or_run_backwards():
    spells = [Spell(state="PAK", joined="1955", left="1979"), Spell(state="PAK", joined="1970"),
              Spell(state="TUR", joined="1960", left="1958")]
    assert spell_problems(spells) == [
        "TUR left (1958) before joining (1960)",
        "PAK has overlapping membership spells (1955-1979 and 1970-now)",
    ]


def test_duplicate_ids_across_kinds_are_reported():
    _, problems = load_dataset(REFERENCES, FIXTURES / "data_broken")
    assert any("record 'fixture-pact': field 'id': duplicate id (also in tests/fixtures/data_broken/organisations.yml)" in p
               for p in problems), problems


def good_dataset():
    dataset, problems = load_dataset(REFERENCES, FIXTURES / "data_good")
    assert problems == []
    return dataset


def test_maps_fill_members_and_observers_and_name_every_country():
    from figures import oic_map, organisation_map

    svg = oic_map(good_dataset()["states"])
    assert '<title id="map-oic-title">OIC member and observer states</title>' in svg
    assert "2 OIC member states and 1 observer states" in svg
    assert svg.count('<path class="fig-member"') == 2 and svg.count('<path class="fig-observer"') == 1  # Bahrain is drawn too
    assert ">Member state</text>" in svg and ">Observer state</text>" in svg  # the legend is inside the figure
    former = organisation_map(good_dataset()["organisations"][0], on="2020")
    assert "0 current and 2 former members" in former
    assert former.count("<path ") < svg.count("<path ")  # cropped to its members


def test_outlines_simplified_once_per_scale_match_those_simplified_in_pixels():
    """figures._simplified simplifies in degrees and shares the result across maps at one scale;
    the projection only scales and shifts, so the outline must be the one drawn from pixels."""
    from figures import _project, _simplified, _simplify, _world, region_bounds

    index = next(i for i, (code, _) in enumerate(_world()) if code == "IDN")
    for bounds, width in [(region_bounds({"IDN"}), 720), (region_bounds({"MYS"}, 14.0, 40.0), 360)]:
        scale = width / (bounds[1] - bounds[0])
        in_pixels = [_simplify([_project(lon, lat, bounds, width) for lon, lat in ring], 1.5) for ring in _world()[index][1]]
        in_degrees = [[_project(lon, lat, bounds, width) for lon, lat in ring] for ring in _simplified(index, scale)]
        assert [len(ring) for ring in in_degrees] == [len(ring) for ring in in_pixels]
        assert all(abs(a - b) < 1e-6 for ra, rb in zip(in_degrees, in_pixels) for pa, pb in zip(ra, rb) for a, b in zip(pa, pb))


def test_timeline_and_matrix_state_what_they_show():
    from figures import agreement_matrix_svg, timeline_svg

    dataset = good_dataset()
    timeline = timeline_svg(dataset, this_year=2026)
    assert "2 agreements, 1 organisations and 1 exercise series" in timeline
    assert timeline.count('<circle class="fig-agreements"') == 2 + 1  # two rows and the legend
    assert "1 diamonds mark the years" in timeline and timeline.count('<path class="fig-invocation"') == 1 + 1
    matrix = agreement_matrix_svg(dataset["agreements"])
    assert "4 states; 4 pairs share at least one recorded agreement: 1 with a defense obligation, 3 with another" in matrix
    assert matrix.count('<rect class="fig-tie-defense" x="4"') == 1  # the legend
    assert matrix.count("<title>Pakistan–Saudi Arabia</title>") == 1


def test_downloads_cover_every_kind_and_field():
    import csv, datetime, io, json
    from downloads import dataset_files
    from releases import Release

    release = Release(version="2026.12", date=datetime.date(2026, 12, 7), summary="A fixture release.")
    files = dataset_files(good_dataset(), release, this_year=2026)
    package = json.loads(files["datapackage.json"])
    assert [r["name"] for r in package["resources"]] == ["states", "organisations", "agreements", "exercises", "programs",
                                                          "invocations", "agreement-dyad-years"]
    assert package["version"] == "2026.12" and "version 2026.12" in package["description"]
    organisations = list(csv.DictReader(io.StringIO(files["organisations.csv"])))
    assert organisations[0]["members"] == "PAK:1955-1979;TUR:1955-1979"
    assert all(field["description"] for r in package["resources"] for field in r["schema"]["fields"])
    assert json.loads(files["programs.json"])[0]["partners"] == ["PAK", "CHN"]
    agreements = {row["id"]: row for row in csv.DictReader(io.StringIO(files["agreements.csv"]))}
    assert agreements["fixture-defense"]["defense"] == "true" and agreements["fixture-defense"]["offense"] == ""
    assert agreements["fixture-defense"]["parties_cow"] == "770;670"
    assert agreements["fixture-cooperation"]["strongest_obligation"] == "consultation"
    schema = {r["name"]: r["schema"] for r in package["resources"]}
    assert schema["invocations"]["foreignKeys"][0] == {"fields": ["agreement"], "reference": {"resource": "agreements", "fields": ["id"]}}
    status = next(f for f in schema["agreements"]["fields"] if f["name"] == "status")
    assert status["constraints"] == {"enum": ["in force", "ended", "suspended", "unknown"], "required": True}


def test_dyad_years_follow_entry_into_force_spells_and_status():
    from downloads import dyad_years

    rows = dyad_years(good_dataset()["agreements"], this_year=2026)
    pairs = {(r["agreement"], r["year"], r["state_a"], r["state_b"]) for r in rows}
    assert ("fixture-defense", 2025, "PAK", "SAU") in pairs
    assert not any(r["agreement"] == "fixture-defense" and r["year"] > 2025 for r in rows)  # as_of 2024: not past its check
    assert ("fixture-cooperation", 2010, "PAK", "TUR") in pairs
    assert ("fixture-cooperation", 2011, "AZE", "PAK") not in pairs and ("fixture-cooperation", 2012, "AZE", "PAK") in pairs


def test_cow_codes_come_from_countrycode_and_match_the_cow_list():
    from dataset import cow_codes

    known = {"USA": 2, "GBR": 200, "RUS": 365, "EGY": 651, "IRN": 630, "TUR": 640, "IRQ": 645, "SAU": 670, "KWT": 690,
             "BHR": 692, "QAT": 694, "ARE": 696, "OMN": 698, "PAK": 770, "BGD": 771, "MYS": 820, "IDN": 850, "NGA": 475}
    assert cow_codes(set(known)) == known
    assert cow_codes({"PSE"}) == {"PSE": None}


def test_record_tables_bold_oic_members_and_cite_each_row():
    from data_pages import render_records

    table = render_records("exercises", good_dataset(), columns=["name", "participants", "first_year"])
    assert table.startswith('<div class="sortable-table" markdown>')  # the browser makes these sortable
    assert "| Name | Participants | First year | Sources |" in table
    assert "| Fixture Exercise | **Pakistan**, Türkiye | 2007 | [@fixture-charter] |" in table


def test_record_tables_name_a_missing_record_or_field():
    import pytest
    from data_pages import render_records
    from schema import ContentError

    with pytest.raises(ContentError, match=r"no exercises records with ids \['nope'\]"):
        render_records("exercises", good_dataset(), ids=["nope"])
    with pytest.raises(ContentError, match="exercises records have no field 'clause'"):
        render_records("exercises", good_dataset(), columns=["name", "clause"])
    with pytest.raises(ContentError, match="unknown record kind 'agreement'"):
        render_records("agreement", good_dataset())


def test_cases_name_their_records_by_id_and_unknown_ids_stop_the_build():
    import pytest
    from data_pages import render_records_by_id
    from schema import ContentError

    tables = render_records_by_id(["fixture-exercise", "PAK"], good_dataset())
    assert tables.index("**States**") < tables.index("**Exercises**")  # grouped in the dataset's order of kinds
    assert "| Pakistan | PAK |" in tables.replace("**Pakistan**", "Pakistan")
    with pytest.raises(ContentError, match="no dataset record with id 'nope'"):
        render_records_by_id(["nope"], good_dataset())
