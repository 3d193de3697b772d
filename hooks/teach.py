"""The course kit's generated parts: discussion questions gathered by page, and the
syllabus-ready list of pages (a table on /teach/ and a CSV download)."""

from __future__ import annotations

import csv
import io
import posixpath

from pages import SourcePage
from schema import ARTICLE_KINDS

SYLLABUS_CSV = "teach/syllabus.csv"


def _link(page: SourcePage, here: str) -> str:
    return f"[{page.title}]({posixpath.relpath(page.source, here or '.')})"


def articles(pages: list[SourcePage]) -> list[SourcePage]:
    return sorted((p for p in pages if p.kind in ARTICLE_KINDS), key=lambda p: p.url)


def render_questions(pages: list[SourcePage], here: str) -> str:
    blocks = []
    for page in articles(pages):
        if page.questions:
            items = "\n".join(f"{n}. {question}" for n, question in enumerate(page.questions, 1))
            blocks.append(f"### {page.title}\n\nFrom {_link(page, here)}:\n\n{items}")
    return "\n\n".join(blocks) or "No article has discussion questions yet."


def render_syllabus(pages: list[SourcePage], here: str, site_url: str) -> str:
    rows = [f"| {_link(p, here)} | `{site_url}{p.url}` | {p.meta['description']} | {p.minutes} min |"
            for p in sorted(pages, key=lambda p: p.url)]
    return "| Page | Permanent URL | Summary | Reading time |\n|---|---|---|---|\n" + "\n".join(rows)


def syllabus_csv(pages: list[SourcePage], site_url: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["title", "url", "summary", "kind", "reading_minutes"])
    for p in sorted(pages, key=lambda p: p.url):
        writer.writerow([p.title, site_url + p.url, p.meta["description"], p.kind, p.minutes])
    return out.getvalue()
