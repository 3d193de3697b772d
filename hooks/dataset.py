"""The open dataset: five record kinds, one model each, checked together.

Each kind lives in data/<kind>.yml. The models' field descriptions are the codebook:
/data/codebook/ and datapackage.json are generated from them, so the documentation
cannot drift from what the build accepts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import pycountry
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from schema import DATA_DIR, KEY_PATTERN, PARTIAL_DATE, PastDate, as_written, describe, display, load_records

COUNTRY_CODES = {country.alpha_3 for country in pycountry.countries}


def _known_country(code: str) -> str:
    if code not in COUNTRY_CODES:
        raise ValueError(f"unknown ISO 3166-1 alpha-3 country code {code!r}")
    return code


Country = Annotated[str, AfterValidator(_known_country)]
PartialDate = Annotated[str, Field(pattern=rf"^{PARTIAL_DATE}$")]
REGIONS = Literal["Gulf and Middle East", "South Asia", "Türkiye, the Caucasus and Central Asia",
                  "Sahel and Lake Chad", "Southeast Asia", "North and East Africa", "West and Central Africa",
                  "Europe", "Americas"]


class Record(BaseModel):
    """What every record has: an id, sources from the bibliography, and an "as of" date."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=rf"^{KEY_PATTERN}$", description="Unique identifier across the whole dataset (lowercase, hyphens).")
    sources: list[str] = Field(min_length=1, description="Keys of data/references.yml that support the record.")
    as_of: PastDate = Field(description="Date on which the record was last checked against its sources.")
    note: str | None = Field(default=None, description="A qualification, an outcome or a disagreement among the sources, in a sentence.")

    @model_validator(mode="before")
    @classmethod
    def _dates_as_text(cls, values: dict) -> dict:
        return {key: as_written(value) for key, value in values.items()} if isinstance(values, dict) else values

    def ordered_dates(self) -> list[tuple[str, str]]:
        """(field, date) pairs that must not go backwards, in order."""
        return []

    @model_validator(mode="after")
    def _dates_in_order(self):
        dates = [(field, value) for field, value in self.ordered_dates() if value]
        for (first, earlier), (second, later) in zip(dates, dates[1:]):
            if later[: len(earlier)] < earlier[: len(later)]:
                raise ValueError(f"{second} ({later}) is before {first} ({earlier})")
        return self


class State(Record):
    """A member or observer state of the OIC."""

    id: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code, which is also the record id.")
    name: str = Field(description="Short name as the United Nations uses it.")
    region: REGIONS = Field(description="The site's regional grouping.")
    oic_status: Literal["member", "observer"] = Field(description="Membership status in the OIC as of the record's date.")
    oic_joined: PartialDate = Field(description="Year (or date) the state joined the OIC in that status.")

    @model_validator(mode="after")
    def _known_code(self):
        _known_country(self.id)
        return self


class Spell(BaseModel):
    """One period of a state's membership of an organisation."""

    model_config = ConfigDict(extra="forbid")

    state: Country = Field(description="ISO 3166-1 alpha-3 code of the member.")
    joined: PartialDate = Field(description="Year or date the state joined.")
    left: PartialDate | None = Field(default=None, description="Year or date the state left; empty while a member.")

    @model_validator(mode="before")
    @classmethod
    def _dates_as_text(cls, values: dict) -> dict:
        return {key: as_written(value) for key, value in values.items()} if isinstance(values, dict) else values


class Organisation(Record):
    """An alliance, coalition, joint force, council or forum."""

    name: str = Field(description="Official name in English.")
    acronym: str | None = Field(default=None, description="Usual acronym.")
    kind: Literal["alliance", "coalition", "joint force", "council", "organisation", "forum"] = Field(
        description="What sort of body it is.")
    founded: PartialDate = Field(description="Year or date of foundation.")
    ended: PartialDate | None = Field(default=None, description="Year or date it was dissolved; empty if it exists.")
    headquarters: str | None = Field(default=None, description="City of the headquarters or secretariat.")
    purpose: str = Field(min_length=10, description="One sentence on its stated purpose.")
    members: list[Spell] = Field(default=[], description="Membership spells: state, joined, left.")

    def ordered_dates(self):
        return [("founded", self.founded), ("ended", self.ended)]


AGREEMENT_TYPES = {
    "defense": "A promise of active military support if a party is attacked (the ATOP 'defense' obligation).",
    "consultation": "A promise to consult in a crisis, without a promise of military support.",
    "non-aggression": "A promise not to attack or aid an attacker of the other party.",
    "neutrality": "A promise to stay out of a conflict involving the other party.",
    "cooperation": "Defense cooperation without an alliance obligation: training, exercises, industry, "
                   "information (the DCA sense of Kinne's dataset).",
}


class Agreement(Record):
    """A treaty, pact, declaration or defense cooperation agreement."""

    name: str = Field(description="Name of the agreement, as in its text or official statements.")
    type: Literal["defense", "consultation", "non-aggression", "neutrality", "cooperation"] = Field(
        description="Strongest obligation in the text; see the typology on the codebook page.")
    parties: list[Country] = Field(min_length=2, description="ISO 3166-1 alpha-3 codes of the parties.")
    signed: PartialDate = Field(description="Year or date of signature.")
    in_force: PartialDate | None = Field(default=None, description="Year or date of entry into force, if known.")
    ended: PartialDate | None = Field(default=None, description="Year or date it ended, if it has.")
    status: Literal["in force", "ended", "suspended", "unknown"] = Field(description="Status as of the record's date.")
    key_clause: str | None = Field(default=None, description="The central obligation, summarised or briefly quoted from the text.")

    def ordered_dates(self):
        return [("signed", self.signed), ("in_force", self.in_force), ("ended", self.ended)]


class Exercise(Record):
    """A series of military exercises (and, where known, its editions)."""

    name: str = Field(description="Name of the exercise series.")
    host: Country | None = Field(default=None, description="ISO 3166-1 alpha-3 code of the usual host or organiser; empty when an organisation runs it (see note).")
    participants: list[Country] = Field(min_length=2, description="States that have taken part, as far as the sources say.")
    domain: Literal["land", "sea", "air", "joint", "counter-terrorism", "special forces"] = Field(
        description="Main domain of the drills.")
    first_year: int | None = Field(default=None, ge=1900, description="Year of the first edition; empty where the sources do not say.")
    frequency: Literal["annual", "biennial", "irregular", "one-off", "unknown"] = Field(description="How often it is held.")
    participation: str | None = Field(default=None, description="Numbers taking part as the sources report them, with the year.")
    editions: list[int] = Field(default=[], description="Years of editions the sources confirm.")

    @model_validator(mode="after")
    def _dated(self):
        if self.first_year is None and not self.editions:
            raise ValueError("give first_year or at least one of editions, so the series can be placed in time")
        return self

    def earliest_year(self) -> int:
        """The first edition, or the earliest one the sources confirm."""
        return self.first_year or min(self.editions)


class Program(Record):
    """A co-development, co-production, licensed-production or technology-transfer program."""

    name: str = Field(description="Name of the program.")
    kind: Literal["co-development", "co-production", "licensed production", "technology transfer"] = Field(
        description="Form of industrial cooperation.")
    partners: list[Country] = Field(min_length=2, description="ISO 3166-1 alpha-3 codes of the partner states.")
    system: str = Field(description="The weapon system or equipment concerned.")
    start: PartialDate = Field(description="Year or date the program began.")
    end: PartialDate | None = Field(default=None, description="Year or date it ended, if it has.")
    status: Literal["active", "completed", "cancelled", "suspended", "unknown"] = Field(
        description="Status as of the record's date.")

    def ordered_dates(self):
        return [("start", self.start), ("end", self.end)]


KINDS: dict[str, type[Record]] = {"states": State, "organisations": Organisation, "agreements": Agreement,
                                  "exercises": Exercise, "programs": Program}


def load_dataset(references: set[str], data_dir: Path = DATA_DIR) -> tuple[dict[str, list], list[str]]:
    """Every valid record of every kind, and one line per problem: file:line, record id, field, problem."""
    dataset, problems, seen = {}, [], {}
    for kind, model in KINDS.items():
        path = data_dir / f"{kind}.yml"
        dataset[kind] = []
        for raw in load_records(path):
            line, record_id = raw.pop("__line__", 1), raw.get("id", "?")
            where = f"{display(path)}:{line}: record {record_id!r}"
            if record_id in seen:
                problems.append(f"{where}: field 'id': duplicate id (also in {seen[record_id]})")
            seen.setdefault(record_id, display(path))
            problems += [f"{where}: field 'sources': unknown source key {key!r}" for key in raw.get("sources") or []
                         if key not in references]
            try:
                record = model.model_validate(raw)
            except ValidationError as error:
                problems += [f"{where}: field {field!r}: {problem}" for field, problem in describe(error)]
                continue
            if isinstance(record, Organisation):
                problems += [f"{where}: field 'members': {problem}" for problem in spell_problems(record.members)]
            dataset[kind].append(record)
    return dataset, problems


def spell_problems(spells: list[Spell]) -> list[str]:
    """Spells that end before they begin, or overlap another spell of the same state."""
    problems, by_state = [], {}
    for spell in spells:
        if spell.left and spell.left[: len(spell.joined)] < spell.joined[: len(spell.left)]:
            problems.append(f"{spell.state} left ({spell.left}) before joining ({spell.joined})")
        by_state.setdefault(spell.state, []).append(spell)
    for state, own in by_state.items():
        own.sort(key=lambda s: s.joined)
        for first, second in zip(own, own[1:]):
            if first.left is None or second.joined[: len(first.left)] < first.left[: len(second.joined)]:
                problems.append(f"{state} has overlapping membership spells ({first.joined}-{first.left or 'now'} "
                                f"and {second.joined}-{second.left or 'now'})")
    return problems


def year(value: str | None) -> int | None:
    return int(value[:4]) if value else None


def is_member(spell: Spell, on: str) -> bool:
    return spell.joined[:4] <= on[:4] and (spell.left is None or spell.left[:4] > on[:4])

