"""Search, as a reader uses it: open it with the keyboard, type a name, find the page."""

from __future__ import annotations

import pytest

# A query taken from the content, and the page it must bring up among the first three results.
QUERIES = {
    "Peninsula Shield": "cases/gcc-peninsula-shield/",
    "Saadabad": "cooperation/mutual-defense/",
    "Shusha Declaration": "cooperation/mutual-defense/",
    "Liptako-Gourma": "cooperation/mutual-defense/",
    "JF-17": "impacts/technology/",
    "MILGEM": "cases/turkiye-pakistan-defense-industry/",
    "offsets": "cooperation/defense-industry/",
    "AMAN": "cases/aman-naval-exercises/",
    "Bright Star": "glossary/",  # a glossary term is a result of its own, linking on to the article
    "Information Fusion Centre": "cooperation/intelligence-sharing/",
    "Convention on Combating International Terrorism": "cooperation/intelligence-sharing/",
    "entrapment": "concepts/",
    "collective security": "concepts/",
    "observer states": "scope/",
    "codebook": "data/codebook/",
    "Multinational Joint Task Force": "cases/lake-chad-mnjtf/",
    "Baghdad Pact": "cases/baghdad-pact-cento/",
    "Manama Dialogue": "forums/",
    "Tawazun": "impacts/economy/",
    "Malaysia": "cases/malaysia-fpda/",
    "Suriname": "states/sur/",
    "Galaxy Leader": "cases/red-sea-shipping-crisis/",
    "Al Udeid": "cases/gcc-peninsula-shield/",
}


@pytest.fixture(scope="module")
def search_page(browser, served):
    context = browser.new_context()
    page = context.new_page()
    page.goto(served, wait_until="networkidle")
    page.keyboard.press("/")
    yield page
    context.close()


@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_the_page_among_the_first_three_results(search_page, served, query):
    field = search_page.locator("[data-md-component=search-query]")
    field.fill("")
    search_page.wait_for_function("!document.querySelector('.md-search-result__item')")
    # The whole query at once and one keyup (the theme searches on keyup): one search, so the first
    # results shown are the final ones, with nothing to wait for but their arrival.
    field.fill(query)
    field.dispatch_event("keyup")
    search_page.wait_for_selector(".md-search-result__item", timeout=10_000)
    hrefs = [link.get_attribute("href") for link in search_page.locator(".md-search-result__item > a").all()[:3]]
    found = [href.split("?")[0].split("#")[0].removeprefix(served) for href in hrefs]
    assert QUERIES[query] in found, f"{query!r} gave {found}"
