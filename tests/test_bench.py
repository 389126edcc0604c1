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
