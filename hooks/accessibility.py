"""Names for two of Material's landmarks that axe-core finds unnamed.

Material's search dialog has no accessible name (axe: aria-dialog-name), and the tag
list is a second unnamed <nav> (axe: landmark-unique). Labelling them in the HTML
is smaller than copying the theme's partials; the browser tests guard the result.
The pattern accepts minified HTML, whose attribute values may lose their quotes.
"""

from __future__ import annotations

import re

LABELS = {"md-search": "Search", "md-tags": "Tags"}
OPENING_TAG = re.compile(r'<(div|nav) class="?(md-search|md-tags)"?(?=[\s>])([^>]*)>')


def label_landmarks(html: str) -> str:
    def label(match: re.Match) -> str:
        tag, name, rest = match.groups()
        if "aria-label" in rest:
            return match.group(0)
        return f'<{tag} class="{name}" aria-label="{LABELS[name]}"{rest}>'

    return OPENING_TAG.sub(label, html)
