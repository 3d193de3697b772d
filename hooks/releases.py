"""The dataset's releases, from data/releases.yml: the one place its version comes from.

Each release lists the record ids it added, changed and removed, by kind. The build checks
the log against the data (every record added by some release and not removed since, nothing
changed or removed that does not exist) and renders the release notes and the "how to cite
the dataset" line; datapackage.json and CITATION.cff carry the same version.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from page_facts import human_date
from schema import DATA_DIR, PastDate

RELEASES_FILE = DATA_DIR / "releases.yml"
AUTHOR = "OIC Cooperative Defense Reference"
TITLE = "Cooperative defense among OIC member states: dataset"


class Release(BaseModel):
    """One release of the dataset."""

    model_config = ConfigDict(extra="forbid")

    version: str = Field(pattern=r"^\d{4}\.\d{1,2}$")
    date: PastDate
    summary: str = Field(min_length=10)
    added: dict[str, list[str]] = {}
    changed: dict[str, list[str]] = {}
    removed: dict[str, list[str]] = {}

    @property
    def citation(self) -> str:
        return f"{AUTHOR}. {self.date.year}. {TITLE}, version {self.version} ({human_date(self.date)}). CC BY 4.0."


def release_problems(releases: list[Release], dataset: dict[str, list]) -> list[str]:
    """Where the log and the data disagree, one line each."""
    problems, where = [], "data/releases.yml"
    if [r.date for r in releases] != sorted((r.date for r in releases), reverse=True):
        problems.append(f"{where}: releases must be listed newest first")
    for kind, records in dataset.items():
        current = {record.id for record in records}
        listed: set[str] = set()
        for release in reversed(releases):
            listed = (listed | set(release.added.get(kind, []))) - set(release.removed.get(kind, []))
            unknown = sorted(set(release.changed.get(kind, [])) - listed)
            if unknown:
                problems.append(f"{where}: release {release.version}: changed {kind} record {unknown[0]!r} does not exist")
        problems += [f"{where}: {kind} record {rid!r} is added by no release" for rid in sorted(current - listed)]
        problems += [f"{where}: {kind} record {rid!r} is listed but not in data/{kind}.yml" for rid in sorted(listed - current)]
    return problems


def render_releases(releases: list[Release]) -> str:
    """Release notes, newest first, with counts of records added, changed and removed by kind."""
    def counts(lists: dict[str, list[str]]) -> str:
        return ", ".join(f"{len(ids)} {kind}" for kind, ids in lists.items() if ids) or "none"

    return "\n\n".join(f"### Version {r.version} ({human_date(r.date)})\n\n{r.summary}\n\n"
                       f"- Added: {counts(r.added)}\n- Changed: {counts(r.changed)}\n- Removed: {counts(r.removed)}"
                       for r in releases)
