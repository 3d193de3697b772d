"""Case pages: the fact box drawn from each case's `case:` front matter block, and the
table of all cases on /cases/, so that the two can never disagree."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from citations import partial_date
from page_facts import human_date
from schema import CaseFacts, ContentError

@dataclass(frozen=True)
class Case:
    source: str  # docs/-relative, e.g. cases/imctc.md
    title: str
    facts: CaseFacts


def _link(target: str, here: str) -> str:
    return posixpath.relpath(target, here or ".")


def years(facts: CaseFacts) -> str:
    return f"{facts.start}–{facts.end}" if facts.end else f"{facts.start}–present"


def types(facts: CaseFacts, here: str, type_pages: dict[str, str]) -> str:
    """The case's cooperation types, each linked to the page that explains it (data/tags.yml)."""
    return ", ".join(f"[{name}]({_link(type_pages[name], here)})" for name in facts.types)


def render_fact_box(facts: CaseFacts, here: str, type_pages: dict[str, str]) -> str:
    """An 'at a glance' box, inserted before the page's first section."""
    status = facts.status.capitalize() + (f". {facts.status_note}" if facts.status_note else "")
    dates = "\n".join(f"        - {partial_date(item.date)}: {item.event}" for item in facts.key_dates)
    rows = [
        f"- **Parties:** {', '.join(facts.parties)}",
        f"- **Cooperation:** {types(facts, here, type_pages)}",
        f"- **Regions:** {'; '.join(facts.regions)}",
        f"- **Years:** {years(facts)}",
        f"- **Legal basis:** {facts.legal_basis}",
        f"- **Status:** {status}",
        f"- **Key dates:**\n\n{dates}\n",
        f"- **Facts as of:** {human_date(facts.as_of)}",
    ]
    return '!!! abstract "Case at a glance"\n\n' + "\n".join(f"    {row}" for row in rows) + "\n"


def insert_fact_box(markdown: str, facts: CaseFacts, here: str, type_pages: dict[str, str], records: str = "") -> str:
    """The fact box before the first section, followed by the case's dataset records if it names any."""
    box = render_fact_box(facts, here, type_pages)
    if records:
        box += '\n??? info "This case in the dataset"\n\n' + "\n".join(f"    {line}" for line in records.splitlines()) + "\n"
    return re.sub(r"^## ", lambda m: f"{box}\n## ", markdown, count=1, flags=re.MULTILINE)


def render_cases_index(cases: list[Case], here: str, type_pages: dict[str, str]) -> str:
    """Every case page, with its types, regions, years and status, sorted by first year."""
    rows = [f"| [{case.title}]({_link(case.source, here)}) | {types(case.facts, here, type_pages)} | {'; '.join(case.facts.regions)} "
            f"| {years(case.facts)} | {case.facts.status} (as of {case.facts.as_of.isoformat()}) |"
            for case in sorted(cases, key=lambda c: (c.facts.start, c.title))]
    table = "| Case | Cooperation | Regions | Years | Status |\n|---|---|---|---|---|\n" + "\n".join(rows)
    return f'<div class="sortable-table" markdown>\n\n{table}\n\n</div>' if rows else "No case pages yet."


def render_case_list(cases: list[Case], kind: str, here: str, type_pages: dict[str, str]) -> str:
    """The case pages of one cooperation type, as a list."""
    if kind not in type_pages:
        raise ContentError(f"unknown cooperation type {kind!r} (one of {', '.join(type_pages)})")
    chosen = sorted((c for c in cases if kind in c.facts.types), key=lambda c: (c.facts.start, c.title))
    return "\n".join(f"- [{c.title}]({_link(c.source, here)}): {'; '.join(c.facts.regions)}, {years(c.facts)}"
                     for c in chosen) or "No case study of this type yet."
