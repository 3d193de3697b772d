"""The dataset's pages: the downloads table on /data/ and the codebook on /data/codebook/,
both generated from the records and the models, and record tables for any page."""

from __future__ import annotations

import re

from dataset import AGREEMENT_TYPES, KINDS, Record, year
from downloads import fields
from figures import agreement_matrix_svg, oic_map, organisation_map, timeline_svg

DOWNLOADS_MARKER = "<!-- dataset-downloads -->"
CODEBOOK_MARKER = "<!-- codebook -->"
RECORDS_MARKER = re.compile(r"<!-- records: (\w+)(?: ids=([\w,-]+))? -->")  # e.g. <!-- records: agreements ids=a,b -->

COLUMNS = {  # the columns a page table shows for each kind
    "states": ("name", "id", "region", "oic_status", "oic_joined"),
    "organisations": ("name", "kind", "founded", "ended", "headquarters"),
    "agreements": ("name", "type", "parties", "signed", "status"),
    "exercises": ("name", "host", "participants", "domain", "first_year", "frequency"),
    "programs": ("name", "kind", "partners", "system", "start", "status"),
}


def render_downloads(dataset: dict[str, list[Record]], prefix: str = "") -> str:
    rows = [f"| {kind.capitalize()} | {len(records)} | [{kind}.csv]({prefix}{kind}.csv) | "
            f"[{kind}.json]({prefix}{kind}.json) |" for kind, records in dataset.items()]
    total = sum(len(records) for records in dataset.values())
    return ("| Records | Count | CSV | JSON |\n|---|---|---|---|\n" + "\n".join(rows)
            + f"\n| All | {total} | [datapackage.json]({prefix}datapackage.json) | |")


def render_codebook(dataset: dict[str, list[Record]]) -> str:
    blocks = []
    for kind in KINDS:
        records = dataset[kind]
        starts = [year(getattr(r, "signed", None) or getattr(r, "founded", None) or getattr(r, "start", None)
                       or getattr(r, "oic_joined", None) or str(getattr(r, "first_year", "") or "")) for r in records]
        starts = [s for s in starts if s]
        span = f", from {min(starts)} to {max(starts)}" if starts else ""
        table = "\n".join(f"| `{f['name']}` | {f['type']} | {f['description']} |" for f in fields(kind))
        blocks.append(f"### {kind.capitalize()}\n\n{KINDS[kind].__doc__.strip()} {len(records)} records{span}.\n\n"
                      f"| Field | Type | Meaning |\n|---|---|---|\n{table}")
    typology = "\n".join(f"| `{name}` | {meaning} |" for name, meaning in AGREEMENT_TYPES.items())
    return "\n\n".join(blocks) + f"\n\n### Agreement typology\n\n| Type | Meaning |\n|---|---|\n{typology}"


def _value(value) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return "" if value is None else str(value)


def render_records(kind: str, records: list[Record], ids: list[str] | None) -> str:
    """A Markdown table of records (all of a kind, or the listed ids in that order), with sources."""
    chosen = [r for r in records if not ids or r.id in ids]
    if ids:
        missing = sorted(set(ids) - {r.id for r in chosen})
        if missing:
            raise KeyError(f"no {kind} records with ids {missing}")
        chosen.sort(key=lambda r: ids.index(r.id))
    columns = COLUMNS[kind]
    head = "| " + " | ".join(c.replace("_", " ").capitalize() for c in columns) + " | Sources |"
    rule = "|" + "---|" * (len(columns) + 1)
    body = ["| " + " | ".join(_value(getattr(r, c)) for c in columns) + " | "
            + "; ".join(f"[@{key}]" for key in r.sources) + " |" for r in chosen]
    return "\n".join([head, rule, *body])


def fill_record_tables(markdown: str, dataset: dict[str, list[Record]]) -> str:
    def table(match: re.Match) -> str:
        kind, ids = match.group(1), match.group(2)
        if kind not in dataset:
            raise KeyError(f"unknown record kind {kind!r} in a records marker")
        return render_records(kind, dataset[kind], ids.split(",") if ids else None)

    return RECORDS_MARKER.sub(table, markdown)


FIGURE_MARKER = re.compile(r"<!-- figure: (timeline|matrix|map) ?([\w-]*) -->")  # e.g. <!-- figure: map gcc -->


def _figure(svg: str, caption: str, table: str) -> str:
    return (f'<figure class="data-figure" markdown="span">\n<div class="data-figure__frame">{svg}</div>\n'
            f"<figcaption>{caption}</figcaption>\n</figure>\n\n"
            f'??? info "Data table for this figure"\n\n' + "\n".join(f"    {line}" for line in table.splitlines()) + "\n")


def render_figure(name: str, argument: str, dataset: dict[str, list[Record]]) -> str:
    source = "Source: this site's dataset; each record's sources are cited in the data table."
    if name == "timeline":
        table = "\n\n".join(render_records(kind, dataset[kind], None) for kind in ("organisations", "agreements", "exercises"))
        return _figure(timeline_svg(dataset), f"Chronology of agreements, organisations and exercise series. {source}", table)
    if name == "matrix":
        return _figure(agreement_matrix_svg(dataset["agreements"]),
                       f"Pairs of states tied by recorded agreements; dark cells: defense agreements. {source}",
                       render_records("agreements", dataset["agreements"], None))
    if argument == "oic":
        return _figure(oic_map(dataset["states"]), f"OIC member and observer states; dark fill: members, light fill: observers. {source}",
                       render_records("states", dataset["states"], None))
    organisation = next((o for o in dataset["organisations"] if o.id == argument), None)
    if organisation is None:
        raise KeyError(f"no organisation record {argument!r} for a map")
    members = "\n".join(f"| {s.state} | {s.joined} | {s.left or ''} |" for s in organisation.members)
    table = (f"| Member | Joined | Left |\n|---|---|---|\n{members}\n\n"
             f"Sources: {'; '.join(f'[@{key}]' for key in organisation.sources)}")
    return _figure(organisation_map(organisation), f"Members of the {organisation.name}; dark fill: current members, light fill: former members. {source}", table)


def fill_figures(markdown: str, dataset: dict[str, list[Record]]) -> str:
    return FIGURE_MARKER.sub(lambda m: render_figure(m.group(1), m.group(2), dataset), markdown)
