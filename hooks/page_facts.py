"""Reading time and last-reviewed date: shown under an article's title, and listed on /teach/."""

from __future__ import annotations

import datetime as dt
import math
import re

WORDS_PER_MINUTE = 230
NOT_READ = re.compile(r"^```.*?^```|<[^>]+>|\[@[^\]]*\]|^\s*[|:-]+\s*$", re.MULTILINE | re.DOTALL)


def reading_minutes(markdown: str) -> int:
    """Minutes to read the body at 230 words a minute (markup, citations and tables' rules left out)."""
    words = len(NOT_READ.sub(" ", markdown).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def human_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def insert_page_facts(markdown: str, last_reviewed: dt.date, minutes: int) -> str:
    """The page with a line of facts (reviewed date, reading time) right under its H1."""
    facts = f'<p class="page-facts">Last reviewed {human_date(last_reviewed)} · {minutes} min read</p>'
    return re.sub(r"^(# .+)$", lambda m: f"{m.group(1)}\n\n{facts}", markdown, count=1, flags=re.MULTILINE)
