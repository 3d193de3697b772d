"""The dataset as downloads: CSV and JSON per record kind, a dyad-year file, and a Frictionless
datapackage.json with a full Table Schema per file (types, required fields, enumerations,
primary and foreign keys) and each file's SHA-256, all derived from the models like the
codebook page, so the documentation cannot drift from what the build accepts."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import typing

from pydantic import BaseModel

from dataset import KINDS, OBLIGATIONS, Agreement, Record, Spell, cow_codes, year
from releases import Release

LICENSE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}
PARTIAL_DATE_PATTERN = r"\d{4}(-\d{2}(-\d{2})?)?"
FOREIGN_KEYS = {
    "invocations": [("agreement", "agreements"), ("organisation", "organisations")],
    "agreement_dyad_years": [("agreement", "agreements")],
}
DYAD_FIELDS = [
    {"name": "agreement", "type": "string", "description": "Id of the agreements record.", "constraints": {"required": True}},
    {"name": "year", "type": "integer", "description": "A year in which both states were bound by the agreement.", "constraints": {"required": True}},
    {"name": "state_a", "type": "string", "description": "ISO 3166-1 alpha-3 code of the first state (alphabetical).", "constraints": {"required": True}},
    {"name": "state_b", "type": "string", "description": "ISO 3166-1 alpha-3 code of the second state.", "constraints": {"required": True}},
    {"name": "cow_a", "type": "integer", "description": "Correlates of War code of state_a; empty where COW has none."},
    {"name": "cow_b", "type": "integer", "description": "Correlates of War code of state_b; empty where COW has none."},
    *({"name": name, "type": "boolean", "description": f"{meaning} As coded for the agreement; empty if not coded."}
      for name, meaning in OBLIGATIONS.items()),
]
DERIVED = {  # columns the downloads add to a kind's own fields
    "states": [{"name": "cow_code", "type": "integer",
                "description": "Correlates of War state code, from the countrycode package; empty where COW has none."}],
    "agreements": [{"name": "parties_cow", "type": "string",
                    "description": "Correlates of War codes of the parties, in the order of parties, separated by ';' (empty item where COW has none)."},
                   {"name": "strongest_obligation", "type": "string",
                    "description": "The strongest obligation coded true: defense, offense, neutrality, non_aggression, consultation, or none.",
                    "constraints": {"enum": [*OBLIGATIONS, "none"]}}],
}


def _cell(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Spell):
        return f"{value.state}:{value.joined}-{value.left or ''}"
    if isinstance(value, BaseModel):
        return json.dumps(value.model_dump(exclude_none=True), ensure_ascii=False)
    if isinstance(value, list):
        return ";".join(_cell(item) for item in value)
    return "" if value is None else str(value)


def _derived(kind: str, record: Record, cow: dict[str, int | None]) -> list:
    if kind == "states":
        return [cow.get(record.id)]
    if kind == "agreements":
        return [";".join(_cell(cow.get(party)) for party in record.parties), record.strongest]
    return []


def as_csv(kind: str, records: list[Record], cow: dict[str, int | None]) -> str:
    """One row per record; lists joined with ';', spells as STATE:joined-left, nested objects as JSON."""
    fields = list(KINDS[kind].model_fields)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields + [field["name"] for field in DERIVED.get(kind, [])])
    for record in records:
        writer.writerow([_cell(getattr(record, field)) for field in fields] + [_cell(v) for v in _derived(kind, record, cow)])
    return out.getvalue()


def as_json(kind: str, records: list[Record], cow: dict[str, int | None]) -> str:
    extra = [field["name"] for field in DERIVED.get(kind, [])]
    rows = [record.model_dump(mode="json") | dict(zip(extra, _derived(kind, record, cow))) for record in records]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def dyad_years(agreements: list[Agreement], this_year: int) -> list[dict]:
    """One row per pair of parties per year in force: from entry into force (or signature) to the
    end, or to the record's date while in force; an agreement of unknown status counts only in the
    year it took effect. Spells limit when each party was bound."""
    rows = []
    for agreement in agreements:
        start = year(agreement.in_force or agreement.signed)
        last = year(agreement.ended) or (max(start, min(agreement.as_of.year, this_year)) if agreement.status == "in force" else start)
        for each in range(start, last + 1):
            parties = sorted(set(agreement.parties_in(each)))
            for i, a in enumerate(parties):
                for b in parties[i + 1:]:
                    rows.append({"agreement": agreement.id, "year": each, "state_a": a, "state_b": b,
                                 **{name: getattr(agreement, name) for name in OBLIGATIONS}})
    return rows


def dyads_csv(rows: list[dict], cow: dict[str, int | None]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([field["name"] for field in DYAD_FIELDS])
    for row in rows:
        writer.writerow([row["agreement"], row["year"], row["state_a"], row["state_b"], _cell(cow.get(row["state_a"])),
                         _cell(cow.get(row["state_b"])), *(_cell(row[name]) for name in OBLIGATIONS)])
    return out.getvalue()


def _table_type(annotation) -> tuple[str, dict]:
    """Table Schema type and constraints of a model field's annotation."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Union or str(origin) == "types.UnionType":
        return _table_type(next(arg for arg in args if arg is not type(None)))
    if origin is typing.Annotated:
        inner, *extras = args
        pattern = next((getattr(m, "pattern", None) for e in extras for m in getattr(e, "metadata", [])
                        if getattr(m, "pattern", None)), None)
        kind, constraints = _table_type(inner)
        return kind, constraints | ({"pattern": pattern.strip("^$")} if pattern else {})
    if origin is typing.Literal:
        return "string", {"enum": list(args)}
    if origin is list:
        return "string", {}
    return {int: "integer", bool: "boolean", str: "string", dt.date: "date"}.get(annotation, "string"), {}


def fields(kind: str) -> list[dict]:
    """Name, type, description and constraints of each column of a kind's CSV, from its model."""
    described = []
    for name, info in KINDS[kind].model_fields.items():
        kind_, constraints = _table_type(info.annotation)
        if info.is_required():
            constraints["required"] = True
        description = info.description or ""
        if typing.get_origin(info.annotation) is list or "list[" in str(info.annotation):
            description += " In CSV: values separated by ';'" + (", spells as STATE:joined-left." if "Spell" in str(info.annotation)
                                                               else ", objects as JSON." if "Obligations" in str(info.annotation) else ".")
        field = {"name": name, "type": kind_, "description": description.strip()}
        if constraints:
            field["constraints"] = constraints
        described.append(field)
    return described + DERIVED.get(kind, [])


def _resource(name: str, description: str, schema_fields: list[dict], content: str, key: list[str] | None) -> dict:
    schema: dict = {"fields": schema_fields, "missingValues": [""]}
    if key:
        schema["primaryKey"] = key
    links = [{"fields": [field], "reference": {"resource": target, "fields": ["id"]}} for field, target in FOREIGN_KEYS.get(name, [])]
    if links:
        schema["foreignKeys"] = links
    data = content.encode("utf-8")
    return {"name": name.replace("_", "-"), "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "description": description, "bytes": len(data), "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
            "schema": schema}


def dataset_files(dataset: dict[str, list[Record]], release: Release, this_year: int | None = None) -> dict[str, str]:
    """Every download, by file name under /data/."""
    cow = cow_codes({code for records in dataset.values() for record in records
                     for code in ([record.id] if record.id.isupper() else getattr(record, "parties", []))})
    files, resources = {}, []
    for kind, records in dataset.items():
        files[f"{kind}.csv"] = as_csv(kind, records, cow)
        files[f"{kind}.json"] = as_json(kind, records, cow)
        resources.append(_resource(kind, f"{len(records)} {kind} records ({KINDS[kind].__doc__.strip()})",
                                   fields(kind), files[f"{kind}.csv"], ["id"]))
    dyads = dyad_years(dataset["agreements"], this_year or dt.date.today().year)
    files["agreement_dyad_years.csv"] = dyads_csv(dyads, cow)
    resources.append(_resource("agreement_dyad_years", f"{len(dyads)} dyad-years: one row per pair of parties per year "
                               "an agreement bound them, with its obligations", DYAD_FIELDS,
                               files["agreement_dyad_years.csv"], ["agreement", "year", "state_a", "state_b"]))
    package = {
        "name": "oic-cooperative-defense", "title": "Cooperative defense among OIC member states: dataset",
        "version": release.version, "created": f"{release.date.isoformat()}T00:00:00Z", "licenses": [LICENSE],
        "description": "States, organisations, agreements (obligations coded as ATOP codes them), exercises, industrial "
                       f"programs and invocations of pacts, each record with its sources. Cite as: {release.citation}",
        "resources": resources,
    }
    files["datapackage.json"] = json.dumps(package, indent=2, ensure_ascii=False) + "\n"
    return files
