"""The page and reference schema reports each bad input with its file, line, field and problem."""

import pytest

from conftest import FIXTURES
from pages import check_page, read_page
from renderers import REGISTRY
from schema import load_bibliography, load_vocabulary

PAGES = FIXTURES / "pages"


def check(path, references, vocabulary):
    return check_page(read_page(path), references, vocabulary, REGISTRY)


@pytest.fixture(scope="module")
def references():
    references, problems = load_bibliography(FIXTURES / "references_good.yml")
    assert problems == []
    return references


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary()


def test_a_valid_page_has_no_problems(references, vocabulary):
    assert check(PAGES / "good.md", references, vocabulary) == []


def test_bad_front_matter_names_file_line_field_and_problem(references, vocabulary):
    problems = check(PAGES / "bad_front_matter.md", references, vocabulary)
    page = "tests/fixtures/pages/bad_front_matter.md"
    assert f"{page}:3: front matter field 'description': String should have at most 160 characters" in problems
    assert f"{page}:4: front matter field 'kind': Input should be 'topic', 'case', 'reference' or 'guide'" in problems
    assert f"{page}:5: front matter field 'tags': unknown tag 'Atlantis' (add it to data/tags.yml or pick a listed one)" in problems
    assert f"{page}:8: front matter field 'last_reviewed': 2999-01-01 is in the future" in problems
    assert f"{page}:9: front matter field 'sponsor': Extra inputs are not permitted" in problems
    assert len(problems) == 5, problems


def test_unknown_and_malformed_citations_are_reported_with_their_line(references, vocabulary):
    problems = check(PAGES / "bad_citations.md", references, vocabulary)
    page = "tests/fixtures/pages/bad_citations.md"
    assert problems == [
        f"{page}:12: unknown citation key 'no-such-work'",
        f"{page}:14: malformed citation '[@Fixture Charter]' (write [@key], [@key, p. 4] or [@a; @b])",
    ]


def test_topic_pages_need_the_anatomy_and_no_handwritten_references(references, vocabulary):
    problems = check(PAGES / "bad_anatomy.md", references, vocabulary)
    page = "tests/fixtures/pages/bad_anatomy.md"
    assert problems == [
        f"{page}:16: has a hand-written 'References' section; the build generates it from the citations",
        f"{page}:10: missing the section '## Limits and critiques' required on topic pages",
        f"{page}:10: missing the section '## Further reading' required on topic pages",
    ]


def test_broken_bibliography_entries_are_reported_by_line_key_and_field():
    references, problems = load_bibliography(FIXTURES / "references_broken.yml")
    bib = "tests/fixtures/references_broken.yml"
    assert f"{bib}:8: reference 'fixture-charter': duplicate key" in problems
    assert f"{bib}:14: reference 'no-title': field 'title': Field required" in problems
    assert f"{bib}:19: reference 'no-author': field '(record)': needs an author or an organisation" in problems
    assert f"{bib}:25: reference 'no-access-date': field '(record)': a work with a url needs an accessed date" in problems
    assert any(p.startswith(f"{bib}:31: reference 'Bad Key': field 'key': String should match pattern") for p in problems)
    assert any(p.startswith(f"{bib}:31: reference 'Bad Key': field 'type': Input should be") for p in problems)
    assert any(p.startswith(f"{bib}:31: reference 'Bad Key': field 'date': String should match pattern") for p in problems)
    assert any(p.startswith(f"{bib}:31: reference 'Bad Key': field 'url': String should match pattern") for p in problems)
    assert f"{bib}:38: reference 'same-work-again': same work as 'fixture-charter' (same url or doi); cite that key" in problems
    assert list(references) == ["fixture-charter", "same-work-again"]


def test_the_tag_vocabulary_has_every_group():
    groups = set(load_vocabulary().values())
    assert groups == {"cooperation type", "region", "organisation", "period", "theme"}


def test_descriptions_may_not_break_html_attributes():
    import datetime as dt
    import pydantic
    from schema import PageMeta

    try:
        PageMeta(title="T", description='A description with "straight" quotes in it.', kind="guide",
                 last_reviewed=dt.date(2024, 1, 1))
    except pydantic.ValidationError as error:
        assert "description" in str(error)
    else:
        raise AssertionError("straight double quotes must be refused")


def test_a_valid_case_page_has_no_problems(references, vocabulary):
    assert check(PAGES / "good_case.md", references, vocabulary) == []


def test_case_fact_boxes_and_sections_are_checked(references, vocabulary):
    problems = check(PAGES / "bad_case.md", references, vocabulary)
    page = "tests/fixtures/pages/bad_case.md"
    assert f"{page}:8: front matter field 'case': end (2001) is before start (2008)" in problems
    assert f"{page}:8: case block: unknown citation key 'no-such-work'" in problems
    assert f"{page}:22: missing the section '## Chronology' required on case pages" in problems
    assert f"{page}:22: missing the section '## What the case shows' required on case pages" in problems
    assert len(problems) == 4, problems


def test_case_types_and_regions_must_be_tags_of_their_group(references, vocabulary):
    from schema import PageMeta

    meta = {"title": "T", "description": "A case page whose region is not among its tags.", "kind": "case",
            "tags": ["Mutual defense"], "last_reviewed": "2024-01-31",
            "case": {"parties": ["A"], "types": ["Mutual defense"], "regions": ["South Asia"], "start": 2000,
                     "status": "active", "legal_basis": "A pact", "key_dates": [{"date": 2000, "event": "Signed"}],
                     "as_of": "2024-01-31"}}
    with pytest.raises(ValueError, match="case.regions: 'South Asia' must also be among the page's tags"):
        PageMeta.model_validate(meta, context={"vocabulary": vocabulary})
    meta["case"]["types"] = ["South Asia"]
    with pytest.raises(ValueError, match="case.types: 'South Asia' is not a cooperation type tag"):
        PageMeta.model_validate(meta, context={"vocabulary": vocabulary})
