"""One grammar for generated content in pages: `<!-- md:NAME arg key=value -->`.

A page asks for generated content (a table of records, a figure, the bibliography) with
one HTML comment of this form. Arguments are split like a shell line, so a value with
spaces is quoted: `<!-- md:case-list type="Mutual defense" -->`. Each NAME is looked up
in one registry (hooks/renderers.py); the renderer's own signature says which arguments
it takes, so a misspelt name, a missing or unknown argument, or a stray token (`ids=a, b`)
is reported as `file:line: placeholder md:NAME: problem` instead of being left in the page
for the minifier to strip. Any other HTML comment is refused for the same reason: the
minifier would drop it silently.
"""

from __future__ import annotations

import inspect
import re
import shlex
from dataclasses import dataclass, field
from typing import Callable

from citations import prose_spans
from schema import ContentError

COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
PLACEHOLDER = re.compile(r"^\s*md:(?P<name>[a-z][a-z0-9-]*)(?P<args>.*?)\s*$", re.DOTALL)
# Comments that belong to plugins, not to this grammar: left in place for them.
FOREIGN_MARKERS = {"material/tags"}


@dataclass(frozen=True)
class Placeholder:
    name: str
    args: tuple[str, ...]
    options: dict[str, str] = field(hash=False)
    line: int
    start: int
    end: int

    @property
    def text(self) -> str:
        return f"md:{self.name}"


Renderer = Callable[..., str]


def find_placeholders(markdown: str) -> tuple[list[Placeholder], list[tuple[int, str]]]:
    """Every placeholder outside code, and (line, problem) for comments that are not placeholders
    or whose arguments do not split."""
    found, problems = [], []
    for start, end in prose_spans(markdown):
        for match in COMMENT.finditer(markdown, start, end):
            line = markdown.count("\n", 0, match.start()) + 1
            body = match.group(1).strip()
            if body in FOREIGN_MARKERS:
                continue
            parsed = PLACEHOLDER.match(match.group(1))
            if not parsed:
                problems.append((line, f"HTML comment {match.group(0)[:60]!r} is not a placeholder "
                                       "(write <!-- md:NAME args -->; other comments would be dropped unseen)"))
                continue
            try:
                tokens = shlex.split(parsed["args"])
            except ValueError as error:
                problems.append((line, f"placeholder md:{parsed['name']}: {error}"))
                continue
            options = dict(token.split("=", 1) for token in tokens if "=" in token)
            args = tuple(token for token in tokens if "=" not in token)
            found.append(Placeholder(parsed["name"], args, options, line, match.start(), match.end()))
    return found, problems


def _binding_problem(renderer: Renderer, placeholder: Placeholder) -> str | None:
    """Why the placeholder's arguments do not fit the renderer's signature (after its context argument)."""
    try:
        inspect.signature(renderer).bind(None, *placeholder.args, **placeholder.options)
    except TypeError as error:
        tokens = " ".join([*placeholder.args, *(f"{k}={v}" for k, v in placeholder.options.items())])
        return f"{str(error).replace('positional argument', 'argument')} (read as: {tokens})"
    empty = [key for key, value in placeholder.options.items() if not value]
    return f"argument {empty[0]!r} is empty" if empty else None


def placeholder_problems(markdown: str, registry: dict[str, Renderer]) -> list[tuple[int, str]]:
    """(line, problem) for every placeholder that names no renderer or does not fit its signature."""
    found, problems = find_placeholders(markdown)
    for placeholder in found:
        renderer = registry.get(placeholder.name)
        if renderer is None:
            problems.append((placeholder.line, f"placeholder {placeholder.text}: unknown name "
                                               f"(one of {', '.join(sorted(registry))})"))
        elif problem := _binding_problem(renderer, placeholder):
            problems.append((placeholder.line, f"placeholder {placeholder.text}: {problem}"))
    return sorted(problems)


def expand(markdown: str, registry: dict[str, Renderer], context, where: str) -> str:
    """The page with every placeholder replaced by its renderer's Markdown; any problem raises
    ContentError as `where:line: placeholder md:NAME: problem`."""
    problems = placeholder_problems(markdown, registry)
    if problems:
        raise ContentError("\n".join(f"{where}:{line}: {problem}" for line, problem in problems))
    found, _ = find_placeholders(markdown)
    pieces, position = [], 0
    for placeholder in found:
        pieces.append(markdown[position:placeholder.start])
        try:
            pieces.append(registry[placeholder.name](context, *placeholder.args, **placeholder.options))
        except ContentError as error:
            raise ContentError(f"{where}:{placeholder.line}: placeholder {placeholder.text}: {error}") from None
        position = placeholder.end
    pieces.append(markdown[position:])
    return "".join(pieces)
