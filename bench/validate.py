"""How long `deepscopie validate` takes, on the real data and on larger generated copies.

Run: .venv/bin/python bench/validate.py [--runs 7]
Prints the median wall time of a cold validation (parse, model, checks) for each size, and its
ratio against reading the same files with PyYAML's libyaml loader alone (the baseline: no checks,
measured in the same run); PyYAML's default pure-Python `safe_load` is shown for reference.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from deepscopie.knowledge_base import DataFiles, _load_cached  # noqa: E402


def grow(data: Path, folder: Path, copies: int) -> DataFiles:
    """The real data with every resource repeated ``copies`` times under new ids and URLs."""
    shutil.copy(data / "vocabulary.yaml", folder / "vocabulary.yaml")
    shutil.copy(data / "faq.yaml", folder / "faq.yaml")
    text = (data / "resources.yaml").read_text(encoding="utf-8")
    header, _, entries = text.partition("resources:\n")
    blocks = entries.split("\n  - id: ")
    out = [header, "resources:\n", blocks[0]]
    for copy in range(copies):
        for block in blocks[1:]:
            for scheme in ("http://", "https://"):
                block = block.replace(f"url: {scheme}", f"url: {scheme}copy{copy}.")
            out.append(f"\n  - id: c{copy}-{block}" if copy else f"\n  - id: {block}")
    (folder / "resources.yaml").write_text("".join(out), encoding="utf-8")
    return DataFiles.in_folder(folder)


def median_seconds(action: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print("| resources | validate | libyaml load only | ratio | yaml.safe_load (pure Python) |")
    print("|---:|---:|---:|---:|---:|")
    for copies in (1, 8, 80):
        with tempfile.TemporaryDirectory() as folder:
            files = grow(REPO / "data", Path(folder), copies)

            def validate(files: DataFiles = files) -> None:
                _load_cached.cache_clear()  # cold: what one build or one CLI run pays
                _load_cached(files, ((0, 0),))

            def baseline(files: DataFiles = files) -> None:
                for path in files.all():
                    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

            def pure_python(files: DataFiles = files) -> None:
                for path in files.all():
                    yaml.safe_load(path.read_text(encoding="utf-8"))

            count = len(yaml.safe_load(files.resources.read_text())["resources"])
            ours = median_seconds(validate, args.runs)
            base = median_seconds(baseline, args.runs)
            slow = median_seconds(pure_python, args.runs)
            print(
                f"| {count} | {ours * 1000:.0f} ms | {base * 1000:.0f} ms | {ours / base:.2f}× "
                f"| {slow * 1000:.0f} ms |"
            )


if __name__ == "__main__":
    main()
