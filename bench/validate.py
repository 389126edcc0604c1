"""How long `deepscopie validate` takes, on the real data and on larger generated copies.

Run: .venv/bin/python bench/validate.py [--runs 7]
Prints the median wall time of a cold validation (parse, model, checks) for each size, and its
ratio against reading the same files with PyYAML's libyaml loader alone (the baseline: no checks,
measured in the same run); PyYAML's default pure-Python `safe_load` is shown for reference.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import yaml
from common import median_time, synthetic_data

from deepscopie.knowledge_base import DataFiles, _load_cached


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print("| resources | validate | libyaml load only | ratio | yaml.safe_load (pure Python) |")
    print("|---:|---:|---:|---:|---:|")
    for size in (127, 1_000, 10_000):
        with tempfile.TemporaryDirectory() as folder:
            files = DataFiles.in_folder(synthetic_data(Path(folder), size))

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
            ours = median_time(validate, args.runs)
            base = median_time(baseline, args.runs)
            slow = median_time(pure_python, args.runs)
            print(
                f"| {count} | {ours * 1000:.0f} ms | {base * 1000:.0f} ms | {ours / base:.2f}× "
                f"| {slow * 1000:.0f} ms |"
            )


if __name__ == "__main__":
    main()
