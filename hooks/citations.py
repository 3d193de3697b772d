"""Citations by key: `[@key]`, `[@key, p. 12]`, `[@a; @b]` in Markdown become numbered notes.

Pure functions (Markdown and references in, Markdown out) so that tests need no build.
Each cited work becomes a footnote holding its full reference; the footnotes are placed
under a generated "References" heading at the end of the page.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass

from schema import KEY_PATTERN, ContentError, Reference

# Code is left alone: fenced blocks and inline code spans.
CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)
# Anything that opens like a citation; checked strictly below.
CANDIDATE = re.compile(r"\[@[^\]\n]*\]")
ITEM = re.compile(rf"^@(?P<key>{KEY_PATTERN})(?:,\s*(?P<locator>[^;@\]]+?))?\s*$")

REFERENCES_TITLE = "References"
REFERENCES_HEADING = f"## {REFERENCES_TITLE}"
PLACE_MARKER = "///Footnotes Go Here///"  # Python-Markdown's footnotes placeholder


@dataclass(frozen=True)
class Citation:
    key: str
    locator: str
    line: int

    @property
    def label(self) -> str:
        """The footnote label: one note per work and locator."""
        suffix = re.sub(r"[^a-z0-9]+", "-", self.locator.lower()).strip("-")
        return f"{self.key}--{suffix}" if suffix else self.key


def prose_spans(markdown: str) -> list[tuple[int, int]]:
    """(start, end) of the stretches of text outside code."""
    spans, position = [], 0
    for code in CODE.finditer(markdown):
        spans.append((position, code.start()))
        position = code.end()
    spans.append((position, len(markdown)))
    return spans


def find_citations(markdown: str) -> tuple[list[tuple[int, int, list[Citation]]], list[tuple[int, str]]]:
    """Citation groups as (start, end, citations), and (line, problem) for malformed ones."""
    groups, problems = [], []
    for start, end in prose_spans(markdown):
        for match in CANDIDATE.finditer(markdown, start, end):
            line = markdown.count("\n", 0, match.start()) + 1
            items = [ITEM.match(part.strip()) for part in match.group(0)[1:-1].split(";")]
            if not all(items):
                problems.append((line, f"malformed citation {match.group(0)!r} (write [@key], [@key, p. 4] or [@a; @b])"))
                continue
            citations = [Citation(item["key"], (item["locator"] or "").strip(), line) for item in items]
            groups.append((match.start(), match.end(), citations))
    return groups, problems


def cited_keys(markdown: str) -> set[str]:
    """Every key a page cites."""
    groups, _ = find_citations(markdown)
    return {citation.key for _, _, citations in groups for citation in citations}


def citation_problems(markdown: str, references: dict[str, Reference]) -> list[tuple[int, str]]:
    """(line, problem) for each malformed citation or unknown key in a page."""
    groups, problems = find_citations(markdown)
    for _, _, citations in groups:
        problems += [(c.line, f"unknown citation key {c.key!r}") for c in citations if c.key not in references]
    return sorted(problems)


def render_citations(markdown: str, references: dict[str, Reference]) -> str:
    """The page with citations as footnotes and a References section at its end."""
    groups, _ = find_citations(markdown)
    if not groups:
        return markdown
    notes: dict[str, str] = {}
    pieces, position = [], 0
    for start, end, citations in groups:
        pieces.append(markdown[position:start])
        marks = []
        for citation in citations:
            if citation.key not in references:
                raise ContentError(f"line {citation.line}: unknown citation key {citation.key!r}")
            text = format_reference(references[citation.key])
            notes.setdefault(citation.label, f"{text} {citation.locator}." if citation.locator else text)
            marks.append(f"[^{citation.label}]")
        pieces.append("<sup>,</sup>".join(marks))
        position = end
    pieces.append(markdown[position:])
    definitions = "\n".join(f"[^{label}]: {text}" for label, text in notes.items())
    return f"{''.join(pieces).rstrip()}\n\n{REFERENCES_HEADING}\n\n{PLACE_MARKER}\n\n{definitions}\n"


# ---------------------------------------------------------------------------
# Formatting one reference (author-date, close to Chicago)
# ---------------------------------------------------------------------------

MONTHS = "January February March April May June July August September October November December".split()


def partial_date(value: str) -> str:
    """2025-09-17 -> 17 September 2025; 2025-09 -> September 2025; 2025 and n.d. stay."""
    if value == "n.d.":
        return "n.d."
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def _names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)


def creator(reference: Reference) -> str:
    """Who the work is by: its authors, or else the organisation."""
    return _names(reference.author) if reference.author else reference.organisation or ""


def format_reference(reference: Reference) -> str:
    """The full reference as one line of Markdown."""
    title = _escape(reference.title)
    whole_work = reference.type in {"book", "report", "document", "dataset"}
    parts = [f"{_escape(creator(reference)).rstrip('.')}. {partial_date(reference.date).rstrip('.')}."]
    parts.append(f"*{title}*." if whole_work else f"“{title}.”")
    if reference.container:
        container = f"*{_escape(reference.container)}*"
        if reference.volume:
            container += f" {reference.volume}"
        if reference.issue:
            container += f" ({reference.issue})"
        if reference.pages:
            container += f": {reference.pages}"
        parts.append(container + ".")
    publisher = reference.publisher or (reference.organisation if reference.author else None)
    if publisher and publisher != reference.container:
        parts.append(f"{_escape(publisher)}.")
    if reference.doi:
        parts.append(f"<https://doi.org/{reference.doi}>.")
    elif reference.url:
        parts.append(f"<{reference.url}>. Accessed {partial_date(reference.accessed.isoformat())}.")
    return " ".join(parts)


def sort_key(reference: Reference) -> tuple[str, str, str]:
    """Alphabetical by creator, then date, then title."""
    return (creator(reference).casefold(), reference.date, reference.title.casefold())


def initial(reference: Reference) -> str:
    """The letter a work is filed under: its creator's first letter without accents, or '0-9'."""
    first = unicodedata.normalize("NFKD", creator(reference).lstrip("“\"'(["))[:1].upper()
    return first if "A" <= first <= "Z" else "0-9"


def by_letter(references: dict[str, Reference]) -> dict[str, list[Reference]]:
    """Works grouped by initial, each group alphabetical, the groups in order."""
    groups: dict[str, list[Reference]] = {}
    for reference in sorted(references.values(), key=sort_key):
        groups.setdefault(initial(reference), []).append(reference)
    return dict(sorted(groups.items(), key=lambda item: (item[0] != "0-9", item[0])))


def letter_slug(letter: str) -> str:
    return letter.lower()


def letter_pages(groups: dict[str, list[Reference]], last_reviewed: str) -> dict[str, str]:
    """A page of works per initial, `references/<letter>.md`, each listing its works through the
    bibliography placeholder and linking back to the A–Z index."""
    pages = {}
    for letter in groups:
        pages[f"references/{letter_slug(letter)}.md"] = f"""---
title: "References: {letter}"
description: Works cited on this site whose author or issuing organisation begins with {letter}, listed alphabetically.
kind: reference
last_reviewed: {last_reviewed}
---

# References: {letter}

Works cited on this site, filed under {letter}. [All letters](../references.md).

<!-- md:bibliography letter={letter} -->
"""
    return pages


def render_bibliography(references: list[Reference]) -> str:
    """The given works, in order, each with an anchor at its key."""
    return "\n\n".join(f'<p class="reference" id="{r.key}" markdown="span">{format_reference(r)}</p>' for r in references)


def render_bibliography_index(groups: dict[str, list[Reference]], here: str) -> str:
    """Jump links to the letter pages, and an anchor per key whose script sends an old
    /references/#key link on to the work's entry on its letter page."""
    links = " · ".join(f"[{letter}]({posixpath.relpath(f'references/{letter_slug(letter)}.md', here or '.')}) ({len(works)})"
                       for letter, works in groups.items())
    stubs = "".join(f'<span id="{r.key}" data-letter="{letter_slug(letter)}"></span>'
                    for letter, works in groups.items() for r in works)
    redirect = ("<script>(function () { var key = decodeURIComponent(location.hash.slice(1)); "
                "var stub = key && document.getElementById(key); "
                "if (stub && stub.dataset.letter) location.replace(stub.dataset.letter + '/#' + key); })();</script>")
    return (f'<p class="az-links" markdown="span">{links}</p>\n\n<div class="reference-stubs" hidden>{stubs}</div>\n\n'
            f"{redirect}")
