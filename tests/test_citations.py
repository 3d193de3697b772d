"""Citations become numbered notes with full references; the site-wide list is alphabetical."""

from conftest import FIXTURES
from citations import format_reference, render_bibliography, render_citations
from schema import load_bibliography

REFERENCES, _ = load_bibliography(FIXTURES / "references_good.yml")


def test_each_citation_becomes_a_footnote_under_a_references_heading():
    markdown = "One [@fixture-book]. Two [@fixture-charter, p. 3; @fixture-book]. Again [@fixture-book].\n"
    rendered = render_citations(markdown, REFERENCES)
    body, _, notes = rendered.partition("## References")
    assert body.strip() == ("One [^fixture-book]. Two [^fixture-charter--p-3]<sup>,</sup>[^fixture-book]. "
                            "Again [^fixture-book].")
    assert notes.count("[^fixture-book]:") == 1
    assert "[^fixture-charter--p-3]: Fixture Organisation. 14 March 2008. *Fixture Charter*." in notes
    assert notes.index("[^fixture-book]:") < notes.index("[^fixture-charter--p-3]:")


def test_pages_without_citations_are_unchanged():
    assert render_citations("No citations here, and `[@code]` is code.\n", REFERENCES) == \
        "No citations here, and `[@code]` is code.\n"


def test_reference_formats_name_date_title_and_link():
    assert format_reference(REFERENCES["fixture-book"]) == (
        "Walt, Stephen M. 1987. *A Fixture Book*. Fixture University Press. <https://doi.org/10.1234/fixture>.")
    assert format_reference(REFERENCES["fixture-charter"]).endswith(
        "<https://example.org/charter>. Accessed 31 January 2024.")


def test_bibliography_files_every_work_once_under_its_letter():
    from citations import by_letter, letter_pages, render_bibliography_index

    groups = by_letter(REFERENCES)
    assert list(groups) == ["F", "W"]  # Fixture Org, Walt
    listing = render_bibliography([work for works in groups.values() for work in works])
    assert listing.index('id="fixture-charter"') < listing.index('id="fixture-book"')
    assert listing.count("<p ") == len(REFERENCES)
    index = render_bibliography_index(groups, "")
    assert "[F](references/f.md) (" in index and '<span id="fixture-book" data-letter="w">' in index
    assert "<!-- md:bibliography letter=W -->" in letter_pages(groups, "2024-01-31")["references/w.md"]
