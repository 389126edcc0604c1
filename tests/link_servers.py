"""Local web servers that play what the real web does to a link checker.

Each server is a "host" (its own port on 127.0.0.1); every request is recorded with its time,
so that tests can see retries and waits. Nothing here leaves the machine.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[["Handler", int], tuple[int, dict[str, str], bytes]]
SLOW_SECONDS = 3.0


@dataclass
class Requests:
    """When each path was asked for."""

    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    headers: dict[str, list[dict[str, str]]] = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, path: str, headers: dict[str, str] | None = None) -> int:
        with self.lock:
            self.times[path].append(time.monotonic())
            self.headers[path].append(headers or {})
            return len(self.times[path])


def _text(status: int, body: str = "ok", **headers: str) -> tuple[int, dict[str, str], bytes]:
    return status, headers, body.encode()


def _redirect(status: int, location: str) -> tuple[int, dict[str, str], bytes]:
    return status, {"Location": location}, b""


def _slow(handler: Handler, hit: int) -> tuple[int, dict[str, str], bytes]:
    time.sleep(SLOW_SECONDS)
    return _text(200)


ROUTES_A: dict[str, Route] = {
    "/ok": lambda h, n: _text(200),
    "/moved": lambda h, n: _redirect(301, "/ok"),
    "/chain": lambda h, n: _redirect(302, f"{h.other('b')}/hop"),
    "/loop": lambda h, n: _redirect(302, "/loop"),
    "/gone": lambda h, n: _text(410, "gone"),
    # A server's address that no client can read: an IPv6 host never closed.
    "/bad-redirect": lambda h, n: _redirect(301, "http://[::1"),
    "/bad-redirect-mapped": lambda h, n: _redirect(302, "https://[::ffff:127.0.0.1/"),
}
ROUTES_B: dict[str, Route] = {
    "/hop": lambda h, n: _redirect(302, f"{h.other('a')}/ok"),
    "/forbidden": lambda h, n: _text(403, "no bots"),
    "/linkedin": lambda h, n: _text(999, ""),
    "/ratelimited": lambda h, n: _text(429, "slow down", **{"Retry-After": "1"}),
    "/flaky": lambda h, n: _text(500 if n == 1 else 200),
    "/unavailable": lambda h, n: _text(503, "down"),
}
ROUTES_C: dict[str, Route] = {
    "/robots.txt": lambda h, n: (
        200,
        {"Content-Type": "text/plain"},
        b"User-agent: *\nDisallow: /private\n",
    ),
    "/private/page": lambda h, n: _text(200),
    "/slow": _slow,
}


class Handler(BaseHTTPRequestHandler):
    """Answers from the server's routes; 404 for anything else."""

    server: LocalHost

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def other(self, name: str) -> str:
        return self.server.peers[name]

    def _answer(self, body: bool) -> None:
        hit = self.server.requests.record(self.path, dict(self.headers.items()))
        route = self.server.routes.get(self.path)
        status, headers, content = route(self, hit) if route else _text(404, "not found")
        try:
            self.send_response(status)
            headers.setdefault("Content-Type", "text/html")
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            if body:
                self.wfile.write(content)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the checker gave up waiting (the timeout test)

    def log_message(self, format: str, *args: object) -> None:
        pass


class LocalHost(ThreadingHTTPServer):
    """One 'host' of the test web."""

    daemon_threads = True
    # socketserver's default backlog is 5: the link checker's processes and the redirect
    # probes (8 at a time) arriving together overflowed it, and a refused connection made a
    # test fail about one run in three. A real host takes more at once.
    request_queue_size = 128

    def __init__(
        self,
        routes: dict[str, Route],
        requests: Requests,
        context: ssl.SSLContext | None = None,
        address: str = "127.0.0.1",
    ):
        super().__init__((address, 0), Handler)
        self.routes = routes
        self.requests = requests
        self.peers: dict[str, str] = {}
        scheme = "http"
        if context is not None:
            self.socket = context.wrap_socket(self.socket, server_side=True)
            scheme = "https"
        self.url = f"{scheme}://{address}:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.shutdown()
        self.server_close()


def refused_url() -> str:
    """An address on 127.0.0.1 where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/nothing"
