"""The dataset as downloads: CSV and JSON per record kind, and a Frictionless datapackage.json
whose field descriptions come from the models, like the codebook page."""

from __future__ import annotations

import csv
import io
import json
import typing

from pydantic import BaseModel

from dataset import KINDS, Organisation, Record

LICENSE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}
FRICTIONLESS_TYPES = {int: "integer", str: "string", list: "array"}


def _cell(value) -> str:
    if isinstance(value, list):
        return ";".join(_cell(item) for item in value)
    if isinstance(value, BaseModel):
        dumped = value.model_dump()
        return f"{dumped['state']}:{dumped['joined']}-{dumped['left'] or ''}"
    return "" if value is None else str(value)


def rows(records: list[Record]) -> list[dict]:
    return [record.model_dump(mode="json") for record in records]


def as_csv(kind: str, records: list[Record]) -> str:
    """One row per record; lists joined with ';', membership spells as STATE:joined-left."""
    fields = list(KINDS[kind].model_fields)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow([_cell(getattr(record, field)) for field in fields])
    return out.getvalue()


def as_json(records: list[Record]) -> str:
    return json.dumps(rows(records), indent=2, ensure_ascii=False) + "\n"


def _frictionless_type(annotation) -> str:
    origin = typing.get_origin(annotation)
    if origin is list:
        return "array"
    if origin is typing.Union or str(origin) == "types.UnionType":
        annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
        return _frictionless_type(annotation)
    if getattr(annotation, "__name__", "") == "date":
        return "date"
    return FRICTIONLESS_TYPES.get(annotation, "string")


def fields(kind: str) -> list[dict]:
    """Name, type and description of each field of a record kind, from its model."""
    model = KINDS[kind]
    described = []
    for name, info in model.model_fields.items():
        field = {"name": name, "type": _frictionless_type(info.annotation), "description": info.description or ""}
        if name == "members" and model is Organisation:
            field["description"] += " In CSV: STATE:joined-left, separated by ';'."
        elif field["type"] == "array":
            field["description"] += " In CSV: values separated by ';'."
        described.append(field)
    return described


def datapackage(counts: dict[str, int], version: str) -> str:
    resources = [{
        "name": kind, "path": f"{kind}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "description": f"{counts[kind]} {kind} records ({KINDS[kind].__doc__.strip()})",
        "schema": {"fields": [{**f, "type": "string" if f["type"] == "array" else f["type"]} for f in fields(kind)],
                   "primaryKey": ["id"]},
    } for kind in KINDS]
    package = {
        "name": "oic-cooperative-defense", "title": "Cooperative defense among OIC member states: dataset",
        "version": version, "licenses": [LICENSE], "resources": resources,
        "description": "States, organisations, agreements, exercises and industrial programs, each record with its sources.",
    }
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"


def dataset_files(dataset: dict[str, list[Record]], version: str) -> dict[str, str]:
    """Every download, by file name under /data/."""
    files = {"datapackage.json": datapackage({kind: len(records) for kind, records in dataset.items()}, version)}
    for kind, records in dataset.items():
        files[f"{kind}.csv"] = as_csv(kind, records)
        files[f"{kind}.json"] = as_json(records)
    return files
