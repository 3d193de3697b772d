"""Blocks a reader has not scrolled near are left unrendered, and hold about their true height.

A long article is mostly text below the first screen, and the theme's start-up script
forces a full style pass over the page four times (scripts/benchmark.py traced it).
docs/stylesheets/extra.css gives these blocks `content-visibility: auto`, so off screen
their style and layout are skipped:

- each run of blocks between top-level headings, wrapped here in `<div class="section-body">`.
  The headings stay outside, so the table of contents reads their positions without laying
  out the text, and the lead before the first section heading renders at once;
- the notes, which carry their count (`--notes`) so the stylesheet can reserve about their
  height. Too short a placeholder lets the notes, when a script measures them unrendered,
  spill over the dark footer: axe-core then reports their text as unreadable (its issue
  #2768), and the scroll bar jumps when they render.

Find in page, links into a section and assistive technology still reach the text.
"""

from __future__ import annotations

import re

# Tags whose nesting decides what is top level; a heading inside one of them stays put.
TAG = re.compile(r"<(/?)(div|details|section|table|ul|ol|dl|blockquote|figure|aside|nav|form|h[1-6])\b[^>]*>",
                 re.IGNORECASE)
NOTES = re.compile(r'<div class="?footnote"?>')
NOTE = re.compile(r'<li id="?fn:')
WRAPPER = '<div class="section-body">'


def wrap_section_bodies(html: str) -> str:
    """The page body (MkDocs' page content) with each section's body wrapped; a page
    without a section heading is returned unchanged."""
    depth, heading, bounds = 0, 0, []  # bounds: (start, end) of each top-level heading, then of the notes
    for match in TAG.finditer(html):
        closing, name = match.group(1), match.group(2).lower()
        if name in {"h2", "h3", "h4", "h5", "h6"}:
            if depth == 0 and closing:
                bounds.append((heading, match.end()))
            heading = match.start()
        elif name == "h1":
            continue
        elif depth == 0 and NOTES.match(match.group(0)):
            bounds.append((match.start(), len(html)))
            break
        else:
            depth = max(0, depth + (-1 if closing else 1))
    parts, cursor = [], 0
    for (_, end), (following, _) in zip(bounds, bounds[1:] + [(len(html), None)]):
        body = html[end:following]
        parts += [html[cursor:end], f"{WRAPPER}{body.strip()}</div>\n" if body.strip() else body]
        cursor = following
    return "".join(parts) + html[cursor:]


def count_notes(html: str) -> str:
    """The page body with its notes block carrying the number of notes."""
    return NOTES.sub(lambda match: f'<div class="footnote" style="--notes: {len(NOTE.findall(html))}">', html, count=1)
