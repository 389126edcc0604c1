"""The search index of the built site, made by Pagefind (one index per page language).

Pagefind reads the built HTML: each page's ``<html lang>`` puts it in the French or the
English index, so a reader only ever gets results in the language they are reading. Only the
part of a page marked ``data-pagefind-body`` is indexed (the article, not the navigation).
"""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.deepscopie")


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message is its own output."""


def build_search_index(site_dir: Path) -> None:
    """Write ``site_dir/pagefind/``, the index and the search interface's files."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    # The "¶" permalink of each heading is not text to search or show in results.
    command += ["--exclude-selectors", ".headerlink"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind failed:\n{result.stdout}{result.stderr}")


# One Pagefind at a time: a rebuild's index waits for the previous one.
_indexing = threading.Lock()


def build_search_index_in_background(site_dir: Path) -> threading.Thread:
    """Index ``site_dir`` in a thread, for a preview server: the rebuilt pages are served at
    once and search follows a moment later. A failure is logged, not raised (a rebuild that
    starts meanwhile empties the folder being indexed)."""

    def index() -> None:
        with _indexing:
            try:
                build_search_index(site_dir)
            except SearchIndexError as error:
                log.warning(f"search index not rebuilt: {error}")

    thread = threading.Thread(target=index, name="pagefind", daemon=True)
    thread.start()
    return thread
