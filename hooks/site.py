"""The MkDocs hooks (registered in mkdocs.yml): check everything once, then render pages.

on_config     load the bibliography and the tag vocabulary; a bad entry stops the build
on_files      check every page's front matter and citations; any problem stops the build
on_page_markdown  turn citations into numbered notes, and fill the /references/ page
on_post_page  name Material's search dialog for screen readers (axe: aria-dialog-name)
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from citations import BIBLIOGRAPHY_MARKER, cited_keys, render_bibliography, render_citations
from pages import check_page
from schema import load_bibliography, load_vocabulary

log = logging.getLogger("mkdocs.hooks.site")
state: dict = {}


def on_config(config):
    references, problems = load_bibliography()
    if problems:
        raise PluginError("Bibliography problems:\n" + "\n".join(problems))
    state["references"] = references
    state["vocabulary"] = load_vocabulary()
    return config


def on_files(files, config):
    problems, cited = [], set()
    for file in files.documentation_pages():
        path = Path(file.abs_src_path)
        problems += check_page(path, state["references"], state["vocabulary"])
        cited |= cited_keys(path.read_text(encoding="utf-8"))
    if problems:
        raise PluginError("Page problems:\n" + "\n".join(problems))
    for key in sorted(set(state["references"]) - cited):
        log.warning(f"data/references.yml: reference {key!r} is cited by no page")
    return files


def on_page_markdown(markdown, page, config, files):
    if BIBLIOGRAPHY_MARKER in markdown:
        markdown = markdown.replace(BIBLIOGRAPHY_MARKER, render_bibliography(state["references"]))
    return render_citations(markdown, state["references"])


SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def on_post_page(output, page, config):
    return output.replace(SEARCH_DIALOG, SEARCH_DIALOG.replace('role="dialog"', 'role="dialog" aria-label="Search"'))
