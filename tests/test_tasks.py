"""tasks.py: a build meant for publishing never carries the local address."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def tasks():
    spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("remote, url", [
    ("https://github.com/Example-Org/oic-reference.git", "https://example-org.github.io/oic-reference/"),
    ("git@github.com:example-org/oic-reference.git", "https://example-org.github.io/oic-reference/"),
    ("https://github.com/example-org/example-org.github.io", "https://example-org.github.io/"),
    ("https://gitlab.example.org/a/b.git", None),
])
def test_the_pages_address_comes_from_a_github_remote(tasks, remote, url):
    assert tasks.github_pages_url(remote) == url


def test_build_refuses_without_an_address_it_can_name(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "tasks.py").write_bytes((ROOT / "tasks.py").read_bytes())
    code = "import os, tasks; os.environ.pop('SITE_URL', None); tasks.publishing_url()"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode != 0 and "set SITE_URL" in result.stderr


def test_serve_restarts_when_a_hook_changes(tasks, tmp_path):
    """MkDocs caches hook modules per process; the server is restarted so an edit takes effect."""
    hook = tmp_path / "hook.py"
    hook.write_text("# first\n")
    log = tmp_path / "runs.log"
    command = [sys.executable, "-c", f"open({str(log)!r}, 'a').write('run\\n'); import time; time.sleep(30)"]
    import threading

    def edit_once_started():
        while not log.exists():
            pass
        hook.write_text("# edited\n")

    threading.Thread(target=edit_once_started, daemon=True).start()
    assert tasks.supervise(command, tmp_path, interval=0.05, restarts=0) == 0
    assert log.read_text().count("run") == 1
