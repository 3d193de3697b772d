"""Dates and year spans in table cells stay on one line.

A narrow column breaks "1937-07-08" or "2016-2018" at its hyphen, leaving half a date on
each line. One pass over the page's HTML serves every table, typed in Markdown or generated
from the records (hooks/data_pages.py): it touches only the text of `<td>` cells (never a
tag or an address) and leaves a date an author has already marked.
"""

from __future__ import annotations

import re

CELL = re.compile(r"(<td\b[^>]*>)(.*?)(</td>)", re.DOTALL)
TAG_OR_TEXT = re.compile(r"(<[^>]*>)|([^<]+)")
DATE = re.compile(r"(?<![\w-])(?:\d{4}-\d{2}(?:-\d{2})?|\d{4}[-–]\d{2}(?:\d{2})?)(?![\w-])")
MARKED = re.compile(r'<span class="?nowrap"?>')


def keep_table_dates_whole(html: str) -> str:
    def cell(match: re.Match) -> str:
        parts, marked = [], False
        for tag, text in TAG_OR_TEXT.findall(match.group(2)):
            if tag:
                marked = bool(MARKED.fullmatch(tag)) or (marked and tag != "</span>")
            parts.append(tag or (text if marked else DATE.sub(r'<span class="nowrap">\g<0></span>', text)))
        return match.group(1) + "".join(parts) + match.group(3)

    return CELL.sub(cell, html)
