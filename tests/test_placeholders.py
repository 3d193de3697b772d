"""One placeholder grammar: every mistyped placeholder is reported with its file and line,
and nothing the grammar does not know is left for the minifier to drop."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from pages import check_page, read_page
from placeholders import expand, find_placeholders
from renderers import REGISTRY
from schema import ContentError, load_vocabulary

PAGE = "tests/fixtures/pages/bad_placeholders.md"


def test_every_broken_placeholder_is_reported_with_file_line_and_problem():
    problems = check_page(read_page(FIXTURES / "pages" / "bad_placeholders.md"), {}, load_vocabulary(), REGISTRY)
    assert problems == [
        f"{PAGE}:12: HTML comment '<!-- figure: pie -->' is not a placeholder "
        "(write <!-- md:NAME args -->; other comments would be dropped unseen)",
        f"{PAGE}:14: placeholder md:record: unknown name (one of {', '.join(sorted(REGISTRY))})",
        f"{PAGE}:16: placeholder md:records: multiple values for argument 'ids' (read as: agreements b ids=a,)",
        f"{PAGE}:18: placeholder md:map: missing a required argument: 'of' (read as: )",
        f"{PAGE}:20: placeholder md:timeline: got an unexpected keyword argument 'of' (read as: of=world)",
        f"{PAGE}:22: placeholder md:case-list: No closing quotation",
    ]


def test_arguments_split_like_a_shell_line():
    found, problems = find_placeholders('<!-- md:case-list type="Mutual defense" -->\n<!-- md:records states ids=PAK,TUR -->')
    assert problems == []
    assert [(p.name, p.args, p.options, p.line) for p in found] == [
        ("case-list", (), {"type": "Mutual defense"}, 1), ("records", ("states",), {"ids": "PAK,TUR"}, 2)]


def test_expansion_replaces_each_placeholder_and_names_the_page_on_a_bad_value():
    registry = {"echo": lambda ctx, word, times="1": word * int(times)}
    assert expand("a <!-- md:echo b times=3 --> c", registry, None, "docs/x.md") == "a bbb c"

    def refuse(ctx, word):
        raise ContentError(f"no record {word!r}")

    with pytest.raises(ContentError, match=r"^docs/x.md:2: placeholder md:refuse: no record 'nope'$"):
        expand("a\n<!-- md:refuse nope -->", {"refuse": refuse}, None, "docs/x.md")
    with pytest.raises(ContentError, match=r"^docs/x.md:1: placeholder md:echo: argument 'times' is empty"):
        expand("<!-- md:echo b times= -->", registry, None, "docs/x.md")


def test_a_list_argument_with_an_empty_item_is_refused():
    from renderers import records

    with pytest.raises(ContentError, match="argument 'ids' has an empty item in 'a,'"):
        records(None, "agreements", ids="a,")
