"""The glossary, from data/glossary.yml: the /glossary/ page, acronym tooltips on every page, and
a line of key terms on each article that links them to their entries."""

from __future__ import annotations

import posixpath
import re

from schema import LEARNING_OBJECTIVES, GlossaryEntry


def render_glossary(entries: list[GlossaryEntry]) -> str:
    """Alphabetical, one short section per term (so that search finds each term on its own), each
    with an anchor and a link to where the site treats it."""
    items = []
    for entry in sorted(entries, key=lambda e: (e.acronym or e.term).casefold()):
        name = f"{entry.acronym}: {entry.term}" if entry.acronym else entry.term
        see = f" [Read more]({entry.see})." if entry.see else ""
        items.append(f"## {name} {{#{entry.anchor} }}\n\n{entry.definition}{see}")
    return "\n\n".join(items)


def abbreviations(entries: list[GlossaryEntry]) -> str:
    """Python-Markdown abbreviation lines: every acronym shows its expansion as a tooltip."""
    return "\n".join(f"*[{e.acronym}]: {e.term}" for e in entries if e.acronym)


def key_terms(markdown: str, entries: list[GlossaryEntry], page_src: str, limit: int = 12) -> str:
    """A 'Key terms' line before the learning objectives: the glossary terms the page uses,
    in order of first use, each linked to its glossary entry."""
    heading = f"## {LEARNING_OBJECTIVES}"
    body = markdown.split(heading, 1)[-1]
    found = []
    for entry in entries:
        names = [entry.term] + ([entry.acronym] if entry.acronym else [])
        positions = [m.start() for name in names for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", body,
                                                                       flags=0 if name.isupper() else re.IGNORECASE)]
        if positions:
            found.append((min(positions), entry))
    if not found:
        return markdown
    glossary = posixpath.relpath("glossary.md", posixpath.dirname(page_src) or ".")
    links = ", ".join(f"[{entry.term}]({glossary}#{entry.anchor})" for _, entry in sorted(found, key=lambda f: f[0])[:limit])
    line = f'<p class="key-terms" markdown="span">**Key terms:** {links}.</p>\n\n'
    return markdown.replace(heading, line + heading, 1)
