"""The search index of the built site, made by Pagefind (one index per language).

A search answers with entries: each resource and FAQ entry is one small document, and so is
each hand-written page (home, About, Contribute), see ``deepscopie.render.search_records``.
The pages that list entries (categories, FAQ, tags, types) are not indexed: the entries they
hold are. Each document's ``<html lang>`` puts it in its language's index, so a reader only
ever gets results in the language they are reading. Pages carry the filter ``kind:page`` (and
entries none: a filter that 10,000 records carry is a large file to fetch and a slow search),
so that the search tells them apart and shows entries first. A long list's entries are in
parts, each an index of its own (``deepscopie.render.search_records.index_parts``), made by
the same Pagefind run as its language's.

Pagefind takes about as long as the rest of a build at 10,000 entries, and the records are
known before the first page is rendered: a :class:`SearchIndexJob` writes each language's
as the files Pagefind reads as soon as they are made, and starts that language's Pagefind
(one alone keeps about one core busy), in a session of its own, while the next language's
are made and MkDocs renders the pages; the job then merges
their bundles into one ``pagefind/`` folder, as one Pagefind run over all languages writes it,
and moves it into the site.
"""

from __future__ import annotations

import atexit
import contextlib
import filecmp
import json
import logging
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from deepscopie.pagefind_runs import STATUS_FILE
from deepscopie.render.search_records import SearchRecord

log = logging.getLogger("mkdocs.hooks.deepscopie")

ENTRY_FILE = "pagefind-entry.json"
PAGEFIND = (sys.executable, "-m", "pagefind", "--silent")
BUNDLE = "pagefind"
# A job's folder, and the file whose lock says that the job's process still lives; the
# folder of its bundles beside the site is hidden (in a project, beside site/).
FOLDER_PREFIX = "deepscopie-search-"
BESIDE_PREFIX = f".{FOLDER_PREFIX}"
OWNER_LOCK = "owner.lock"
# Seconds after which a job's folder without an owner lock is taken as abandoned: a build
# takes minutes at most, and a preview server's folder has its lock.
OWNERLESS_AGE = 6 * 3600
# Seconds a stopped Pagefind has to end before it is killed.
STOP_PATIENCE = 5


class SearchIndexError(RuntimeError):
    """Pagefind failed, or its files could not be written; the message says which and why."""


# Linux's shared memory: files that never reach the disk. Pagefind reads the records from
# files, 20,000 of them at 10,000 entries, written and deleted at each build: on a disk,
# reading took a third of the index's time (and varied from one build to the next). Its
# bundles, as many files, go beside the site instead (see _folder_beside), where they end.
MEMORY_FOLDER = Path("/dev/shm")
_BLOCK = 4096
# What a language's bundle holds whatever its records: Pagefind's scripts and WebAssembly.
_BUNDLE_FILES = 1 << 20


def _memory_folder(records: Sequence[SearchRecord]) -> Path | None:
    """Where to write ``records`` and Pagefind's bundles (the bundles only when no folder can be
    made beside the site): in memory if there is room for both (twice, to be safe: a container
    may give little, 64 MB in Docker), else the ordinary
    temporary folder. A bundle is its language's scripts and WebAssembly (under 1 MB) and
    about half as much as its records (at 10,000 entries)."""
    needed = sum(len(record.document.encode()) // _BLOCK + 2 for record in records) * _BLOCK
    needed = 2 * needed + _BUNDLE_FILES * len({record.language for record in records})
    try:
        free = shutil.disk_usage(MEMORY_FOLDER).free
    except OSError:
        return None
    return MEMORY_FOLDER if free > 2 * needed and os.access(MEMORY_FOLDER, os.W_OK) else None


def _new_folder(memory: Path | None) -> Path:
    """A new folder for a job's records and bundles: in ``memory`` if it can be made there,
    else in the temporary folder."""
    if memory is not None:
        with contextlib.suppress(OSError):
            return Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX, dir=memory))
    return Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))


def _locked(descriptor: int) -> bool:
    """Whether this process now holds the lock of the open file ``descriptor`` (False: another
    open file holds it, this process's or another's). The lock goes with the last descriptor
    of that open file, when its process ends however it ends."""
    import fcntl  # not on Windows, where jobs claim nothing (see _claimed)

    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _claimed(folder: Path) -> int | None:
    """A lock on ``folder`` that this process holds while it lives, as the descriptor to close
    when the folder is removed; None where there are no such locks (Windows) or none could be
    taken: the job then removes its folder itself, as long as it is not killed."""
    if sys.platform == "win32":
        return None
    # Locked under another name, then renamed: a sweep never finds it unlocked.
    claiming = folder / f"{OWNER_LOCK}.new"
    try:
        descriptor = os.open(claiming, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:
        return None
    if _locked(descriptor):
        with contextlib.suppress(OSError):
            os.replace(claiming, folder / OWNER_LOCK)
            return descriptor
    os.close(descriptor)
    return None


def sweep_abandoned(place: Path, prefix: str = FOLDER_PREFIX) -> list[Path]:
    """Remove from ``place`` (the memory, or beside a site with its ``prefix``) the folders of jobs
    whose process is gone without removing them (killed: out of memory, ``kill -9``); they
    would hold memory until the machine restarts. Returns them. A folder without an owner
    lock (being made, or its lock could not be taken) is removed only once it is older than a
    build can be."""
    if sys.platform == "win32":
        return []
    removed = []
    for folder in place.glob(f"{prefix}*"):
        if not _made_by_a_job(folder, prefix):
            continue
        try:
            # Not through a link, nor waiting on what is not a file (a pipe put there).
            descriptor = os.open(folder / OWNER_LOCK, os.O_RDWR | os.O_NOFOLLOW | os.O_NONBLOCK)
        except FileNotFoundError:
            with contextlib.suppress(OSError):
                if time.time() - folder.stat().st_mtime > OWNERLESS_AGE:
                    shutil.rmtree(folder, ignore_errors=True)
                    removed.append(folder)
            continue
        except OSError:
            continue  # another user's
        try:
            if stat.S_ISREG(os.fstat(descriptor).st_mode) and _locked(descriptor):  # gone
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
        finally:
            os.close(descriptor)
    return removed


def _made_by_a_job(folder: Path, prefix: str) -> bool:
    """Whether ``folder`` can be a job's: named as ``tempfile.mkdtemp`` names them (the prefix
    and 8 characters), a folder and not a link, this user's. Beside a site, in a project or
    a home folder, a folder of the reader's own may start with the prefix."""
    if not re.fullmatch(f"{re.escape(prefix)}[a-z0-9_]{{8}}", folder.name):
        return False
    try:
        status = folder.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(status.st_mode) and status.st_uid == os.getuid()


def _folder_beside(site_dir: Path | None) -> Path | None:
    """A new folder beside ``site_dir``, on its filesystem, for Pagefind's bundles: installing
    the merged one is then a rename. Copying its 20,000 files out of memory once the pages
    were written took 2 to 4 s at 10,000 entries (the disk busy with the pages), at the end
    of the build; the Pagefinds write them there in less, while MkDocs still works (8
    alternated clean builds: 18.45 s against 19.25 s, medians). None if no folder can be made
    there: the bundles stay in the job's folder."""
    if site_dir is None:
        return None
    parent = site_dir.absolute().parent
    with contextlib.suppress(OSError):
        sweep_abandoned(parent, BESIDE_PREFIX)  # what a killed build left
        return Path(tempfile.mkdtemp(prefix=BESIDE_PREFIX, dir=parent))
    return None


def _staged(records: Sequence[SearchRecord], folder: Path | None) -> Path:
    """``records`` written as files in a new folder under ``folder`` (the temporary folder when
    None); nothing is left behind if that fails or is interrupted (Ctrl-C: files in memory
    would hold it until the machine restarts)."""
    stage = Path(tempfile.mkdtemp(prefix="records-", dir=folder))
    try:
        for record in records:
            path = stage / record.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(record.document, encoding="utf-8")
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return stage


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
        for folder, names in _files_by_folder(other):
            # Strings and one listing per folder: a language's 10,000 fragments as Path
            # objects, each checked and its folder made again, took a second of the build.
            into = os.path.join(output, folder)
            present = set(os.listdir(into)) if os.path.isdir(into) else None
            if present is None:
                os.makedirs(into)
                present = set()
            for name in names:
                source = os.path.join(other, folder, name)
                target = os.path.join(into, name)
                if folder == "." and name == ENTRY_FILE:
                    continue
                if name in present:
                    if not filecmp.cmp(source, target, shallow=False):
                        relative = os.path.normpath(os.path.join(folder, name))
                        raise SearchIndexError(f"{relative}: two languages' indexes disagree")
                    continue
                os.replace(source, target)
        entry["languages"].update(added["languages"])
    (output / ENTRY_FILE).write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")


def _files_by_folder(bundle: Path) -> list[tuple[str, list[str]]]:
    """The files of ``bundle``: each folder (relative, "." for the bundle itself) with the
    names of its files, in a stable order."""
    found = []
    for folder, _, names in os.walk(bundle):
        found.append((os.path.relpath(folder, bundle), sorted(names)))
    return sorted(found)


class SearchIndexJob:
    """The index of records, built in the background from the moment they are given;
    :meth:`install` waits for it and puts it into a site.

    Each batch of records given (``records``, then each :meth:`index`) is written out, then
    its languages' Pagefinds start together, in a session of their own (see
    :mod:`deepscopie.pagefind_runs`): a build gives each language's records as soon as they
    are made, and the first Pagefind runs on the core that would otherwise wait while the
    next language's are made. ``site_dir``: where the bundle will be installed, whose
    filesystem gets the bundles (see :func:`_folder_beside`)."""

    def __init__(self, records: Sequence[SearchRecord] = (), site_dir: Path | None = None) -> None:
        with contextlib.suppress(OSError):  # first: what killed builds left is room again
            sweep_abandoned(MEMORY_FOLDER)
        beside = _folder_beside(site_dir)
        # The records Pagefind reads and what the Pagefinds said; their bundles, then the
        # merged one, which install() puts into the site, beside the site if possible; all
        # of it removed with the folders. Records given later are checked for room then; the
        # bundles, when they cannot go beside the site, only with the records given now.
        memory = _memory_folder(records) if records or beside else None
        self._folder = _new_folder(memory)
        self._in_memory = memory is not None
        self._owner = _claimed(self._folder)
        self._bundles = beside or self._folder
        self._bundles_owner = _claimed(beside) if beside else None
        # Each language's records, in the order given (see reusable_for).
        self._records: dict[str, tuple[SearchRecord, ...]] = {}
        self._stages: list[Path] = []
        self._pagefinds: subprocess.Popen[bytes] | None = None
        self._given_all = False
        self._error: SearchIndexError | None = None
        self._installed: set[Path] = set()
        self._discarded = False
        # One merge of the bundles: a preview's background installs may wait for it together.
        self._finishing = threading.Lock()
        # Removed when the process ends, whatever happened (a build that fails, a preview
        # server stopped with Ctrl-C while Pagefind runs); the Pagefinds are stopped first.
        atexit.register(self._remove_files)
        atexit.register(self._stop)
        if records:  # all of them: no other batch follows
            self.index(records)
            self.given_all()

    def index(self, records: Sequence[SearchRecord]) -> None:
        """Index ``records`` too, starting their languages' Pagefinds now; a language's
        records come in one batch (its index is made from them alone)."""
        by_language: dict[str, list[SearchRecord]] = {}
        for record in records:
            by_language.setdefault(record.language, []).append(record)
        if self._given_all:
            raise RuntimeError("records given to a search index job after all of them")
        if by_language.keys() & self._records.keys():
            again = ", ".join(sorted(by_language.keys() & self._records.keys()))
            raise ValueError(f"records of {again} given in two batches")
        self._records.update((language, tuple(batch)) for language, batch in by_language.items())
        if self._error is not None or self._discarded or not by_language:
            return
        try:
            sites = {language: str(self._staged(batch)) for language, batch in by_language.items()}
        except BaseException as error:  # Ctrl-C too: what was written goes
            self._stop()
            self._remove_files()
            if not isinstance(error, OSError):
                raise
            self._error = SearchIndexError(f"search index not written: {error}")
            return
        try:
            self._start(sites)
        except OSError as error:
            self._error = SearchIndexError(f"Pagefind not started: {error}")
            self._stop()
            self._remove_files()

    def _start(self, sites: dict[str, str]) -> None:
        """Start the Pagefinds of ``sites`` (records written, by language): the first batch's
        start their launcher, which starts the next batches' as it is told (one session for
        all of them, see :mod:`deepscopie.pagefind_runs`)."""
        if self._pagefinds is not None:
            line = json.dumps(sites).encode() + b"\n"
            # Ended already (it could not start a Pagefind, or was killed): what it said is
            # in its status, which finished_bundle reports; these languages are "stopped".
            with contextlib.suppress(BrokenPipeError):
                self._pagefinds.stdin.write(line)  # type: ignore[union-attr]
                self._pagefinds.stdin.flush()  # type: ignore[union-attr]
            return
        plan = json.dumps(
            {
                "command": [str(part) for part in PAGEFIND],
                "sites": sites,
                "bundles": str(self._bundles),
                "build": os.getpid(),
                "more": True,
            }
        )
        command = [sys.executable, "-m", "deepscopie.pagefind_runs", str(self._folder), plan]
        self._pagefinds = subprocess.Popen(command, stdin=subprocess.PIPE, start_new_session=True)

    def given_all(self) -> None:
        """Say that every language's records were given: the launcher then ends with its
        Pagefinds, and removes their records, even if the build stops before installing."""
        self._given_all = True
        self._no_more()

    def _no_more(self) -> None:
        """Tell the Pagefinds' launcher that no other language follows."""
        if self._pagefinds is not None and self._pagefinds.stdin is not None:
            with contextlib.suppress(OSError):  # it ended already
                self._pagefinds.stdin.close()

    def reusable_for(self, records: Sequence[SearchRecord]) -> bool:
        """Whether this job makes the index of ``records``: the same records of each language
        (in the same order), neither discarded nor failed (a Pagefind that failed once is
        given another chance)."""
        by_language: dict[str, list[SearchRecord]] = {}
        for record in records:
            by_language.setdefault(record.language, []).append(record)
        same = {language: tuple(batch) for language, batch in by_language.items()}
        return not self._discarded and self._error is None and self._records == same

    def _staged(self, records: Sequence[SearchRecord]) -> Path:
        # In the job's folder, unless it is in memory and these records leave no room there.
        in_memory = self._in_memory and _memory_folder(records) is not None
        try:
            stage = _staged(records, self._folder if in_memory or not self._in_memory else None)
        except OSError:
            if not in_memory:
                raise
            stage = _staged(records, None)  # the memory filled up meanwhile: on disk, then
        self._stages.append(stage)
        return stage

    def _stop(self) -> None:
        """Stop the Pagefinds if they still run (nobody will use what they make): asked
        first, then forced."""
        self._no_more()
        kill = getattr(signal, "SIGKILL", signal.SIGTERM)  # Windows has no SIGKILL
        for stop_signal, patience in ((signal.SIGTERM, STOP_PATIENCE), (kill, None)):
            if self._pagefinds is None or self._pagefinds.poll() is not None:
                break
            with contextlib.suppress(OSError, AttributeError):  # gone already; Windows
                os.killpg(self._pagefinds.pid, stop_signal)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._pagefinds.wait(patience)
        self._remove_stages()

    def _failures(self) -> dict[str, str]:
        """What each Pagefind that failed said, by language (all of them, if the runs did not
        end: stopped, or unable to start)."""
        try:
            statuses = json.loads((self._folder / STATUS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            statuses = {}
        said = {}
        for language in self._records:
            status = statuses.get(language, "stopped")
            if status != 0:
                output = self._folder / f"{language}.txt"
                text = output.read_text(errors="replace").strip() if output.exists() else ""
                said[language] = text or (
                    f"exit status {status}" if isinstance(status, int) else str(status)
                )
        return said

    def _remove_stages(self) -> None:
        for stage in self._stages:
            shutil.rmtree(stage, ignore_errors=True)

    def _remove_files(self) -> None:
        self._remove_stages()
        shutil.rmtree(self._folder, ignore_errors=True)
        shutil.rmtree(self._bundles, ignore_errors=True)
        for owner in (self._owner, self._bundles_owner):
            if owner is not None:
                os.close(owner)
        self._owner = self._bundles_owner = None

    def finished_bundle(self) -> Path:
        """The merged bundle, once every Pagefind is done (merged by the first call); a
        :class:`SearchIndexError` if one failed."""
        bundle = self._bundles / BUNDLE
        with self._finishing:
            if self._error is None and self._pagefinds is None:
                self._error = SearchIndexError("nothing to index: no entry and no page")
            if self._error is None and not bundle.is_dir() and self._pagefinds is not None:
                self.given_all()
                self._pagefinds.wait()
                self._remove_stages()
                failures = [
                    f"Pagefind failed ({language}):\n{said}"
                    for language, said in self._failures().items()
                ]
                if failures:
                    self._error = SearchIndexError("\n".join(failures))
                else:
                    languages = [self._bundles / language for language in self._records]
                    try:
                        merge_indexes(languages, bundle)
                    except (SearchIndexError, OSError) as error:
                        self._error = SearchIndexError(f"search index not merged: {error}")
        if self._error is not None:
            raise self._error
        return bundle

    def install(self, site_dir: Path, keep: bool = False) -> None:
        """Wait for the index and put it at ``site_dir/pagefind``: moved, or copied when
        ``keep`` (a preview server installs the same index again after each rebuild)."""
        bundle = self.finished_bundle()
        target = site_dir / BUNDLE
        if target in self._installed and (target / ENTRY_FILE).exists():
            return  # a rebuild that kept the folder (`mkdocs serve --dirty`)
        shutil.rmtree(target, ignore_errors=True)
        site_dir.mkdir(parents=True, exist_ok=True)  # else a move copies, file by file
        if keep:
            shutil.copytree(bundle, target)
            self._installed.add(target)
        else:
            shutil.move(bundle, target)

    def install_in_background(self, site_dir: Path) -> threading.Thread:
        """:meth:`install` (copying) in a thread, for a preview server: the rebuilt pages are
        served at once and search follows. A failure is logged, not raised. Nothing is
        installed once a newer build has begun (see :func:`site_rebuild_begins`)."""
        build = _builds["latest"]

        def install() -> None:
            try:
                self.finished_bundle()  # the Pagefinds' time, during which a rebuild may begin
                with _installing:
                    if _builds["latest"] == build and not self._discarded:
                        self.install(site_dir, keep=True)
            except (SearchIndexError, OSError) as error:
                # Not for a replaced job or an earlier build: that build is over, and a
                # warning now would stop the current one (MkDocs counts them all, strict).
                if _builds["latest"] == build and not self._discarded:
                    log.warning(f"search index not rebuilt: {error}")

        thread = threading.Thread(target=install, name="pagefind-install", daemon=True)
        thread.start()
        return thread

    def discard(self) -> None:
        """Stop this job and remove its files (a newer job replaces it)."""
        self._discarded = True
        self._stop()
        # Not while its bundle is being merged or copied into the site (the order of the locks
        # is that of install_in_background's).
        with _installing, self._finishing:
            self._remove_files()
        # Nothing left to do at exit: the records are no longer held (a preview server makes
        # a job at each change of the data).
        atexit.unregister(self._stop)
        atexit.unregister(self._remove_files)


# One installation at a time: a rebuild's index waits for the previous one.
_installing = threading.Lock()
# How many builds a preview server has begun: a background installation belongs to one.
_builds = {"latest": 0}


def site_rebuild_begins() -> None:
    """Say that a build begins, before MkDocs empties the site folder: an index being copied
    into it is copied first, and an earlier build's index still waiting for its Pagefinds is
    not installed (the new build installs its own). Else the copy loses its files midway, and
    its warning stops the new build (strict), which a preview server then shows as stuck."""
    with _installing:
        _builds["latest"] += 1


def search_index_job(
    records: Sequence[SearchRecord], current: SearchIndexJob | None, site_dir: Path | None = None
) -> SearchIndexJob:
    """``current`` if it indexes the same records and has not failed (the other language's
    build, a rebuild without a change), else a new job (and ``current`` is discarded) for a
    site in ``site_dir``."""
    if current is not None and current.reusable_for(records):
        return current
    return new_search_index_job(current, site_dir, records)


def new_search_index_job(
    current: SearchIndexJob | None,
    site_dir: Path | None = None,
    records: Sequence[SearchRecord] = (),
) -> SearchIndexJob:
    """A new job for a site in ``site_dir``, indexing ``records`` if given (else the records
    its :meth:`SearchIndexJob.index` is given, language by language); ``current`` is
    discarded."""
    if current is not None:
        current.discard()
    return SearchIndexJob(records, site_dir)
