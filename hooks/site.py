"""The MkDocs hooks (registered in mkdocs.yml): check everything once, then render pages.

on_config         load the bibliography, tags, glossary, changelog and dataset; a bad entry stops the build
on_files          check every page's front matter, citations and anatomy (any problem stops the
                  build); summarise pages for the course kit; add the syllabus CSV, the feed
                  and the dataset's downloads
on_page_markdown  fill generated sections (references, glossary, changelog, course kit, dataset
                  downloads, codebook, record tables, SVG figures, case index); draw each
                  case's fact box from its front matter; put the
                  reviewed date and reading time under each article's title, and its key terms
                  linked to the glossary; turn citations into
                  numbered notes; append acronym tooltips
on_post_page      name two of Material's landmarks for screen readers (hooks/accessibility.py);
                  drop the print page's own assets from ordinary pages (hooks/print_page.py)
on_post_build     repair the print page's broken in-page links (hooks/print_page.py)
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from accessibility import label_landmarks
from cases import CASES_MARKER, Case, fill_case_lists, insert_fact_box, render_cases_index
from changelog import CHANGELOG_MARKER, FEED_PATH, atom_feed, render_changelog
from citations import BIBLIOGRAPHY_MARKER, cited_keys, render_bibliography, render_citations
from data_pages import (CODEBOOK_MARKER, DOWNLOADS_MARKER, fill_figures, fill_record_tables, render_codebook,
                        render_downloads, render_records_by_id)
from dataset import load_dataset
from downloads import dataset_files
from glossary import GLOSSARY_MARKER, abbreviations, key_terms, render_glossary
from page_facts import insert_page_facts
from pages import check_page
from print_page import PRINT_PAGE, drop_print_assets, repair_print_page
from schema import (ARTICLE_KINDS, CHANGELOG_FILE, GLOSSARY_FILE, CaseFacts, ChangelogEntry, GlossaryEntry,
                    load_bibliography, load_models, load_vocabulary)
from teach import (QUESTIONS_MARKER, SYLLABUS_CSV, SYLLABUS_MARKER, fill_reading_times, render_questions,
                   render_syllabus, summarise, syllabus_csv)

log = logging.getLogger("mkdocs.hooks.site")
state: dict = {}


def on_config(config):
    references, problems = load_bibliography()
    glossary, glossary_problems = load_models(GLOSSARY_FILE, GlossaryEntry, "glossary term")
    changes, changelog_problems = load_models(CHANGELOG_FILE, ChangelogEntry, "change")
    problems += glossary_problems + changelog_problems
    if problems:
        raise PluginError("Data problems:\n" + "\n".join(problems))
    dataset, dataset_problems = load_dataset(set(references))
    if dataset_problems:
        raise PluginError("Dataset problems:\n" + "\n".join(dataset_problems))
    state.update(references=references, vocabulary=load_vocabulary(), dataset=dataset,
                 glossary=[entry for entry, _ in glossary], changes=[entry for entry, _ in changes])
    config["extra"]["article_kinds"] = ARTICLE_KINDS  # the templates' cite box uses the same list
    return config


def on_files(files, config):
    problems, cited, summaries, cases = [], set(), [], {}
    for file in files.documentation_pages():
        path = Path(file.abs_src_path)
        problems += check_page(path, state["references"], state["vocabulary"])
        markdown, meta = get_data(path.read_text(encoding="utf-8"))
        cited |= cited_keys(markdown) | cited_keys(json.dumps(meta.get("case") or {}, default=str))
        if not problems:
            summaries.append(summarise(file.src_uri, markdown, meta))
            if meta.get("case"):
                cases[file.src_uri] = Case(file.src_uri, meta["title"], CaseFacts.model_validate(meta["case"]))
    if problems:
        raise PluginError("Page problems:\n" + "\n".join(problems))
    cited |= {key for records in state["dataset"].values() for record in records for key in record.sources}
    for key in sorted(set(state["references"]) - cited):
        log.warning(f"data/references.yml: reference {key!r} is cited by no page")
    state.update(summaries=summaries, cases=cases)
    files.append(File.generated(config, SYLLABUS_CSV, content=syllabus_csv(summaries, config["site_url"])))
    files.append(File.generated(config, FEED_PATH, content=atom_feed(state["changes"], config["site_url"], config["site_name"])))
    for name, content in dataset_files(state["dataset"]).items():
        files.append(File.generated(config, f"data/{name}", content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    try:
        return _render_page(markdown, page, config)
    except KeyError as error:  # a marker naming a record, organisation or page that does not exist
        raise PluginError(f"docs/{page.file.src_uri}: {error.args[0]}") from None


def _render_page(markdown, page, config):
    here = page.file.src_uri.rpartition("/")[0]
    generated = {
        BIBLIOGRAPHY_MARKER: lambda: render_bibliography(state["references"]),
        GLOSSARY_MARKER: lambda: render_glossary(state["glossary"]),
        CHANGELOG_MARKER: lambda: render_changelog(state["changes"], page.file.src_uri),
        QUESTIONS_MARKER: lambda: render_questions(state["summaries"], here),
        SYLLABUS_MARKER: lambda: render_syllabus(state["summaries"], here, config["site_url"]),
        DOWNLOADS_MARKER: lambda: render_downloads(state["dataset"]),
        CODEBOOK_MARKER: lambda: render_codebook(state["dataset"]),
        CASES_MARKER: lambda: render_cases_index(list(state["cases"].values()), here),
    }
    for marker, render in generated.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render())
    markdown = fill_case_lists(fill_reading_times(markdown, state["summaries"]), list(state["cases"].values()), here)
    markdown = fill_record_tables(fill_figures(markdown, state["dataset"]), state["dataset"])
    case = state["cases"].get(page.file.src_uri)
    if case:
        records = render_records_by_id(case.facts.records, state["dataset"]) if case.facts.records else ""
        markdown = insert_fact_box(markdown, case.facts, here, records)
    if page.meta.get("kind") in ARTICLE_KINDS:
        markdown = insert_page_facts(markdown, page.meta["last_reviewed"])
        markdown = key_terms(markdown, state["glossary"], page.file.src_uri)
    return render_citations(markdown, state["references"]) + "\n\n" + abbreviations(state["glossary"]) + "\n"


def on_post_page(output, page, config):
    return label_landmarks(drop_print_assets(output))


def on_post_build(config):
    path = Path(config["site_dir"], PRINT_PAGE)
    if path.exists():
        urls = {summary.url.strip("/").replace("/", "-") or "index": summary.url for summary in state["summaries"]}
        path.write_text(repair_print_page(path.read_text(encoding="utf-8"), urls), encoding="utf-8")
