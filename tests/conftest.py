"""Shared fixtures: the site is built once per test session, into a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from schema import docs_url

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SITE_URL = "https://reference.example.org/oic-defense/"
SOURCES = sorted(DOCS.rglob("*.md"))
# Pages the build generates (a profile per OIC member state): browser tests visit a sample,
# the link, anchor and HTML checks cover them all.
GENERATED_SAMPLE = ["states/mys/", "states/nga/", "states/pak/"]

pytest_plugins = ["browser"]


def page_path(source: Path) -> str:
    """A page's URL path with directory URLs: docs/a/b.md -> a/b/, docs/a/index.md -> a/."""
    return docs_url(source.relative_to(DOCS).as_posix())


def source_id(source: Path) -> str:
    return source.relative_to(DOCS).as_posix()


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the whole site, run once; its output is kept for checks."""
    site = tmp_path_factory.mktemp("site")
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    result.site = site
    return result


@pytest.fixture(scope="session")
def site(build) -> Path:
    if build.returncode:
        pytest.fail(f"mkdocs build --strict failed:\n{build.stderr}{build.stdout}")
    return build.site
