#!/usr/bin/env python3
"""One entry point for contributors and CI: each task first makes sure the project's
virtual environment (.venv) matches requirements.lock, then runs.

    python3 tasks.py serve   # set up, then serve at http://127.0.0.1:8000 with live reload
    python3 tasks.py test    # set up, then run the whole test suite
    python3 tasks.py build   # set up, then build the static site into site/
    python3 tasks.py bench   # set up, then measure build time and page weight against the budgets
    python3 tasks.py lock    # regenerate requirements.lock from pyproject.toml

Only the standard library is used here, so a machine with Python 3.11+ and pip is enough.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
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


def serve(args: list[str]) -> int:
    return run(BIN / "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", "--livereload", *args)


def build(args: list[str]) -> int:
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
               "--output-file", LOCK, "pyproject.toml", *args)


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
