"""One page's source, read and parsed once, and the checks on it. Used by the build and the tests."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils.meta import get_data

from citations import REFERENCES_TITLE, citation_problems
from page_facts import reading_minutes
from placeholders import Renderer, placeholder_problems
from schema import (DISCUSSION_QUESTIONS, REQUIRED_SECTIONS, Reference, check_page_meta, display, docs_url,
                    front_matter_line)


@dataclass(frozen=True)
class SourcePage:
    """A Markdown page as its author wrote it: the one parse every later step reads."""

    source: str          # docs/-relative, e.g. cases/imctc.md
    path: Path
    text: str            # the whole file
    markdown: str        # the body, front matter removed
    meta: dict[str, Any]
    offset: int          # lines taken by the front matter, to turn body lines into file lines
    generated: bool = False  # made by the build (state profiles, letter pages), not written by an editor

    @property
    def url(self) -> str:
        return docs_url(self.source)

    @property
    def here(self) -> str:
        """The page's folder under docs/, for relative links."""
        return self.source.rpartition("/")[0]

    @property
    def title(self) -> str:
        return self.meta.get("title", "")

    @property
    def kind(self) -> str:
        return self.meta.get("kind", "")

    @property
    def minutes(self) -> int:
        """Reading time of the text as written: the one figure the page, /teach/ and the CSV show."""
        return reading_minutes(self.markdown)

    @property
    def questions(self) -> tuple[str, ...]:
        """The numbered items of the page's discussion questions section."""
        section = re.search(rf"^## {DISCUSSION_QUESTIONS}\s*$(.*?)(?=^## |\Z)", self.markdown,
                            flags=re.MULTILINE | re.DOTALL)
        if not section:
            return ()
        return tuple(item.strip() for item in re.findall(r"^\d+\.\s+(.+)$", section.group(1), flags=re.MULTILINE))


def read_page(path: Path, source: str | None = None) -> SourcePage:
    return parse_page(path.read_text(encoding="utf-8"), path, source or path.name)


def parse_page(text: str, path: Path, source: str, generated: bool = False) -> SourcePage:
    """A page from its text; `path` is where it lives, or would live for a generated page."""
    markdown, meta = get_data(text)
    return SourcePage(source, path, text, markdown, meta or {}, text.count("\n", 0, len(text) - len(markdown)), generated)


def check_page(page: SourcePage, references: dict[str, Reference], vocabulary: dict[str, str],
               registry: dict[str, Renderer]) -> list[str]:
    """Every problem in one Markdown page, as `file:line: problem` lines."""
    where = display(page.path)
    if not page.meta:
        return [f"{where}:1: front matter is missing or not valid YAML"]
    problems = check_page_meta(page.path, page.text, page.meta, vocabulary)
    if isinstance(page.meta.get("case"), dict):  # the fact box's cited lines, checked like the body
        line = front_matter_line(page.text, "case")
        problems += [f"{where}:{line}: case block: {problem}"
                     for _, problem in citation_problems(json.dumps(page.meta["case"], default=str), references)]
    body = (citation_problems(page.markdown, references) + anatomy_problems(page.markdown, page.meta.get("kind"))
            + placeholder_problems(page.markdown, registry))
    return problems + [f"{where}:{line + page.offset}: {problem}" for line, problem in body]


def anatomy_problems(markdown: str, kind: str | None) -> list[tuple[int, str]]:
    """(line, problem) for missing or misplaced sections of the page anatomy, and a hand-written References."""
    headings = {match[1]: markdown.count("\n", 0, match.start()) + 1
                for match in re.finditer(r"^## +(.+?)(?: +\{#[\w-]+\})? *$", markdown, flags=re.MULTILINE)}
    problems = []
    if REFERENCES_TITLE in headings:
        problems.append((headings[REFERENCES_TITLE], "has a hand-written 'References' section; the build generates it from the citations"))
    required = REQUIRED_SECTIONS.get(kind, [])
    missing = [section for section in required if section not in headings]
    problems += [(1, f"missing the section '## {section}' required on {kind} pages") for section in missing]
    present = [heading for heading in headings if heading in required]
    if not missing and present != required:
        problems.append((headings[required[0]], f"sections out of order: expected {', '.join(required)}"))
    return problems
