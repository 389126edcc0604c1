"""What the benchmarks share: knowledge bases of a chosen size, a copy of the project to build
them in, a local web server for the built site (which serves it as GitLab Pages does, with
the compressed copies `make pages` writes), and Debian's Chromium.

Synthetic knowledge bases repeat today's resources under new ids and addresses (example.org
hosts, reserved for examples), so their text, tags and shape are those of real entries.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from deepscopie.generated_files import OWNED_FILES, OWNED_FOLDERS  # noqa: E402
from deepscopie.local_server import served, served_under  # noqa: E402, F401 (their servers)
from deepscopie.precompress import copy_of, precompress  # noqa: E402

# Headless Chromium as the tests start it, without the background traffic that adds noise.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
# The generated pages of docs/: never copied, each build writes its own.
GENERATED = (*OWNED_FOLDERS, *OWNED_FILES)
BUILD_ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LINK_REPORT": ""}


def synthetic_data(folder: Path, resources: int) -> Path:
    """data/ with ``resources`` entries: today's, then copies of them under new ids and URLs."""
    data = REPO / "data"
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("vocabulary.yaml", "faq.yaml", "link-ignore.yaml"):
        shutil.copy(data / name, folder / name)
    text = (data / "resources.yaml").read_text(encoding="utf-8")
    header, _, entries = text.partition("resources:\n")
    blocks = entries.split("\n  - id: ")
    out = [header, "resources:\n", blocks[0]]
    count, copy = 0, 0
    while count < resources:
        for block in blocks[1:]:
            if count == resources:
                break
            if copy:
                block = block.replace("url: http://", "url: https://").replace(
                    "url: https://", f"url: https://copy{copy}.example.org/"
                )
                block = block.replace("    doi: ", f"    doi: 10.9999/copy{copy}/")
            out.append(f"\n  - id: c{copy}-{block}" if copy else f"\n  - id: {block}")
            count += 1
        copy += 1
    (folder / "resources.yaml").write_text("".join(out).rstrip("\n") + "\n", encoding="utf-8")
    return folder


def real_data(folder: Path) -> Path:
    """data/ converted from the real 960-entry NFDI4BIOIMAGE list (see real_data.py)."""
    from real_data import write

    write(folder)
    return folder


def project_copy(data: Path, folder: Path) -> Path:
    """A copy of the project (configuration, hooks, theme, hand-written pages) using ``data``."""
    folder.mkdir(parents=True)
    for part in ("mkdocs.yml", "hooks", "overrides"):
        source = REPO / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / part)
    shutil.copytree(REPO / "docs", folder / "docs", ignore=shutil.ignore_patterns(*GENERATED))
    shutil.copytree(data, folder / "data")
    return folder


def mkdocs_build(
    project: Path,
    config: str = "mkdocs.yml",
    site: str = "site",
    environment: dict[str, str] | None = None,
) -> Path:
    """``mkdocs build`` in ``project`` (with ``environment`` added to the build's), then the
    compressed copies, as `make pages` publishes the site; returns the built site's folder."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "--site-dir", site]
    subprocess.run(
        command, cwd=project, env={**BUILD_ENVIRONMENT, **(environment or {})}, check=True
    )
    precompress(project / site)
    return project / site


def sent_size(path: Path) -> int:
    """The bytes a browser that accepts gzip gets for ``path``: its compressed copy's, when
    `make pages` wrote one (see served)."""
    return (copy_of(path) if copy_of(path).is_file() else path).stat().st_size


def median_time(action: Callable[[], object], runs: int) -> float:
    """The median wall time of ``action``, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def chromium_path() -> str:
    return shutil.which("chromium") or "chromium"
