"""The search index of the built site, made by Pagefind (one index per page language).

A search answers with entries: each resource and FAQ entry is one small document (see
``deepscopie.render.search_records``), written into a staging folder with the site's
hand-written pages (home, About, Contribute), and Pagefind indexes that folder into the site's
``pagefind/``. The pages that list entries (categories, FAQ, tags, types) are not indexed: the
entries they hold are. Each document's ``<html lang>`` puts it in the French or the English
index, so a reader only ever gets results in the language they are reading; the entries carry
the filter ``kind:entry`` and the pages ``kind:page``, so that the search shows entries first.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from deepscopie.languages import site_languages
from deepscopie.render.search_records import SearchRecord

log = logging.getLogger("mkdocs.hooks.deepscopie")


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message is its own output."""


# The built pages that are searched as pages: the hand-written ones. Every other folder holds
# pages that list entries (indexed as entries), or no page at all.
LISTING_FOLDERS = frozenset(
    {"categories", "tags", "types", "faq", "explore", "statistics", "link-health", "pagefind"}
)
ENTRIES_FOLDER = "entries"


def searched_pages(site_dir: Path) -> list[Path]:
    """The built pages indexed as pages (relative to ``site_dir``): home, About, Contribute…"""
    pages = []
    # A language's pages are under its root (en/): what follows says which page it is.
    roots = {language.root.strip("/") for language in site_languages() if language.root}
    for path in site_dir.rglob("*.html"):
        relative = path.relative_to(site_dir)
        parts = relative.parts[1:] if relative.parts[0] in roots else relative.parts
        if (
            parts
            and parts[0] not in LISTING_FOLDERS
            and parts[0] != "assets"
            and parts != ("404.html",)
        ):
            pages.append(relative)
    return sorted(pages)


def build_search_index(site_dir: Path, records: Sequence[SearchRecord]) -> None:
    """Write ``site_dir/pagefind/``: the index of ``records`` and of the hand-written pages,
    and the search's script and WebAssembly."""
    with tempfile.TemporaryDirectory(prefix="deepscopie-search-") as folder:
        staging = Path(folder)
        for page in searched_pages(site_dir):
            (staging / page).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site_dir / page, staging / page)
        for record in records:
            path = staging / ENTRIES_FOLDER / record.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(record.document, encoding="utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", str(staging), "--silent"]
        command += ["--output-path", str(site_dir / "pagefind")]
        # The "¶" permalink of each heading is not text to search or show in results.
        command += ["--exclude-selectors", ".headerlink"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind failed:\n{result.stdout}{result.stderr}")


# One Pagefind at a time: a rebuild's index waits for the previous one.
_indexing = threading.Lock()


def build_search_index_in_background(
    site_dir: Path, records: Sequence[SearchRecord]
) -> threading.Thread:
    """Index ``site_dir`` in a thread, for a preview server: the rebuilt pages are served at
    once and search follows a moment later. A failure is logged, not raised (a rebuild that
    starts meanwhile empties the folder being indexed)."""

    def index() -> None:
        with _indexing:
            try:
                build_search_index(site_dir, records)
            except SearchIndexError as error:
                log.warning(f"search index not rebuilt: {error}")

    thread = threading.Thread(target=index, name="pagefind", daemon=True)
    thread.start()
    return thread
