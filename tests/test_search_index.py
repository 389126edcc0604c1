"""The search index: one Pagefind per language, merged into one bundle; a failure is said."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deepscopie import pagefind_runs, search_index
from deepscopie.render.search_records import SearchRecord, page_record
from deepscopie.search_index import (
    ENTRY_FILE,
    SearchIndexError,
    SearchIndexJob,
    merge_indexes,
    search_index_job,
    site_rebuild_begins,
)
from tests.conftest import search_files_in_memory, search_fragments


def _entry(language: str, slug: str, title: str, index: str = "") -> SearchRecord:
    """An entry's record, in its language's index or in ``index``, one of its parts."""
    document = (
        f'<!doctype html><html lang="{index or language}"><head><title>{title}</title></head><body>'
        f"<main data-pagefind-body>"
        f'<h1 data-pagefind-meta="title">{title}</h1><p>{title} microscopy</p></main>'
        "</body></html>"
    )
    return SearchRecord(f"entries/{language}/{slug}.html", document, language)


RECORDS = [
    _entry("fr", "cellpose", "Cellpose segmente les noyaux"),
    _entry("en", "cellpose", "Cellpose segments nuclei"),
    _entry("en", "stardist", "StarDist star-convex shapes"),
    page_record("en/about/index.html", "en", "About", "<p>What this site is</p>"),
]


def test_each_language_is_indexed_and_merged_into_one_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    SearchIndexJob(RECORDS).install(tmp_path)
    entry = json.loads((bundle / ENTRY_FILE).read_text(encoding="utf-8"))
    assert {code: value["page_count"] for code, value in entry["languages"].items()} == {
        "fr": 1,
        "en": 3,
    }
    for value in entry["languages"].values():  # each language's index is there
        assert (bundle / f"pagefind.{value['hash']}.pf_meta").is_file()
        assert (bundle / f"wasm.{value['wasm']}.pagefind").is_file()
    urls = sorted(str(fragment["url"]) for fragment in search_fragments(bundle))
    assert urls == [
        "/en/about/",
        "/entries/en/cellpose.html",
        "/entries/en/stardist.html",
        "/entries/fr/cellpose.html",
    ]


def test_each_language_is_indexed_as_soon_as_its_records_are_given(tmp_path: Path) -> None:
    """A build gives each language's records as it makes them: the first language's Pagefind
    runs while the next language's records are made, and one bundle holds them all."""
    french = [record for record in RECORDS if record.language == "fr"]
    english = [record for record in RECORDS if record.language == "en"]
    job = SearchIndexJob(site_dir=tmp_path / "site")
    job.index(french)
    deadline = time.monotonic() + 60
    while not (job._bundles / "fr" / ENTRY_FILE).is_file():  # done before English is given
        assert time.monotonic() < deadline, "French was not indexed before English was given"
        time.sleep(0.05)
    job.index(english)
    with pytest.raises(ValueError, match="fr given in two batches"):
        job.index(french)
    assert job.reusable_for([*english, *french])  # the other language's build gives them all
    assert not job.reusable_for(english)
    job.install(tmp_path / "site")
    entry = json.loads((tmp_path / "site" / "pagefind" / ENTRY_FILE).read_text(encoding="utf-8"))
    assert {code: value["page_count"] for code, value in entry["languages"].items()} == {
        "fr": 1,
        "en": 3,
    }


def test_a_launcher_that_ended_before_a_language_was_given_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first language's Pagefind could not start, so the launcher ended: the next
    language's records find it gone, and the build says why (not "Broken pipe")."""
    monkeypatch.setattr(search_index, "PAGEFIND", (str(tmp_path / "no-pagefind"),))
    job = SearchIndexJob()
    job.index([record for record in RECORDS if record.language == "fr"])
    assert job._pagefinds is not None
    job._pagefinds.wait(60)
    job.index([record for record in RECORDS if record.language == "en"])
    with pytest.raises(SearchIndexError) as raised:
        job.install(tmp_path)
    said = str(raised.value)
    assert "Pagefind failed (fr)" in said and "no-pagefind" in said and "Broken pipe" not in said


def test_a_job_given_every_language_ends_without_being_installed() -> None:
    """A build that stops after giving its records (a page that fails) leaves no launcher
    waiting for more, nor records in memory."""
    before = search_files_in_memory()
    job = SearchIndexJob()
    job.index([record for record in RECORDS if record.language == "fr"])
    job.given_all()
    assert job._pagefinds is not None and job._pagefinds.wait(60) == 0
    assert not job._stages or not any(stage.exists() for stage in job._stages)
    with pytest.raises(RuntimeError, match="after all of them"):
        job.index([record for record in RECORDS if record.language == "en"])
    job.discard()
    assert search_files_in_memory() <= before


def test_a_job_given_no_records_says_so(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="nothing to index"):
        SearchIndexJob().install(tmp_path)


def test_the_parts_of_a_language_are_indexes_of_the_bundle(tmp_path: Path) -> None:
    """A long list's parts (see index_parts) are indexes of their own, beside the language's,
    in the one bundle that search.js merges."""
    records = [*RECORDS, _entry("en", "napari", "napari viewer", index="en-x-part1")]
    SearchIndexJob(records).install(tmp_path)
    entry = json.loads((tmp_path / "pagefind" / ENTRY_FILE).read_text(encoding="utf-8"))
    counts = {code: value["page_count"] for code, value in entry["languages"].items()}
    assert counts == {"fr": 1, "en": 3, "en-x-part1": 1}
    part = entry["languages"]["en-x-part1"]
    assert (tmp_path / "pagefind" / f"pagefind.{part['hash']}.pf_meta").is_file()


def test_languages_whose_shared_files_differ_are_not_merged(tmp_path: Path) -> None:
    bundles = []
    for code, script in (("fr", "one"), ("en", "another")):
        bundle = tmp_path / code
        bundle.mkdir()
        entry = {"version": "1", "languages": {code: {"hash": code}}}
        (bundle / ENTRY_FILE).write_text(json.dumps(entry), encoding="utf-8")
        (bundle / "pagefind.js").write_text(script, encoding="utf-8")
        bundles.append(bundle)
    with pytest.raises(SearchIndexError, match=r"pagefind.js: two languages' indexes disagree"):
        merge_indexes(bundles, tmp_path / "merged")


def test_a_pagefind_failure_is_an_error_with_what_it_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing = (sys.executable, "-c", "import sys; print('no room left'); sys.exit(3)")
    monkeypatch.setattr(search_index, "PAGEFIND", failing)
    with pytest.raises(SearchIndexError, match=r"Pagefind failed \(en\):\nno room left"):
        SearchIndexJob(RECORDS).install(tmp_path)


def test_a_job_runs_beside_the_build_and_installs_its_bundle(tmp_path: Path) -> None:
    job = search_index_job(RECORDS, None)
    assert search_index_job(list(RECORDS), job) is job  # the other language's build
    site = tmp_path / "site"
    site.mkdir()
    job.install(site, keep=True)
    assert json.loads((site / "pagefind" / ENTRY_FILE).read_text(encoding="utf-8"))["languages"]
    newer = search_index_job(RECORDS[:1], job)
    assert newer is not job
    newer.install(site)
    languages = json.loads((site / "pagefind" / ENTRY_FILE).read_text(encoding="utf-8"))
    assert set(languages["languages"]) == {"fr"}


def test_a_job_that_cannot_write_its_records_says_why_and_installs_nothing(
    tmp_path: Path,
) -> None:
    # A record where another record's folder must be: the job cannot write it.
    clash = SearchRecord("entries/en/cellpose.html/more.html", RECORDS[1].document, "en")
    job = SearchIndexJob([*RECORDS, clash])
    with pytest.raises(SearchIndexError) as raised:
        job.install(tmp_path)
    assert "cellpose.html" in str(raised.value) and "Traceback" not in str(raised.value)
    assert not (tmp_path / "pagefind").exists()


def test_a_replaced_job_stops_and_leaves_no_file_behind(tmp_path: Path) -> None:
    before = search_files_in_memory()
    job = SearchIndexJob(RECORDS * 50)
    job.discard()  # the data changed while it ran (`mkdocs serve`)
    assert job._pagefinds is not None and job._pagefinds.poll() is not None
    assert not job._folder.exists()
    assert search_files_in_memory() <= before


def test_a_preview_rebuild_gets_no_index_of_the_build_before_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """`mkdocs serve` rebuilds while the previous build's index is still being made: that
    index must not be copied into the folder the rebuild empties (its copy would fail midway,
    and the warning stop the rebuild); the rebuild installs its own."""
    site = tmp_path / "site"
    site.mkdir()
    job = SearchIndexJob(RECORDS * 50)  # its Pagefinds take longer than the lines below
    earlier = job.install_in_background(site)
    site_rebuild_begins()
    earlier.join(120)
    assert not (site / "pagefind").exists()
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    job.install_in_background(site).join(120)  # the rebuild's, of the same records
    assert json.loads((site / "pagefind" / ENTRY_FILE).read_text(encoding="utf-8"))["languages"]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_records_go_to_disk_when_memory_cannot_take_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "shm"
    not_a_folder.write_text("", encoding="utf-8")  # writing under it fails, as a full one does
    monkeypatch.setattr(search_index, "_memory_folder", lambda records: not_a_folder)
    SearchIndexJob(RECORDS).install(tmp_path)
    assert len(search_fragments(tmp_path / "pagefind")) == len(RECORDS)


def test_a_job_that_failed_is_not_reused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    failing = (sys.executable, "-c", "import sys; print('out of memory'); sys.exit(1)")
    monkeypatch.setattr(search_index, "PAGEFIND", failing)
    job = search_index_job(RECORDS, None)
    with pytest.raises(SearchIndexError, match="out of memory"):
        job.install(tmp_path)
    monkeypatch.undo()  # Pagefind works again (memory freed, or installed)
    retried = search_index_job(RECORDS, job)  # `mkdocs serve`, the next rebuild
    assert retried is not job
    retried.install(tmp_path)
    assert (tmp_path / "pagefind" / ENTRY_FILE).is_file()


def test_records_interrupted_while_written_leave_nothing_in_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = search_files_in_memory()
    written = []

    def write_then_interrupt(self: Path, data: str, encoding: str | None = None) -> int:
        written.append(self)
        if len(written) == 3:  # Ctrl-C in the second language
            raise KeyboardInterrupt
        return len(data)

    monkeypatch.setattr(Path, "write_text", write_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        SearchIndexJob(RECORDS)
    assert search_files_in_memory() <= before


def test_the_launcher_removes_the_records_once_its_pagefinds_end(tmp_path: Path) -> None:
    # Even when the build that wrote them is gone (killed, out of memory): nobody else would.
    site = tmp_path / "records"
    (site / "entries").mkdir(parents=True)
    (site / "entries" / "cellpose.html").write_text(RECORDS[1].document, encoding="utf-8")
    plan = {"command": list(search_index.PAGEFIND), "sites": {"en": str(site)}}
    assert pagefind_runs.main([str(tmp_path), json.dumps(plan)]) == 0
    assert not site.exists()
    assert json.loads((tmp_path / pagefind_runs.STATUS_FILE).read_text()) == {"en": 0}
    assert (tmp_path / "en" / ENTRY_FILE).is_file()


def test_the_launcher_removes_its_bundles_when_the_build_is_gone(tmp_path: Path) -> None:
    # A build killed while Pagefind runs: its files, in memory, would stay until a restart,
    # and its bundles beside the site would stay there.
    folder, records, bundles = tmp_path / "job", tmp_path / "records", tmp_path / "bundles"
    for made in (folder, records, bundles):
        made.mkdir()
    plan = {
        "command": [sys.executable, "-c", "import time; time.sleep(1)"],
        "sites": {"en": str(records)},
        "bundles": str(bundles),
    }
    build = (
        "import json, os, subprocess, sys; plan = {**json.loads(sys.argv[2]), 'build': os.getpid()}; "
        "subprocess.Popen([sys.executable, '-m', 'deepscopie.pagefind_runs', sys.argv[1], "
        "json.dumps(plan)], start_new_session=True)"
    )
    subprocess.run([sys.executable, "-c", build, str(folder), json.dumps(plan)], check=True)
    for _ in range(100):  # the build ended at once; its launcher ends a second later
        if not folder.exists():
            break
        time.sleep(0.1)
    assert not folder.exists() and not records.exists() and not bundles.exists()


def _left_by_a_killed_build(memory: Path, made_by: str = "_new_folder") -> Path:
    """A job's folder in ``memory`` whose process was killed (kill -9, the kernel out of
    memory): no exit handler ran, and nothing else would remove it until a restart.
    ``made_by="_folder_beside"``: the folder of its bundles beside a site in ``memory``."""
    place = "Path(sys.argv[1])" if made_by == "_new_folder" else "Path(sys.argv[1]) / 'site'"
    killed_build = (
        "import os, signal, sys; from pathlib import Path; from deepscopie import search_index; "
        f"folder = search_index.{made_by}({place}); search_index._claimed(folder); "
        "(folder / 'fr').mkdir(); print(folder, flush=True); os.kill(os.getpid(), signal.SIGKILL)"
    )
    run = subprocess.run(
        [sys.executable, "-c", killed_build, str(memory)], capture_output=True, text=True
    )
    left = Path(run.stdout.strip())
    assert run.returncode == -9 and (left / "fr").is_dir()
    return left


@pytest.fixture
def memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder that the search index takes for the shared memory (/dev/shm)."""
    folder = tmp_path / "shm"
    folder.mkdir()
    monkeypatch.setattr(search_index, "MEMORY_FOLDER", folder)
    return folder


def test_a_killed_build_s_files_in_memory_are_removed_by_the_next_build(
    tmp_path: Path, memory: Path
) -> None:
    left = _left_by_a_killed_build(memory)
    being_made = memory / f"{search_index.FOLDER_PREFIX}new12345"  # no lock yet: left alone
    being_made.mkdir()
    older = memory / f"{search_index.FOLDER_PREFIX}old12345"  # no lock for a day: abandoned
    older.mkdir()
    os.utime(older, (time.time() - 86400, time.time() - 86400))

    job = SearchIndexJob(RECORDS)
    assert not left.exists() and not older.exists() and being_made.is_dir()
    assert job._folder.parent == memory
    # A build that lives keeps its folder: the next job (a preview's rebuild) leaves it.
    newer = SearchIndexJob(RECORDS[:2])
    assert job._folder.is_dir() and newer._folder.parent == memory
    job.install(tmp_path / "site")
    assert (tmp_path / "site" / "pagefind" / ENTRY_FILE).is_file()
    for done in (job, newer):
        done.discard()
    assert sorted(memory.iterdir()) == [being_made]


def test_a_memory_too_full_to_use_is_still_swept(
    memory: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Killed builds filled it (64 MB in Docker): the next builds go to the disk, and must
    # still give the memory back.
    left = _left_by_a_killed_build(memory)
    full = shutil.disk_usage(memory)._replace(free=0)
    monkeypatch.setattr(shutil, "disk_usage", lambda path: full)
    job = SearchIndexJob(RECORDS)
    assert not left.exists()
    assert job._folder.parent != memory  # on the disk
    job.discard()


def test_the_bundle_is_made_beside_the_site_and_moved_into_it(tmp_path: Path, memory: Path) -> None:
    """On the site's filesystem, the bundle is renamed into the site, not copied file by file
    (seconds at 10,000 entries); the records stay in memory. What a killed build left beside
    the site goes with the next job, and a job leaves nothing there."""
    left = _left_by_a_killed_build(tmp_path, made_by="_folder_beside")
    # Beside a site, in a project or a home folder, folders of the reader's own may start so.
    own = tmp_path / f"{search_index.BESIDE_PREFIX}drafts"
    own.mkdir()
    (own / search_index.OWNER_LOCK).touch()  # unlocked, as a killed build's
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / search_index.OWNER_LOCK).touch()
    link = tmp_path / f"{search_index.BESIDE_PREFIX}abcd1234"
    link.symlink_to(elsewhere)
    site = tmp_path / "site"
    job = SearchIndexJob(RECORDS, site)
    assert not left.exists()
    assert own.is_dir() and link.is_symlink() and (elsewhere / search_index.OWNER_LOCK).exists()
    shutil.rmtree(own)
    link.unlink()
    shutil.rmtree(elsewhere)
    assert job._folder.parent == memory
    fragment = next((job.finished_bundle() / "fragment").iterdir())
    made = fragment.stat().st_ino
    job.install(site)
    assert (site / "pagefind" / "fragment" / fragment.name).stat().st_ino == made
    job.discard()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["shm", "site"]
    assert not any(memory.iterdir())
