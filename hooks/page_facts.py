"""Reading time, last-reviewed date and tags: shown under a page's title (the theme's tag pills above
the title are switched off in overrides/partials/tags.html), and the reading time listed on /teach/."""

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


def insert_page_facts(markdown: str, last_reviewed: dt.date | None, minutes: int | None, tags: list[str]) -> str:
    """The page with a line of facts (reviewed date and reading time, for articles) and a line of its
    tags right under its H1, so the first sentence stays near the top on a phone."""
    facts = [f"Last reviewed {human_date(last_reviewed)}"] if last_reviewed else []
    facts += [f"{minutes} min read"] if minutes else []
    lines = [f'<p class="page-facts">{" · ".join(facts)}</p>'] if facts else []
    lines += [f'<p class="page-tags"><span class="page-tags__label">Tags:</span> {", ".join(tags)}</p>'] if tags else []
    if not lines:
        return markdown
    block = "\n".join(lines)
    return re.sub(r"^(# .+)$", lambda m: f"{m.group(1)}\n\n{block}", markdown, count=1, flags=re.MULTILINE)
