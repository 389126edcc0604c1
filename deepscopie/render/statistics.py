"""The statistics page: what the knowledge base holds, as charts with their data tables."""

from __future__ import annotations

from collections import Counter

from deepscopie.folding import without_accents
from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.links.classify import CLASSES
from deepscopie.render import links
from deepscopie.render.charts import bar_chart
from deepscopie.render.explore import explore_address
from deepscopie.render.health import LinkHealth
from deepscopie.render.safe_html import escape_markdown
from deepscopie.render.texts import language_name, text
from deepscopie.render.typography import typeset

STATISTICS_PAGE = "statistics.md"
TOP_TAGS = 20  # at least: with every tag as used as the last of them
# What each chart's table lists, named as Explore's filters name it (its first column's head).
_TABLE_HEADS = {
    "by_category": "explore_category",
    "by_type": "explore_type",
    "by_tag": "explore_tag",
    "by_language": "explore_language",
    "health": "explore_status",
}


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
    # Each bar links to the list it counts: the category's, type's or tag's page, or Explore.
    page = STATISTICS_PAGE
    sections: list[tuple[str, list[tuple[str, int, str | None]]]] = [
        (
            "by_category",
            [
                (categories[c.id], by_category[c.id], links.href(links.category_page(c.id), page))
                for c in vocabulary.categories
            ],
        ),
        (
            "by_type",
            [(types[k], n, links.href(links.type_page(k), page)) for k, n in by_type.most_common()],
        ),
        (
            "by_tag",
            [
                (tags[k], n, links.href(links.tag_page(k), page))
                for k, n in _most_used(by_tag, TOP_TAGS, tags)
            ],
        ),
        (
            "by_language",
            [
                (language_name(k, language), n, _explore(f"language={k}"))
                for k, n in by_language.most_common()
            ],
        ),
    ]
    if health is not None:
        classes = Counter(record.klass for record in health.records.values())
        sections.append(
            (
                "health",
                [
                    (text(f"status_{k}", language), classes[k], _explore(f"status={k}"))
                    for k in CLASSES
                    if classes[k]
                ],
            )
        )
    parts = [
        links.NOT_SEARCHED.rstrip("\n"),
        f"# {text('statistics_title', language)}",
        text("statistics_intro", language).format(
            resources=len(resources), questions=len(base.faq)
        ),
    ]
    for key, linked_rows in sections:
        heading = text(f"statistics_{key}", language, n=len(linked_rows))
        rows = [(typeset(label, language), value) for label, value, _ in linked_rows]
        addresses = [address for _, _, address in linked_rows]
        # A link's name, said by a screen reader: its label and count apart ("Bibliographie28").
        spoken = [
            typeset(text("statistics_bar", language, label=label, n=value), language)
            for label, value, _ in linked_rows
        ]
        parts.append(f"## {heading} {{#{key.replace('_', '-')}}}")
        if key == "by_language" and sum(by_language.values()) > len(resources):
            parts.append(text("statistics_by_language_note", language))
        parts.append(bar_chart(typeset(heading, language), rows, f"chart-{key}", addresses, spoken))
        parts.append(_table(text(_TABLE_HEADS[key], language), rows, language))
    return "\n\n".join(parts) + "\n"


def _most_used(counts: Counter[str], least: int, names: dict[str, str]) -> list[tuple[str, int]]:
    """The ``least`` most used, with every one as used as the last of them, each count's by
    name: a cut among equals had left StarDist out of the "20 most used tags", and another
    tag of as many resources in."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], without_accents(names[item[0]])))
    if len(ranked) <= least:
        return ranked
    last = ranked[least - 1][1]
    return [(key, n) for key, n in ranked if n >= last]


def _explore(query: str) -> str:
    """The Explore page filtered by ``query`` (``language=en``), from the statistics page."""
    return explore_address(query, STATISTICS_PAGE)


def _table(head: str, rows: list[tuple[str, int]], language: str) -> str:
    lines = [
        f"| {escape_markdown(head)} | {text('statistics_count', language)} |",
        "| --- | --- |",
    ]  # no alignment: it adds style=
    lines += [f"| {escape_markdown(label)} | {value} |" for label, value in rows]
    table = "\n".join(f"    {line}" for line in lines)
    return f'??? info "{text("statistics_data", language)}"\n\n{table}'
