"""What a reader's first search costs, in headless Chromium (Debian's chromium): the time from
typing a word to the first result shown, and the bytes transferred for it (Pagefind's script,
its WebAssembly, the index chunks and the result fragments), with a cold cache each time.

Served by a plain static server without compression (Pagefind's index files are compressed
already; its script would shrink further on a server that compresses).
Target (issue 7): first result within 300 ms, at most 500 KB, with 10,000 entries.

Run: .venv/bin/python bench/search.py [--runs 5] [--sizes 150,10000]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from common import (
    CHROMIUM_FLAGS,
    chromium_path,
    mkdocs_build,
    project_copy,
    served,
    synthetic_data,
)
from playwright.sync_api import Response, sync_playwright

QUERIES = ("segmentation", "stardist")


def first_search(site: Path, query: str, runs: int) -> tuple[float, int]:
    """(median milliseconds to the first result, median bytes fetched for the search)."""
    times, sizes = [], []
    with served(site) as address, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{address}en/", wait_until="load")
            fetched: list[int] = []

            def count(response: Response, fetched: list[int] = fetched) -> None:
                if "/pagefind/" in response.url:
                    fetched.append(len(response.body()))

            page.on("response", count)
            page.locator(".ds-search-open").click()
            page.locator("#ds-search input").wait_for()
            page.evaluate("window.dsStart = performance.now()")
            page.locator("#ds-search input").fill(query)
            page.locator(".pagefind-ui__result").first.wait_for()
            times.append(page.evaluate("performance.now() - window.dsStart"))
            page.wait_for_load_state("networkidle")
            sizes.append(sum(fetched))
            context.close()
        browser.close()
    return statistics.median(times), int(statistics.median(sizes))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="150,10000")
    args = parser.parse_args()
    print(f"First search, median of {args.runs} cold loads in headless Chromium\n")
    print("| resources | query | first result | transferred |")
    print("|---:|---|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for size in (int(size) for size in args.sizes.split(",")):
            data = synthetic_data(work / f"data-{size}", size)
            site = mkdocs_build(project_copy(data, work / f"project-{size}"))
            for query in QUERIES:
                milliseconds, size_bytes = first_search(site, query, args.runs)
                print(
                    f"| {size:,} | {query} | {milliseconds:.0f} ms | {size_bytes / 1000:.0f} KB |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
