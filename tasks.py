#!/usr/bin/env python3
"""One entry point for contributors and CI: each task first makes sure the project's
virtual environment (.venv) matches requirements.lock, then runs.

    python3 tasks.py serve   # set up, then serve at http://127.0.0.1:8000 with live reload (restarts on hook edits)
    python3 tasks.py test    # set up, then run the whole test suite
    python3 tasks.py build   # set up, then build the static site into site/ (needs SITE_URL, or a GitHub remote)
    python3 tasks.py bench   # set up, then measure build time and page weight against the budgets
    python3 tasks.py lock    # regenerate requirements.lock from pyproject.toml

Only the standard library is used here, so a machine with Python 3.11+ and pip is enough.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
STAMP = VENV / "lock.sha256"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def run(*command: str | Path) -> int:
    print("+", " ".join(str(part) for part in command), flush=True)
    return subprocess.call([str(part) for part in command], cwd=ROOT)


def ensure_env() -> None:
    """Create or refresh .venv so that it holds exactly what the lock file pins."""
    digest = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == digest:
        return
    if not (BIN / "python").exists():
        print(f"Creating the virtual environment in {VENV.name}/", flush=True)
        venv.create(VENV, with_pip=True)
    pip = (BIN / "python", "-m", "pip")
    if run(*pip, "install", "--quiet", "--disable-pip-version-check", "--require-hashes", "--no-deps", "-r", LOCK):
        sys.exit("Installing from requirements.lock failed; see the messages above.")
    STAMP.write_text(digest + "\n")


def stamps(folder: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in sorted(folder.glob("*.py"))}


def supervise(command: list[str | Path], watched: Path, interval: float = 1.0, restarts: int | None = None) -> int:
    """Run the command, and run it anew whenever a Python file in `watched` changes.
    MkDocs loads hook modules once per process and caches them, so its own reload would
    keep serving an edited hook's old code."""
    while True:
        seen = stamps(watched)
        process = subprocess.Popen([str(part) for part in command], cwd=ROOT)
        try:
            while process.poll() is None and stamps(watched) == seen:
                time.sleep(interval)
        except KeyboardInterrupt:
            process.terminate()
            return process.wait()
        if process.poll() is not None:
            return process.returncode
        print(f"+ {watched.name}/ changed: restarting", flush=True)
        process.terminate()
        process.wait()
        if restarts is not None:
            restarts -= 1
            if restarts < 0:
                return 0


def serve(args: list[str]) -> int:
    print("+ mkdocs serve (restarted when a hook changes)", flush=True)
    return supervise([BIN / "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", "--livereload", *args], ROOT / "hooks")


def github_pages_url(remote: str) -> str | None:
    """The GitHub Pages address of a GitHub remote (https or ssh form), or None for any other host."""
    match = re.search(r"github\.com[:/]([^/]+)/([^/]+?)(?:\.git)?/?$", remote.strip())
    if not match:
        return None
    owner, repo = match[1].lower(), match[2]
    return f"https://{owner}.github.io/" if repo.lower() == f"{owner}.github.io" else f"https://{owner}.github.io/{repo}/"


def publishing_url() -> str:
    """SITE_URL, or the GitHub Pages address derived from the origin remote; never the local default,
    which would end up in every canonical link, cite box, sitemap and feed."""
    if os.environ.get("SITE_URL"):
        return os.environ["SITE_URL"]
    remote = subprocess.run(["git", "config", "--get", "remote.origin.url"], cwd=ROOT, capture_output=True, text=True)
    url = github_pages_url(remote.stdout) if remote.returncode == 0 else None
    if not url:
        sys.exit("tasks.py build makes the site for publishing: set SITE_URL to its address, e.g.\n"
                 "  SITE_URL=https://your.host/path/ python3 tasks.py build\n"
                 "(no GitHub remote to derive it from; `python3 tasks.py serve` needs none)")
    print(f"SITE_URL is not set: using {url}, derived from the GitHub remote", flush=True)
    return url


def build(args: list[str]) -> int:
    os.environ["SITE_URL"] = publishing_url()
    return run(BIN / "mkdocs", "build", "--strict", *args)


def test(args: list[str]) -> int:
    code = run(BIN / "python", "-m", "pytest", *args)
    if code == 5:
        print("pytest collected no tests: that is a failure here, not a pass.", flush=True)
        return 1
    return code


def bench(args: list[str]) -> int:
    return run(BIN / "python", "scripts/benchmark.py", *args)


def lock(args: list[str]) -> int:
    if run(BIN / "python", "-m", "pip", "install", "--quiet", "pip-tools"):
        return 1
    return run(BIN / "pip-compile", "--quiet", "--extra", "test", "--generate-hashes", "--allow-unsafe",
               "--strip-extras", "--no-emit-index-url", "--no-emit-find-links",
               "--output-file", LOCK.name, "pyproject.toml", *args)


TASKS = {"serve": serve, "build": build, "test": test, "bench": bench, "lock": lock}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        print(__doc__)
        return 2
    ensure_env()
    # Material prints a notice about MkDocs 2 on every build; it is known, and it hides real warnings.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return TASKS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
