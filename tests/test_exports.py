"""The exports built with the site, each checked against its own format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import jsonschema
import pytest
from bibtexparser.entrypoint import parse_string

from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from tests.conftest import REPO


@pytest.fixture(scope="module")
def base() -> KnowledgeBase:
    return load_knowledge_base(DataFiles.in_folder(REPO / "data"))


def _schema(name: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads(
        (REPO / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    )
    return loaded


@pytest.mark.parametrize(
    ("file", "schema", "key"),
    [("resources.json", "export-resources", "resources"), ("faq.json", "export-faq", "faq")],
)
def test_json_exports_follow_their_documented_format(
    built_site: Path, base: KnowledgeBase, file: str, schema: str, key: str
) -> None:
    exported = json.loads((built_site / file).read_text(encoding="utf-8"))
    jsonschema.validate(exported, _schema(schema))
    assert (exported["format"], exported["version"]) == (f"deepscopie-{key}", 1)
    assert len(exported[key]) == len(getattr(base, key))
    assert exported[key][0]["title"].keys() == {"fr", "en"}


def test_private_provenance_is_never_exported(built_site: Path) -> None:
    for name in (
        "resources.json",
        "faq.json",
        "resources.csv",
        "bibliography.bib",
        "feed.fr.xml",
        "feed.en.xml",
    ):
        text = (built_site / name).read_text(encoding="utf-8")
        assert "provenance" not in text and "slack.com" not in text, name


def test_the_csv_has_one_row_per_resource(built_site: Path, base: KnowledgeBase) -> None:
    rows = list(
        csv.DictReader(io.StringIO((built_site / "resources.csv").read_text(encoding="utf-8")))
    )
    assert len(rows) == len(base.resources)
    cellpose = next(row for row in rows if row["id"] == "cellpose")
    assert (cellpose["url"], cellpose["category"], cellpose["tags"].split(";")[0]) == (
        "https://www.cellpose.org/",
        "software",
        "cellpose",
    )
    # The facets a reader filters on travel with the data.
    assert "segmentation" in cellpose["tasks"].split(";") and cellpose["ways"]


def test_the_bibliography_parses_and_holds_every_paper_and_book(
    built_site: Path, base: KnowledgeBase
) -> None:
    library = parse_string((built_site / "bibliography.bib").read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    expected = {r.id for r in base.resources if r.type in ("paper", "book")}
    assert {entry.key for entry in library.entries} == expected
    care = next(entry for entry in library.entries if entry.key == "care")
    assert care.entry_type == "article"
    assert care.fields_dict["doi"].value == "10.1038/s41592-018-0216-7"
    book = next(entry for entry in library.entries if entry.key == "deep-learning-book")
    assert (
        book.fields_dict["author"].value == "Ian Goodfellow and Yoshua Bengio and Aaron Courville"
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_each_language_has_an_atom_feed_advertised_in_its_pages(
    built_site: Path, language: str
) -> None:
    feed = feedparser.parse((built_site / f"feed.{language}.xml").read_bytes())
    assert feed.version == "atom10" and not feed.bozo
    assert feed.feed.language == language
    assert 0 < len(feed.entries) <= 50
    first = feed.entries[0]
    # Updated when its newest entry was news, not at each build: readers see no false news.
    assert feed.feed.updated_parsed == max(entry.updated_parsed for entry in feed.entries)
    assert feed.feed.updated_parsed == first.updated_parsed
    page, _, anchor = first.link.partition("#")
    assert f'id="{anchor}"' in (built_site / page / "index.html").read_text(encoding="utf-8")
    # The site it is the feed of: the language's home page, read from the feed's address.
    (site,) = [link.href for link in feed.feed.links if link.rel == "alternate"]
    at = f"https://example.org/feed.{language}.xml"
    assert urljoin(at, site) == f"https://example.org/{'' if language == 'fr' else 'en/'}"
    home = (built_site / ("" if language == "fr" else "en") / "index.html").read_text(
        encoding="utf-8"
    )
    href = f"feed.{language}.xml" if language == "fr" else f"../feed.{language}.xml"
    assert f'<link rel="alternate" type="application/atom+xml" href="{href}"' in home
