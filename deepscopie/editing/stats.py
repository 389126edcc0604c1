"""``deepscopie stats``: what the knowledge base holds, and what still needs an editor."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.model import Localized


def stats_report(base: KnowledgeBase) -> str:
    """Counts by category, type, tag and language; entries needing a URL, an answer or a
    translation (a text identical in both languages is probably not translated)."""
    resources, faq, vocabulary = base.resources, base.faq, base.vocabulary
    open_count = sum(entry.is_open for entry in faq)
    lines = [f"{len(resources)} resources, {len(faq)} FAQ entries ({open_count} open)"]
    categories = [category.id for category in vocabulary.categories]
    lines += _section("by category", Counter(r.category for r in resources), categories)
    types = [kind.id for kind in vocabulary.types]
    lines += _section("by type", Counter(r.type for r in resources), types)
    tags = Counter(tag for r in resources for tag in r.tags)
    lines += _section("by tag", tags, [tag.id for tag in vocabulary.tags])
    languages = Counter(language for r in resources for language in r.languages)
    lines += _section("by resource language", languages, [])
    lines += _listing("needing a URL", (r.id for r in resources if r.url_needed))
    lines += _listing("open questions", (e.id for e in faq if e.is_open))
    untranslated = [f"resource {r.id}" for r in resources if _same_texts(r.description)]
    untranslated += [f"faq {e.id}" for e in faq if _same_texts(e.question)]
    untranslated += [f"faq {e.id} answer" for e in faq if e.answer and _same_texts(e.answer)]
    lines += _listing("same text in two languages (translation missing?)", untranslated)
    lines += _listing("unused tags", (tag.id for tag in vocabulary.tags if not tags[tag.id]))
    return "\n".join(lines)


def _section(title: str, counts: Counter[str], order: list[str]) -> list[str]:
    keys = order + sorted(set(counts) - set(order))
    width = max((len(key) for key in keys), default=0)
    return ["", f"{title}:"] + [
        f"  {key:<{width}}  {counts[key]:>4}" for key in keys if counts[key]
    ]


def _listing(title: str, items: Iterable[str]) -> list[str]:
    chosen = list(items)
    return ["", f"{title}: {len(chosen)}"] + [f"  {item}" for item in chosen]


def _same_texts(text: Localized) -> bool:
    """Whether two languages have the very same text (a translation copied, not written)."""
    values = list(text.texts.values())
    return len(set(values)) < len(values)
