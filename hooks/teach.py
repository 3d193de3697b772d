"""The course kit's generated parts: discussion questions gathered by page, and the
syllabus-ready list of pages (a table on /teach/ and a CSV download)."""

from __future__ import annotations

import csv
import io
import posixpath
import re
from dataclasses import dataclass

from page_facts import reading_minutes
from schema import ARTICLE_KINDS, docs_url

QUESTIONS_MARKER = "<!-- discussion-questions -->"
SYLLABUS_MARKER = "<!-- syllabus-list -->"
SYLLABUS_CSV = "teach/syllabus.csv"
MINUTES_MARKER = re.compile(r"<!-- minutes: (\S+) -->")  # a page's reading time, e.g. <!-- minutes: concepts.md -->


@dataclass(frozen=True)
class PageSummary:
    source: str  # docs/-relative
    title: str
    description: str
    kind: str
    minutes: int
    questions: tuple[str, ...]

    @property
    def url(self) -> str:
        return docs_url(self.source)


def discussion_questions(markdown: str) -> tuple[str, ...]:
    """The numbered items of a page's "Discussion questions" section."""
    section = re.search(r"^## Discussion questions\s*$(.*?)(?=^## |\Z)", markdown, flags=re.MULTILINE | re.DOTALL)
    if not section:
        return ()
    return tuple(item.strip() for item in re.findall(r"^\d+\.\s+(.+)$", section.group(1), flags=re.MULTILINE))


def summarise(source: str, markdown: str, meta: dict) -> PageSummary:
    return PageSummary(source, meta["title"], meta["description"], meta["kind"],
                       reading_minutes(markdown), discussion_questions(markdown))


def _link(page: PageSummary, here: str) -> str:
    return f"[{page.title}]({posixpath.relpath(page.source, here or '.')})"


def articles(pages: list[PageSummary]) -> list[PageSummary]:
    return sorted((p for p in pages if p.kind in ARTICLE_KINDS), key=lambda p: p.url)


def render_questions(pages: list[PageSummary], here: str) -> str:
    blocks = []
    for page in articles(pages):
        if page.questions:
            items = "\n".join(f"{n}. {question}" for n, question in enumerate(page.questions, 1))
            blocks.append(f"### {page.title}\n\nFrom {_link(page, here)}:\n\n{items}")
    return "\n\n".join(blocks) or "No article has discussion questions yet."


def render_syllabus(pages: list[PageSummary], here: str, site_url: str) -> str:
    rows = [f"| {_link(p, here)} | `{site_url}{p.url}` | {p.description} | {p.minutes} min |"
            for p in sorted(pages, key=lambda p: p.url)]
    return "| Page | Permanent URL | Summary | Reading time |\n|---|---|---|---|\n" + "\n".join(rows)


def syllabus_csv(pages: list[PageSummary], site_url: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["title", "url", "summary", "kind", "reading_minutes"])
    for p in sorted(pages, key=lambda p: p.url):
        writer.writerow([p.title, site_url + p.url, p.description, p.kind, p.minutes])
    return out.getvalue()


def fill_reading_times(markdown: str, pages: list[PageSummary]) -> str:
    """Replace each `<!-- minutes: page.md -->` with that page's reading time, so unit plans never drift."""
    minutes = {page.source: page.minutes for page in pages}

    def fill(match: re.Match) -> str:
        if match.group(1) not in minutes:
            raise KeyError(f"reading time asked for an unknown page {match.group(1)!r}")
        return f"{minutes[match.group(1)]} min"

    return MINUTES_MARKER.sub(fill, markdown)
