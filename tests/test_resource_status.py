"""A resource that is archived, discontinued or offline: shown to readers in both languages (its
entry, Explore, the heading search results show), carried by the exports and the feed."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import feedparser
import pytest

from deepscopie.exports.data import resources_csv, resources_json
from deepscopie.exports.feeds import atom_feed
from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.render.entries import render_resource
from deepscopie.render.explore import entries_json, render_explore_page
from deepscopie.render.guide import render_field_reference
from deepscopie.render.site_index import SiteIndex
from tests.conftest import copy_base_data

GONE = """\
  - id: old-viewer
    title: {fr: Vieux visualiseur, en: Old viewer}
    url: https://example.org/old-viewer
    description: {fr: Un visualiseur., en: A viewer.}
    category: software
    type: tool
    languages: [en]
    status: discontinued
    status_note:
      date: 2026-11-30
      fr: Arrêté par ses auteurs en 2025 <script>alert(1)</script>; voir [Cellpose](https://www.cellpose.org/).
      en: Stopped by its authors in 2025 <script>alert(1)</script>; see [Cellpose](https://www.cellpose.org/).
    replaced_by: cellpose
    added: 2026-11-22
  - id: frozen-site
    title: {fr: Site figé, en: Frozen site}
    url: https://example.org/frozen
    description: {fr: Un site., en: A site.}
    category: software
    type: tool
    languages: [en]
    status: archived
    status_note: {date: 2026-10-01, fr: Plus mis à jour., en: No longer updated.}
    replaced_by: https://example.org/new-site
    added: 2026-11-22
"""
PAGE = "categories/software.md"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    data = copy_base_data(tmp_path_factory.mktemp("status"))
    resources = data / "resources.yaml"
    resources.write_text(resources.read_text(encoding="utf-8") + GONE, encoding="utf-8")
    return load_knowledge_base(DataFiles.in_folder(data))


def _entry(base: KnowledgeBase, resource_id: str, language: str) -> str:
    return render_resource(base.resource(resource_id), base, SiteIndex.of(base), language, PAGE)


def test_a_discontinued_resource_shows_a_badge_its_dated_note_and_its_replacement(
    base: KnowledgeBase,
) -> None:
    french = _entry(base, "old-viewer", "fr")
    assert french.startswith(
        '<article class="ds-entry">\n<h3 id="old-viewer"><a href="https://example.org/old-viewer">'
        'Vieux visualiseur</a> <span class="ds-badge ds-badge--discontinued">'
        '<span class="ds-badge__paren">(</span>Arrêtée<span class="ds-badge__paren">)</span>'
        "</span><a"
    )
    assert '<div class="ds-status ds-status--discontinued" role="note">' in french
    assert "<p><strong>Arrêtée</strong> (constaté le 30\u00a0novembre\u00a02026)</p>" in french
    assert 'Remplacée par\u202f: <a href="#cellpose">Cellpose</a>' in french
    english = _entry(base, "old-viewer", "en")
    assert (
        '<span class="ds-badge ds-badge--discontinued"><span class="ds-badge__paren">(</span>Discontinued<span class="ds-badge__paren">)</span></span>'
        in english
    )
    assert "<p><strong>Discontinued</strong> (as of 30\u00a0November\u00a02026)</p>" in english
    assert (
        'see <a href="https://www.cellpose.org/" rel="noopener noreferrer">Cellpose</a>' in english
    )
    assert 'Replaced by: <a href="#cellpose">Cellpose</a>' in english
    for shown in (french, english):
        assert "<script>" not in shown  # contributed text goes through the sanitiser


def test_a_replacement_address_is_a_link_and_an_active_resource_shows_nothing(
    base: KnowledgeBase,
) -> None:
    archived = _entry(base, "frozen-site", "en")
    assert (
        '<span class="ds-badge ds-badge--archived"><span class="ds-badge__paren">(</span>Archived<span class="ds-badge__paren">)</span></span>'
        in archived
    )
    assert 'Replaced by: <a href="https://example.org/new-site">' in archived
    active = _entry(base, "cellpose", "en")
    assert "ds-badge" not in active and "ds-status" not in active


def test_explore_has_a_status_facet_and_each_entry_its_status(base: KnowledgeBase) -> None:
    entries = {e["id"]: e for e in json.loads(entries_json(base, "fr", None))["entries"]}
    assert entries["old-viewer"]["lifecycle"] == "discontinued"
    assert entries["cellpose"]["lifecycle"] == "active"
    page = render_explore_page(base, "fr", None)
    assert "<summary>État de la ressource</summary>" in page
    assert (
        '<input type="checkbox" name="lifecycle" value="discontinued"> Arrêtée '
        '<span class="ds-explore__n" data-ds-n>1</span>' in page
    )
    english = render_explore_page(base, "en", None)
    assert '<input type="checkbox" name="lifecycle" value="archived"> Archived' in english


def test_the_exports_and_the_feed_carry_the_status(base: KnowledgeBase) -> None:
    exported = {
        r["id"]: r
        for r in json.loads(resources_json(base, datetime.date(2026, 12, 1)))["resources"]
    }
    assert exported["old-viewer"]["status"] == "discontinued"
    assert exported["old-viewer"]["status_note"]["date"] == "2026-11-30"
    assert exported["old-viewer"]["replaced_by"] == "cellpose"
    assert exported["cellpose"]["status"] == "active"
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(resources_csv(base)))}
    assert (rows["frozen-site"]["status"], rows["frozen-site"]["status_date"]) == (
        "archived",
        "2026-10-01",
    )
    assert rows["frozen-site"]["replaced_by"] == "https://example.org/new-site"
    assert rows["cellpose"]["status"] == "active" and rows["cellpose"]["status_note_en"] == ""
    feed = feedparser.parse(atom_feed(base, "en", "https://deepscopie.example.org/"))
    item = next(e for e in feed.entries if e.title.startswith("Old viewer"))
    assert item.title == "Old viewer (Discontinued)"
    assert item.summary.startswith("Discontinued: Stopped by its authors in 2025")
    assert [tag.term for tag in item.tags] == ["discontinued"]
    assert item.updated.startswith("2026-11-30")


def test_the_contribution_guide_lists_the_statuses_and_fields(base: KnowledgeBase) -> None:
    french = render_field_reference(base, "fr")
    assert "| `discontinued` | Arrêtée par ses auteurs" in french
    assert "| `status_note` | non |" in french and "| `replaced_by` | non |" in french
    english = render_field_reference(base, "en")
    assert "### Resource statuses (status) {#values-status}" in english
    assert "| `offline` | No longer reachable at all. |" in english


def test_the_real_data_marks_papers_with_code_discontinued() -> None:
    real = load_knowledge_base(DataFiles.in_folder(Path(__file__).parent.parent / "data"))
    resource = real.resource("papers-with-code")
    assert resource.status == "discontinued" and resource.status_note is not None
    note = resource.status_note
    assert "July 2025" in note.get("en") and "juillet 2025" in note.get("fr")


def test_search_records_carry_the_status_and_the_code_activity(base: KnowledgeBase) -> None:
    from deepscopie.links.repositories import RepositoryRecord
    from deepscopie.render.health import LinkHealth
    from deepscopie.render.search_records import search_records

    record = RepositoryRecord(
        "https://github.com/mouseland/cellpose", "2026-11-30T03:00:00+00:00",
        archived=True, last_activity="2024-03-01T00:00:00Z",
    )  # fmt: skip
    changed = base.resource("cellpose").model_copy(
        update={"repository": "https://github.com/mouseland/cellpose"}
    )
    patched = KnowledgeBase(
        base.vocabulary,
        tuple(changed if r.id == "cellpose" else r for r in base.resources),
        base.faq,
        base.sources,
    )
    health = LinkHealth({}, repositories={record.url: record})
    documents = {
        r.path.removeprefix("entries/"): r.document for r in search_records(patched, health)
    }
    old = documents["fr/old-viewer.html"]
    assert '<span data-pagefind-meta="lifecycle" hidden>Arrêtée</span>' in old
    assert '<span data-pagefind-meta="lifecycle_kind" hidden>discontinued</span>' in old
    cellpose = documents["en/cellpose.html"]
    assert '<span data-pagefind-meta="maintenance" hidden>Repository archived</span>' in cellpose
    assert (
        '<span data-pagefind-meta="activity" hidden>Last code activity: 1\u00a0March\u00a02024</span>'
        in cellpose
    )
    assert "lifecycle" not in cellpose


def test_a_record_says_when_a_reader_cannot_use_its_resource_today(base: KnowledgeBase) -> None:
    """Search shows a resource that stopped, or whose link is broken, a little lower (its
    record's "later", read by search.js); an active one with a working link says nothing. A
    card without an address says so before the reader opens it."""
    from deepscopie.links.history import LinkRecord
    from deepscopie.render.health import LinkHealth
    from deepscopie.render.search_records import search_records

    def documents(known: KnowledgeBase, health: LinkHealth | None = None) -> dict[str, str]:
        return {r.path.removeprefix("entries/"): r.document for r in search_records(known, health)}

    later = '<span data-pagefind-meta="later" hidden>1</span>'
    plain = documents(base)
    assert later in plain["fr/old-viewer.html"] and later in plain["en/frozen-site.html"]
    assert later not in plain["en/cellpose.html"]
    url = "https://www.cellpose.org/"
    failing = LinkRecord(
        url, "broken", 404, None, "404 Not Found", "2026-11-22T03:00:00+00:00",
        "2026-11-20T03:00:00+00:00", 2, (),
    )  # fmt: skip
    assert later in documents(base, LinkHealth({url: failing}, threshold=2))["en/cellpose.html"]
    unlinked = base.resource("cellpose").model_copy(update={"url": None, "url_needed": True})
    without = KnowledgeBase(
        base.vocabulary,
        tuple(unlinked if r.id == "cellpose" else r for r in base.resources),
        base.faq,
        base.sources,
    )
    shown = documents(without)
    assert (
        '<span data-pagefind-meta="status" hidden>Adresse inconnue</span>'
        in shown["fr/cellpose.html"]
    )
    assert (
        '<span data-pagefind-meta="status" hidden>Address unknown</span>'
        in shown["en/cellpose.html"]
    )
    assert later not in shown["en/cellpose.html"]  # its words still answer
