"""The link history carries over on GitLab Free, with no token: from the report published with
the site (a local server plays GitLab Pages), else from the pipeline cache."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from deepscopie.cli import main
from tests.conftest import copy_base_data
from tests.link_servers import LocalHost, Requests, _text

FAST = ["--timeout", "1", "--retries", "0", "--processes", "1", "--max-age", "0"]


class Pages:
    """A GitLab Pages site on 127.0.0.2: serves what the last `pages` job published."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir()
        self.host = LocalHost({"/link-report.json": self._report}, Requests(), address="127.0.0.2")
        self.url = self.host.url

    def _report(self, handler: object, hit: int) -> tuple[int, dict[str, str], bytes]:
        published = self.folder / "link-report.json"
        if not published.exists():
            return _text(404, "not found")
        return 200, {"Content-Type": "application/json"}, published.read_bytes()

    def deploy(self, job: Path) -> None:
        """What the `pages` job does: the site is published with the job's link report."""
        shutil.copy(job / "link-report.json", self.folder / "link-report.json")


@pytest.fixture
def pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Pages]:
    for name in ("CI_JOB_TOKEN", "GITHUB_TOKEN", "GITLAB_TOKEN", "CI_PAGES_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DEEPSCOPIE_ALLOW_NETWORKS", "127.0.0.0/8")
    served = Pages(tmp_path / "public")
    yield served
    served.host.close()


@pytest.fixture(scope="module")
def web() -> Iterator[LocalHost]:
    host = LocalHost({"/ok": lambda h, n: _text(200)}, Requests())
    yield host
    host.close()


def _job(tmp_path: Path, name: str, web: LocalHost) -> Path:
    """A fresh clone for one job: nothing left over from an earlier job."""
    job = tmp_path / name
    copy_base_data(job / "data")
    (job / "urls.txt").write_text(f"{web.url}/missing\n{web.url}/ok\n", encoding="utf-8")
    return job


def _fetch(job: Path, pages: Pages, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(
        [
            "fetch-link-report",
            "--url",
            f"{pages.url}/link-report.json",
            "--cache",
            str(job / ".cache" / "link-report.json"),
            "--output",
            str(job / "link-report.json"),
        ]
    )
    assert code == 0
    return capsys.readouterr().out


def _check(job: Path) -> int:
    return main(
        [
            "check-links",
            "--urls",
            str(job / "urls.txt"),
            "--report",
            str(job / "link-report.json"),
            "--data",
            str(job / "data"),
            "--threshold",
            "2",
            *FAST,
        ]
    )


def _record(job: Path, url: str) -> dict[str, object]:
    records = json.loads((job / "link-report.json").read_text(encoding="utf-8"))["links"]
    found: dict[str, object] = next(r for r in records if r["url"] == url)
    return found


def test_two_scheduled_runs_with_a_push_between_call_a_failing_url_broken(
    tmp_path: Path, pages: Pages, web: LocalHost, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = f"{web.url}/missing"
    # Scheduled run 1: nothing published yet, and the log says so.
    first = _job(tmp_path, "schedule-1", web)
    log = _fetch(first, pages, capsys)
    assert f"no published report at {pages.url}/link-report.json (HTTP 404)" in log
    assert "no earlier link report could be had" in log
    assert _check(first) == 0  # one failure: not yet called broken
    assert _record(first, missing)["consecutive_failures"] == 1
    pages.deploy(first)
    # A push to the default branch: its pages job takes the published report, so the site it
    # publishes keeps its link health and the history is not reset.
    push = _job(tmp_path, "push", web)
    log = _fetch(push, pages, capsys)
    assert f"previous link report from the published site ({pages.url}/link-report.json)" in log
    pages.deploy(push)
    # Scheduled run 2, in another fresh clone: the history comes from the published site.
    second = _job(tmp_path, "schedule-2", web)
    _fetch(second, pages, capsys)
    assert _check(second) == 1
    record = _record(second, missing)
    assert record["consecutive_failures"] == 2
    assert record["first_failure"] == _record(first, missing)["first_failure"]
    assert f"broken: {missing} (404 Not Found)" in capsys.readouterr().out


def test_the_pipeline_cache_is_the_fallback_until_the_site_is_published(
    tmp_path: Path, pages: Pages, web: LocalHost, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _job(tmp_path, "schedule-1", web)
    _fetch(first, pages, capsys)
    _check(first)
    second = _job(tmp_path, "schedule-2", web)
    (second / ".cache").mkdir()
    shutil.copy(first / "link-report.json", second / ".cache" / "link-report.json")
    log = _fetch(second, pages, capsys)
    assert "previous link report from the pipeline cache" in log
    assert _check(second) == 1


def test_the_most_recently_checked_report_wins(
    tmp_path: Path, pages: Pages, web: LocalHost, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _job(tmp_path, "old", web)
    _fetch(old, pages, capsys)
    _check(old)
    pages.deploy(old)
    new = _job(tmp_path, "new", web)
    shutil.copy(old / "link-report.json", new / "link-report.json")
    _check(new)  # checked later than the published one
    (new / ".cache").mkdir()
    shutil.copy(new / "link-report.json", new / ".cache" / "link-report.json")
    (new / "link-report.json").unlink()
    log = _fetch(new, pages, capsys)
    assert "previous link report from the pipeline cache" in log
    assert _record(new, f"{web.url}/missing")["consecutive_failures"] == 2


def test_a_non_public_pages_address_is_refused_unless_allowed(
    tmp_path: Path,
    pages: Pages,
    web: LocalHost,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    job = _job(tmp_path, "job", web)
    (pages.folder / "link-report.json").write_text("[]", encoding="utf-8")
    monkeypatch.delenv("DEEPSCOPIE_ALLOW_NETWORKS")
    log = _fetch(job, pages, capsys)
    assert "refused-address: '127.0.0.2'" in log
    assert "no earlier link report could be had" in log
    assert not pages.host.requests.times  # never connected
    assert not (job / "link-report.json").exists()


def test_a_published_file_that_is_not_a_report_is_ignored_with_a_word(
    tmp_path: Path, pages: Pages, web: LocalHost, capsys: pytest.CaptureFixture[str]
) -> None:
    job = _job(tmp_path, "job", web)
    (pages.folder / "link-report.json").write_text("<html>login</html>", encoding="utf-8")
    log = _fetch(job, pages, capsys)
    assert "ignored, the published site" in log and "not valid JSON" in log
    assert not (job / "link-report.json").exists()


def test_a_public_name_that_resolves_to_a_private_address_is_refused_at_connection(
    tmp_path: Path,
    pages: Pages,
    web: LocalHost,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import socket

    job = _job(tmp_path, "job", web)
    (pages.folder / "link-report.json").write_text("[]", encoding="utf-8")
    resolve = socket.getaddrinfo

    def rebinding(host: Any, *args: Any, **kwargs: Any) -> Any:
        # What a contributor's DNS could answer: a public-looking name, a private address.
        return resolve("127.0.0.2" if host == "pages.example.org" else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    monkeypatch.delenv("DEEPSCOPIE_ALLOW_NETWORKS")
    port = pages.url.rsplit(":", 1)[1]
    code = main(
        ["fetch-link-report", "--url", f"http://pages.example.org:{port}/link-report.json",
         "--cache", str(job / "none.json"), "--output", str(job / "link-report.json")]
    )  # fmt: skip
    assert code == 0
    log = capsys.readouterr().out
    assert "refused-address: 127.0.0.2 is not a public address" in log
    assert not pages.host.requests.times


@pytest.mark.parametrize(
    ("checked_at", "said"),
    [
        ("yesterday", "is not a date and time"),
        # Else its addresses stayed "fresh" for ever, never fetched again.
        ("9999-12-31T00:00:00+00:00", "is in the future"),
    ],
)
def test_a_report_with_a_time_that_is_not_one_is_refused_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], checked_at: str, said: str
) -> None:
    data = copy_base_data(tmp_path)
    report = tmp_path / "report.json"
    record = {"url": "https://www.cellpose.org/", "class": "ok", "checked_at": checked_at}
    report.write_text(json.dumps({"links": [record], "repositories": []}), encoding="utf-8")
    code = main(["check-links", "--data", str(data), "--report", str(report), "--retries", "0"])
    output = capsys.readouterr()
    assert code != 0 and "Traceback" not in output.out + output.err
    assert said in output.out + output.err and str(report) in output.out + output.err


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b'{"links": [{"url": "https://a.org/", "class": "ok", "checked_at": '
         b'"2026-01-01T00:00:00+00:00", "consecutive_failures": 1e400}]}', "not a link report"),
        (b'{"links": [], "note": "\xff\xfe"}', "not UTF-8 text"),
        (None, "cannot be read"),  # a folder where the report should be
    ],
)  # fmt: skip
def test_a_report_that_cannot_be_one_is_refused_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, said: str
) -> None:
    data = copy_base_data(tmp_path / "data")
    report = tmp_path / "report.json"
    if content is None:
        report.mkdir()
    else:
        report.write_bytes(content)
    code = main(["check-links", "--data", str(data), "--report", str(report), "--retries", "0"])
    output = capsys.readouterr()
    assert code == 2 and "Traceback" not in output.out + output.err
    assert said in output.out + output.err and str(report) in output.out + output.err


def test_the_most_recent_report_is_chosen_by_time_not_by_text(tmp_path: Path) -> None:
    """ "20260101T000000+0000" is ISO 8601 too, and sorted after "2026-12-02T…" as text: a
    forged report written so won over the real history."""
    from deepscopie.links.history import latest_check, latest_check_time, parse_report

    def report(checked_at: str) -> str:
        record = {"url": "https://a.org/", "class": "ok", "checked_at": checked_at}
        return json.dumps({"links": [record]})

    early = parse_report(report("20260101T000000+0000"), "early")
    late = parse_report(report("2026-12-02T03:00:00+00:00"), "late")
    assert latest_check_time(late) > latest_check_time(early)  # type: ignore[operator]
    assert latest_check(early) == "2026-01-01T00:00:00+00:00"
