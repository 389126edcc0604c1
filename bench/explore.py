"""How fast the Explore page becomes usable: the real 960-entry list (converted by
bench/real_data.py) against today's knowledge base, in headless Chromium (Debian's chromium).

For each, the median of several fresh page loads of: the DOM ready (DOMContentLoaded), the
filters ready (the end of explore.js's first pass), and one filter click applied.
Target (issue 5): filters ready within a second of load with the 960 entries.

Run: .venv/bin/python bench/explore.py [--runs 5]
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from real_data import write as write_real_data  # noqa: E402

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def build(data: Path, folder: Path) -> Path:
    """The site built from ``data`` in a copy of the project; returns its site/ folder."""
    folder.mkdir(parents=True)
    for part in ("mkdocs.yml", "hooks", "overrides"):
        source = REPO / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / part)
    ignore = shutil.ignore_patterns(
        "categories", "tags", "types", "faq.*.md", "explore.*.md", "statistics.*.md"
    )
    shutil.copytree(REPO / "docs", folder / "docs", ignore=ignore)
    shutil.copytree(data, folder / "data")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LINK_REPORT": ""}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", "site"],
        cwd=folder,
        env=environment,
        check=True,
    )
    return folder / "site"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def measure(site: Path, runs: int) -> dict[str, float]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/explore/"
    samples: dict[str, list[float]] = {"dom": [], "ready": [], "click": []}
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=shutil.which("chromium") or "chromium", args=FLAGS
        )
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(url)
            page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
            timing = page.evaluate(
                "() => ({dom: performance.getEntriesByType('navigation')[0]"
                ".domContentLoadedEventEnd, ready: Number("
                "document.querySelector('[data-ds-explore]').dataset.ready)})"
            )
            click = page.evaluate(
                "() => { const box = document.querySelector('input[name=category]');"
                " const start = performance.now(); box.click(); return performance.now() - start; }"
            )
            samples["dom"].append(timing["dom"])
            samples["ready"].append(timing["ready"])
            samples["click"].append(click)
            context.close()
        browser.close()
    server.shutdown()
    server.server_close()
    result = {name: statistics.median(values) for name, values in samples.items()}
    result["bytes"] = (site / "explore" / "index.html").stat().st_size
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        write_real_data(work / "real-data")
        today = measure(build(REPO / "data", work / "today"), args.runs)
        real = measure(build(work / "real-data", work / "real"), args.runs)
    print(f"Explore page, median of {args.runs} loads in headless Chromium\n")
    print("| knowledge base | page size | DOM ready | filters ready | one filter click |")
    print("|---|---:|---:|---:|---:|")
    for name, result in (("today's data (baseline)", today), ("NFDI4BIOIMAGE list (960)", real)):
        print(
            f"| {name} | {result['bytes'] / 1024:.0f} KiB | {result['dom']:.0f} ms "
            f"| {result['ready']:.0f} ms | {result['click']:.1f} ms |"
        )
    print(f"\nfilters ready, 960 entries / baseline: {real['ready'] / today['ready']:.2f}×")


if __name__ == "__main__":
    main()
