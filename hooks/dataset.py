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


# The five obligations of ATOP (Leeds et al. 2002, codebook), each a yes/no field of an agreement.
OBLIGATIONS = {
    "defense": "A promise of active military support if a party is attacked.",
    "offense": "A promise of military support in a conflict not provoked by an attack on a party.",
    "neutrality": "A promise to stay out of a conflict in which a party is engaged.",
    "non_aggression": "A promise not to attack a party, or not to aid its attackers.",
    "consultation": "A promise to consult in a crisis that might lead to war.",
}
OBLIGATION_RULE = ("true: the text, or an official summary of it, states the promise; false: the text is "
                   "published and does not contain it, or an official source says there is no such promise; "
                   "empty: not coded, and the record's note says what the sources do and do not say.")
CooperationArea = Literal["training", "exercises", "education", "industry", "arms transfers", "technology",
                          "intelligence", "basing", "access", "maritime security", "counter-terrorism",
                          "border security", "peacekeeping", "cyber", "logistics", "nuclear"]


def _obligation(name: str):
    return Field(default=None, description=f"{OBLIGATIONS[name]} {OBLIGATION_RULE}")


class PartyObligations(BaseModel):
    """One party's obligations where they differ from the agreement's (a one-sided guarantee)."""

    model_config = ConfigDict(extra="forbid")

    state: Country = Field(description="ISO 3166-1 alpha-3 code of the party.")
    defense: bool | None = None
    offense: bool | None = None
    neutrality: bool | None = None
    non_aggression: bool | None = None
    consultation: bool | None = None


class Agreement(Record):
    """A treaty, pact, declaration or defense cooperation agreement, its obligations coded as ATOP codes them."""

    name: str = Field(description="Name of the agreement, as in its text or official statements.")
    parties: list[Country] = Field(min_length=2, description="ISO 3166-1 alpha-3 codes of the parties.")
    signed: PartialDate = Field(description="Year or date of signature.")
    in_force: PartialDate | None = Field(default=None, description="Year or date of entry into force, if known.")
    ended: PartialDate | None = Field(default=None, description="Year or date it ended, if it has.")
    status: Literal["in force", "ended", "suspended", "unknown"] = Field(
        description="Status as of the record's date; 'unknown' always comes with a note.")
    text_status: Literal["published", "summary only", "unpublished", "secret annex reported"] | None = Field(
        default=None, description="How much of the text the sources show; where it is not 'published', "
                                  "the obligations rest on summaries. Empty where the sources do not say.")
    defense: bool | None = _obligation("defense")
    offense: bool | None = _obligation("offense")
    neutrality: bool | None = _obligation("neutrality")
    non_aggression: bool | None = _obligation("non_aggression")
    consultation: bool | None = _obligation("consultation")
    conditional: bool | None = Field(default=None, description="Whether the obligations hold only in named "
                                                               "circumstances; empty if not coded.")
    conditions: str | None = Field(default=None, description="The circumstances, if conditional (e.g. attack by a "
                                                             "named state, an internal threat).")
    cooperation: list[CooperationArea] = Field(default=[], description="Areas of defense cooperation the sources "
                                                                       "name (the DCA sense of Kinne's dataset).")
    party_obligations: list[PartyObligations] = Field(default=[], description="Obligations of single parties "
                                                      "where they differ from the agreement's (one-sided promises).")
    spells: list[Spell] = Field(default=[], description="Parties that joined or left at other dates than the "
                                                        "signing: state, joined, left.")
    atop_id: int | None = Field(default=None, description="The agreement's ATOP identifier (ATOP version 5.1), "
                                                          "where ATOP has it and a source gives it.")
    key_clause: str | None = Field(default=None, description="The central obligation, summarised or briefly quoted from the text.")

    def ordered_dates(self):
        return [("signed", self.signed), ("in_force", self.in_force), ("ended", self.ended)]

    @model_validator(mode="after")
    def _explained(self):
        problems = []
        if self.status == "unknown" and not self.note:
            problems.append("status 'unknown' needs a note on what the sources do and do not say")
        if self.conditions and self.conditional is not True:
            problems.append("conditions are given, so conditional must be true")
        strays = sorted({item.state for item in self.spells + self.party_obligations} - set(self.parties))
        if strays:
            problems.append(f"{strays[0]} has spells or obligations but is not among the parties")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def strongest(self) -> str:
        """The strongest obligation coded true, for figures: defense first, consultation last."""
        coded = [name for name in OBLIGATIONS if getattr(self, name) is True]
        coded += [name for party in self.party_obligations for name in OBLIGATIONS if getattr(party, name) is True]
        return next((name for name in OBLIGATIONS if name in coded), "none")

    @property
    def obligations(self) -> str:
        """The coded obligations in words, for tables: those coded true, or why there are none."""
        true = [name.replace("_", "-") for name in OBLIGATIONS if getattr(self, name) is True]
        true += [f"{name.replace('_', '-')} ({party.state} only)" for party in self.party_obligations
                 for name in OBLIGATIONS if getattr(party, name) is True]
        if true:
            return ", ".join(true) + (" (conditional)" if self.conditional else "")
        if all(getattr(self, name) is False for name in OBLIGATIONS):
            return "none of the five"
        return "not coded"

    def parties_in(self, year: int) -> list[str]:
        """The parties bound in a year, by their spells where the record gives them."""
        spells = {spell.state: spell for spell in self.spells}
        return [party for party in self.parties
                if party not in spells or is_member(spells[party], str(year))]


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


class Invocation(Record):
    """An occasion on which a party asked for help under an agreement, or a joint force deployed under one."""

    agreement: str | None = Field(default=None, description="Id of the agreements record invoked.")
    organisation: str | None = Field(default=None, description="Id of the organisations record whose instrument "
                                                               "or force was invoked (when no agreement record fits).")
    date: PartialDate = Field(description="Year or date of the request or deployment.")
    kind: Literal["request", "deployment", "consultation"] = Field(
        description="A party asked for help; a joint force deployed; or a party asked for consultations.")
    requested_by: list[Country] = Field(default=[], description="Who asked, as ISO 3166-1 alpha-3 codes.")
    requested_of: list[Country] = Field(default=[], description="Who was asked, where the sources say.")
    asked: str = Field(min_length=10, description="What was asked for.")
    given: str = Field(min_length=5, description="What was given.")
    outcome: Literal["given", "partly given", "refused", "no response", "not recorded"] = Field(
        description="Whether what was asked for was given, as far as the sources say.")

    @property
    def instrument(self) -> str:
        """The id of the agreement or organisation invoked."""
        return self.agreement or self.organisation

    @model_validator(mode="after")
    def _one_instrument(self):
        if (self.agreement is None) == (self.organisation is None):
            raise ValueError("give exactly one of agreement or organisation")
        return self


KINDS: dict[str, type[Record]] = {"states": State, "organisations": Organisation, "agreements": Agreement,
                                  "exercises": Exercise, "programs": Program, "invocations": Invocation}


def load_dataset(references: set[str], data_dir: Path = DATA_DIR) -> tuple[dict[str, list], list[str]]:
    """Every valid record of every kind, and one line per problem: file:line, record id, field, problem."""
    dataset, problems, seen, lines = {}, [], {}, {}
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
            if isinstance(record, Agreement):
                problems += [f"{where}: field 'spells': {problem}" for problem in spell_problems(record.spells)]
            dataset[kind].append(record)
            lines[record.id] = line
    for record in dataset.get("invocations", []):
        field = "agreement" if record.agreement else "organisation"
        target = getattr(record, field)
        if target not in {other.id for other in dataset[f"{field}s"]}:
            problems.append(f"{display(data_dir / 'invocations.yml')}:{lines[record.id]}: record {record.id!r}: "
                            f"field {field!r}: no {field}s record {target!r}")
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


def cow_codes(codes: set[str]) -> dict[str, int | None]:
    """Correlates of War state codes for ISO 3166-1 alpha-3 codes, from the countrycode package
    (Arel-Bundock's, as political scientists use in R); None where COW has no code."""
    from countrycode import countrycode

    ordered = sorted(codes)
    return dict(zip(ordered, countrycode(ordered, origin="iso3c", destination="cown"))) if ordered else {}


def year(value: str | None) -> int | None:
    return int(value[:4]) if value else None


def is_member(spell: Spell, on: str) -> bool:
    return spell.joined[:4] <= on[:4] and (spell.left is None or spell.left[:4] > on[:4])

