"""Link health on the site: shown when the build has a link report, absent otherwise."""

from __future__ import annotations

import dataclasses
import html
import json
import re
from pathlib import Path

import markdown
import pytest

from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.links.history import LinkRecord
from deepscopie.render.health import LinkHealth, render_health_page, render_resource_health
from deepscopie.render.pages import site_pages
from deepscopie.urls import url_problems
from tests.conftest import REPO, build_site, copy_project

NOW = "2026-11-22T03:00:00+00:00"


def _record(
    url: str,
    klass: str,
    failures: int = 0,
    first_failure: str | None = None,
    final_url: str | None = None,
) -> LinkRecord:
    return LinkRecord(
        url,
        klass,
        404 if klass == "broken" else 200,
        final_url,
        "404 Not Found" if failures else "200 OK",
        NOW,
        first_failure,
        failures,
        (),
    )


@pytest.fixture(scope="module")
def base() -> KnowledgeBase:
    return load_knowledge_base(DataFiles.in_folder(REPO / "data"))


def test_a_checked_link_says_when(base: KnowledgeBase) -> None:
    health = LinkHealth({"https://www.cellpose.org/": _record("https://www.cellpose.org/", "ok")})
    assert (
        render_resource_health(base.resource("cellpose"), health, "en")
        == '<p class="ds-health">Link checked on 22\u00a0November\u00a02026</p>'
    )
    assert (
        render_resource_health(base.resource("stardist"), health, "en") is None
    )  # not in the report


def test_a_broken_link_says_since_when_and_offers_the_archived_copy(base: KnowledgeBase) -> None:
    url = "https://www.cellpose.org/"
    health = LinkHealth(
        {url: _record(url, "broken", failures=2, first_failure="2026-11-20T03:00:00+00:00")},
        threshold=2,
    )
    shown = render_resource_health(base.resource("cellpose"), health, "fr")
    assert shown == (
        '<p class="ds-health ds-health--broken"><strong>Lien cassé depuis le 20\u00a0novembre\u00a02026'
        '</strong> – <a href="https://web.archive.org/web/https://www.cellpose.org/">'
        "copie archivée</a></p>"
    )


def test_one_failure_is_not_yet_called_broken(base: KnowledgeBase) -> None:
    url = "https://www.cellpose.org/"
    health = LinkHealth({url: _record(url, "broken", failures=1, first_failure=NOW)}, threshold=2)
    assert (
        render_resource_health(base.resource("cellpose"), health, "en")
        == '<p class="ds-health">Link checked on 22\u00a0November\u00a02026</p>'
    )


def test_without_a_report_the_pages_are_exactly_as_before(base: KnowledgeBase) -> None:
    assert site_pages(base, None) == site_pages(base)
    assert not any(page.path == "link-health.md" for page in site_pages(base))


def test_the_site_shows_link_health_only_with_a_report(tmp_path: Path, built_site: Path) -> None:
    assert not (built_site / "link-health").exists()
    project = copy_project(tmp_path)
    broken = _record(
        "https://www.cellpose.org/", "broken", failures=2, first_failure="2026-11-20T03:00:00+00:00"
    ).to_json()
    moved = _record(
        "https://stardist.net/", "redirected", final_url="https://stardist.net/docs/"
    ).to_json()
    report = tmp_path / "report.json"
    repositories = [
        {"url": "https://github.com/spreka/annotatorj", "checked_at": NOW, "archived": False,
         "last_activity": "2026-10-01T10:00:00Z", "release": "v1.6",
         "release_date": "2026-09-01T00:00:00Z", "licence": "GPL-3.0"},
        {"url": "https://github.com/saalfeldlab/paintera", "checked_at": NOW, "archived": True,
         "last_activity": "2023-01-05T00:00:00Z"},
        {"url": "https://github.com/tzutalin/labelImg", "checked_at": NOW, "found": False},
    ]  # fmt: skip
    report.write_text(
        json.dumps({"links": [broken, moved], "repositories": repositories}), encoding="utf-8"
    )
    result = build_site(project, LINK_REPORT=str(report))
    assert result.returncode == 0, result.stderr
    site = project / "site"
    french = (site / "link-health" / "index.html").read_text(encoding="utf-8")
    english = (site / "en" / "link-health" / "index.html").read_text(encoding="utf-8")
    assert "Liens cassés (1)" in french and "Broken links (1)" in english
    assert "https://stardist.net/docs/" in english
    software = (site / "en" / "categories" / "software" / "index.html").read_text(encoding="utf-8")
    assert "Link broken since 20\u00a0November\u00a02026" in software
    assert 'href="https://web.archive.org/web/https://www.cellpose.org/"' in software
    # The maintenance of code, in both languages, on the entry and in Explore.
    french_software = (site / "categories" / "software" / "index.html").read_text("utf-8")
    assert (
        "Last code activity: 1\u00a0October\u00a02026 · latest release v1.6 "
        "(1\u00a0September\u00a02026) · licence GPL-3.0" in software
    )
    assert "Dernière activité du code\u202f: 1er\u00a0octobre\u00a02026" in french_software
    assert (
        '<span class="ds-badge ds-badge--archived"><span class="ds-badge__paren">(</span>Repository archived<span class="ds-badge__paren">)</span></span>'
        in software
    )
    assert (
        '<span class="ds-badge ds-badge--archived"><span class="ds-badge__paren">(</span>Dépôt archivé<span class="ds-badge__paren">)</span></span>'
        in french_software
    )
    explore = json.loads((site / "en" / "explore" / "entries.json").read_text("utf-8"))
    entries = {entry["id"]: entry for entry in explore["entries"]}
    assert entries["annotatorj"]["maintenance"] == "recent"
    assert entries["annotatorj"]["activity"] == "Last code activity: 1\u00a0October\u00a02026"
    assert entries["paintera"]["maintenance"] == "archived"
    explore_page = (site / "en" / "explore" / "index.html").read_text("utf-8")
    assert 'name="maintenance" value="recent"> Maintained in the last year' in explore_page
    # Maintainers see the repositories to look at on the link health page.
    assert "Code repositories to look at (2)" in english
    assert "Repository not found (404): deleted, renamed or made private" in english
    assert "Dépôts de code à regarder (2)" in french
    # Published with the site, where the next scheduled check reads its history from.
    assert (site / "link-report.json").read_text(encoding="utf-8") == report.read_text("utf-8")
    assert not (built_site / "link-report.json").exists()


def test_an_unreadable_report_stops_the_build_with_its_place(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    report = tmp_path / "report.json"
    report.write_text('[\n  {"url": \n', encoding="utf-8")
    result = build_site(project, LINK_REPORT=str(report))
    assert result.returncode != 0
    assert f"{report}:3:1: not valid JSON" in result.stderr


def test_code_without_activity_for_longer_than_the_threshold_is_flagged(
    base: KnowledgeBase,
) -> None:
    from deepscopie.links.repositories import RepositoryRecord
    from deepscopie.render.entries import render_resource
    from deepscopie.render.site_index import SiteIndex

    record = RepositoryRecord(
        "https://github.com/spreka/annotatorj", NOW, last_activity="2025-06-30T09:00:00Z"
    )
    health = LinkHealth({}, repositories={record.url: record})
    index, page = SiteIndex.of(base), "categories/software.md"
    english = render_resource(base.resource("annotatorj"), base, index, "en", page, health)
    assert (
        '<span class="ds-badge ds-badge--inactive"><span class="ds-badge__paren">(</span>No activity for over a year<span class="ds-badge__paren">)</span></span>'
        in english
    )
    assert '<p class="ds-maintenance">Last code activity: 30\u00a0June\u00a02025</p>' in english
    french = render_resource(base.resource("annotatorj"), base, index, "fr", page, health)
    assert 'class="ds-badge ds-badge--inactive"' in french
    assert "Aucune activité depuis plus d'un an<span" in html.unescape(french)
    # The threshold is the site's (mkdocs.yml extra.maintenance.inactive_after_days).
    patient = LinkHealth({}, repositories={record.url: record}, inactive_after_days=1000)
    assert "ds-badge" not in render_resource(
        base.resource("annotatorj"), base, index, "en", page, patient
    )


def test_an_address_cannot_leave_its_cell_of_the_health_page(base: KnowledgeBase) -> None:
    # "|" ended the cell of an address written as an autolink; the rest was read as Markdown,
    # and attr_list gave the image an event handler. Validation refuses such an address now;
    # the page does not count on it (a report, a check, may come from elsewhere).
    hostile = "https://www.pipe-attack.org/a|![x](#){onerror=alert(1)}|"
    cellpose = base.resource("cellpose").model_copy(update={"url": hostile})
    hostile_base = dataclasses.replace(base, resources=(cellpose,))
    health = LinkHealth({hostile: _record(hostile, "blocked")})
    page = render_health_page(hostile_base, health, "en")
    shown = markdown.markdown(page, extensions=["tables", "attr_list", "md_in_html"])
    assert "<img" not in shown and not re.search(r"\son\w+=", shown)  # no handler, anywhere
    assert shown.count("<td>") == 3  # address, entries, state: one row
    assert 'href="https://www.pipe-attack.org/a|![x](#){onerror=alert(1)}|"' in html.unescape(shown)


def test_an_address_with_a_character_rfc_3986_never_allows_is_refused() -> None:
    for character in "|{}^":
        problems = url_problems(f"https://example.org/a{character}b")
        assert [rule for _, rule in problems] == ["url-invalid"], character
