"""The MkDocs hooks (registered in mkdocs.yml): a thin adapter from MkDocs' events to the
project's pure functions. Under another generator only this file would change.

on_config          swap the print-site plugin's slow id prefixing for a one-pass one
on_files           build the site context once (hooks/context.py): every data file and page
                   read and checked, any problem stops the build; add the generated pages (a
                   profile per OIC member state, hooks/profiles.py; a bibliography page per
                   letter, hooks/citations.py) and downloads (syllabus CSV, Atom feed, dataset files)
on_page_read_source  hand MkDocs the page text the context already read
on_page_markdown   compose the page (hooks/compose.py): placeholders, fact box, page facts,
                   key terms, revision history, citations, tooltips
on_page_context    each section's body wrapped so the browser may skip it off screen, and the
                   notes told their count to size their placeholder (hooks/offscreen.py); this
                   runs after the tags plugin fills in its listings and after the print-site
                   plugin took its copy of the body, which stays plain
on_post_page       HTML repairs: landmark names, valid markup, print assets off ordinary pages;
                   dates in table cells kept whole (hooks/table_dates.py); small stylesheets
                   inline, the palette's without colours the options do not choose, and the
                   theme's bundle deferred (hooks/critical_path.py)
on_post_template   the same on 404.html
on_post_build      repair the print page's links and markup (hooks/print_page.py), its table dates too;
                   then the theme's stylesheet without the rules no page uses (hooks/unused_css.py)
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from changelog import FEED_PATH, atom_feed
from citations import by_letter, letter_pages
from compose import compose_page
from critical_path import shorten_critical_path
from context import PageContext, SiteContext, build_context, with_generated_pages
from downloads import dataset_files
from accessibility import label_landmarks
from html_repairs import repair_markup
from profiles import render_profiles
from print_page import PRINT_PAGE, drop_print_assets, repair_print_page, speed_up_plugin
from renderers import REGISTRY
from schema import ContentError
from offscreen import count_notes, wrap_section_bodies
from table_dates import keep_table_dates_whole
from teach import SYLLABUS_CSV, syllabus_csv
from unused_css import palette_in_use, slim_theme_stylesheet

log = logging.getLogger("mkdocs.hooks.site")
site: SiteContext | None = None  # built once per build, in on_files; never changed after


def on_config(config):
    speed_up_plugin()
    return config


def on_files(files, config):
    global site
    sources = {file.src_uri: Path(file.abs_src_path) for file in files.documentation_pages()}
    try:
        site = build_context(sources, REGISTRY, config["site_url"], config["site_name"], warn=log.warning)
        generated = render_profiles(site.dataset, list(site.pages.values()))
        generated |= letter_pages(by_letter(dict(site.references)), site.pages["references.md"].meta["last_reviewed"])
        site = with_generated_pages(site, generated, Path(config["docs_dir"]), REGISTRY)
    except ContentError as error:
        raise PluginError(f"Content problems:\n{error}") from None
    for source, text in generated.items():
        files.append(File.generated(config, source, content=text))
    files.append(File.generated(config, SYLLABUS_CSV, content=syllabus_csv(site.written_pages, site.site_url)))
    files.append(File.generated(config, FEED_PATH, content=atom_feed(list(site.changes), site.site_url, site.site_name)))
    for name, content in dataset_files(site.dataset, site.release).items():
        files.append(File.generated(config, f"data/{name}", content=content))
    return files


def on_page_read_source(page, config):
    return site.pages[page.file.src_uri].text


def on_page_markdown(markdown, page, config, files):
    try:
        return compose_page(markdown, PageContext(site, site.pages[page.file.src_uri]), REGISTRY)
    except ContentError as error:
        raise PluginError(f"Content problem:\n{error}") from None


def on_page_context(context, page, config, nav):
    page.content = count_notes(wrap_section_bodies(page.content))
    return context


def on_post_page(output, page, config):
    html = keep_table_dates_whole(label_landmarks(repair_markup(drop_print_assets(output))))
    return shorten_critical_path(html, page.url, Path(config["site_dir"]), urlsplit(config["site_url"]).path,
                                 palette_in_use(config["theme"]["palette"]))


def on_post_template(output, template_name, config):  # 404.html
    return shorten_critical_path(repair_markup(output), template_name, Path(config["site_dir"]),
                                 urlsplit(config["site_url"]).path, palette_in_use(config["theme"]["palette"]))


def on_post_build(config):
    path = Path(config["site_dir"], PRINT_PAGE)
    if path.exists():
        urls = {page.url.strip("/").replace("/", "-") or "index": page.url for page in site.pages.values()}
        path.write_text(repair_print_page(keep_table_dates_whole(path.read_text(encoding="utf-8")), urls),
                        encoding="utf-8")
    slim_theme_stylesheet(Path(config["site_dir"]), palette_in_use(config["theme"]["palette"]))
