"""What a hostile server or contributor sends, as a maintainer's commands meet it: answers
that break HTTP and rate limits with any header give an answer or a clear error, never a
traceback nor a wait for ever; text with a terminal's escape sequences is shown, not obeyed.
Raw local servers on 127.0.0.1 play the answers."""

from __future__ import annotations

import datetime
import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from deepscopie import fetch
from deepscopie.cli import main
from deepscopie.links.classify import RATE_LIMITED, classify
from deepscopie.links.history import ReportError, parse_document
from deepscopie.links.linkchecker_output import CheckedRow
from deepscopie.links.repositories import _rate_limit_wait
from tests.conftest import copy_base_data

# What the server answers, by the path asked, byte for byte.
ANSWERS = {
    "/bad-status": b"HELLO WORLD\r\n\r\n",
    "/long-header": b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n",
    "/many-headers": b"HTTP/1.1 200 OK\r\n" + b"X-H: 1\r\n" * 150 + b"\r\n",
    "/bad-chunk": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    "/missing-bad-chunk": b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
}


class _Raw(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        request = b""
        while b"\r\n\r\n" not in request:
            received = self.request.recv(4096)
            if not received:
                return
            request += received
        path = request.split(b" ", 2)[1].decode()
        if path == "/trickle":  # a byte at a time, each within a read's timeout
            self.request.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n")
            for _ in range(100):
                time.sleep(0.05)
                try:
                    self.request.sendall(b"x")
                except OSError:
                    return
            return
        self.request.sendall(ANSWERS[path])
        self.request.shutdown(socket.SHUT_WR)


@pytest.fixture(scope="module")
def raw_server() -> Iterator[str]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Raw)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def _local_servers_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEEPSCOPIE_ALLOW_NETWORKS", "127.0.0.0/8")


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/bad-status", "BadStatusLine"),
        ("/long-header", "LineTooLong"),
        ("/many-headers", "HTTPException"),
        ("/bad-chunk", "IncompleteRead"),
    ],
)
def test_an_answer_that_breaks_http_is_an_error_named_by_its_kind(
    raw_server: str, path: str, kind: str
) -> None:
    # Every command that asks the web goes through fetch.get, and each catches FetchError
    # (check-links' redirect probes, check-repos, add --from, fetch-link-report).
    with pytest.raises(fetch.FetchError) as raised:
        fetch.get(f"{raw_server}{path}", timeout=5)
    assert str(raised.value) == f"{raw_server}{path}: not a valid HTTP answer ({kind})"
    assert "HELLO" not in str(raised.value)  # the server's own text is not repeated


def test_an_error_status_with_a_broken_body_is_still_its_status(raw_server: str) -> None:
    answer = fetch.get(f"{raw_server}/missing-bad-chunk", timeout=5)
    assert (answer.status, answer.body) == (404, b"")


NOW = datetime.datetime(2026, 12, 2, 12, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 7 ", 7.0),
        ("9" * 400, fetch.LONGEST_WAIT),  # a number too large for a float
        ("9" * 5000, fetch.LONGEST_WAIT),  # too long for Python's int()
        ("99999999999999", fetch.LONGEST_WAIT),
        ("Wed, 02 Dec 2026 12:01:00 GMT", 60.0),
        ("Wed, 02 Dec 2026 12:01:00 -0000", 60.0),  # UTC, its zone unsaid
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),  # past
        ("Sun, 21 Oct 9999 07:28:00 GMT", fetch.LONGEST_WAIT),
        ("²", None),  # a digit to str.isdigit(), not to HTTP
        ("soon", None),
        ("", None),
    ],
)
def test_retry_after_is_read_within_bounds_whatever_its_text(
    header: str, seconds: float | None
) -> None:
    assert fetch.retry_after_seconds(header, NOW) == seconds


@pytest.mark.parametrize(
    ("headers", "wait"),
    [
        ({"retry-after": "soon"}, 60.0),
        ({"retry-after": "²"}, 60.0),
        ({"retry-after": "9" * 5000}, fetch.LONGEST_WAIT),
        ({"retry-after": "Wed, 21 Oct 2035 07:28:00 -0000"}, fetch.LONGEST_WAIT),
        ({"x-ratelimit-remaining": "0", "x-ratelimit-reset": "¹"}, 60.0),
        ({"x-ratelimit-remaining": "0", "x-ratelimit-reset": "9" * 400}, fetch.LONGEST_WAIT + 1),
    ],
)
def test_a_code_host_s_rate_limit_is_a_bounded_wait_whatever_its_headers(
    headers: dict[str, str], wait: float
) -> None:
    # check-repos waits for a short limit and reports a long one with its end as a date:
    # both need a number it can add to today.
    answer = fetch.Answer("https://gitlab.example.org/api/v4/projects/1", 429, headers)
    seconds = _rate_limit_wait(answer)
    assert seconds == wait
    assert NOW + datetime.timedelta(seconds=seconds) > NOW


@pytest.mark.parametrize("asked", ["9" * 400, "9" * 5000, "soon)", "Sun, 21 Oct 9999 07:28:00 GMT"])
def test_a_link_check_s_rate_limit_is_a_bounded_wait_whatever_its_header(asked: str) -> None:
    row = CheckedRow(
        url="https://example.org/p",
        result="429 Too Many Requests",
        warnings=f"Rate limited (Retry-After: {asked})",
        info="",
        valid=False,
        final_url="",
    )
    verdict = classify(row)
    assert verdict.klass == RATE_LIMITED
    assert verdict.retry_after is None or 0 <= verdict.retry_after <= fetch.LONGEST_WAIT


def test_a_reason_phrase_is_kept_on_one_line() -> None:
    row = CheckedRow(
        url="https://example.org/p",
        result='404 Not\nFound\n??? danger "Injected"\n    body',
        warnings="",
        info="",
        valid=False,
        final_url="",
    )
    assert classify(row).message == '404 Not Found ??? danger "Injected" body'


def test_validation_shows_a_terminal_s_escape_sequences_instead_of_obeying_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An id that would erase the line of its own error and print "ok" in its place.
    data = copy_base_data(tmp_path / "data")
    resources = data / "resources.yaml"
    text = resources.read_text(encoding="utf-8")
    hostile = text.replace(
        "  - id: cellpose\n", '  - id: "x\\e[2K\\e[1A\\e[2K\\rok: all good"\n', 1
    )
    assert hostile != text
    resources.write_text(hostile, encoding="utf-8")
    assert main(["validate", "--data", str(data)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out
    assert "'x\\x1b[2K\\x1b[1A\\x1b[2K\\rok: all good' is not a valid id" in out


def test_an_answer_sent_a_byte_at_a_time_is_stopped_in_time(raw_server: str) -> None:
    # Each byte comes within the read timeout: only a limit on the whole answer stops it
    # (a hostile code host would hold check-repos until the CI job's own limit).
    started = time.monotonic()
    with pytest.raises(fetch.FetchTimeout):
        fetch.get(f"{raw_server}/trickle", timeout=0.3)
    assert time.monotonic() - started < 3


def test_json_nested_deeper_than_python_reads_is_not_json() -> None:
    with pytest.raises(fetch.FetchError, match="the answer is not JSON"):
        fetch.json_answer(b"[" * 200_000, "https://gitlab.example.org/api/v4/projects/1")
    with pytest.raises(ReportError, match="nested too deeply"):
        parse_document("[" * 200_000, "link-report.json")
