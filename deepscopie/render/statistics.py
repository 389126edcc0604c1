"""The statistics page: what the knowledge base holds, as charts with their data tables."""

from __future__ import annotations

from collections import Counter

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.links.classify import CLASSES
from deepscopie.render import links
from deepscopie.render.charts import bar_chart
from deepscopie.render.health import LinkHealth
from deepscopie.render.safe_html import escape_markdown
from deepscopie.render.texts import language_name, text

STATISTICS_PAGE = "statistics.md"
TOP_TAGS = 20


def render_statistics_page(base: KnowledgeBase, language: str, health: LinkHealth | None) -> str:
    """Charts by category, type, tag and language (and link health when there is a report)."""
    vocabulary, resources = base.vocabulary, base.resources
    # One table per vocabulary: an id can be both a category and a type ("community").
    categories = {c.id: c.name.get(language) for c in vocabulary.categories}
    types = {t.id: t.name.get(language) for t in vocabulary.types}
    tags = {t.id: t.name.get(language) for t in vocabulary.tags}
    by_category = Counter(r.category for r in resources)
    by_type = Counter(r.type for r in resources)
    by_tag = Counter(tag for r in resources for tag in r.tags)
    by_language = Counter(code for r in resources for code in r.languages)
    sections = [
        ("by_category", [(categories[c.id], by_category[c.id]) for c in vocabulary.categories]),
        ("by_type", [(types[k], n) for k, n in by_type.most_common()]),
        ("by_tag", [(tags[k], n) for k, n in by_tag.most_common(TOP_TAGS)]),
        ("by_language", [(language_name(k, language), n) for k, n in by_language.most_common()]),
    ]
    if health is not None:
        classes = Counter(record.klass for record in health.records.values())
        sections.append(("health", [(k, classes[k]) for k in CLASSES if classes[k]]))
    parts = [
        links.NOT_SEARCHED.rstrip("\n"),
        f"# {text('statistics_title', language)}",
        text("statistics_intro", language).format(
            resources=len(resources), questions=len(base.faq)
        ),
    ]
    for key, rows in sections:
        heading = text(f"statistics_{key}", language, n=TOP_TAGS)
        parts.append(f"## {heading} {{#{key.replace('_', '-')}}}")
        parts.append(bar_chart(heading, rows, f"chart-{key}"))
        parts.append(_table(rows, language))
    return "\n\n".join(parts) + "\n"


def _table(rows: list[tuple[str, int]], language: str) -> str:
    lines = [
        f"| | {text('statistics_count', language)} |",
        "| --- | --- |",
    ]  # no alignment: it adds style=
    lines += [f"| {escape_markdown(label)} | {value} |" for label, value in rows]
    table = "\n".join(f"    {line}" for line in lines)
    return f'??? info "{text("statistics_data", language)}"\n\n{table}'
