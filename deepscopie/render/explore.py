"""The Explore page: every resource in one list, with the facets a script filters on.

Without JavaScript it is the complete list (each entry links to its permalink) and a pointer
to the category pages. With it, ``assets/javascripts/explore.js`` combines the filters (AND
between facets, OR within one), shows counts next to each choice, filters as you type, and
keeps the state in the address (``?type=tool&tag=segmentation``) so a view can be shared.
"""

from __future__ import annotations

import html
import unicodedata
from collections import Counter

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.model import Resource
from deepscopie.render import links
from deepscopie.render.health import LinkHealth
from deepscopie.render.texts import language_name, text

EXPLORE_PAGE = "explore.md"


def render_explore_page(base: KnowledgeBase, language: str, health: LinkHealth | None) -> str:
    """The filters and the full list, as HTML inside the page's Markdown."""
    page = EXPLORE_PAGE
    vocabulary, resources = base.vocabulary, base.resources
    facets = [
        ("category", [(c.id, c.name.get(language)) for c in vocabulary.categories]),
        ("type", [(t.id, t.name.get(language)) for t in vocabulary.types]),
        ("tag", [(t.id, t.name.get(language)) for t in vocabulary.tags]),
        ("language", [(code, language_name(code, language)) for code in _languages(resources)]),
    ]
    if health is not None:
        classes = sorted({record.klass for record in health.records.values()})
        facets.append(("status", [(klass, klass) for klass in [*classes, "unchecked"]]))
    used = _used(resources, health)
    fieldsets = "".join(
        _fieldset(name, text(f"explore_{name}", language), options, used[name])
        for name, options in facets
    )
    categories = {c.id: c.name.get(language) for c in vocabulary.categories}
    items = "".join(_item(r, categories, language, page, health) for r in resources)
    category_links = " · ".join(
        f'<a href="{html.escape("../" + links.built_url(links.category_page(c.id)))}">'
        f"{html.escape(c.name.get(language))}</a>"
        for c in vocabulary.categories
    )
    count = text("explore_count", language, n=f"<span data-ds-count>{len(resources)}</span>")
    return (
        f"{links.NOT_SEARCHED}# {text('explore_title', language)}\n\n"
        f"{text('explore_intro', language)}\n\n"
        f'<div class="ds-explore" id="ds-explore" data-ds-explore>\n'
        f"<noscript><p>{text('explore_noscript', language)} {category_links}</p></noscript>\n"
        f'<form class="ds-explore__filters" data-ds-filters hidden>'
        f'<label class="ds-explore__search">{text("explore_search", language)} '
        f'<input type="search" name="q" autocomplete="off"></label>'
        f"{fieldsets}"
        f'<button type="reset" class="md-button">{text("explore_clear", language)}</button>'
        f"</form>\n"
        f'<p class="ds-explore__count" role="status" aria-live="polite">{count}</p>\n'
        f'<ul class="ds-explore__list">{items}</ul>\n'
        "</div>\n"
    )


def searchable(text: str) -> str:
    """Lower case without accents, so that ``modele`` finds ``modèle``."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _item(
    resource: Resource,
    categories: dict[str, str],
    language: str,
    page: str,
    health: LinkHealth | None,
) -> str:
    status = _status(resource, health)
    words = " ".join(
        [resource.title.fr, resource.title.en, resource.description.get(language), *resource.tags]
    )
    attributes = {
        "data-category": resource.category,
        "data-type": resource.type,
        "data-tag": " ".join(resource.tags),
        "data-language": " ".join(resource.languages),
        "data-status": status,
        "data-text": searchable(words),
        "id": f"explore-{resource.id}",
    }
    rendered = " ".join(f'{name}="{html.escape(value)}"' for name, value in attributes.items())
    href = html.escape("../" + links.built_url(links.resource_target(resource)))
    return (
        f'<li {rendered}><a href="{href}">{html.escape(resource.title.get(language))}</a>'
        f' <span class="ds-explore__where">{html.escape(categories[resource.category])}</span></li>'
    )


def _fieldset(name: str, legend: str, options: list[tuple[str, str]], used: Counter[str]) -> str:
    boxes = "".join(
        f'<label><input type="checkbox" name="{name}" value="{html.escape(value)}"> '
        f'{html.escape(label)} <span class="ds-explore__n" data-ds-n>{used[value]}</span></label>'
        for value, label in options
        if used[value]
    )
    # Collapsible, so that on a phone the results are not pushed far below the filters; the
    # category list starts open, and explore.js opens any other that the address uses.
    opened = " open" if name == "category" else ""
    title = html.escape(legend)
    return (
        f'<details class="ds-explore__facet"{opened}><summary>{title}</summary>'
        f'<fieldset data-facet="{name}"><legend class="ds-hidden-legend">{title}</legend>'
        f"{boxes}</fieldset></details>"
    )


def _used(resources: tuple[Resource, ...], health: LinkHealth | None) -> dict[str, Counter[str]]:
    statuses = Counter(_status(r, health) for r in resources)
    return {
        "category": Counter(r.category for r in resources),
        "type": Counter(r.type for r in resources),
        "tag": Counter(tag for r in resources for tag in r.tags),
        "language": Counter(code for r in resources for code in r.languages),
        "status": statuses,
    }


def _status(resource: Resource, health: LinkHealth | None) -> str:
    """The class of the resource's link in the report, or ``unchecked``."""
    record = health.records.get(resource.url) if health and resource.url else None
    return record.klass if record else "unchecked"


def _languages(resources: tuple[Resource, ...]) -> list[str]:
    return [code for code, _ in Counter(c for r in resources for c in r.languages).most_common()]
