"""Substantive changes, from data/changelog.yml: the /about/changelog/ page and an Atom feed."""

from __future__ import annotations

import posixpath
from xml.sax.saxutils import escape

from page_facts import human_date
from schema import ChangelogEntry, docs_url

FEED_PATH = "feed.xml"


def render_changelog(entries: list[ChangelogEntry], page_src: str) -> str:
    """Newest first; each change links to the pages it touched (relative to the changelog page)."""
    here = posixpath.dirname(page_src)
    blocks = []
    for entry in sorted(entries, key=lambda e: e.date, reverse=True):
        links = ", ".join(f"[{source}]({posixpath.relpath(source, here or '.')})" for source in entry.pages)
        blocks.append(f"## {human_date(entry.date)}: {entry.title}\n\n{entry.summary}\n\nPages: {links}.")
    return "\n\n".join(blocks)


def render_latest_changes(entries: list[ChangelogEntry], page_src: str, count: int) -> str:
    """The newest changes as a short list: date, title, and a link to the first page each touched."""
    here = posixpath.dirname(page_src)
    newest = sorted(entries, key=lambda e: e.date, reverse=True)[:count]
    return "\n".join(f"- {human_date(e.date)}: [{e.title}]({posixpath.relpath(e.pages[0], here or '.')})" for e in newest)


def render_revision_history(entries: list[ChangelogEntry], page_src: str) -> str:
    """A collapsed 'Revision history' block for one page: every change that touched it, newest first,
    so a reader who cited an earlier version sees what changed since."""
    own = sorted((e for e in entries if page_src in e.pages), key=lambda e: e.date, reverse=True)
    if not own:
        return ""
    changelog = posixpath.relpath("about/changelog.md", posixpath.dirname(page_src) or ".")
    items = "\n".join(f"    - **{human_date(e.date)}**: {e.title}. {e.summary}" for e in own)
    return (f'??? note "Revision history ({len(own)} {"change" if len(own) == 1 else "changes"}, '
            f'latest {human_date(own[0].date)})"\n\n{items}\n\n'
            f"    All changes to the reference: [changelog]({changelog}).\n")


def atom_feed(entries: list[ChangelogEntry], site_url: str, site_name: str) -> str:
    """An Atom feed of the changes, newest first, each linking to the first page it touched."""
    ordered = sorted(entries, key=lambda e: e.date, reverse=True)
    items = []
    for entry in ordered:
        link = site_url + docs_url(entry.pages[0])
        items.append(
            f"  <entry>\n    <title>{escape(entry.title)}</title>\n"
            f'    <link href="{escape(link)}"/>\n    <id>{escape(link)}#{entry.date.isoformat()}</id>\n'
            f"    <updated>{entry.date.isoformat()}T00:00:00Z</updated>\n"
            f"    <summary>{escape(entry.summary)}</summary>\n  </entry>")
    updated = ordered[0].date.isoformat() if ordered else "1970-01-01"
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
            f"  <title>{escape(site_name)}: changes</title>\n"
            f'  <link href="{escape(site_url)}{FEED_PATH}" rel="self"/>\n  <link href="{escape(site_url)}"/>\n'
            f"  <id>{escape(site_url)}</id>\n  <updated>{updated}T00:00:00Z</updated>\n"
            + "\n".join(items) + "\n</feed>\n")
