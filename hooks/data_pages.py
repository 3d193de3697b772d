"""The dataset's pages: the downloads table on /data/ and the codebook on /data/codebook/,
both generated from the records and the models, and record tables for any page."""

from __future__ import annotations

import re

import pycountry

from dataset import KINDS, OBLIGATION_RULE, OBLIGATIONS, Record, year
from downloads import fields
from figures import agreement_map, agreement_matrix_svg, oic_map, organisation_map, timeline_svg
from schema import ContentError

COLUMNS = {  # the columns a page table shows for each kind
    "states": ("name", "id", "region", "oic_status", "oic_joined"),
    "organisations": ("name", "kind", "founded", "ended", "headquarters"),
    "agreements": ("name", "obligations", "parties", "signed", "status"),
    "exercises": ("name", "host", "participants", "domain", "first_year", "frequency"),
    "programs": ("name", "kind", "partners", "system", "start", "status"),
    "invocations": ("date", "instrument", "kind", "requested_by", "asked", "given", "outcome"),
}


def render_downloads(dataset: dict[str, list[Record]], prefix: str = "") -> str:
    rows = [f"| {kind.capitalize()} | {len(records)} | [{kind}.csv]({prefix}{kind}.csv) | "
            f"[{kind}.json]({prefix}{kind}.json) |" for kind, records in dataset.items()]
    total = sum(len(records) for records in dataset.values())
    return ("| Records | Count | CSV | JSON |\n|---|---|---|---|\n" + "\n".join(rows)
            + f"\n| All | {total} | [datapackage.json]({prefix}datapackage.json) | |")


def _first_year(record: Record) -> int | None:
    for field in ("signed", "founded", "start", "oic_joined", "date", "first_year"):
        value = getattr(record, field, None)
        if value:
            return year(str(value))
    return None


def render_codebook(dataset: dict[str, list[Record]]) -> str:
    blocks = []
    for kind in KINDS:
        records = dataset[kind]
        starts = [y for y in map(_first_year, records) if y]
        span = f", from {min(starts)} to {max(starts)}" if starts else ""
        table = "\n".join(f"| `{f['name']}` | {f['type']} | {f['description']} |" for f in fields(kind))
        blocks.append(f"### {kind.capitalize()}\n\n{KINDS[kind].__doc__.strip()} {len(records)} records{span}.\n\n"
                      f"| Field | Type | Meaning |\n|---|---|---|\n{table}")
    return "\n\n".join(blocks)


def render_obligations(agreements: list[Record]) -> str:
    """How many agreements have each obligation coded, and coded true; how many rest on summaries."""
    rows = "\n".join(f"| `{name}` | {meaning} | {sum(getattr(a, name) is not None for a in agreements)} "
                     f"| {sum(getattr(a, name) is True for a in agreements)} |" for name, meaning in OBLIGATIONS.items())
    summary = sum(a.text_status in ("summary only", "unpublished", "secret annex reported") for a in agreements)
    published = sum(a.text_status == "published" for a in agreements)
    return (f"{OBLIGATION_RULE.capitalize()} Of {len(agreements)} agreements, {published} have a published text and "
            f"{summary} are known only from summaries (text status summary only, unpublished or secret annex reported): "
            "their coding rests on summaries, not the text.\n\n"
            f"| Field | Meaning | Agreements coded | Coded true |\n|---|---|---|---|\n{rows}")


def _instrument_names(dataset: dict[str, list[Record]]) -> dict[str, str]:
    return {record.id: record.name for kind in ("agreements", "organisations") for record in dataset.get(kind, [])}


COUNTRY_FIELDS = {"host", "parties", "participants", "partners", "requested_by", "requested_of"}


def country_names(states: list[Record]) -> dict[str, str]:
    """Display names: OIC members in bold, observers plain, other states by their ISO short name."""
    names = {country.alpha_3: getattr(country, "common_name", country.name) for country in pycountry.countries}
    names |= {state.id: f"**{state.name}**" if state.oic_status == "member" else state.name for state in states}
    return names


def _cell(value, field: str, names: dict[str, str]) -> str:
    """A Markdown table cell; its dates are kept on one line later, with every table's
    (hooks/table_dates.py)."""
    if field == "instrument":
        value = names[value]
    if field in COUNTRY_FIELDS and value:
        value = [names[code] for code in ([value] if isinstance(value, str) else value)]
    if isinstance(value, list):
        value = ", ".join(map(str, value))
    return "" if value is None else str(value).replace("|", "\\|")


def render_records(kind: str, dataset: dict[str, list[Record]], ids: list[str] | None = None,
                   columns: list[str] | None = None, sortable: bool = True) -> str:
    """A Markdown table of records (all of a kind, or the listed ids in that order) with their sources,
    wrapped so that the browser can make it sortable (not inside collapsed blocks, where the wrapper
    would not be parsed)."""
    if kind not in dataset:
        raise ContentError(f"unknown record kind {kind!r} (one of {', '.join(dataset)})")
    records = dataset[kind]
    chosen = [r for r in records if not ids or r.id in ids]
    if ids:
        missing = sorted(set(ids) - {r.id for r in chosen})
        if missing:
            raise ContentError(f"no {kind} records with ids {missing}")
        chosen.sort(key=lambda r: ids.index(r.id))
    columns = columns or COLUMNS[kind]
    unknown = [c for c in columns if c not in KINDS[kind].model_fields and not isinstance(getattr(KINDS[kind], c, None), property)]
    if unknown:
        raise ContentError(f"{kind} records have no field {unknown[0]!r} (see /data/codebook/)")
    names = country_names(dataset["states"]) | _instrument_names(dataset)
    head = "| " + " | ".join(c.replace("_", " ").capitalize() for c in columns) + " | Sources |"
    rule = "|" + "---|" * (len(columns) + 1)
    body = ["| " + " | ".join(_cell(getattr(r, c), c, names) for c in columns) + " | "
            + "; ".join(f"[@{key}]" for key in r.sources) + " |" for r in chosen]
    table = "\n".join([head, rule, *body])
    return f'<div class="sortable-table" markdown>\n\n{table}\n\n</div>' if sortable else table


def render_records_by_id(ids: list[str], dataset: dict[str, list[Record]]) -> str:
    """Tables of the named records, one per kind, in the dataset's order of kinds, with the
    invocations of any agreement or organisation among them."""
    kinds = {record.id: kind for kind, records in dataset.items() for record in records}
    unknown = [record_id for record_id in ids if record_id not in kinds]
    if unknown:
        raise ContentError(f"no dataset record with id {unknown[0]!r}")
    ids = ids + [i.id for i in dataset.get("invocations", []) if i.instrument in ids and i.id not in ids]
    tables = []
    for kind in dataset:
        chosen = [record_id for record_id in ids if kinds[record_id] == kind]
        if chosen:
            tables.append(f"**{kind.capitalize()}**\n\n" + render_records(kind, dataset, chosen, sortable=False))
    return "\n\n".join(tables)


def _figure(svg: str, caption: str, table: str) -> str:
    """The figure, its caption and its data table. The frame scrolls sideways on a narrow screen,
    so it can take the keyboard's focus and carries the figure's name."""
    title = re.search(r"<title id=[^>]*>([^<]*)</title>", svg)
    name = f"{title.group(1)} (figure)" if title else "Figure"
    return (f'<figure class="data-figure" markdown="span">\n<div class="data-figure__frame" tabindex="0" role="group" '
            f'aria-label="{name}" data-search-exclude>{svg}</div>\n'
            f"<figcaption>{caption}</figcaption>\n</figure>\n\n"
            f'??? info "Data table for this figure"\n\n' + "\n".join(f"    {line}" for line in table.splitlines()) + "\n")


SOURCE_NOTE = "Source: this site's dataset; each record's sources are cited in the data table."


def render_timeline(dataset: dict[str, list[Record]]) -> str:
    table = "\n\n".join(render_records(kind, dataset, sortable=False) for kind in ("organisations", "agreements", "exercises", "invocations"))
    return _figure(timeline_svg(dataset), "Chronology of organisations, exercise series and the agreements that carry an alliance "
                   "obligation or were invoked; diamonds mark invocations (the legend is in the figure; every agreement is in "
                   f"the data table). {SOURCE_NOTE}", table)


def render_matrix(dataset: dict[str, list[Record]]) -> str:
    return _figure(agreement_matrix_svg(dataset["agreements"], dataset["states"]),
                   "Pairs of OIC member and observer states tied by recorded agreements, coloured by the strongest "
                   f"obligation between them as the legend in the figure shows. {SOURCE_NOTE}",
                   render_records("agreements", dataset, sortable=False))


def render_map(dataset: dict[str, list[Record]], of: str) -> str:
    """The OIC's members and observers (`oic`), the members of an organisation record, or the parties
    to an agreement record, coloured by its strongest obligation."""
    if of == "oic":
        return _figure(oic_map(dataset["states"]), f"OIC member and observer states, in the colours of the legend. {SOURCE_NOTE}",
                       render_records("states", dataset, sortable=False))
    agreement = next((a for a in dataset["agreements"] if a.id == of), None)
    if agreement is not None:
        return _figure(agreement_map(agreement), f"Parties to the {agreement.name}; obligations: {agreement.obligations}. "
                       f"{SOURCE_NOTE}", render_records("agreements", dataset, [agreement.id], sortable=False))
    organisation = next((o for o in dataset["organisations"] if o.id == of), None)
    if organisation is None:
        raise ContentError(f"no organisation or agreement record {of!r} to map (or 'oic')")
    names = country_names(dataset["states"])
    spells = sorted(organisation.members, key=lambda s: (names[s.state].strip("*"), s.joined))
    members = "\n".join(f"| {names[s.state]} | {_cell(s.joined, 'joined', names)} | {_cell(s.left, 'left', names)} |"
                         for s in spells)
    table = (f"| Member | Joined | Left |\n|---|---|---|\n{members}\n\n"
             f"Sources: {'; '.join(f'[@{key}]' for key in organisation.sources)}")
    return _figure(organisation_map(organisation), f"Members of the {organisation.name}, current and former, in the colours of the legend. {SOURCE_NOTE}", table)
