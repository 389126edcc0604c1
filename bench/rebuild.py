"""How long an editor waits under `mkdocs serve`: from saving a one-line change to
data/resources.yaml to the changed page served with it, for the real 960-entry list and for
larger synthetic knowledge bases.

Each edit changes the French title of the first resource; the page of its category is polled
every 20 ms until it shows the new title. The server runs as `make serve` runs it (its
SERVE_OPTIONS: --dirty, only what changed is rebuilt) and, as the baseline in the same run,
without them (every page of both languages rebuilt).
Target (issues 7, 16): at most 2 s with the real data.

Run: .venv/bin/python bench/rebuild.py [--edits 5] [--sizes 1000,10000]
"""

from __future__ import annotations

import argparse
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml
from common import BUILD_ENVIRONMENT, project_copy, real_data, synthetic_data

STARTUP_TIMEOUT = 600  # seconds: the first build of 10,000 entries, on a busy machine
EDIT_TIMEOUT = 300


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until ``url`` serves a page containing ``text``."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if text in fetch(url):
            return time.perf_counter() - started
        time.sleep(0.02)
    raise TimeoutError(f"{url} never showed {text!r}")


def make_serve_options() -> list[str]:
    """The options `make serve` gives `mkdocs serve` (the Makefile's SERVE_OPTIONS)."""
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^SERVE_OPTIONS\s*:?=(.*)$", makefile, flags=re.MULTILINE)
    return match.group(1).split() if match else []


def edit_to_reload(project: Path, edits: int, options: list[str]) -> list[float]:
    resources = project / "data" / "resources.yaml"
    first = yaml.load(resources.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    first = first["resources"][0]
    title = first["title"]["fr"]
    port = free_port()
    url = f"http://127.0.0.1:{port}/categories/{first['category']}/"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-q",
            *options,
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        cwd=project,
        env=BUILD_ENVIRONMENT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(url, "</html>", STARTUP_TIMEOUT)
        times, current = [], title
        for number in range(edits):
            new = f"{title} edit{number}"
            text = resources.read_text(encoding="utf-8")
            resources.write_text(text.replace(current, new, 1), encoding="utf-8")
            elapsed = wait_for(url, new, EDIT_TIMEOUT)
            times.append(elapsed)
            current = new
            # The generated pages written by that build make the server build once more;
            # the next edit waits until it is idle, so each figure is one edit's wait.
            time.sleep(2 + 2 * elapsed)
        return times
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()
    options = make_serve_options()
    print(f"Edit of data/resources.yaml to the page served again, median of {args.edits}\n")
    print(f"| knowledge base | `make serve` ({' '.join(options) or 'no option'}) | every page |")
    print("|---|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        bases = {"960 (NFDI4BIOIMAGE list)": real_data(work / "data-real")}
        for size in (int(size) for size in args.sizes.split(",") if size):
            bases[f"{size:,} (synthetic)"] = synthetic_data(work / f"data-{size}", size)
        for number, (name, data) in enumerate(bases.items()):
            medians = []
            for mode, mode_options in (("make", options), ("full", [])):
                project = project_copy(data, work / f"project-{number}-{mode}")
                medians.append(statistics.median(edit_to_reload(project, args.edits, mode_options)))
            print(f"| {name} | {medians[0]:.2f} s | {medians[1]:.2f} s |", flush=True)


if __name__ == "__main__":
    main()
