"""What a valid page, tag and reference is: defined once, used by the build and the tests.

Every problem is reported as one line, `file:line: what: problem`, so that a contributor
can go straight to it.
"""

from __future__ import annotations

import re
import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
TAGS_FILE = DATA_DIR / "tags.yml"
REFERENCES_FILE = DATA_DIR / "references.yml"
GLOSSARY_FILE = DATA_DIR / "glossary.yml"
CHANGELOG_FILE = DATA_DIR / "changelog.yml"

class ContentError(Exception):
    """A problem in the site's content (a page, a data file, a placeholder), never a bug in a hook:
    its message is the `file:line: what: problem` lines to show the contributor."""


KEY_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
PARTIAL_DATE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"


# ---------------------------------------------------------------------------
# YAML with line numbers
# ---------------------------------------------------------------------------

class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line where each mapping starts."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _without_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_lines(item) for key, item in value.items() if key != "__line__"}
    return [_without_lines(item) for item in value] if isinstance(value, list) else value


def load_records(path: Path) -> list[dict]:
    """A YAML list of mappings, each with its line number under `__line__` (nested mappings without)."""
    records = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader) or []
    if not isinstance(records, list):
        raise ValueError(f"{display(path)}:1: expected a list of records")
    return [{**_without_lines(record), "__line__": record["__line__"]} if isinstance(record, dict) else record
            for record in records]


def docs_url(source: str) -> str:
    """A page's URL path from its docs/-relative source: a/b.md -> a/b/, a/index.md -> a/, index.md -> ''."""
    stem = source.removesuffix(".md")
    stem = stem.removesuffix("index").rstrip("/") if stem == "index" or stem.endswith("/index") else stem
    return f"{stem}/" if stem else ""


def display(path: Path | str) -> str:
    """A path as contributors see it: relative to the project."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def describe(error: ValidationError) -> list[tuple[str, str]]:
    """(field, problem) pairs from a pydantic error, in plain words."""
    pairs = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or "(record)"
        message = item["msg"].removeprefix("Value error, ")
        pairs.append((field, message))
    return pairs


def as_written(value: Any) -> Any:
    """YAML reads 2024 as a number and 2024-03-01 as a date; keep them as written."""
    return value.isoformat() if isinstance(value, dt.date) else (str(value) if isinstance(value, int) else value)


def _not_in_future(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise ValueError(f"{value} is in the future")
    return value


PastDate = Annotated[dt.date, AfterValidator(_not_in_future)]


# ---------------------------------------------------------------------------
# Tags: the controlled vocabulary
# ---------------------------------------------------------------------------

def load_vocabulary(path: Path = TAGS_FILE) -> dict[str, str]:
    """Every allowed tag, mapped to its group (cooperation type, region, ...)."""
    groups = yaml.safe_load(path.read_text(encoding="utf-8"))
    vocabulary: dict[str, str] = {}
    for group, tags in groups.items():
        for tag in tags:
            if tag in vocabulary:
                raise ValueError(f"{display(path)}: tag {tag!r} is listed twice")
            vocabulary[tag] = group
    return vocabulary


def load_tag_pages(path: Path = TAGS_FILE) -> dict[str, str]:
    """Tags that name the page explaining them (the cooperation types): tag -> docs/-relative page."""
    groups = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {tag: page for tags in groups.values() if isinstance(tags, dict) for tag, page in tags.items()}


# ---------------------------------------------------------------------------
# Page front matter
# ---------------------------------------------------------------------------

# Articles: the pages with the full anatomy, a cite box and a reading time.
ARTICLE_KINDS = ("topic", "case")

class CaseDate(BaseModel):
    """One dated event in a case's fact box; the event text may carry citations."""

    model_config = ConfigDict(extra="forbid")

    date: str = Field(pattern=rf"^{PARTIAL_DATE}$")
    event: str = Field(min_length=3)

    @field_validator("date", mode="before")
    @classmethod
    def _as_text(cls, value: Any) -> Any:
        return as_written(value)


class CaseFacts(BaseModel):
    """The `case:` block of a case page: drawn as its fact box and as its row on /cases/."""

    model_config = ConfigDict(extra="forbid")

    parties: list[str] = Field(min_length=1)
    types: list[str] = Field(min_length=1)    # tags of the "cooperation type" group
    regions: list[str] = Field(min_length=1)  # tags of the "region" group, the main one first
    start: int = Field(ge=1900)
    end: int | None = None
    status: Literal["active", "dormant", "ended", "proposed"]
    status_note: str | None = None
    legal_basis: str = Field(min_length=3)
    key_dates: list[CaseDate] = Field(min_length=1)
    as_of: PastDate
    records: list[str] = []  # ids of data/ records (agreements, organisations, ...) the case is about

    @model_validator(mode="after")
    def _years(self) -> "CaseFacts":
        if self.end is not None and self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        if self.status == "ended" and self.end is None:
            raise ValueError("an ended case needs an end year")
        return self


class PageMeta(BaseModel):
    """The front matter of every page under docs/."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1)
    # No straight double quotes: the theme writes it into HTML attributes unescaped.
    description: str = Field(min_length=20, max_length=160, pattern=r'^[^"]*$')
    kind: Literal["topic", "case", "reference", "guide"]
    tags: list[str] = []
    last_reviewed: PastDate
    # Material's own layout switch, allowed so the home page can drop its sidebars.
    hide: list[Literal["navigation", "toc", "footer", "path", "tags"]] = []
    case: CaseFacts | None = None
    # Material's search settings for the page: the generated state profiles rank a little lower
    # than the articles that discuss the same names.
    search: dict[Literal["boost", "exclude"], float | bool] | None = None

    @model_validator(mode="after")
    def _articles_are_tagged(self) -> "PageMeta":
        if self.kind in ARTICLE_KINDS and not self.tags:
            raise ValueError(f"a {self.kind} page needs tags from data/tags.yml")
        return self

    @model_validator(mode="after")
    def _cases_have_facts(self, info) -> "PageMeta":
        if (self.kind == "case") != (self.case is not None):
            raise ValueError("a case page, and only a case page, has a 'case:' block")
        vocabulary = (info.context or {}).get("vocabulary")
        if self.case and vocabulary is not None:
            for field, group in (("types", "cooperation type"), ("regions", "region")):
                for value in getattr(self.case, field):
                    if vocabulary.get(value) != group:
                        raise ValueError(f"case.{field}: {value!r} is not a {group} tag in data/tags.yml")
                    if value not in self.tags:
                        raise ValueError(f"case.{field}: {value!r} must also be among the page's tags")
        return self

    @field_validator("tags")
    @classmethod
    def _known_tags(cls, tags: list[str], info) -> list[str]:
        vocabulary = (info.context or {}).get("vocabulary")
        if vocabulary is not None:
            unknown = [tag for tag in tags if tag not in vocabulary]
            if unknown:
                raise ValueError(f"unknown tag {unknown[0]!r} (add it to data/tags.yml or pick a listed one)")
        return tags


# The page anatomy of EDITORIAL.md: these `##` sections, in this order, on every article.
# The glossary's key-terms line and the course kit find their sections by these same names.
LEARNING_OBJECTIVES = "Learning objectives"
DISCUSSION_QUESTIONS = "Discussion questions"
REQUIRED_SECTIONS = {
    "topic": [LEARNING_OBJECTIVES, "Limits and critiques", DISCUSSION_QUESTIONS, "Further reading"],
    "case": [LEARNING_OBJECTIVES, "Chronology", "What the case shows", "Limits and critiques", DISCUSSION_QUESTIONS,
             "Further reading"],
}


def front_matter_line(source: str, field: str) -> int:
    """The line of a front matter field in a page's source (1 if it is missing)."""
    match = re.search(rf"^{re.escape(field)}\s*:", source, flags=re.MULTILINE)
    return source.count("\n", 0, match.start()) + 1 if match else 1


def check_page_meta(path: Path, source: str, meta: dict[str, Any], vocabulary: dict[str, str]) -> list[str]:
    """Problems with one page's front matter, one line each."""
    try:
        PageMeta.model_validate(meta, context={"vocabulary": vocabulary})
    except ValidationError as error:
        return [
            f"{display(path)}:{front_matter_line(source, field.split('.')[0])}: front matter field {field!r}: {problem}"
            for field, problem in describe(error)
        ]
    return []


# ---------------------------------------------------------------------------
# References: the one bibliography
# ---------------------------------------------------------------------------

class Reference(BaseModel):
    """One work in data/references.yml."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(pattern=rf"^{KEY_PATTERN}$")
    type: Literal["book", "article", "chapter", "report", "document", "news", "web", "dataset"]
    author: list[str] = []
    organisation: str | None = None
    title: str = Field(min_length=1)
    container: str | None = None
    publisher: str | None = None
    date: str = Field(pattern=rf"^(?:{PARTIAL_DATE}|n\.d\.)$")  # n.d.: an undated web page
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    url: str | None = Field(default=None, pattern=r"^https://[^\s/$.?#][^\s]*$")
    doi: str | None = Field(default=None, pattern=r"^10\.\d{4,9}/\S+$")
    accessed: PastDate | None = None

    @field_validator("date", "volume", "issue", "pages", mode="before")
    @classmethod
    def _as_text(cls, value: Any) -> Any:
        return as_written(value)

    @model_validator(mode="after")
    def _complete(self) -> Reference:
        if not self.author and not self.organisation:
            raise ValueError("needs an author or an organisation")
        if not self.url and not self.doi:
            raise ValueError("needs a url or a doi")
        if self.url and not self.accessed:
            raise ValueError("a work with a url needs an accessed date")
        if self.date == "n.d." and self.type != "web":
            raise ValueError("only a web page may be undated (n.d.)")
        return self


def load_bibliography(path: Path = REFERENCES_FILE) -> tuple[dict[str, Reference], list[str]]:
    """All references by key, and one line per problem found in the file."""
    entries, problems = load_models(path, Reference, "reference")
    references: dict[str, Reference] = {}
    addresses: dict[str, str] = {}
    for reference, line in entries:
        if reference.key in references:
            problems.append(f"{display(path)}:{line}: reference {reference.key!r}: duplicate key")
        address = (reference.doi or reference.url or "").removeprefix("https://").removeprefix("www.").rstrip("/")
        if address in addresses and addresses[address] != reference.key:
            problems.append(f"{display(path)}:{line}: reference {reference.key!r}: same work as {addresses[address]!r} "
                            f"(same url or doi); cite that key")
        addresses.setdefault(address, reference.key)
        references.setdefault(reference.key, reference)
    return references, problems


def load_models(path: Path, model: type[BaseModel], name: str) -> tuple[list[tuple[Any, int]], list[str]]:
    """(record, line) for each valid record of a YAML list, and one line per problem."""
    records, problems = [], []
    for record in load_records(path):
        line = record.pop("__line__", 1)
        label = record.get("key") or record.get("id") or record.get("term") or record.get("date") or "?"
        try:
            records.append((model.model_validate(record), line))
        except ValidationError as error:
            problems += [f"{display(path)}:{line}: {name} {str(label)!r}: field {field!r}: {problem}"
                         for field, problem in describe(error)]
    return records, problems


# ---------------------------------------------------------------------------
# Glossary: terms and acronyms, rendered on /glossary/ and as tooltips on every page
# ---------------------------------------------------------------------------

class GlossaryEntry(BaseModel):
    """One term in data/glossary.yml."""

    model_config = ConfigDict(extra="forbid")

    term: str = Field(min_length=1)
    acronym: str | None = Field(default=None, pattern=r"^[A-Za-z0-9&-]+$")
    definition: str = Field(min_length=10)
    see: str | None = Field(default=None, pattern=r"^[a-z0-9/_-]+\.md(#[a-z0-9-]+)?$")  # where the site treats it

    @property
    def anchor(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", (self.acronym or self.term).lower()).strip("-")


# ---------------------------------------------------------------------------
# Changelog: substantive changes, rendered on /about/changelog/ and in the Atom feed
# ---------------------------------------------------------------------------

class ChangelogEntry(BaseModel):
    """One substantive change in data/changelog.yml."""

    model_config = ConfigDict(extra="forbid")

    date: PastDate
    title: str = Field(min_length=1)
    summary: str = Field(min_length=10)
    pages: list[str] = Field(min_length=1)  # docs/-relative sources, e.g. scope.md
