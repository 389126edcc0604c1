"""Compressed copies of the built site's files, which GitLab Pages serves in their place.

GitLab Pages sends ``page.html.gz`` for ``page.html``, with ``Content-Encoding: gzip``, to a
browser that accepts gzip; it compresses nothing itself. So the pages job writes a ``.gz``
beside each file of text (``make pages``, on a site just built: an older copy would be served
for a newer file): a category page of thousands of entries then weighs a fifth on a phone's
connection.

Pagefind's index files are gzip already, which its script inflates itself, in JavaScript (in
its worker, one file after the other). Their ``.gz`` copy is the same bytes: Chromium inflates
them natively as they arrive, and Pagefind, which recognises inflated data, skips its own step
(at 10,000 entries, a first search pasted at once shows its results 30 ms sooner on average).
Firefox leaves them to Pagefind: GitLab Pages types them ``application/x-gzip`` (it sniffs a
type it does not know), and Firefox does not inflate such a file. They make a quarter of a
10,000-entry site's size (12 of 20 MB of copies).

:class:`deepscopie.local_server.PagesHandler` serves a folder with its copies as GitLab Pages
does, for the tests and bench/.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

SUFFIX = ".gz"
# Files of text, worth compressing (images, fonts and archives are compressed already).
TEXT_FILES = frozenset(
    {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".csv", ".bib", ".map"}
)
# Pagefind's own files, gzip streams already (its index, metadata, WebAssembly).
PAGEFIND_FILES = frozenset({".pf_meta", ".pf_index", ".pf_filter", ".pf_fragment", ".pagefind"})
GZIP_MAGIC = b"\x1f\x8b"
_COPIED = TEXT_FILES | PAGEFIND_FILES
# Below this, a compressed copy saves less than its headers cost.
_SMALLEST = 512


@dataclass(frozen=True)
class Compressed:
    """What :func:`precompress` wrote: how many copies, and the bytes before and after."""

    files: int
    original_bytes: int
    compressed_bytes: int


def copy_of(path: Path) -> Path:
    """Where the compressed copy of ``path`` is (whether or not there is one)."""
    return path.with_name(path.name + SUFFIX)


def precompress(site: Path) -> Compressed:
    """Write ``<file>.gz`` beside each file of ``site`` worth it; Pagefind's files are copied
    as they are. The files are compressed on every core the process may use."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    with ThreadPoolExecutor(max_workers=cores or 1) as pool:  # zlib frees the GIL
        sizes = [size for size in pool.map(_compress, _candidates(site)) if size is not None]
    return Compressed(
        len(sizes), sum(before for before, _ in sizes), sum(after for _, after in sizes)
    )


def _candidates(site: Path) -> Iterator[Path]:
    # Links are left alone: the site's own files are never links, and a link could lead out.
    for folder, _, names in os.walk(site):
        for name in names:
            path = Path(folder, name)
            if path.suffix in _COPIED and not path.is_symlink():
                yield path


def _compress(path: Path) -> tuple[int, int] | None:
    """``(bytes, bytes compressed)`` of the copy written beside ``path``, None if none is (a
    copy already there, such as MkDocs' ``sitemap.xml.gz``, is then left as it is)."""
    data = path.read_bytes()
    if path.suffix in PAGEFIND_FILES and data.startswith(GZIP_MAGIC):
        compressed = data
    elif len(data) < _SMALLEST:
        return None
    else:
        compressed = gzip.compress(data, compresslevel=9, mtime=0)  # the same bytes each build
        if len(compressed) >= len(data):
            return None
    copy_of(path).write_bytes(compressed)
    return len(data), len(compressed)
