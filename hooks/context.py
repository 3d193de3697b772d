"""Everything a build knows about the site, gathered and checked once, then only read.

`build_context` loads the data files and reads every page once; any problem in them is
collected and raised together as one ContentError. The result is frozen: the rendering
steps that follow take what they need from it, so no step depends on another having
filled in shared state first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from cases import Case
from pages import SourcePage, check_page, parse_page, read_page
from placeholders import Renderer
from schema import (CHANGELOG_FILE, GLOSSARY_FILE, CaseFacts, ChangelogEntry, ContentError, GlossaryEntry,
                    Reference, load_bibliography, load_models, load_tag_pages, load_vocabulary)
from dataset import Record, load_dataset
from citations import cited_keys
from releases import RELEASES_FILE, Release, release_problems


@dataclass(frozen=True)
class SiteContext:
    site_url: str
    site_name: str
    releases: tuple[Release, ...]                 # newest first: releases[0] is the dataset's current version
    references: Mapping[str, Reference]
    vocabulary: Mapping[str, str]                 # tag -> group
    type_pages: Mapping[str, str]                 # cooperation type tag -> the page explaining it
    glossary: tuple[GlossaryEntry, ...]
    changes: tuple[ChangelogEntry, ...]
    dataset: Mapping[str, list[Record]]
    pages: Mapping[str, SourcePage]               # docs/-relative source -> the page as written
    cases: Mapping[str, Case]

    @property
    def release(self) -> Release:
        return self.releases[0]

    @property
    def written_pages(self) -> list[SourcePage]:
        """The pages editors wrote: what the course kit lists (generated pages hang off their index)."""
        return [page for page in self.pages.values() if not page.generated]

    @property
    def case_list(self) -> list[Case]:
        return list(self.cases.values())


@dataclass(frozen=True)
class PageContext:
    """What a renderer sees: the site, and the page it is rendering into."""

    site: SiteContext
    page: SourcePage

    @property
    def here(self) -> str:
        return self.page.here


def build_context(sources: dict[str, Path], registry: dict[str, Renderer], site_url: str, site_name: str,
                  warn=print) -> SiteContext:
    """Load and check every data file and page; raise ContentError listing every problem found."""
    references, problems = load_bibliography()
    glossary, glossary_problems = load_models(GLOSSARY_FILE, GlossaryEntry, "glossary term")
    changes, changelog_problems = load_models(CHANGELOG_FILE, ChangelogEntry, "change")
    dataset, dataset_problems = load_dataset(set(references))
    releases, release_load_problems = load_models(RELEASES_FILE, Release, "release")
    problems += glossary_problems + changelog_problems + dataset_problems + release_load_problems
    problems += release_problems([release for release, _ in releases], dataset)
    vocabulary = load_vocabulary()
    pages = {source: read_page(path, source) for source, path in sources.items()}
    for page in pages.values():
        problems += check_page(page, references, vocabulary, registry)
    problems += [f"data/changelog.yml:{line}: change {entry.title!r}: field 'pages': no page {source!r}"
                 for entry, line in changes for source in entry.pages if source not in pages]
    if problems:
        raise ContentError("\n".join(problems))
    cases = {source: Case(source, page.title, CaseFacts.model_validate(page.meta["case"]))
             for source, page in pages.items() if page.meta.get("case")}
    cited = {key for page in pages.values() for key in cited_keys(page.text)}
    cited |= {key for records in dataset.values() for record in records for key in record.sources}
    for key in sorted(set(references) - cited):
        warn(f"data/references.yml: reference {key!r} is cited by no page")
    return SiteContext(site_url, site_name, tuple(release for release, _ in releases), MappingProxyType(references),
                       MappingProxyType(vocabulary), MappingProxyType(load_tag_pages()),
                       tuple(entry for entry, _ in glossary), tuple(entry for entry, _ in changes),
                       MappingProxyType(dataset), MappingProxyType(pages), MappingProxyType(cases))


def with_generated_pages(site: SiteContext, texts: dict[str, str], docs_dir: Path, registry: dict[str, Renderer]) -> SiteContext:
    """The context with pages the build generates (the state profiles), checked like written ones."""
    pages = {source: parse_page(text, docs_dir / source, source, generated=True) for source, text in texts.items()}
    problems = [problem for page in pages.values()
                for problem in check_page(page, site.references, site.vocabulary, registry)]
    if problems:
        raise ContentError("Generated pages:\n" + "\n".join(problems))
    return replace(site, pages=MappingProxyType({**site.pages, **pages}))
