"""Measure the site against its budgets: a script that prints figures, not a test.

    python3 tasks.py bench            # or: .venv/bin/python scripts/benchmark.py

Builds the site cold into a temporary folder, serves it on 127.0.0.1 with gzip as a
static host would, then visits every page once with an empty cache in Debian's Chromium,
counting requests and the bytes a server would send (text gzipped at level 6). Prints a table and writes
benchmark/results/latest.json. Where Node.js is present it also runs Lighthouse (mobile)
on the home page and three articles, and compares two long articles with a plain Material
build of the same Markdown text, side by side in the same run. A Lighthouse score moves by
several points from one run to the next on the same page, so each figure is the median of
--runs runs (3 unless told).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmark" / "results"
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
BUDGETS = {"text_page_kb": 100, "figure_page_kb": 200, "requests": 10, "offsite": 0, "build_seconds": 30}
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
LIGHTHOUSE_PAGES = ["", "concepts/", "cooperation/mutual-defense/", "scope/"]
COMPARED = {"cooperation/mutual-defense/": "cooperation/mutual-defense.md", "impacts/stability/": "impacts/stability.md"}
# The whole reference as one page, for printing or saving as PDF: a download in all but name,
# reported on its own line and not held to a page budget.
WHOLE_SITE = "/print_page/"
AUDITS = {"fcp_ms": "first-contentful-paint", "tbt_ms": "total-blocking-time", "dom_nodes": "dom-size",
          "bytes": "total-byte-weight"}


def build(site: Path) -> float:
    started = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host would: text gzipped when the browser accepts it."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            return super().do_GET()
        body, content_type = path.read_bytes(), self.guess_type(str(path))
        compress = content_type.startswith(TEXT_TYPES) and "gzip" in self.headers.get("Accept-Encoding", "")
        body = gzip.compress(body, 6) if compress else body
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def wire_bytes(body: bytes, content_type: str) -> int:
    return len(gzip.compress(body, 6)) if content_type.startswith(TEXT_TYPES) else len(body)


def pages(site: Path) -> list[str]:
    return sorted(str(p.parent.relative_to(site).as_posix()) + "/" if p.parent != site else ""
                  for p in site.rglob("index.html") if p.parent.name != "search")


def visit(browser, base: str, path: str) -> dict:
    """One first visit with an empty cache: requests, gzipped bytes, and when the search index loads."""
    context = browser.new_context()
    page = context.new_page()
    responses: list = []
    offsite: list[str] = []
    page.on("response", lambda response: responses.append(response))
    page.on("request", lambda r: r.url.startswith((base, "data:", "blob:")) or offsite.append(r.url))
    page.goto(base + path, wait_until="networkidle")
    transferred, index_on_load = 0, False
    for response in responses:
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            continue
        transferred += wire_bytes(body, response.headers.get("content-type", ""))
        index_on_load |= response.url.endswith("search_index.json")
    has_figure = page.locator("article figure svg, article figure img").count() > 0
    context.close()
    return {"path": "/" + path, "requests": len(responses), "kb": round(transferred / 1024, 1),
            "figure_page": has_figure, "offsite": offsite, "search_index_on_load": index_on_load}


def median(results: list[dict]) -> dict:
    """Each figure's median over several runs of one page (or the first run's error)."""
    failed = [result for result in results if "error" in result]
    return failed[0] if failed else {key: round(statistics.median(r[key] for r in results)) for key in results[0]}


def lighthouse_run(url: str) -> dict:
    """One Lighthouse (mobile) run: category scores and the audits of AUDITS."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        command = ["npx", "--yes", "lighthouse@12", url, "--quiet", "--output=json", f"--output-path={report.name}",
                   "--form-factor=mobile", f"--chrome-flags=--headless {' '.join(LAUNCH_ARGS)}"]
        done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
        if done.returncode:
            return {"error": done.stderr.strip().splitlines()[-1:]}
        result = json.loads(Path(report.name).read_text())
    scores = {name: round(c["score"] * 100) for name, c in result["categories"].items()}
    return scores | {key: round(result["audits"][audit]["numericValue"]) for key, audit in AUDITS.items()}


def lighthouse(base: str, runs: int) -> dict[str, dict]:
    if not shutil.which("npx"):
        return {}
    return {"/" + path: median([lighthouse_run(base + path) for _ in range(runs)]) for path in LIGHTHOUSE_PAGES}


def plain_material(folder: Path) -> Path:
    """A plain Material site (no hooks, plugins or overrides) of the compared articles' Markdown text,
    citations and placeholders removed: the baseline the reference's pages are measured against."""
    import re

    docs = folder / "docs"
    for url, source in COMPARED.items():
        text = (ROOT / "docs" / source).read_text(encoding="utf-8").split("---", 2)[2]
        text = re.sub(r"\[@[^\]]*\]|<!--.*?-->", "", text, flags=re.DOTALL)
        (docs / source).parent.mkdir(parents=True, exist_ok=True)
        (docs / source).write_text(text, encoding="utf-8")
    (docs / "index.md").write_text("# Plain Material\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text("site_name: Plain Material\ntheme:\n  name: material\n  font: false\n"
                                       "markdown_extensions: [attr_list, md_in_html, tables, admonition, footnotes, toc]\n",
                                       encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(folder / "site")], cwd=folder,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True, capture_output=True)
    return folder / "site"


def compare_with_plain(base: str, plain_base: str, runs: int) -> dict[str, dict]:
    """Both sides of each compared article, measured turn about in the same run."""
    if not shutil.which("npx"):
        return {}
    rows = {}
    for path in COMPARED:
        pairs = [(lighthouse_run(base + path), lighthouse_run(plain_base + path)) for _ in range(runs)]
        ours, plain = median([o for o, _ in pairs]), median([p for _, p in pairs])
        rows["/" + path] = {"site": ours, "plain": plain,
                            "ratio": {key: round(ours[key] / plain[key], 2) for key in AUDITS
                                      if key in ours and key in plain and plain[key]}}
    return rows


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        seconds = build(site)
        index_kb = round(len(gzip.compress((site / "search" / "search_index.json").read_bytes(), 6)) / 1024, 1)
        server, base = serve(site)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            visits = [visit(browser, base, path) for path in pages(site)]
            browser.close()
        scores, compared, runs = {}, {}, 0
        if "--no-lighthouse" not in sys.argv:
            runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
            scores = lighthouse(base, runs)
            with tempfile.TemporaryDirectory() as plain_folder:
                plain_server, plain_base = serve(plain_material(Path(plain_folder)))
                compared = compare_with_plain(base, plain_base, runs)
                plain_server.shutdown()
        server.shutdown()

    for v in visits:
        limit = BUDGETS["figure_page_kb"] if v["figure_page"] else BUDGETS["text_page_kb"]
        v["meets_budget"] = v["kb"] <= limit and v["requests"] <= BUDGETS["requests"] and not v["offsite"]
        if v["path"] == WHOLE_SITE:  # no page budget, but never a request to another host
            v["meets_budget"] = not v["offsite"]
    heaviest = max((v for v in visits if v["path"] != WHOLE_SITE), key=lambda v: v["kb"])
    summary = {
        "build_seconds": round(seconds, 2), "pages": len(visits), "search_index_kb_gzipped": index_kb,
        "search_index_loaded_on_first_visit": any(v["search_index_on_load"] for v in visits),
        "heaviest_page": heaviest["path"], "heaviest_kb": heaviest["kb"], "budgets": BUDGETS,
        "build_meets_budget": seconds <= BUDGETS["build_seconds"],
        "pages_over_budget": [v["path"] for v in visits if not v["meets_budget"]],
        "offsite_requests": sum(len(v["offsite"]) for v in visits), "lighthouse": scores,
        "compared_with_plain_material": compared, "visits": visits,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(summary, indent=2) + "\n")

    print(f"{'page':45} {'requests':>8} {'KB gz':>8}  budget")
    for v in visits:
        verdict = "whole site, no page budget" if v["path"] == WHOLE_SITE else "met" if v["meets_budget"] else "OVER"
        print(f"{v['path']:45} {v['requests']:>8} {v['kb']:>8}  {verdict}")
    print(f"\nbuild: {summary['build_seconds']} s (budget {BUDGETS['build_seconds']} s: "
          f"{'met' if summary['build_meets_budget'] else 'OVER'})")
    print(f"pages: {summary['pages']}; heaviest: {heaviest['path']} at {heaviest['kb']} KB")
    print(f"search index: {index_kb} KB gzipped, loaded on first visit: {summary['search_index_loaded_on_first_visit']}")
    print(f"off-site requests: {summary['offsite_requests']}; pages over budget: {len(summary['pages_over_budget'])}")
    for path, result in scores.items():
        goal = f" (goal 100: {'met' if result.get('performance') == 100 else 'NOT met'})" if path == "/" else ""
        print(f"lighthouse {path}, median of {runs}: {result}{goal}")
    for path, row in compared.items():
        gap = row["plain"].get("performance", 0) - row["site"].get("performance", 0)
        print(f"\n{path} against plain Material (Lighthouse mobile, same run, median of {runs}): "
              f"{gap} points behind, goal of 2 or fewer {'met' if gap <= 2 else 'NOT met'}")
        for key in ("performance", *AUDITS):
            print(f"  {key:12} site {row['site'].get(key, '?'):>8}  plain {row['plain'].get(key, '?'):>8}"
                  f"  ratio {row['ratio'].get(key, '')}")
    print(f"written: {(RESULTS / 'latest.json').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
