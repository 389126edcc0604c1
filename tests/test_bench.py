"""The measuring scripts keep working: a maintainer who runs one gets figures, not a traceback
(bench/build.py's baseline broke unnoticed when the templates gained a variable)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_the_build_benchmark_measures_the_hooks_against_plain_markdown() -> None:
    run = subprocess.run(
        [sys.executable, "bench/build.py", "--runs", "1", "--sizes", "150"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    row = next(line for line in run.stdout.splitlines() if line.startswith("| 150 (synthetic)"))
    build, memory, baseline, overhead = (cell.strip() for cell in row.strip("|").split("|")[1:])
    assert build.endswith(" s") and baseline.endswith(" s") and memory.endswith(" MiB")
    assert overhead.endswith("%")


def test_the_search_benchmark_times_a_first_search_in_the_page() -> None:
    # It times from the key or the paste to the results painted, in the page (see TIMED in
    # bench/search.py): a change of search.js's marks would leave it waiting forever.
    run = subprocess.run(
        [
            sys.executable,
            "bench/search.py",
            "--runs",
            "1",
            "--sizes",
            "150",
            "--queries",
            "stardist",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    row = next(line for line in run.stdout.splitlines() if line.startswith("| 150 | stardist"))
    pasted, typed, sent = (cell.strip() for cell in row.strip("|").split("|")[2:])
    assert 0 < float(pasted.removesuffix(" ms")) < 30_000
    assert 0 < float(typed.removesuffix(" ms")) < 30_000
    assert int(sent.removesuffix(" KB")) > 0
