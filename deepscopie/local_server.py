"""A built site served on this machine, in a thread, as GitLab Pages serves it: for the
internal link check, the tests and bench/."""

from __future__ import annotations

import functools
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO

from deepscopie.precompress import GZIP_MAGIC, copy_of

ADDRESS = "127.0.0.1"


class PagesHandler(SimpleHTTPRequestHandler):
    """Serves a folder as GitLab Pages serves a site: ``X.gz`` with ``Content-Encoding: gzip``
    for ``X`` when it exists and the browser accepts gzip (not for a range of bytes), a type
    it does not know sniffed from the file (gzip: ``application/x-gzip``); quietly."""

    def send_head(self) -> BinaryIO | None:
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.partition("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")  # as the parent class serves a folder
        copy = str(copy_of(Path(path)))
        if not (self._gzip_accepted() and os.path.isfile(path) and os.path.isfile(copy)):
            return super().send_head()
        try:
            body = open(copy, "rb")  # noqa: SIM115 (the server closes it once sent)
        except OSError:
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(os.fstat(body.fileno()).st_size))
        self.end_headers()
        return body

    def _gzip_accepted(self) -> bool:
        if "Range" in self.headers:
            return False
        for coding in self.headers.get("Accept-Encoding", "").split(","):
            name, _, weight = coding.partition(";")
            if name.strip().lower() == "gzip":  # "gzip;q=0" refuses it
                _, _, quality = weight.partition("=")
                try:
                    return not quality.strip() or float(quality) > 0
                except ValueError:
                    return False
        return False

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        known = super().guess_type(path)
        if known != "application/octet-stream":
            return known
        try:
            with open(path, "rb") as file:
                start = file.read(len(GZIP_MAGIC))
        except OSError:
            return known
        return "application/x-gzip" if start == GZIP_MAGIC else known

    def log_message(self, format: str, *args: object) -> None:
        pass


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


@contextmanager
def served_under(site: Path, sub_path: str, port: int = 0) -> Iterator[str]:
    """``site`` served under ``sub_path`` (``/deepscopie/``), as GitLab Pages serves a
    project's site; yields its address, ending in /."""
    with tempfile.TemporaryDirectory(prefix="deepscopie-served-") as root:
        (Path(root) / sub_path.strip("/")).symlink_to(site.resolve(), target_is_directory=True)
        with served(Path(root), port=port) as address:
            yield address.rstrip("/") + "/" + sub_path.strip("/") + "/"
