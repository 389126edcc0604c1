"""The measuring scripts keep working: a maintainer who runs one gets figures, not a traceback
(bench/build.py's baseline broke unnoticed when the templates gained a variable)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def _row(script: str, arguments: list[str], starts: str) -> list[str]:
    """The cells of the row of ``script``'s table that starts with ``starts``, once it has
    run with ``arguments`` and ended well."""
    run = subprocess.run(
        [sys.executable, f"bench/{script}", *arguments],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    row = next(line for line in run.stdout.splitlines() if line.startswith(starts))
    return [cell.strip() for cell in row.strip("|").split("|")]


def test_the_build_benchmark_measures_the_hooks_against_plain_markdown() -> None:
    cells = _row("build.py", ["--runs", "1", "--sizes", "150"], "| 150 (synthetic)")
    build, memory, baseline, overhead = cells[1:]
    assert build.endswith(" s") and baseline.endswith(" s") and memory.endswith(" MiB")
    assert overhead.endswith("%")


def test_the_search_benchmark_times_a_first_search_in_the_page() -> None:
    # It times from the key or the paste to the results painted, in the page (see TIMED in
    # bench/search.py): a change of search.js's marks would leave it waiting forever.
    arguments = ["--runs", "1", "--sizes", "150", "--queries", "stardist"]
    pasted, typed, sent = _row("search.py", arguments, "| 150 | stardist")[2:]
    assert 0 < float(pasted.removesuffix(" ms")) < 30_000
    assert 0 < float(typed.removesuffix(" ms")) < 30_000
    assert int(sent.removesuffix(" KB")) > 0
