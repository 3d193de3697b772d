"""Checks one page's source: its front matter and its citations. Used by the build and the tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.utils.meta import get_data

from citations import REFERENCES_TITLE, citation_problems
from schema import REQUIRED_SECTIONS, Reference, check_page_meta, display, front_matter_line


def check_page(path: Path, references: dict[str, Reference], vocabulary: dict[str, str]) -> list[str]:
    """Every problem in one Markdown page, as `file:line: problem` lines."""
    source = path.read_text(encoding="utf-8")
    markdown, meta = get_data(source)
    if not meta:
        return [f"{display(path)}:1: front matter is missing or not valid YAML"]
    offset = source.count("\n", 0, len(source) - len(markdown))
    problems = check_page_meta(path, source, meta, vocabulary)
    if isinstance(meta.get("case"), dict):  # the fact box's cited lines, checked like the body
        line = front_matter_line(source, "case")
        problems += [f"{display(path)}:{line}: case block: {problem}"
                     for _, problem in citation_problems(json.dumps(meta["case"], default=str), references)]
    problems += [f"{display(path)}:{line + offset}: {problem}"
                 for line, problem in citation_problems(markdown, references)]
    problems += [f"{display(path)}:{line + offset}: {problem}" for line, problem in anatomy_problems(markdown, meta.get("kind"))]
    return problems


def anatomy_problems(markdown: str, kind: str | None) -> list[tuple[int, str]]:
    """(line, problem) for missing or misplaced sections of the page anatomy, and a hand-written References."""
    headings = {match[1]: markdown.count("\n", 0, match.start()) + 1
                for match in re.finditer(r"^## +(.+?) *$", markdown, flags=re.MULTILINE)}
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
