"""The registry of generated content: placeholder name -> renderer.

A page writes `<!-- md:NAME args -->` (hooks/placeholders.py); the renderer registered here
under NAME receives the page's context and the placeholder's arguments, which its
signature declares (all strings; lists are comma-separated without spaces). Each
renderer is a thin adapter over a pure function of its module, so that function can be
tested, and moved to another generator, without MkDocs.
"""

from __future__ import annotations

from cases import render_case_list, render_cases_index
from changelog import render_changelog, render_latest_changes
from home import render_key_figures
from citations import by_letter, render_bibliography, render_bibliography_index
from context import PageContext
from data_pages import (render_codebook, render_downloads, render_map, render_matrix, render_obligations, render_records,
                        render_timeline)
from glossary import render_glossary
from profiles import render_state_index
from releases import render_releases
from schema import ContentError
from teach import render_questions, render_syllabus


def _items(value: str, name: str) -> list[str]:
    items = value.split(",")
    if not all(items):
        raise ContentError(f"argument {name!r} has an empty item in {value!r} (write a,b without spaces)")
    return items


def bibliography(ctx: PageContext, letter: str) -> str:
    """The works filed under one initial: `<!-- md:bibliography letter=A -->` (the letter pages)."""
    groups = by_letter(dict(ctx.site.references))
    if letter not in groups:
        raise ContentError(f"no works filed under {letter!r} (letters: {', '.join(groups)})")
    return render_bibliography(groups[letter])


def bibliography_index(ctx: PageContext) -> str:
    """A–Z links to the letter pages, with a stub for every old /references/#key link."""
    return render_bibliography_index(by_letter(dict(ctx.site.references)), ctx.here)


def glossary(ctx: PageContext) -> str:
    """Every term of data/glossary.yml."""
    return render_glossary(list(ctx.site.glossary))


def changelog(ctx: PageContext) -> str:
    """Every change of data/changelog.yml, newest first."""
    return render_changelog(list(ctx.site.changes), ctx.page.source)


def discussion_questions(ctx: PageContext) -> str:
    """The discussion questions of every article, by page."""
    return render_questions(ctx.site.written_pages, ctx.here)


def syllabus(ctx: PageContext) -> str:
    """Every page with its permanent URL, summary and reading time."""
    return render_syllabus(ctx.site.written_pages, ctx.here, ctx.site.site_url)


def minutes(ctx: PageContext, page: str) -> str:
    """One page's reading time, e.g. `<!-- md:minutes concepts.md -->`."""
    if page not in ctx.site.pages:
        raise ContentError(f"no page {page!r} (give its docs/-relative path)")
    return f"{ctx.site.pages[page].minutes} min"


def downloads(ctx: PageContext) -> str:
    """The dataset's files with their record counts."""
    return render_downloads(ctx.site.dataset)


def codebook(ctx: PageContext) -> str:
    """Every record kind's fields, from the models."""
    return render_codebook(ctx.site.dataset)


def obligations(ctx: PageContext) -> str:
    """How the agreements' obligations are coded, with counts."""
    return render_obligations(ctx.site.dataset["agreements"])


def releases(ctx: PageContext) -> str:
    """The dataset's release notes, newest first."""
    return render_releases(list(ctx.site.releases))


def dataset_citation(ctx: PageContext) -> str:
    """How to cite the dataset: its current version, from data/releases.yml."""
    return f"> {ctx.site.release.citation} <{ctx.site.site_url}data/>"


def records(ctx: PageContext, kind: str, ids: str = "", columns: str = "") -> str:
    """A sortable table of records: `<!-- md:records agreements ids=a,b columns=name,signed -->`."""
    chosen = _items(ids, "ids") if ids else None
    shown = _items(columns, "columns") if columns else None
    return render_records(kind, ctx.site.dataset, chosen, shown)


def case_index(ctx: PageContext) -> str:
    """Every case page with its types, regions, years and status."""
    return render_cases_index(ctx.site.case_list, ctx.here, dict(ctx.site.type_pages))


def case_list(ctx: PageContext, type: str) -> str:
    """The case pages of one cooperation type: `<!-- md:case-list type="Mutual defense" -->`."""
    return render_case_list(ctx.site.case_list, type, ctx.here, dict(ctx.site.type_pages))


def key_figures(ctx: PageContext) -> str:
    """The reference in numbers, counted from the data and the pages: never typed."""
    site = ctx.site
    states = site.dataset["states"]
    figures = [(sum(s.oic_status == "member" for s in states), "OIC member states", "states/index.md"),
               (len(site.dataset["agreements"]), "agreements recorded", "data/index.md"),
               (len(site.dataset["invocations"]), "times a pact was invoked", "data/index.md#when-pacts-were-invoked"),
               (len(site.cases), "case studies", "cases/index.md"),
               (len(site.references), "works cited", "references.md")]
    reviewed = max(page.meta["last_reviewed"] for page in site.pages.values())
    return render_key_figures(figures, reviewed, ctx.here)


def latest_changes(ctx: PageContext, count: str = "5") -> str:
    """The newest entries of data/changelog.yml, each linked to the first page it touched."""
    if not count.isdigit():
        raise ContentError(f"count must be a number, not {count!r}")
    return render_latest_changes(list(ctx.site.changes), ctx.page.source, int(count))


def state_index(ctx: PageContext) -> str:
    """Every member state's profile page, by region."""
    return render_state_index(ctx.site.dataset["states"], ctx.site.dataset, ctx.here)


def timeline(ctx: PageContext) -> str:
    """The timeline of organisations, agreements and exercise series, with its data table."""
    return render_timeline(ctx.site.dataset)


def matrix(ctx: PageContext) -> str:
    """The matrix of states tied by agreements, with its data table."""
    return render_matrix(ctx.site.dataset)


def map_(ctx: PageContext, of: str) -> str:
    """A membership map: `<!-- md:map of=oic -->` or `of=` an organisation record id."""
    return render_map(ctx.site.dataset, of)


REGISTRY = {
    "bibliography": bibliography,
    "bibliography-index": bibliography_index,
    "glossary": glossary,
    "changelog": changelog,
    "discussion-questions": discussion_questions,
    "syllabus": syllabus,
    "minutes": minutes,
    "downloads": downloads,
    "codebook": codebook,
    "obligations": obligations,
    "releases": releases,
    "dataset-citation": dataset_citation,
    "records": records,
    "case-index": case_index,
    "case-list": case_list,
    "state-index": state_index,
    "key-figures": key_figures,
    "latest-changes": latest_changes,
    "timeline": timeline,
    "matrix": matrix,
    "map": map_,
}
