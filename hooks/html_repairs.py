"""Repairs to the theme's HTML, so every page passes the Nu HTML Checker and names its landmarks.

Material writes a few attributes that HTML does not allow: `autocomplete` on checkboxes,
the non-standard `autocorrect` on the search field, an empty `tabindex` on the active
section's label, and a table-of-contents label whose `for` names no control on some pages.
Removing them is smaller than copying the theme's templates; the HTML check in tests/
keeps the result at zero errors. Patterns accept minified HTML (values may lose quotes).
"""

from __future__ import annotations

import re

TOGGLE = re.compile(r"<input\b[^>]*\btype=\"?(?:checkbox|radio)\"?[^>]*>")
AUTOCOMPLETE = re.compile(r'\s+autocomplete=(?:"[^"]*"|[^\s>]*)')
AUTOCORRECT = re.compile(r'\s+autocorrect=(?:"[^"]*"|[^\s>]*)')
EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex(?:="")?(?=[\s>])')
LABEL_FOR = re.compile(r'(<label\b[^>]*?)\s+for="?([^\s">]+)"?(?=[\s>])')
ID = re.compile(r'\sid="?([^\s">]+)')


def repair_markup(html: str) -> str:
    html = TOGGLE.sub(lambda m: AUTOCOMPLETE.sub("", m.group(0)), html)
    html = AUTOCORRECT.sub("", html)
    html = EMPTY_TABINDEX.sub(r"\1", html)
    ids = set(ID.findall(html))
    return LABEL_FOR.sub(lambda m: m.group(0) if m.group(2) in ids else m.group(1), html)

