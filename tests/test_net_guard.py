"""The network guard: a canary server on a loopback address outside the allowlist receives no
request, whether a URL, a redirect, a numeric spelling or a DNS name leads to it; through
`deepscopie check-links` (LinkChecker in its own process) and through `guarded()` (any HTTP
library in ours)."""

from __future__ import annotations

import json
import socket
import textwrap
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests

from deepscopie.cli import main
from deepscopie.net_guard import AllowlistError, RefusedAddress, guarded, parse_networks

CANARY_HOST = "127.0.0.3"  # loopback, outside the allowlist
ALLOWED_HOST = "127.0.0.1"
CANARY_NAME = "canary.example.org"  # a public-looking name that resolves to the canary


class _Server(ThreadingHTTPServer):
    """Counts every connection it accepts, and answers by ``routes``."""

    def __init__(self, host: str, routes: dict[str, tuple[int, str]]) -> None:
        self.routes, self.connections = routes, 0
        self.paths: list[str] = []
        super().__init__((host, 0), _Handler)
        self.url = f"http://{host}:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def get_request(self) -> tuple[socket.socket, Any]:
        accepted = super().get_request()
        self.connections += 1
        return accepted

    def close(self) -> None:
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self.server.paths.append(self.path)
        status, location = self.server.routes.get(self.path, (200, ""))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    do_HEAD = do_GET

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def canary() -> Iterator[_Server]:
    server = _Server(CANARY_HOST, {})
    yield server
    server.close()


@pytest.fixture
def redirector(canary: _Server) -> Iterator[_Server]:
    port = canary.server_address[1]
    numeric = int.from_bytes(socket.inet_aton(CANARY_HOST), "big")
    server = _Server(
        ALLOWED_HOST,
        {
            "/to-canary": (302, f"{canary.url}/redirected"),
            "/to-numeric": (301, f"http://{numeric}:{port}/numeric"),
            "/to-hex": (307, f"http://0x7f.0.0.3:{port}/hex"),
            "/to-name": (302, f"http://{CANARY_NAME}:{port}/name"),
            "/to-mapped": (302, f"http://[::ffff:{CANARY_HOST}]:{port}/mapped"),
            "/with-credentials": (302, "/ok"),
        },
    )
    yield server
    server.close()


@pytest.fixture
def canary_name_resolver(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The test's own resolver: in this process and in LinkChecker's (a sitecustomize module
    on its PYTHONPATH), CANARY_NAME resolves to the canary's address."""
    folder = tmp_path / "resolver"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(
        textwrap.dedent(
            f"""
            import socket
            _real = socket.getaddrinfo
            def _resolve(host, *args, **kwargs):
                if host in ({CANARY_NAME!r}, {CANARY_NAME.encode()!r}):
                    host = {CANARY_HOST!r}
                return _real(host, *args, **kwargs)
            socket.getaddrinfo = _resolve
            """
        ),
        encoding="utf-8",
    )
    folder.chmod(0o755)
    (folder / "sitecustomize.py").chmod(0o644)
    tmp_path.chmod(0o755)
    monkeypatch.setenv("PYTHONPATH", str(folder))
    real = socket.getaddrinfo

    def resolve(host: Any, *args: Any, **kwargs: Any) -> Any:
        return real(CANARY_HOST if host == CANARY_NAME else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)


def _check_links(tmp_path: Path, urls: list[str], *options: str) -> tuple[int, list[Any]]:
    listed = tmp_path / "urls.txt"
    listed.write_text("\n".join(urls) + "\n", encoding="utf-8")
    report = tmp_path / "report.json"
    code = main(
        ["check-links", "--urls", str(listed), "--report", str(report), "--timeout", "3",
         "--retries", "0", *options]
    )  # fmt: skip
    written = json.loads(report.read_text(encoding="utf-8"))
    return code, written["links"] if isinstance(written, dict) else written


def test_check_links_never_reaches_the_canary(
    tmp_path: Path,
    canary: _Server,
    redirector: _Server,
    canary_name_resolver: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    port = canary.server_address[1]
    urls = [
        f"{canary.url}/direct",
        f"http://2130706435:{port}/integer",
        f"http://127.3:{port}/short",
        f"http://[::ffff:127.0.0.3]:{port}/mapped",
        f"http://{CANARY_NAME}:{port}/dns",
        f"{redirector.url}/to-canary",
        f"{redirector.url}/to-numeric",
        f"{redirector.url}/to-hex",
        f"{redirector.url}/to-name",
        f"{redirector.url}/to-mapped",
    ]
    code, report = _check_links(tmp_path, urls, "--allow-network", f"{ALLOWED_HOST}/32")
    records = {record["url"]: record for record in report}
    classes = {url: records[url]["class"] for url in urls}
    assert classes == dict.fromkeys(urls, "refused-address"), capsys.readouterr()
    assert canary.connections == 0
    assert canary.paths == []
    assert len(redirector.paths) >= 5  # the allowed server was asked: the check did run
    assert code in (0, 1)  # an answer, not an error of the command


def test_without_the_allowlist_nothing_local_is_fetched(
    tmp_path: Path, redirector: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DEEPSCOPIE_ALLOW_NETWORKS", raising=False)
    url = f"{redirector.url}/with-credentials"
    _, report = _check_links(tmp_path, [url])
    assert report[0]["class"] == "refused-address"
    assert redirector.connections == 0


def test_the_allowlist_lets_the_local_web_through_and_hides_credentials(
    tmp_path: Path, redirector: _Server
) -> None:
    redirector.routes["/with-credentials"] = (302, f"http://user:secret@{ALLOWED_HOST}:"
                                              f"{redirector.server_address[1]}/ok")  # fmt: skip
    url = f"{redirector.url}/with-credentials"
    _, report = _check_links(tmp_path, [url], "--allow-network", f"{ALLOWED_HOST}/32")
    record = report[0]
    assert record["class"] == "redirected"
    assert "secret" not in json.dumps(report)
    assert record["final_url"] == f"{redirector.url}/ok"


def test_guarded_refuses_every_route_to_the_canary_for_any_http_library(
    canary: _Server, redirector: _Server, canary_name_resolver: None
) -> None:
    port = canary.server_address[1]
    with guarded(allow=[f"{ALLOWED_HOST}/32"]):
        for url in (f"{canary.url}/a", f"http://{CANARY_NAME}:{port}/b"):
            with pytest.raises(urllib.error.URLError, match="refused-address"):
                urllib.request.urlopen(url, timeout=3)
            with pytest.raises(requests.ConnectionError, match="refused-address"):
                requests.get(url, timeout=3)
        for path in ("/to-canary", "/to-numeric", "/to-hex", "/to-name"):
            with pytest.raises(requests.ConnectionError, match="refused-address"):
                requests.get(f"{redirector.url}{path}", timeout=3)
        with pytest.raises(RefusedAddress):
            socket.create_connection((CANARY_HOST, port), timeout=3)
    assert canary.connections == 0
    # Outside the block, the process connects as usual.
    with socket.create_connection((CANARY_HOST, port), timeout=3):
        pass


def test_the_allowlist_must_be_networks() -> None:
    assert [str(n) for n in parse_networks(["127.0.0.2/32, ::1/128", ""])] == [
        "127.0.0.2/32",
        "::1/128",
    ]
    with pytest.raises(AllowlistError, match="'localhost' is not a network"):
        parse_networks(["localhost"])


def test_a_bad_allowlist_is_a_clean_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DEEPSCOPIE_ALLOW_NETWORKS", "not-a-network")
    listed = tmp_path / "urls.txt"
    listed.write_text("https://www.example.org/\n", encoding="utf-8")
    assert main(["check-links", "--urls", str(listed)]) == 2
    assert "'not-a-network' is not a network" in capsys.readouterr().err


def test_a_guard_that_ends_first_leaves_the_others_their_allowlist() -> None:
    # The redirect probes fetch from several threads, each inside its own guard; one ending
    # before another must not take the other's allowed network away (nor leave the canary open).
    with socket.create_server((ALLOWED_HOST, 0)) as listener:
        port = listener.getsockname()[1]
        first, second = guarded([f"{ALLOWED_HOST}/32"]), guarded([f"{ALLOWED_HOST}/32"])
        first.__enter__()
        second.__enter__()
        first.__exit__(None, None, None)
        try:
            socket.create_connection((ALLOWED_HOST, port), timeout=5).close()
            with pytest.raises(RefusedAddress):
                socket.create_connection((CANARY_HOST, port), timeout=5)
        finally:
            second.__exit__(None, None, None)
