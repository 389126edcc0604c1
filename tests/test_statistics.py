"""The statistics page: charts drawn at build time, readable without JavaScript."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from pathlib import Path

import pytest

from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.links.history import LinkRecord
from deepscopie.render import statistics
from deepscopie.render.charts import bar_chart
from deepscopie.render.health import LinkHealth
from tests.conftest import FIXTURES, REPO


@pytest.fixture(scope="module")
def base() -> KnowledgeBase:
    return load_knowledge_base(DataFiles.in_folder(REPO / "data"))


def test_a_chart_has_one_bar_per_row_scaled_to_the_largest() -> None:
    svg = bar_chart("Title <&>", [("a", 10), ("b & c", 5)], "chart-x")
    assert svg.startswith('<svg class="ds-chart" role="img" aria-labelledby="chart-x-title"')
    assert '<title id="chart-x-title">Title &lt;&amp;&gt;</title>' in svg
    widths = [
        int(w) for w in re.findall(r'<rect class="ds-chart__bar" x="0" y="\d+" width="(\d+)"', svg)
    ]
    assert widths == [340, 170]
    assert ">b &amp; c</text>" in svg


@pytest.mark.parametrize(("language", "root"), [("fr", ""), ("en", "en/")])
def test_the_page_charts_every_category_with_its_count(
    built_site: Path, base: KnowledgeBase, language: str, root: str
) -> None:
    page = (built_site / root / "statistics" / "index.html").read_text(encoding="utf-8")
    chart = page[page.index('aria-labelledby="chart-by_category-title"') :].split("</svg>")[0]
    counts = Counter(r.category for r in base.resources)
    for category in base.vocabulary.categories:
        name = category.name.get(language).replace("'", "&#x27;")
        assert re.search(rf">{re.escape(name)}</text>.*?>{counts[category.id]}</text>", chart), (
            category.id
        )
    assert chart.count("<rect") == len(base.vocabulary.categories)
    assert "<script" not in chart


def test_each_bar_links_to_the_list_it_counts(base: KnowledgeBase) -> None:
    from deepscopie.render.statistics import render_statistics_page

    page = render_statistics_page(base, "en", None)
    software = sum(r.category == "software" for r in base.resources)
    assert re.search(
        r'<a class="ds-chart__link" href="\.\./categories/software/"[^>]*><text[^>]*>'
        rf"Tools and software by theme</text>.*?>{software}</text></a>",
        page,
    )
    assert '<a class="ds-chart__link" href="../types/tool/"' in page
    assert '<a class="ds-chart__link" href="../explore/?language=en"' in page
    assert 'role="group"' in page


@pytest.fixture(scope="module")
def small_base() -> KnowledgeBase:
    """A few entries (``tests/fixtures/render``), retagged by each test."""
    return load_knowledge_base(DataFiles.in_folder(FIXTURES / "render"))


def _tagged(base: KnowledgeBase, tags: list[tuple[str, ...]]) -> KnowledgeBase:
    """``base`` with as many of its resources as ``tags``, the n-th tagged with ``tags[n]``."""
    resources = tuple(
        resource.model_copy(update={"tags": list(resource_tags), "id": f"r{n}"})
        for n, (resource, resource_tags) in enumerate(
            zip(itertools.cycle(base.resources), tags, strict=False)
        )
    )
    return dataclasses.replace(base, resources=resources)


def test_the_most_used_tags_take_in_every_tag_as_used_as_the_last(
    small_base: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two tags chart at least; four are used twice: a cut among them left out two that
    # readers look for as much as those shown.
    monkeypatch.setattr(statistics, "TOP_TAGS", 2)
    tagged = _tagged(
        small_base,
        [
            ("segmentation", "tracking", "detection", "denoising"),
            ("segmentation", "tracking", "detection", "denoising"),
            ("segmentation", "annotation"),
        ],
    )
    page = statistics.render_statistics_page(tagged, "fr", None)
    chart = page[page.index('aria-labelledby="chart-by_tag-title"') :].split("</svg>")[0]
    labels = re.findall(r'class="ds-chart__label"[^>]*>([^<]*)<', chart)
    # The most used first, then those used as much, by name in the page's language.
    assert labels == ["segmentation", "débruitage", "détection", "suivi d'objets"]
    assert "## Les 4 tags les plus utilisés" in page


def test_a_bar_s_link_is_named_with_its_label_and_its_count_apart(
    small_base: KnowledgeBase,
) -> None:
    tagged = _tagged(small_base, [("segmentation",), ("segmentation",)])
    for language, name in [("fr", "segmentation\u202f: 2"), ("en", "segmentation: 2")]:
        page = statistics.render_statistics_page(tagged, language, None)
        assert f'href="../tags/segmentation/" aria-label="{name}">' in page


def test_the_languages_chart_says_why_its_counts_exceed_the_resources(
    small_base: KnowledgeBase,
) -> None:
    note = "Une ressource en plusieurs langues compte dans chacune."
    one_each = dataclasses.replace(
        small_base,
        resources=tuple(r.model_copy(update={"languages": ("en",)}) for r in small_base.resources),
    )
    assert note not in statistics.render_statistics_page(one_each, "fr", None)
    first, *others = one_each.resources
    both = dataclasses.replace(
        one_each, resources=(first.model_copy(update={"languages": ("en", "fr")}), *others)
    )
    page = statistics.render_statistics_page(both, "fr", None)
    assert page.index(note) > page.index("## Ressources par langue")


def test_the_link_health_chart_names_each_state_in_the_page_s_language(
    small_base: KnowledgeBase,
) -> None:
    # It showed the report's ids ("ok", "broken") to readers.
    def record(url: str, klass: str) -> LinkRecord:
        return LinkRecord(url, klass, 200, None, "", "2026-11-22T03:00:00+00:00", None, 0)

    health = LinkHealth(
        {
            "https://a.example/": record("https://a.example/", "ok"),
            "https://b.example/": record("https://b.example/", "broken"),
        }
    )
    page = statistics.render_statistics_page(small_base, "fr", health)
    chart = page[page.index('aria-labelledby="chart-health-title"') :].split("</svg>")[0]
    labels = re.findall(r'class="ds-chart__label"[^>]*>([^<]*)<', chart)
    assert labels == ["Lien vérifié", "Lien cassé"]


def test_each_chart_s_table_names_what_it_lists(small_base: KnowledgeBase) -> None:
    # Its first column's head was empty: a screen reader read each row's name without it.
    page = statistics.render_statistics_page(small_base, "fr", None)
    for head in ["Catégorie", "Type", "Tags", "Langue de la ressource"]:
        assert f"| {head} | Nombre |" in page
    assert "| Category | Count |" in statistics.render_statistics_page(small_base, "en", None)
