"""What lies between two headings becomes one block the browser may leave unrendered.

A long article is mostly text below the first screen, and the theme's start-up script
forces a full style pass over the page four times (scripts/benchmark.py traced it). Each
run of blocks between top-level headings is wrapped in `<div class="section-body">`,
which docs/stylesheets/extra.css gives `content-visibility: auto`: off screen, its style
and layout are skipped until a reader scrolls near it. The headings stay outside the
wrappers, so the table of contents reads their positions without laying out the text,
and the lead before the first section heading renders at once. The notes keep their own
block. Find in page, links into a section and assistive technology still reach the text.
"""

from __future__ import annotations

import re

# Tags whose nesting decides what is top level; a heading inside one of them stays put.
TAG = re.compile(r"<(/?)(div|details|section|table|ul|ol|dl|blockquote|figure|aside|nav|form|h[1-6])\b[^>]*>",
                 re.IGNORECASE)
NOTES = re.compile(r'<div class="?footnote"?>')
WRAPPER = '<div class="section-body">'


def wrap_section_bodies(html: str) -> str:
    """The page body (MkDocs' page content) with each section's body wrapped; a page
    without a section heading is returned unchanged."""
    depth, opened, bounds = 0, None, []  # bounds: (start, end) of top-level headings and of the notes
    for match in TAG.finditer(html):
        closing, name = match.group(1), match.group(2).lower()
        if name[0] == "h":
            if depth == 0 and name != "h1":
                opened = match.start() if not closing else opened
                if closing:
                    bounds.append((opened, match.end()))
            continue
        if depth == 0 and not closing and NOTES.match(match.group(0)):
            bounds.append((match.start(), len(html)))
            break
        depth = max(0, depth + (-1 if closing else 1))
    parts, cursor = [], 0
    for (start, end), (following, _) in zip(bounds, bounds[1:] + [(len(html), None)]):
        body = html[end:following]
        parts.append(html[cursor:end])
        parts.append(f"{WRAPPER}{body.strip()}</div>\n" if body.strip() else body)
        cursor = following
    return "".join(parts) + html[cursor:]
