"""One page's Markdown, from what its author wrote to what Python-Markdown reads.

A pure function of the page and the site's context: placeholders expanded, a case's fact
box drawn, the reviewed date and reading time under the title, key terms linked to the
glossary, the revision history from the changelog, citations turned into numbered notes,
and acronym tooltips appended.
"""

from __future__ import annotations

from cases import insert_fact_box
from changelog import render_revision_history
from citations import render_citations
from context import PageContext
from data_pages import render_records_by_id
from glossary import abbreviations, key_terms
from page_facts import insert_page_facts
from placeholders import Renderer, expand
from schema import ARTICLE_KINDS, ContentError, display


def compose_page(markdown: str, ctx: PageContext, registry: dict[str, Renderer]) -> str:
    site, page = ctx.site, ctx.page
    where = display(page.path)
    markdown = expand(markdown, registry, ctx, where)
    case = site.cases.get(page.source)
    if case:
        records = render_records_by_id(case.facts.records, site.dataset) if case.facts.records else ""
        markdown = insert_fact_box(markdown, case.facts, page.here, dict(site.type_pages), records)
    article = page.kind in ARTICLE_KINDS
    markdown = insert_page_facts(markdown, page.meta["last_reviewed"] if article else None,
                                 page.minutes if article else None, page.meta.get("tags", []))
    if article:
        markdown = key_terms(markdown, list(site.glossary), page.source)
    history = render_revision_history(list(site.changes), page.source)
    if history:
        markdown = markdown.rstrip() + "\n\n" + history
    try:
        markdown = render_citations(markdown, site.references)
    except ContentError as error:
        raise ContentError(f"{where}: {error}") from None
    return markdown + "\n\n" + abbreviations(list(site.glossary)) + "\n"
