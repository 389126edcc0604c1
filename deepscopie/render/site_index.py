"""Who cites whom: the cross references the pages need, computed once per knowledge base."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.model import FaqEntry, Resource, Term


@dataclass(frozen=True)
class SiteIndex:
    """Resources and FAQ entries grouped the ways the pages list them."""

    by_section: dict[tuple[str, str | None], list[Resource]]
    also_in_section: dict[tuple[str, str | None], list[Resource]]
    by_tag: dict[str, list[Resource]]
    faq_by_tag: dict[str, list[FaqEntry]]
    by_type: dict[str, list[Resource]]
    faq_citing: dict[str, list[FaqEntry]]
    resources: dict[str, Resource]
    types: dict[str, Term]
    tags: dict[str, Term]

    @classmethod
    def of(cls, base: KnowledgeBase) -> SiteIndex:
        """Group ``base``'s entries, keeping the order of the data files."""
        by_section: dict[tuple[str, str | None], list[Resource]] = defaultdict(list)
        also_in: dict[tuple[str, str | None], list[Resource]] = defaultdict(list)
        by_tag: dict[str, list[Resource]] = defaultdict(list)
        by_type: dict[str, list[Resource]] = defaultdict(list)
        for resource in base.resources:
            by_section[(resource.category, resource.subcategory)].append(resource)
            for place in resource.also_in:
                category, _, subcategory = place.partition("/")
                section = (category, subcategory or None)
                # (Not again where it is described: its section would point to it as "below".)
                if section != (resource.category, resource.subcategory):
                    also_in[section].append(resource)
            for tag in resource.tags:
                by_tag[tag].append(resource)
            by_type[resource.type].append(resource)
        faq_by_tag: dict[str, list[FaqEntry]] = defaultdict(list)
        faq_citing: dict[str, list[FaqEntry]] = defaultdict(list)
        for entry in base.faq:
            for tag in entry.tags:
                faq_by_tag[tag].append(entry)
            for resource_id in entry.related:
                faq_citing[resource_id].append(entry)
        return cls(
            by_section=dict(by_section),
            also_in_section=dict(also_in),
            by_tag=dict(by_tag),
            faq_by_tag=dict(faq_by_tag),
            by_type=dict(by_type),
            faq_citing=dict(faq_citing),
            resources={resource.id: resource for resource in base.resources},
            types={kind.id: kind for kind in base.vocabulary.types},
            tags={tag.id: tag for tag in base.vocabulary.tags},
        )

    def category_size(self, category: str) -> int:
        """How many resources are described in ``category`` (not counting 'see also')."""
        return sum(len(items) for (cat, _), items in self.by_section.items() if cat == category)
