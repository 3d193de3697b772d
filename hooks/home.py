"""The home page's figures: a strip of key numbers counted from the data and the pages."""

from __future__ import annotations

import datetime as dt
import posixpath

from page_facts import human_date


def render_key_figures(figures: list[tuple[int, str, str]], reviewed: dt.date, here: str) -> str:
    """(number, label, docs/-relative target) as a list of linked figures, and the latest review date."""
    def link(target: str) -> str:
        path, _, anchor = target.partition("#")
        return posixpath.relpath(path, here or ".") + (f"#{anchor}" if anchor else "")

    items = [f"- [**{number:,}** {label}]({link(target)})" for number, label, target in figures]
    items.append(f"- **{human_date(reviewed)}** latest review")
    return '<div class="key-figures" markdown>\n\n' + "\n".join(items) + "\n\n</div>"
