"""The glossary, from data/glossary.yml: the /glossary/ page, and acronym tooltips on every page."""

from __future__ import annotations

from schema import GlossaryEntry

GLOSSARY_MARKER = "<!-- glossary -->"


def render_glossary(entries: list[GlossaryEntry]) -> str:
    """A definition list, alphabetical, each term with an anchor and a link to where the site treats it."""
    items = []
    for entry in sorted(entries, key=lambda e: (e.acronym or e.term).casefold()):
        name = f"{entry.acronym}: {entry.term}" if entry.acronym else entry.term
        see = f" [Read more]({entry.see})." if entry.see else ""
        items.append(f'<dt id="{entry.anchor}" markdown="span">{name}</dt>\n<dd markdown="span">{entry.definition}{see}</dd>')
    return '<dl class="glossary" markdown>\n' + "\n".join(items) + "\n</dl>"


def abbreviations(entries: list[GlossaryEntry]) -> str:
    """Python-Markdown abbreviation lines: every acronym shows its expansion as a tooltip."""
    return "\n".join(f"*[{e.acronym}]: {e.term}" for e in entries if e.acronym)
