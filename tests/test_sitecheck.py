"""The built-site checkers find each kind of problem, precisely, in a broken fixture site."""

from conftest import FIXTURES, SITE_URL
from sitecheck import check_links, check_offsite

BROKEN = FIXTURES / "broken_site"


def test_link_checker_reports_each_broken_link_precisely():
    problems = check_links(BROKEN, SITE_URL)
    assert "index.html: <a> 'missing/': no such file missing/index.html" in problems
    assert "index.html: <a> 'about/#nowhere': no anchor #nowhere in about/index.html" in problems
    assert "index.html: <a> '#also-nowhere': no anchor #also-nowhere in index.html" in problems
    assert "index.html: <a> 'scope.md': points at a Markdown source, not a built page" in problems
    assert "index.html: <a> '': empty link" in problems
    assert "index.html: <a> 'http://example.org/': external link is not https" in problems
    assert len(problems) == 6, problems


def test_offsite_checker_reports_scripts_images_and_css_imports():
    problems = check_offsite(BROKEN, SITE_URL)
    assert "index.html: <script> loads https://cdn.example.com/lib.js from another host" in problems
    assert "index.html: <img> loads https://images.example.net/photo.jpg from another host" in problems
    assert "index.html: <img srcset> loads https://images.example.net/photo-2x.jpg from another host" in problems
    assert "style.css: loads https://fonts.example.com/css?family=Roboto from another host" in problems
    assert len(problems) == 4, problems


def test_built_site_has_no_broken_links_or_anchors(site):
    assert check_links(site, SITE_URL) == []


def test_built_site_requests_nothing_from_other_hosts(site):
    assert check_offsite(site, SITE_URL) == []
