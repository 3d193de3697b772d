"""A profile page per OIC member state, generated from the records: nothing on it is typed by hand.

Each profile (`states/<iso3>.md`, published at /states/<iso3>/) lists the state's memberships,
agreements with their obligations, exercises, industrial programs and invocations, each row
with its sources, the case and topic pages that discuss it, and a locator map. The pages are
Markdown like any other, so they pass through the same checks and rendering.
"""

from __future__ import annotations

import posixpath
import re

from data_pages import country_names
from dataset import Record, State
from figures import locator_map
from page_facts import human_date
from pages import SourcePage
from schema import ARTICLE_KINDS

PROFILE_FOLDER = "states"


def profile_source(state: State) -> str:
    return f"{PROFILE_FOLDER}/{state.id.lower()}.md"


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n if n else 'no'} {singular if n == 1 else plural or singular + 's'}"


def _sources(record: Record) -> str:
    return "; ".join(f"[@{key}]" for key in record.sources)


def _table(head: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return "The dataset records none."
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return '<div class="sortable-table" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"


def _named(codes: list[str], names: dict[str, str], leave_out: str) -> str:
    return ", ".join(names[code] for code in codes if code != leave_out) or "—"


def _discussed_in(state: State, pages: list[SourcePage], here: str) -> list[str]:
    """Articles that name the state, most mentions first."""
    pattern = re.compile(rf"\b{re.escape(state.name)}\b")
    found = sorted(((len(pattern.findall(p.markdown)), p) for p in pages if p.kind in ARTICLE_KINDS),
                   key=lambda item: (-item[0], item[1].title))
    return [f"- [{p.title}]({posixpath.relpath(p.source, here)}): named {n} times" for n, p in found if n]


def render_profile(state: State, dataset: dict[str, list[Record]], pages: list[SourcePage]) -> str:
    """The profile page of one state, front matter included."""
    code, here = state.id, PROFILE_FOLDER
    names = country_names(dataset["states"])
    mine = {kind: [r for r in records if code in _states_of(r)] for kind, records in dataset.items() if kind != "states"}
    memberships = [[o.name, s.joined, s.left or "", _sources(o)] for o in dataset["organisations"]
                   for s in o.members if s.state == code]
    memberships.insert(0, [f"Organisation of Islamic Cooperation ({state.oic_status})", state.oic_joined, "", _sources(state)])
    agreements = [[a.name, _named(a.parties, names, code), a.signed, a.status, a.obligations, _sources(a)]
                  for a in sorted(mine["agreements"], key=lambda a: a.signed)]
    exercises = [[e.name, "host" if e.host == code else "participant", str(e.earliest_year()), e.frequency, _sources(e)]
                 for e in mine["exercises"]]
    programs = [[p.name, _named(p.partners, names, code), p.system, p.start, p.status, _sources(p)] for p in mine["programs"]]
    instruments = {r.id: r.name for kind in ("agreements", "organisations") for r in dataset[kind]}
    invocations = [[i.date, instruments[i.instrument], "asked" if code in i.requested_by else "was asked", i.outcome,
                    _sources(i)] for i in sorted(mine["invocations"], key=lambda i: i.date)]
    discussed = _discussed_in(state, pages, here)
    checked = max([state.as_of, *(r.as_of for records in mine.values() for r in records)])
    counts = (f"{_count(len(memberships) - 1, 'other organisation')}, {_count(len(agreements), 'agreement')}, "
              f"{_count(len(exercises), 'exercise series', 'exercise series')}, "
              f"{_count(len(programs), 'industrial program')} and {_count(len(invocations), 'invocation of a pact', 'invocations of pacts')}")
    return f"""---
title: "{state.name}: defense cooperation profile"
description: {state.name}'s organisations, defense agreements and their obligations, exercises, programs and invocations, from the dataset.
kind: reference
last_reviewed: {checked.isoformat()}
search:
  boost: 0.5
---

# {state.name}

{state.name} has been {'a member' if state.oic_status == 'member' else 'an observer'} state of the Organisation of Islamic Cooperation (OIC) since {state.oic_joined} {_sources(state)}. For {state.name}, the site's [dataset](../data/index.md) records {counts}, each with its sources, as last checked on {human_date(checked)}. This page is generated from those records.

<figure class="data-figure locator" markdown="span">
<div class="data-figure__frame" data-search-exclude>{locator_map(state)}</div>
<figcaption>{state.name} ({state.region}).</figcaption>
</figure>

## Memberships

{_table(["Organisation", "Joined", "Left", "Sources"], memberships)}

## Agreements

Obligations are coded as the [codebook](../data/codebook.md) explains; "not coded" means the sources do not show them.

{_table(["Agreement", "Other parties", "Signed", "Status", "Obligations", "Sources"], agreements)}

## Exercises

{_table(["Exercise series", "Role", "First year", "Frequency", "Sources"], exercises)}

## Industrial programs

{_table(["Program", "Partners", "System", "Start", "Status", "Sources"], programs)}

## Invocations of pacts

{_table(["Date", "Instrument", "Role", "Outcome", "Sources"], invocations)}

## Where this reference discusses {state.name}

{chr(10).join(discussed) or f"No article names {state.name} yet."}
"""


def _states_of(record: Record) -> set[str]:
    """Every state a record involves."""
    codes = set(getattr(record, "parties", []) or []) | set(getattr(record, "participants", []) or [])
    codes |= set(getattr(record, "partners", []) or []) | set(getattr(record, "requested_by", []) or [])
    codes |= set(getattr(record, "requested_of", []) or [])
    codes |= {spell.state for spell in getattr(record, "members", [])}
    return codes | ({record.host} if getattr(record, "host", None) else set())


def render_profiles(dataset: dict[str, list[Record]], pages: list[SourcePage]) -> dict[str, str]:
    """Every member state's profile, by docs/-relative source."""
    return {profile_source(state): render_profile(state, dataset, pages)
            for state in dataset["states"] if state.oic_status == "member"}


def render_state_index(states: list[State], dataset: dict[str, list[Record]], here: str) -> str:
    """A table of the member states' profiles by region, with how many agreements each has."""
    agreements = dataset["agreements"]
    rows = [f"| [{s.name}]({posixpath.relpath(profile_source(s), here or '.')}) | {s.region} | {s.oic_joined} "
            f"| {sum(s.id in a.parties for a in agreements)} |"
            for s in sorted(states, key=lambda s: (s.region, s.name)) if s.oic_status == "member"]
    return ('<div class="sortable-table" markdown>\n\n| State | Region | OIC member since | Agreements recorded |\n'
            "|---|---|---|---|\n" + "\n".join(rows) + "\n\n</div>")
