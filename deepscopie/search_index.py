"""The search index of the built site, made by Pagefind (one index per language).

A search answers with entries: each resource and FAQ entry is one small document, and so is
each hand-written page (home, About, Contribute), see ``deepscopie.render.search_records``.
The pages that list entries (categories, FAQ, tags, types) are not indexed: the entries they
hold are. Each document's ``<html lang>`` puts it in its language's index, so a reader only
ever gets results in the language they are reading. Pages carry the filter ``kind:page`` (and
entries none: a filter that 10,000 records carry is a large file to fetch and a slow search),
so that the search tells them apart and shows entries first.

Pagefind takes about as long as the rest of a build at 10,000 entries, and the records are
known before the first page is rendered: a :class:`SearchIndexJob` starts as soon as the
build has them and runs beside the rendering, in a process of its own
(``python -m deepscopie.search_index FOLDER``): it writes the records as the files Pagefind
reads, runs one Pagefind per language at once (one alone keeps about one core busy), and
merges their bundles into one ``pagefind/`` folder, as one Pagefind run over all languages
writes it.
"""

from __future__ import annotations

import atexit
import contextlib
import filecmp
import json
import logging
import os
import pickle
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from deepscopie.render.search_records import SearchRecord

log = logging.getLogger("mkdocs.hooks.deepscopie")

ENTRY_FILE = "pagefind-entry.json"
PAGEFIND = (sys.executable, "-m", "pagefind", "--silent")
# In a job's folder: the records it indexes, and the bundle it makes.
RECORDS_FILE = "records.pickle"
OUTPUT_FILE = "output.txt"
BUNDLE = "pagefind"
# Seconds a stopped job has to remove its files before it is killed.
STOP_PATIENCE = 5


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message is its own output."""


def build_search_index(records: Sequence[SearchRecord], output: Path, work: Path) -> None:
    """Index ``records`` into ``output`` (Pagefind's bundle: script, WebAssembly, one index per
    language), with ``work`` for the files Pagefind reads and writes."""
    languages = sorted({record.language for record in records})
    if not languages:
        raise SearchIndexError("nothing to index: no entry and no page")
    memory = _memory_folder(records)
    try:
        stage = _staged(records, memory)
    except OSError:
        if memory is None:
            raise
        stage = _staged(records, None)  # the memory filled up meanwhile: on disk, then
    try:
        _run_pagefind(languages, stage, work)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    merge_indexes([work / language for language in languages], output)


def _staged(records: Sequence[SearchRecord], folder: Path | None) -> Path:
    """``records`` written as files, one folder per language, in a new folder under ``folder``
    (the temporary folder when None); nothing is left behind if that fails."""
    stage = Path(tempfile.mkdtemp(prefix="deepscopie-search-", dir=folder))
    try:
        for record in records:
            path = stage / record.language / record.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(record.document, encoding="utf-8")
    except OSError:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return stage


def _run_pagefind(languages: Sequence[str], stage: Path, work: Path) -> None:
    runs = {
        language: subprocess.Popen(
            [*PAGEFIND, "--site", stage / language, "--output-path", work / language],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for language in languages
    }
    failures = []
    for language, run in runs.items():
        output_text, _ = run.communicate()
        if run.returncode != 0:
            failures.append(f"Pagefind failed ({language}):\n{output_text}")
    if failures:
        raise SearchIndexError("\n".join(failures))


# Linux's shared memory: files that never reach the disk. Pagefind reads the records from
# files, 20,000 of them at 10,000 entries, written and deleted at each build: on a disk, that
# took a third of the index's time (and varied from one build to the next).
MEMORY_FOLDER = Path("/dev/shm")
_BLOCK = 4096


def _memory_folder(records: Sequence[SearchRecord]) -> Path | None:
    """Where to write ``records`` for Pagefind: in memory if there is room for them (twice,
    to be safe: a container may give little), else the ordinary temporary folder."""
    needed = sum(len(record.document.encode()) // _BLOCK + 2 for record in records) * _BLOCK
    try:
        free = shutil.disk_usage(MEMORY_FOLDER).free
    except OSError:
        return None
    return MEMORY_FOLDER if free > 2 * needed and os.access(MEMORY_FOLDER, os.W_OK) else None


def merge_indexes(indexes: Sequence[Path], output: Path) -> None:
    """One bundle from bundles of different languages: the first is moved to ``output``, the
    others' language files moved into it, and their languages added to its entry file. The
    files they share (script, styles, the WebAssembly of no language) must be the same."""
    first, *others = indexes
    shutil.rmtree(output, ignore_errors=True)
    shutil.move(first, output)
    entry = json.loads((output / ENTRY_FILE).read_text(encoding="utf-8"))
    for other in others:
        added = json.loads((other / ENTRY_FILE).read_text(encoding="utf-8"))
        if added.get("version") != entry.get("version"):
            raise SearchIndexError(f"{other}: another Pagefind version than {first}")
        for source in sorted(path for path in other.rglob("*") if path.is_file()):
            relative = source.relative_to(other)
            target = output / relative
            if relative.as_posix() == ENTRY_FILE:
                continue
            if target.exists():
                if not filecmp.cmp(source, target, shallow=False):
                    raise SearchIndexError(f"{relative}: two languages' indexes disagree")
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
        entry["languages"].update(added["languages"])
    (output / ENTRY_FILE).write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")


class SearchIndexJob:
    """The index of ``records``, built in the background from the moment the job starts;
    :meth:`install` waits for it and puts it into a site."""

    def __init__(self, records: Sequence[SearchRecord]) -> None:
        self.records = tuple(records)
        self._folder = Path(tempfile.mkdtemp(prefix="deepscopie-search-"))
        # Removed when the process ends, whatever happened (a build that fails, a preview
        # server stopped with Ctrl-C while a job runs); the job's processes are stopped first.
        atexit.register(shutil.rmtree, self._folder, True)
        atexit.register(self._stop)
        self._installed: set[Path] = set()
        self._discarded = False
        # One file, which the job's process writes out as 20,000 files at 10,000 entries:
        # this process goes on rendering meanwhile.
        with (self._folder / RECORDS_FILE).open("wb") as stream:
            pickle.dump(self.records, stream, protocol=pickle.HIGHEST_PROTOCOL)
        command = [sys.executable, "-m", "deepscopie.search_index", str(self._folder)]
        # What it says goes to a file: nobody reads a pipe until the build is done.
        with (self._folder / OUTPUT_FILE).open("wb") as output:
            # A session of its own: it and its Pagefinds can be stopped together.
            self._process = subprocess.Popen(
                command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
            )

    def _stop(self) -> None:
        """Stop the job's processes if they still run (nobody will use what they make): asked
        first, so that the job removes the files it wrote in memory, then forced."""
        kill = getattr(signal, "SIGKILL", signal.SIGTERM)  # Windows has no SIGKILL
        for stop_signal, patience in ((signal.SIGTERM, STOP_PATIENCE), (kill, None)):
            if self._process.poll() is not None:
                return
            with contextlib.suppress(OSError, AttributeError):  # gone already; not on Windows
                os.killpg(self._process.pid, stop_signal)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(patience)

    def _wait(self) -> None:
        if self._process.wait() != 0:
            said = (self._folder / OUTPUT_FILE).read_text(encoding="utf-8", errors="replace")
            raise SearchIndexError(said.strip() or f"exit status {self._process.returncode}")

    def install(self, site_dir: Path, keep: bool = False) -> None:
        """Wait for the index and put it at ``site_dir/pagefind``: moved, or copied when
        ``keep`` (a preview server installs the same index again after each rebuild)."""
        self._wait()
        target = site_dir / BUNDLE
        if target in self._installed and (target / ENTRY_FILE).exists():
            return  # a rebuild that kept the folder (`mkdocs serve --dirty`)
        shutil.rmtree(target, ignore_errors=True)
        if keep:
            shutil.copytree(self._folder / BUNDLE, target)
            self._installed.add(target)
        else:
            shutil.move(self._folder / BUNDLE, target)

    def install_in_background(self, site_dir: Path) -> threading.Thread:
        """:meth:`install` (copying) in a thread, for a preview server: the rebuilt pages are
        served at once and search follows. A failure is logged, not raised."""

        def install() -> None:
            with _installing:
                try:
                    self.install(site_dir, keep=True)
                except (SearchIndexError, OSError) as error:
                    if not self._discarded:  # else a newer job replaced this one
                        log.warning(f"search index not rebuilt: {error}")

        thread = threading.Thread(target=install, name="pagefind-install", daemon=True)
        thread.start()
        return thread

    def discard(self) -> None:
        """Stop this job and remove its files (a newer job replaces it)."""
        self._discarded = True
        self._stop()
        with _installing:  # not while its bundle is being copied into the site
            shutil.rmtree(self._folder, ignore_errors=True)


# One installation at a time: a rebuild's index waits for the previous one.
_installing = threading.Lock()


def search_index_job(
    records: Sequence[SearchRecord], current: SearchIndexJob | None
) -> SearchIndexJob:
    """``current`` if it indexes the same records (the other language's build, a rebuild
    without a change), else a new job (and ``current`` is discarded)."""
    if current is not None and current.records == tuple(records):
        return current
    if current is not None:
        current.discard()
    return SearchIndexJob(records)


def main(arguments: Sequence[str]) -> int:
    """``python -m deepscopie.search_index FOLDER``: index the records pickled in FOLDER (by
    a :class:`SearchIndexJob`) into ``FOLDER/pagefind``; a failure is said on the output."""
    folder = Path(arguments[0])
    work = folder / "work"
    # Stopped by the build (SIGTERM): the files written in memory are removed on the way out.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        with (folder / RECORDS_FILE).open("rb") as stream:
            records = pickle.load(stream)  # written by this build, in its own private folder
        build_search_index(records, folder / BUNDLE, work)
    except (SearchIndexError, OSError, pickle.UnpicklingError, EOFError) as error:
        print(error)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _exit_on_signal(number: int, frame: object) -> None:
    raise SystemExit(128 + number)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
