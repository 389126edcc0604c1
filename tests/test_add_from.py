"""`deepscopie add --from`: the entry filled from the resource itself, against local servers
playing Crossref, DataCite, Zenodo, GitHub, GitLab and an ordinary web page (a 404 and a
timeout included). No test touches the internet."""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from deepscopie.cli import _parser, main
from deepscopie.editing.command import run_add_resource
from deepscopie.editing.fetch import FetchError
from deepscopie.editing.sources import read_source
from deepscopie.knowledge_base import DataFiles, load_knowledge_base
from tests.conftest import REPO

CROSSREF = {
    "message": {
        "type": "journal-article",
        "title": ["Cellpose: a generalist algorithm for cellular segmentation"],
        "author": [
            {"given": "Carsen", "family": "Stringer"},
            {"given": "Tim", "family": "Wang"},
            {"name": "The Cellpose consortium"},
        ],
        "issued": {"date-parts": [[2020, 12, 14]]},
        "published-print": {"date-parts": [[2021, 1]]},
        "container-title": ["Nature Methods"],
        "language": "en",
        "abstract": "<jats:title>Abstract</jats:title><jats:p>Many biological applications "
        "require the segmentation of cell bodies &amp; nuclei.</jats:p>",
    }
}
DATACITE = {
    "data": {
        "attributes": {
            "titles": [{"title": "Fluorescent nuclei images"}],
            "creators": [
                {"name": "Caicedo, Juan"},
                {"givenName": "Anne", "familyName": "Carpenter"},
            ],
            "publicationYear": 2019,
            "publisher": "Broad Institute",
            "types": {"resourceTypeGeneral": "Dataset"},
            "rightsList": [{"rightsIdentifier": "cc0-1.0"}],
            "descriptions": [],
        }
    }
}
ZENODO = {
    "doi": "10.5281/zenodo.3357545",
    "links": {"html": "https://zenodo.org/records/3357545"},
    "metadata": {
        "title": "Noise2Void training data",
        "creators": [{"name": "Krull, Alexander"}, {"name": "Buchholz, Tim-Oliver"}],
        "publication_date": "2019-08-02",
        "license": {"id": "cc-by-4.0"},
        "resource_type": {"type": "dataset"},
        "description": "<p>Images used to train <b>Noise2Void</b>.</p>",
        "language": "eng",
        "keywords": ["denoising", "deep learning"],
    },
}
GITHUB = {
    "name": "cellpose",
    "html_url": "https://github.com/MouseLand/cellpose",
    "description": "a generalist algorithm for cellular segmentation with human-in-the-loop",
    "license": {"spdx_id": "BSD-3-Clause", "name": "BSD 3-Clause"},
    "topics": ["segmentation", "cell-segmentation", "Python", "napari"],
}
GITLAB = {
    "name": "deepscopie-tools",
    "web_url": "https://gitlab.com/group/sub/deepscopie-tools",
    "description": "Scripts for the course",
    "license": {"key": "mit", "nickname": None, "name": "MIT License"},
    "topics": ["training"],
}
PAGE = """<!doctype html><html lang="fr-FR"><head>
<title>Ignored when citation_title is there</title>
<meta name="citation_title" content="Segmenter les noyaux &amp; les cellules">
<meta name="citation_author" content="Dupont, Marie">
<meta name="citation_author" content="Jean Martin">
<meta name="citation_publication_date" content="2022/05/03">
<meta name="citation_journal_title" content="Revue d'imagerie">
<meta name="citation_doi" content="10.1234/revue.42">
<meta property="og:description" content="Un article sur la segmentation.">
<meta name="keywords" content="segmentation, noyaux, microscopie">
</head><body><p>Text</p></body></html>"""
PLAIN_PAGE = """<html><head><title>  A plain page
</title><meta property="og:title" content="The page's own title">
<meta name="description" content="A page about training.">
<script>var t = "<title>not this</title>";</script></head></html>"""

ROUTES: dict[str, tuple[int, str, str]] = {
    "/crossref/works/10.1038/s41592-020-01018-x": (200, "application/json", json.dumps(CROSSREF)),
    "/datacite/dois/10.9999/nuclei": (200, "application/json", json.dumps(DATACITE)),
    "/zenodo/records/3357545": (200, "application/json", json.dumps(ZENODO)),
    "/github/repos/MouseLand/cellpose": (200, "application/json", json.dumps(GITHUB)),
    "/github/repos/wkentaro/labelme": (
        200,
        "application/json",
        json.dumps({"name": "labelme", "html_url": "https://github.com/wkentaro/labelme"}),
    ),
    "/gitlab/projects/group%2Fsub%2Fdeepscopie-tools": (
        200,
        "application/json",
        json.dumps(GITLAB),
    ),
    "/article.html": (200, "text/html; charset=utf-8", PAGE),
    "/plain.html": (200, "text/html", PLAIN_PAGE),
}
SLOW = "/slow.html"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path == SLOW:
            time.sleep(3)
        status, kind, body = ROUTES.get(path, (404, "text/plain", "not found"))
        data = body.encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the timeout test)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    for name in ("crossref", "datacite", "zenodo", "github", "gitlab"):
        monkeypatch.setenv(f"DEEPSCOPIE_{name.upper()}_API", f"{base}/{name}")
    monkeypatch.setenv("DEEPSCOPIE_ALLOW_NETWORKS", "127.0.0.0/8")
    monkeypatch.setenv("DEEPSCOPIE_FETCH_TIMEOUT", "1")
    yield base
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(REPO / "data", copy)
    return copy


def test_a_doi_fills_title_authors_year_venue_and_the_abstract(
    server: str, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["add", "--data", str(data), "--from", "https://doi.org/10.1038/s41592-020-01018-x"]
    # Outside a terminal, what the record does not give is named, not invented.
    assert main(arguments) == 2
    assert capsys.readouterr().err.endswith(
        "missing: --description-fr, --category, --language (give them, or run in a terminal to be asked)\n"
    )
    extra = ["--description-fr", "Segmentation de cellules.", "--category", "bibliography"]
    assert main([*arguments, *extra, "--language", "en"]) == 0
    paper = load_knowledge_base(DataFiles.in_folder(data)).resource(
        "cellpose-a-generalist-algorithm-for-cellular-segmentation"
    )
    assert paper.title.get("fr") == paper.title.get("en") == CROSSREF["message"]["title"][0]  # type: ignore[index]
    assert paper.authors == ("Carsen Stringer", "Tim Wang")
    assert (paper.year, paper.venue, paper.doi, paper.type) == (
        2021,
        "Nature Methods",
        "10.1038/s41592-020-01018-x",
        "paper",
    )
    assert paper.url == "https://doi.org/10.1038/s41592-020-01018-x"
    assert paper.description.get("en") == (
        "Many biological applications require the segmentation of cell bodies & nuclei."
    )


def test_a_doi_crossref_does_not_know_is_asked_of_datacite(server: str) -> None:
    found = read_source("10.9999/nuclei")
    assert (found.source, found.title, found.year, found.type, found.licence) == (
        "DataCite",
        "Fluorescent nuclei images",
        2019,
        "dataset",
        "cc0-1.0",
    )
    assert found.authors == ["Juan Caicedo", "Anne Carpenter"]
    assert found.description is None  # no abstract: the description stays a question


@pytest.mark.parametrize(
    "address", ["https://zenodo.org/records/3357545", "https://doi.org/10.5281/zenodo.3357545"]
)
def test_a_zenodo_record_gives_title_authors_year_licence_and_doi(
    server: str, address: str
) -> None:
    found = read_source(address)
    assert (found.title, found.year, found.licence, found.doi, found.type) == (
        "Noise2Void training data",
        2019,
        "cc-by-4.0",
        "10.5281/zenodo.3357545",
        "dataset",
    )
    assert found.authors == ["Alexander Krull", "Tim-Oliver Buchholz"]
    assert (found.description, found.description_language) == (
        "Images used to train Noise2Void.",
        "en",
    )
    assert found.url == "https://zenodo.org/records/3357545"


def test_code_hosts_give_name_description_licence_and_topics_as_tags(
    server: str, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = read_source("https://github.com/MouseLand/cellpose")
    assert (found.title, found.licence) == ("cellpose", "BSD-3-Clause")
    gitlab = read_source("https://gitlab.com/group/sub/deepscopie-tools")
    assert (gitlab.title, gitlab.licence, gitlab.keywords) == (
        "deepscopie-tools",
        "MIT License",
        ["training"],
    )
    # In a terminal: each proposal is the answer Enter keeps; topics become tags the
    # vocabulary has; the description, in a language the source does not state, is shown to
    # be written in both.
    questions: list[str] = []
    answers = [
        "",  # Enter: the proposed address
        "", "Cellpose (nouvelle version)",  # titles: the French one kept, the English changed
        "Un algorithme généraliste.", "A generalist algorithm.",
        "software", "", "tool", "", "segmentation", "gui", "en", "",
    ]  # fmt: skip
    replies = iter(answers)

    def ask(question: str) -> str:
        questions.append(question)
        return next(replies)

    args = _parser().parse_args(
        ["add", "--data", str(data), "--from", "https://github.com/MouseLand/cellpose"]
    )
    assert run_add_resource(args, ask=ask) == 0
    out = capsys.readouterr().out
    assert "read from GitHub: url, title_fr, title_en, tag, licence" in out
    assert questions[0] == (
        "Address (https://…; leave empty if it is not known) [https://github.com/MouseLand/cellpose]: "
    )
    assert questions[1] == "Title in French [cellpose]: "
    assert f"to translate from the resource's own text: {GITHUB['description']}" in out
    assert (
        "Tags, comma-separated (Tab completes; empty: none) [segmentation, python, napari]: "
        in questions
    )
    added = load_knowledge_base(DataFiles.in_folder(data)).resource("cellpose-nouvelle-version")
    assert added.url == "https://github.com/MouseLand/cellpose"
    assert (added.title.get("fr"), added.title.get("en")) == (
        "cellpose",
        "Cellpose (nouvelle version)",
    )
    assert (added.tags, added.licence) == (("segmentation", "python", "napari"), "BSD-3-Clause")


def test_a_web_page_gives_its_title_and_meta_tags(server: str) -> None:
    found = read_source(f"{server}/article.html")
    assert found.title == "Segmenter les noyaux & les cellules"
    assert found.authors == ["Marie Dupont", "Jean Martin"]
    assert (found.year, found.venue, found.doi, found.type) == (
        2022,
        "Revue d'imagerie",
        "10.1234/revue.42",
        "paper",
    )
    assert (found.description, found.description_language) == (
        "Un article sur la segmentation.",
        "fr",
    )
    assert found.languages == ["fr"] and found.keywords[0] == "segmentation"
    plain = read_source(f"{server}/plain.html")
    assert (plain.title, plain.description, plain.description_language) == (
        "The page's own title",
        "A page about training.",
        None,  # the page does not say its language: nothing is guessed
    )


@pytest.mark.parametrize(
    ("path", "reason"),
    [("/github/repos/nobody/missing", "not found (HTTP 404)"), (SLOW, "no answer within 1 s")],
    ids=["404", "timeout"],
)
def test_a_source_that_cannot_be_read_says_why_and_everything_is_asked(
    server: str, data: Path, capsys: pytest.CaptureFixture[str], path: str, reason: str
) -> None:
    source = "https://github.com/nobody/missing" if path.startswith("/github") else server + path
    started = time.monotonic()
    assert main(["add", "--data", str(data), "--from", source]) == 2
    assert time.monotonic() - started < 2.5  # the timeout, not the server, decided
    err = capsys.readouterr().err
    assert f"could not read {source}: {reason}; asking instead" in err
    assert "missing: --url, --title-fr" in err and "Traceback" not in err


def test_a_private_address_is_never_fetched(monkeypatch: pytest.MonkeyPatch, server: str) -> None:
    monkeypatch.delenv("DEEPSCOPIE_ALLOW_NETWORKS")
    for address in (f"{server}/article.html", "https://github.com/MouseLand/cellpose"):
        with pytest.raises(FetchError, match="is a local or private address"):
            read_source(address)


def test_a_redirect_to_a_private_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    class Redirect(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(302)
            self.send_header("Location", "http://10.0.0.1/admin")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    monkeypatch.setenv("DEEPSCOPIE_ALLOW_NETWORKS", "127.0.0.1/32")
    try:
        with pytest.raises(FetchError, match=r"10\.0\.0\.1"):
            read_source(f"http://127.0.0.1:{httpd.server_address[1]}/page")
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_source_already_listed_is_said_before_the_first_question(
    server: str, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions: list[str] = []

    def ask(question: str) -> str:
        questions.append(question)
        raise KeyboardInterrupt  # the editor stops there

    args = _parser().parse_args(
        ["add", "--data", str(data), "--from", "https://github.com/wkentaro/labelme"]
    )
    assert run_add_resource(args, ask=ask) == 130
    assert "https://github.com/wkentaro/labelme is already in the data: resource 'labelme'" in (
        capsys.readouterr().out
    )
    assert questions == ["Address (https://…; leave empty if it is not known): "]  # no proposal
