"""Check every link and anchor inside the built site, in both languages.

LinkChecker crawls the site, served on 127.0.0.1 for the duration of the check (it resolves
directory links as a web server would), with a ``LinkChecker`` response header: by
LinkChecker's documented rule, that lets it lift its per-host wait for a server that agrees.

Anchors are checked here rather than by LinkChecker's AnchorCheck plugin, which fetches and
parses the whole target page again for every distinct ``page#anchor`` link: on this site's
tables of contents and cross-references that took 60 s for 190 pages (6 s without it), and it
grows with links times page size. Here each page is parsed once.
"""

from __future__ import annotations

import os
import posixpath
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import unquote, urlsplit

from deepscopie.links.linkchecker_run import RunSettings, run_linkchecker
from deepscopie.local_server import ADDRESS, served

_CONFIG = """\
[checking]
maxrequestspersecond=1000
"""


@dataclass(frozen=True)
class InternalProblem:
    """A link of the site that leads nowhere."""

    page: str
    link: str
    message: str

    def format(self) -> str:
        """``page: link: message``."""
        return f"{self.page}: {self.link}: {self.message}"


def check_internal(
    site_dir: Path, start_pages: tuple[str, ...] = ("", "en/"), base_path: str = "/"
) -> list[InternalProblem]:
    """Every broken link or anchor reachable from the start pages of ``site_dir``, which is
    published under ``base_path`` (``/`` or a sub-path such as ``/deepscopie/``)."""
    with served(site_dir, _Handler) as root, _config_file() as config:
        settings = RunSettings(
            timeout=10,
            threads=8,
            config_file=config,
            recursive=True,
            check_external=False,
            allow_networks=(_SERVER_NETWORK,),  # our own server of the site, nothing else
        )
        rows = run_linkchecker([root + page for page in start_pages], settings)
    problems = []
    for row in rows:
        page = row.parent.removeprefix(root) or "/"
        link = row.url.removeprefix(root)
        if not row.valid:
            problems.append(
                InternalProblem(page, link, row.result.splitlines()[0] if row.result else "broken")
            )
    problems += broken_anchors(site_dir, base_path)
    return sorted(problems, key=lambda problem: (problem.page, problem.link))


def broken_anchors(site_dir: Path, base_path: str = "/") -> list[InternalProblem]:
    """Links inside the site to an anchor that the target page does not have.

    Absolute links (``/en/faq/#x``) are resolved against ``base_path``, the path the site is
    published under: one that leaves it leads outside the site once deployed on a sub-path.
    """
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    pages = {
        path.relative_to(site_dir).as_posix(): _Anchors.of(path)
        for path in site_dir.rglob("*.html")
        if "pagefind" not in path.relative_to(site_dir).parts
    }
    problems = []
    for page, found in pages.items():
        for href in found.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            path = parts.path
            if path.startswith("/") and not path.startswith(base):
                message = f"absolute link outside the site's path {base}"
                problems.append(InternalProblem(page, href, message))
                continue
            if not parts.fragment:
                continue
            if path.startswith("/"):
                path = path.removeprefix(base) or "./"
                target = _target_file("index.html", path)
            else:
                target = _target_file(page, path)
            anchor = unquote(parts.fragment)
            if target in pages and anchor not in pages[target].ids:
                problems.append(
                    InternalProblem(page, href, f"anchor '#{anchor}' not found on {target}")
                )
    return problems


def _target_file(page: str, path: str) -> str:
    if not path:
        return page
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return target if target.endswith(".html") else f"{target}/index.html".removeprefix("./")


class _Anchors(HTMLParser):
    """The ids a page defines and the links it holds."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    @classmethod
    def of(cls, path: Path) -> _Anchors:
        parser = cls()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        return parser

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.ids.add(value)
            elif value and tag == "a" and name == "href":
                self.links.append(value)


class _Handler(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("LinkChecker", "deepscopie")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


# Where the site is served: the only non-public address the internal check may connect to.
_SERVER_NETWORK = f"{ADDRESS}/32"


@contextmanager
def _config_file() -> Iterator[Path]:
    # Readable by all: LinkChecker run as root reads it as user `nobody`.
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)
        path = Path(folder) / "linkcheckerrc"
        path.write_text(_CONFIG, encoding="utf-8")
        path.chmod(0o644)
        yield path
