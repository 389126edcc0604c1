"""A built site served on this machine, in a thread: for the internal link check, the tests
and bench/."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from deepscopie.precompress import PagesHandler

ADDRESS = "127.0.0.1"


@contextmanager
def served(
    folder: Path, handler: type[SimpleHTTPRequestHandler] = PagesHandler, port: int = 0
) -> Iterator[str]:
    """``folder`` served on 127.0.0.1 (``port`` 0: any free one) by ``handler``, by default as
    GitLab Pages serves a site; yields its address, ending in /."""
    server = ThreadingHTTPServer((ADDRESS, port), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://{ADDRESS}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
