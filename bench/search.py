"""What a reader's first search costs, in headless Chromium (Debian's chromium): the time from
a word to its results shown, and the bytes transferred for it (Pagefind's script, its
WebAssembly, the index chunks and the result fragments, and, since stop 50, the search's own
data files: the names and phrases every question is read with), with a cold cache each time.

The time is taken in the page, from the browser's own time of the key or the paste (its
event's timeStamp) to the first frame painted with the results. Before 4 December 2026 (stop
42) it was taken from this script, before its command to type and after its check that the
results were there: each way through Playwright added 10 to 40 ms that no reader waits for.

The site is published as `make pages` publishes it and served as GitLab Pages serves it: each
file's compressed copy (deepscopie/precompress.py), when it has one.
Target (issue 7): first result within 300 ms, at most 500 KB, with 10,000 entries.

Run: .venv/bin/python bench/search.py [--runs 5] [--sizes 150,10000] [--queries a,b]
(the queries are searched on the English pages; by default a common word, "segmentation" (a
fifth of the entries), the most common, "image" (half of them), and a rare one)
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from common import (
    CHROMIUM_FLAGS,
    chromium_path,
    mkdocs_build,
    project_copy,
    served,
    synthetic_data,
)
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Response, sync_playwright

QUERIES = ("segmentation", "image", "stardist")

# Set in the page before the last key or the paste: the time of its first event (keydown, or
# input for a paste), then of the first frame painted once search.js has shown results for
# the whole question (it marks them with it, data-ds-query): a task queued from an animation
# frame runs after that frame's paint. (A name typed wrong before the last word shows the
# results of the words as typed first, then, once the keys pause, of the name put right: a
# question given with --queries is timed to the first; the default ones are spelled right.)
TIMED = """query => {
  const results = document.querySelector("#ds-search [data-ds-results]");
  const asked = (event) => { if (window.dsAsked === undefined) window.dsAsked = event.timeStamp; };
  for (const type of ["keydown", "input"]) window.addEventListener(type, asked, { capture: true });
  const watch = new MutationObserver(() => {
    if (results.dataset.dsQuery !== query || !results.querySelector(".ds-result")) return;
    watch.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.dsShown = performance.now(); }));
  });
  watch.observe(results, { attributes: true, childList: true, subtree: true });
}"""


def _for_search(url: str) -> bool:
    """Whether the search fetched ``url``: Pagefind's files, or the search's own data files
    (the names and phrases it reads every question with, the words and jobs a few need)."""
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    return "/pagefind/" in url or (name.startswith("search-") and name.endswith(".json"))


def first_search(site: Path, query: str, runs: int, typed: bool) -> tuple[float, int]:
    """(median milliseconds to the results for ``query``, median bytes fetched for the search).

    ``typed=False``: the whole word at once, right after the search opens (Pagefind still
    loading: the worst case). ``typed=True``: typed at 8 keys a second, timed from the
    last key (what a reader waits for; each key searches, see search.js).
    """
    times, sizes = [], []
    with served(site) as address, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{address}en/", wait_until="load")
            fetched: list[int] = []

            def count(response: Response, fetched: list[int] = fetched) -> None:
                if _for_search(response.url):
                    # The bytes sent: a compressed copy's, when the server sent one.
                    with contextlib.suppress(PlaywrightError, KeyError, ValueError):
                        fetched.append(int(response.headers["content-length"]))

            page.on("response", count)
            page.locator(".ds-search-open").click()
            field = page.locator("#ds-search [data-ds-input]")
            field.wait_for()
            if typed:
                field.press_sequentially(query[:-1], delay=125)
                page.wait_for_timeout(125)
                page.evaluate(TIMED, query)
                field.press(query[-1])
            else:
                page.evaluate(TIMED, query)
                field.fill(query)
            page.wait_for_function("() => window.dsShown !== undefined")
            times.append(page.evaluate("window.dsShown - window.dsAsked"))
            page.wait_for_load_state("networkidle")
            sizes.append(sum(fetched))
            context.close()
        browser.close()
    return statistics.median(times), int(statistics.median(sizes))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="150,10000")
    parser.add_argument("--queries", default=",".join(QUERIES))
    args = parser.parse_args()
    print(f"First search, median of {args.runs} cold loads in headless Chromium\n")
    print(
        "| resources | query | results, word pasted at once "
        "| results, after the last key typed | transferred |"
    )
    print("|---:|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for size in (int(size) for size in args.sizes.split(",")):
            data = synthetic_data(work / f"data-{size}", size)
            site = mkdocs_build(project_copy(data, work / f"project-{size}"))
            for query in args.queries.split(","):
                pasted, size_bytes = first_search(site, query, args.runs, typed=False)
                typed, _ = first_search(site, query, args.runs, typed=True)
                print(
                    f"| {size:,} | {query} | {pasted:.0f} ms | {typed:.0f} ms "
                    f"| {size_bytes / 1000:.0f} KB |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
