"""Names for two of Material's landmarks that axe-core finds unnamed.

Material's search dialog has no accessible name (axe: aria-dialog-name), and the tag
list is a second unnamed <nav> (axe: landmark-unique). Labelling them in the HTML
is smaller than copying the theme's partials; the browser tests guard the result.
"""

from __future__ import annotations

LABELS = {
    '<div class="md-search" data-md-component="search" role="dialog">':
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">',
    '<nav class="md-tags" ': '<nav class="md-tags" aria-label="Tags" ',
}


def label_landmarks(html: str) -> str:
    for unnamed, named in LABELS.items():
        html = html.replace(unnamed, named)
    return html
