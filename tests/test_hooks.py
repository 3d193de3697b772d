"""Small pure functions of the hooks: landmark labels, print-page repairs, reading time, URLs,
the critical rendering path."""

import pytest

from accessibility import label_landmarks
from critical_path import shorten_critical_path
from page_facts import reading_minutes
from print_page import drop_print_assets, prefix_anchor_ids, repair_print_page, speed_up_plugin
from schema import docs_url, load_tag_pages
from offscreen import count_notes, wrap_section_bodies
from table_dates import keep_table_dates_whole
from unused_css import drop_unused_rules, names_in_use, palette_in_use, slim_theme_stylesheet

TYPE_PAGES = load_tag_pages()


def test_landmarks_get_names_in_plain_and_minified_html():
    assert label_landmarks('<div class="md-search" data-md-component="search" role="dialog">') == \
        '<div class="md-search" aria-label="Search" data-md-component="search" role="dialog">'
    assert label_landmarks("<nav class=md-tags hidden>") == '<nav class="md-tags" aria-label="Tags" hidden>'
    assert label_landmarks('<div class="md-search__inner" role="search">') == '<div class="md-search__inner" role="search">'


def test_print_page_footnote_ids_follow_their_links():
    html = ('<section class="print-page" id="index"><p>x<sup id="fnref:a"><a href="#index-fn:a">1</a></sup></p>'
            '<li id="fn:a"><a href="#index-fnref:a">back</a></li><a href="#.">home</a></section>'
            '<section class="print-page" id="scope"><sup id="fnref2:a"></sup><a href="#scope-fnref2:a">b</a></section>')
    repaired = repair_print_page(html)
    assert 'id="index-fnref:a"' in repaired and 'id="index-fn:a"' in repaired
    assert 'id="scope-fnref2:a"' in repaired and 'href="#index"' in repaired
    left_out = repair_print_page('<a href="#data-maps">Maps</a>', {"data-maps": "data/maps/"})
    assert left_out == '<a href="../data/maps/">Maps</a>'


def test_reading_time_counts_words_not_markup():
    assert reading_minutes("word " * 230) == 1
    assert reading_minutes("word " * 231 + "<span>[@key]</span>") == 2


def test_docs_urls_follow_directory_urls():
    assert [docs_url(s) for s in ["index.md", "scope.md", "about/index.md", "cases/gcc.md"]] == \
        ["", "scope/", "about/", "cases/gcc/"]


def test_ordinary_pages_drop_the_print_pages_assets():
    html = ('<link rel=stylesheet href=../css/print-site.css><link rel=stylesheet href=../css/print-site-material.css>'
            '<link rel=stylesheet href=../stylesheets/extra.css><script src=../js/print-site.js></script>')
    assert drop_print_assets(html) == "<link rel=stylesheet href=../stylesheets/extra.css>"


def test_small_stylesheets_go_inline_compacted_and_the_bundle_is_deferred(tmp_path):
    (tmp_path / "stylesheets").mkdir()
    (tmp_path / "stylesheets" / "extra.css").write_text("/* why */\n.a {\n  color: red;\n}\n")
    html = ('<link rel=stylesheet href=../../assets/stylesheets/main.1a2b.min.css>'
            '<link rel=stylesheet href=../../stylesheets/extra.css>'
            '<script src=../../assets/javascripts/bundle.1a2b.min.js></script>')
    assert shorten_critical_path(html, "cases/imctc/", tmp_path) == (
        '<link rel=stylesheet href=../../assets/stylesheets/main.1a2b.min.css><style>.a{color:red}</style>'
        '<script defer src=../../assets/javascripts/bundle.1a2b.min.js></script>')
    absolute = '<link rel="stylesheet" href="/oic/stylesheets/extra.css">'
    assert shorten_critical_path(absolute, "404.html", tmp_path, "/oic/") == "<style>.a{color:red}</style>"


def test_a_stylesheet_missing_from_the_built_site_stops_the_build(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"cases/imctc/: stylesheet ../../stylesheets/extra.css to inline"):
        shorten_critical_path("<link rel=stylesheet href=../../stylesheets/extra.css>", "cases/imctc/", tmp_path)


def test_dates_in_typed_table_cells_stay_whole_and_nothing_else_changes():
    html = ('<td>fell 2016-2018; 1937-07-08, <a href="/x-2016-2018/">2019–2020</a>, 12-2020, 20165-2017</td>'
            '<td><span class=nowrap>1990-01</span> 1991-02</td><p>2016-2018</p>')
    assert keep_table_dates_whole(html) == (
        '<td>fell <span class="nowrap">2016-2018</span>; <span class="nowrap">1937-07-08</span>, '
        '<a href="/x-2016-2018/"><span class="nowrap">2019–2020</span></a>, 12-2020, 20165-2017</td>'
        '<td><span class=nowrap>1990-01</span> <span class="nowrap">1991-02</span></td><p>2016-2018</p>')


def test_each_section_body_is_wrapped_and_headings_lead_and_notes_stay_outside():
    html = ('<h1>T</h1>\n<p>lead</p>\n<h2 id="a">A</h2>\n<p>x</p>\n<ul><li>y</li></ul>\n'
            '<h2 id="b">B</h2>\n<div class="admonition"><h3>inside</h3><p>z</p></div>\n'
            '<h3 id="c">C</h3>\n<h3 id="d">D</h3>\n<p>w</p>\n<div class="footnote"><ol><li>n</li></ol></div>\n')
    assert wrap_section_bodies(html) == (
        '<h1>T</h1>\n<p>lead</p>\n<h2 id="a">A</h2><div class="section-body"><p>x</p>\n<ul><li>y</li></ul></div>\n'
        '<h2 id="b">B</h2><div class="section-body"><div class="admonition"><h3>inside</h3><p>z</p></div></div>\n'
        '<h3 id="c">C</h3>\n<h3 id="d">D</h3><div class="section-body"><p>w</p></div>\n'
        '<div class="footnote"><ol><li>n</li></ol></div>\n')


def test_a_page_without_section_headings_is_left_as_it_is():
    html = '<h1>T</h1><p>lead</p><div class="admonition"><h2>boxed</h2></div><p>end</p>'
    assert wrap_section_bodies(html) == html


def test_articles_link_the_glossary_terms_they_use():
    from glossary import key_terms
    from schema import GlossaryEntry

    entries = [GlossaryEntry(term="Collective defense", definition="An attack on one is an attack on all."),
               GlossaryEntry(term="Gulf Cooperation Council", acronym="GCC", definition="A regional organisation."),
               GlossaryEntry(term="Offset", definition="A supplier's obligation to reinvest.")]
    page = "# T\n\nSummary.\n\n## Learning objectives\n\nThe GCC practises collective defense.\n"
    linked = key_terms(page, entries, "cooperation/mutual-defense.md")
    assert ('**Key terms:** [Gulf Cooperation Council](../glossary.md#gcc), '
            '[Collective defense](../glossary.md#collective-defense).') in linked
    assert "Offset" not in linked


def test_case_fact_box_and_index_come_from_the_case_block():
    from mkdocs.utils.meta import get_data

    from cases import Case, insert_fact_box, render_cases_index
    from conftest import FIXTURES
    from schema import CaseFacts

    markdown, meta = get_data((FIXTURES / "pages" / "good_case.md").read_text(encoding="utf-8"))
    facts = CaseFacts.model_validate(meta["case"])
    page = insert_fact_box(markdown, facts, "cases", TYPE_PAGES)
    box = page.index('!!! abstract "Case at a glance"')
    assert page.index("The pact was signed") < box < page.index("## Learning objectives")
    assert "- **Cooperation:** [Mutual defense](../cooperation/mutual-defense.md)" in page
    assert "- **Years:** 2008–present" in page
    assert "- 1 March 2008: Charter signed [@fixture-charter]" in page
    index = render_cases_index([Case("cases/good.md", "A good case page", facts)], "cases", TYPE_PAGES)
    assert "| [A good case page](good.md) | [Mutual defense](../cooperation/mutual-defense.md) | South Asia | 2008–present | active (as of 2024-01-31) |" in index


def test_cooperation_pages_list_the_cases_of_their_type():
    import pytest

    from cases import Case, render_case_list
    from schema import CaseFacts, ContentError

    facts = CaseFacts(parties=["A"], types=["Mutual defense"], regions=["South Asia"], start=1955, end=1979,
                      status="ended", legal_basis="A pact", key_dates=[{"date": "1955", "event": "Signed"}],
                      as_of="2024-01-31")
    cases = [Case("cases/pact.md", "A pact", facts)]
    assert render_case_list(cases, "Mutual defense", "cooperation", TYPE_PAGES) == \
        "- [A pact](../cases/pact.md): South Asia, 1955–1979"
    assert render_case_list(cases, "Joint exercises", "cooperation", TYPE_PAGES) == "No case study of this type yet."
    with pytest.raises(ContentError, match="unknown cooperation type 'Diplomacy'"):
        render_case_list(cases, "Diplomacy", "cooperation", TYPE_PAGES)


def test_every_cooperation_type_tag_names_an_existing_page():
    from conftest import DOCS
    from schema import load_vocabulary

    types = {tag for tag, group in load_vocabulary().items() if group == "cooperation type"}
    assert set(TYPE_PAGES) == types
    assert all((DOCS / page).is_file() for page in TYPE_PAGES.values())



def test_print_page_prefixes_heading_and_footnote_ids_in_one_pass():
    html = '<h2 id="a">A</h2><p>Text<sup id="fnref:1"><a href="#fn:1">1</a></sup></p><div id="d"><li data-id="x" id="fn:1">'
    assert prefix_anchor_ids(html, "k") == ('<h2 id="k-a">A</h2><p>Text<sup id="k-fnref:1"><a href="#fn:1">1</a></sup></p>'
                                            '<div id="d"><li data-id="x" id="k-fn:1">')


def test_the_print_site_plugin_uses_the_one_pass_prefixing():
    from mkdocs_print_site_plugin import urls
    speed_up_plugin()
    assert urls.update_anchor_ids is prefix_anchor_ids


def test_theme_rules_for_classes_no_page_uses_are_left_out():
    css = ("/* theme */.used,.unused{color:red}.unused .used{margin:0}.used:not(.unused){top:0}"
           "@media screen{.unused{left:0}.used>.also{right:0}}@keyframes spin{to{rotate:1turn}}"
           "[data-md-color-scheme=slate]{--x:1}")
    assert drop_unused_rules(css, {"used", "also"}) == (
        ".used{color:red}.used:not(.unused){top:0}@media screen{.used>.also{right:0}}"
        "@keyframes spin{to{rotate:1turn}}[data-md-color-scheme=slate]{--x:1}")


def test_palette_colours_the_options_do_not_choose_are_left_out():
    options = [{"media": "(prefers-color-scheme)"}, {"scheme": "slate", "primary": "custom", "accent": "deep orange"}]
    palette = palette_in_use(options)
    assert palette == {("data-md-color-primary", "indigo"), ("data-md-color-accent", "indigo"),
                       ("data-md-color-primary", "custom"), ("data-md-color-accent", "deep-orange")}
    css = ("[data-md-color-primary=indigo]{--p:1}[data-md-color-primary=red],[data-md-color-accent=deep-orange]{--a:1}"
           "@media screen{[data-md-color-scheme=slate][data-md-color-primary=black]{--b:1}"
           "[data-md-color-scheme=slate]{--s:1}}.x{color:red}")
    assert drop_unused_rules(css, palette=palette) == (
        "[data-md-color-primary=indigo]{--p:1}[data-md-color-accent=deep-orange]{--a:1}"
        "@media screen{[data-md-color-scheme=slate]{--s:1}}.x{color:red}")
    assert drop_unused_rules(css, {"y"}, palette).endswith("{--s:1}}")


def test_classes_in_use_come_from_markup_inline_scripts_and_the_theme_script():
    pages = ['<p class="a b"><i class=c></i><script>el.classList.add("md-d")</script></p>']
    assert names_in_use(pages, ['x.className="md-e--on"']) >= {"a", "b", "c", "md-d", "md-e--on"}
    assert "p" not in names_in_use(['<p class=a>text p</p>'], [])


def test_the_slim_stylesheet_gets_its_own_name_and_every_page_links_it(tmp_path):
    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    old = tmp_path / "assets" / "stylesheets" / "main.0123abcd.min.css"
    old.write_text(".a{color:red}.b{color:blue}\n/*# sourceMappingURL=main.0123abcd.min.css.map*/")
    old.with_name(old.name + ".map").write_text("{}")
    (tmp_path / "assets" / "javascripts" / "bundle.1.min.js").write_text('"b"')
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "index.html").write_text('<link rel=stylesheet href=../assets/stylesheets/main.0123abcd.min.css>'
                                               '<p class=a>')
    _, name = slim_theme_stylesheet(tmp_path)
    assert sorted(p.name for p in old.parent.iterdir()) == [name]
    assert (old.parent / name).read_text() == ".a{color:red}.b{color:blue}"
    assert f"../assets/stylesheets/{name}>" in (tmp_path / "x" / "index.html").read_text()
    assert slim_theme_stylesheet(tmp_path) == (name, name)
    (old.parent / name).unlink()
    with pytest.raises(FileNotFoundError, match=r"assets/stylesheets: expected one theme stylesheet main\.\*\.min\.css"):
        slim_theme_stylesheet(tmp_path)


def test_the_notes_block_carries_its_count_for_its_placeholder():
    html = '<p>x</p><div class="footnote"><hr><ol><li id="fn:a"><p>A</p></li><li id="fn:b"><p>B</p></li></ol></div>'
    assert count_notes(html).startswith('<p>x</p><div class="footnote" style="--notes: 2"><hr>')
    assert count_notes("<p>no notes</p>") == "<p>no notes</p>"
