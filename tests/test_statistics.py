"""The statistics page: charts drawn at build time, readable without JavaScript."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.render.charts import bar_chart
from tests.conftest import REPO


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
        r'<a class="ds-chart__link" href="\.\./categories/software/"><text[^>]*>'
        rf"Tools and software by theme</text>.*?>{software}</text></a>",
        page,
    )
    assert '<a class="ds-chart__link" href="../types/tool/">' in page
    assert '<a class="ds-chart__link" href="../explore/?language=en">' in page
    assert 'role="group"' in page
