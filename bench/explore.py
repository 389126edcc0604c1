"""How fast the Explore page becomes usable, in headless Chromium (Debian's chromium): today's
knowledge base (the baseline), the real 960-entry list, and 10,000 synthetic entries.

For each, the median of several fresh page loads of: the DOM ready (DOMContentLoaded), the
filters ready (the end of explore.js's first pass, entries fetched and the first batch shown),
one filter click applied (the first category, or the first box of --facet: a task orders
the list too), and words typed applied (a plural and a participle, "modèles pré-entraînés":
the list filtered and ordered, its first batch shown); how long a pasted page of 200 words
that no entry has blocks the page; and the bytes of the page plus its entries file. The
click and the words come at once after the list is shown, or, with --pause, that many
milliseconds later, as a reader who looks at the page first (explore.js reads ahead, while
it waits, what the first words typed need).
Target (issue 5): filters ready within a second of load with the 960 entries.

Run: .venv/bin/python bench/explore.py [--runs 5] [--pause 0] [--facet category]
"""

from __future__ import annotations

import argparse
import math
import statistics
import tempfile
from pathlib import Path

from common import (
    CHROMIUM_FLAGS,
    REPO,
    chromium_path,
    mkdocs_build,
    project_copy,
    real_data,
    sent_size,
    served,
    synthetic_data,
)
from playwright.sync_api import sync_playwright

READY = "[data-ds-explore][data-ready]"
TIMING = (
    "() => ({dom: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,"
    " ready: Number(document.querySelector('[data-ds-explore]').dataset.ready)})"
)
# (None where the knowledge base has no such facet: the real list has no tasks.)
CLICK = (
    "(facet) => { const box = document.querySelector(`input[name=${facet}]`);"
    " if (!box) return null;"
    " const start = performance.now(); box.click(); return performance.now() - start; }"
)
# The words applied at once (the field applies them after a pause in the typing), after the
# filter click above was undone: the time a reader waits once the pause is over.
TYPED_WORDS = "modèles pré-entraînés"
TYPE = (
    "([words, facet]) => { const box = document.querySelector(`input[name=${facet}]:checked`);"
    " if (box) box.click();"
    " const field = document.querySelector('.ds-explore__search input'); field.value = words;"
    " const start = performance.now(); field.form.dispatchEvent(new Event('change'));"
    " return performance.now() - start; }"
)
# A pasted page of words no entry has (the same each run): how long the page is blocked
# (Chromium's long tasks, summed) in the PASTED_WAIT ms after they are applied, its reasons
# and offers worked out included (each word looked for alone froze it for seconds).
PASTED_WORDS = " ".join(f"zq{number:03d}xw" for number in range(200))
PASTED_WAIT = 3000
PASTE = (
    "async ([words, wait]) => { const blocks = [];"
    " const watch = new PerformanceObserver((list) => blocks.push(...list.getEntries()));"
    " watch.observe({ type: 'longtask' });"
    " const field = document.querySelector('.ds-explore__search input'); field.value = words;"
    " field.form.dispatchEvent(new Event('change'));"
    " await new Promise((done) => setTimeout(done, wait)); watch.disconnect();"
    " return blocks.reduce((sum, block) => sum + block.duration, 0); }"
)


def measure(site: Path, runs: int, pause_ms: int = 0, facet: str = "category") -> dict[str, float]:
    samples: dict[str, list[float | None]] = {
        "dom": [],
        "ready": [],
        "click": [],
        "typed": [],
        "pasted": [],
    }
    with served(site) as address, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{address}explore/")
            page.wait_for_selector(READY, state="attached")
            timing = page.evaluate(TIMING)
            samples["dom"].append(timing["dom"])
            samples["ready"].append(timing["ready"])
            page.wait_for_timeout(pause_ms)
            samples["click"].append(page.evaluate(CLICK, facet))
            samples["typed"].append(page.evaluate(TYPE, [TYPED_WORDS, facet]))
            samples["pasted"].append(page.evaluate(PASTE, [PASTED_WORDS, PASTED_WAIT]))
            context.close()
        browser.close()
    result = {
        name: statistics.median(measured)
        if (measured := [v for v in values if v is not None])
        else math.nan
        for name, values in samples.items()
    }
    page_bytes = sent_size(site / "explore" / "index.html")
    result["bytes"] = page_bytes + sent_size(site / "explore" / "entries.json")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pause", type=int, default=0, help="ms from the list to the click")
    # A task orders the list as well as filtering it (the tools whose main task it is first).
    parser.add_argument("--facet", default="category", help="the facet of the box clicked")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        bases = {
            "today's data (baseline)": REPO / "data",
            "NFDI4BIOIMAGE list (960)": real_data(work / "real"),
            "synthetic (10,000)": synthetic_data(work / "synthetic", 10_000),
        }
        results = {
            name: measure(
                mkdocs_build(project_copy(data, work / f"site-{number}")),
                args.runs,
                args.pause,
                args.facet,
            )
            for number, (name, data) in enumerate(bases.items())
        }
    pause = f", the click and the words {args.pause} ms after the list" if args.pause else ""
    clicked = f", the click on the first box of '{args.facet}'" if args.facet != "category" else ""
    print(f"Explore page, median of {args.runs} loads in headless Chromium{pause}{clicked}\n")
    print(
        "| knowledge base | page + entries, sent | DOM ready | filters ready | one click "
        "| words typed | 200 unknown words pasted: page blocked |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, result in results.items():
        click = "–" if math.isnan(result["click"]) else f"{result['click']:.1f} ms"
        print(
            f"| {name} | {result['bytes'] / 1024:.0f} KiB | {result['dom']:.0f} ms "
            f"| {result['ready']:.0f} ms | {click} | {result['typed']:.1f} ms "
            f"| {result['pasted']:.0f} ms |"
        )
    baseline = results["today's data (baseline)"]["ready"]
    for name, result in list(results.items())[1:]:
        print(f"\nfilters ready, {name} / baseline: {result['ready'] / baseline:.2f}×")


if __name__ == "__main__":
    main()
