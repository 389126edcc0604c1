"""The compressed copies GitLab Pages serves in place of the site's files."""

from __future__ import annotations

import gzip
import os
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from deepscopie.cli import main
from deepscopie.local_server import served_under
from deepscopie.precompress import precompress
from tests.browser import SUB_PATH

PAGE = ("<!doctype html><title>Cellpose</title>" + "<p>Segmentation de noyaux.</p>" * 200).encode()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "pagefind" / "fragment").mkdir(parents=True)
    (site / "en" / "index.html").write_bytes(PAGE)
    (site / "assets.css").write_bytes(b"a{color:red}" * 100)
    (site / "tiny.js").write_bytes(b"let a = 1;")
    (site / "photo.png").write_bytes(bytes(range(256)) * 20)
    # Pagefind's files are gzip already: signature, then the record.
    fragment = gzip.compress(b"pagefind_dcd" + b'{"url": "/en/"}' * 50)
    (site / "pagefind" / "fragment" / "en_1a2b.pf_fragment").write_bytes(fragment)
    return site


def test_each_file_of_text_gets_a_copy_that_inflates_to_it(site: Path) -> None:
    done = precompress(site)
    assert gzip.decompress((site / "en" / "index.html.gz").read_bytes()) == PAGE
    assert gzip.decompress((site / "assets.css.gz").read_bytes()) == b"a{color:red}" * 100
    assert done.files == 3 and done.compressed_bytes < done.original_bytes


def test_pagefinds_files_are_copied_as_they_are_for_the_browser_to_inflate(site: Path) -> None:
    precompress(site)
    fragment = site / "pagefind" / "fragment" / "en_1a2b.pf_fragment"
    assert Path(f"{fragment}.gz").read_bytes() == fragment.read_bytes()


def test_images_and_files_too_small_to_gain_get_no_copy(site: Path) -> None:
    (site / "noise.js").write_bytes(os.urandom(4096))  # gzip would make it larger
    precompress(site)
    assert not (site / "photo.png.gz").exists()
    assert not (site / "tiny.js.gz").exists()
    assert not (site / "noise.js.gz").exists()


def test_a_small_files_copy_made_by_mkdocs_is_kept(site: Path) -> None:
    sitemap = gzip.compress(b"<urlset/>")
    (site / "sitemap.xml").write_bytes(b"<urlset/>")
    (site / "sitemap.xml.gz").write_bytes(sitemap)
    precompress(site)
    assert (site / "sitemap.xml.gz").read_bytes() == sitemap


def test_a_pagefind_file_that_is_not_gzip_is_compressed(site: Path) -> None:
    meta = site / "pagefind" / "pagefind.en_1a2b.pf_meta"
    meta.write_bytes(b"pagefind_dcd" + b"\x00\x01" * 1000)
    precompress(site)
    assert gzip.decompress(Path(f"{meta}.gz").read_bytes()) == meta.read_bytes()


def test_copies_carry_no_date_so_each_build_writes_the_same_bytes(site: Path) -> None:
    precompress(site)
    header = (site / "en" / "index.html.gz").read_bytes()[:10]
    assert header[4:8] == bytes(4)  # gzip's modification time: none


def test_links_are_not_followed(site: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.html"
    outside.write_bytes(PAGE)
    (site / "link.html").symlink_to(outside)
    precompress(site)
    assert not (site / "link.html.gz").exists()


@pytest.fixture
def served(site: Path) -> Iterator[str]:
    precompress(site)
    with served_under(site, SUB_PATH) as url:
        yield url


def _get(url: str, accept_encoding: str = "") -> tuple[str | None, str | None, bytes]:
    headers = {"Accept-Encoding": accept_encoding} if accept_encoding else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return (
            response.headers["Content-Encoding"],
            response.headers["Content-Type"],
            response.read(),
        )


def test_the_server_sends_the_copy_to_a_browser_that_accepts_gzip(served: str) -> None:
    encoding, kind, body = _get(f"{served}en/", "gzip, deflate, br")
    assert (encoding, kind) == ("gzip", "text/html") and gzip.decompress(body) == PAGE
    assert _get(f"{served}en/index.html") == (None, "text/html", PAGE)
    assert _get(f"{served}en/index.html", "br, gzip;q=0") == (None, "text/html", PAGE)


def test_the_server_types_pagefinds_files_as_gitlab_pages_does(served: str) -> None:
    url = f"{served}pagefind/fragment/en_1a2b.pf_fragment"
    assert _get(url, "gzip")[:2] == ("gzip", "application/x-gzip")
    assert _get(url)[:2] == (None, "application/x-gzip")


def test_the_command_says_what_it_did_and_refuses_a_missing_folder(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["precompress", str(site)]) == 0
    assert capsys.readouterr().out.startswith("ok: 3 compressed copies")
    assert main(["precompress", str(site / "public")]) == 2
    assert "no such folder (build the site first)" in capsys.readouterr().out
