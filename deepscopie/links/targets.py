"""The external addresses of the knowledge base, each with the entries that use it.

Provenance (private Slack links) is never checked; resources waiting for an address have none.
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlsplit

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.markdown_links import links_in
from deepscopie.urls import ALLOWED_SCHEMES


def link_targets(base: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Every URL of the data, mapped to where it appears (``resource:cellpose``, ``faq:…``)."""
    sources: dict[str, list[str]] = defaultdict(list)
    for resource in base.resources:
        where = f"resource:{resource.id}"
        urls = [resource.url] if resource.url else []
        urls += [link.url for link in resource.links]
        urls += [resource.repository] if resource.repository else []
        urls += [resource.replacement_address] if resource.replacement_address else []
        urls += [resource.doi_url] if resource.doi_url else []
        for _, text in resource.markdown_texts():
            urls += [url for value in text.texts.values() for url in links_in(value)]
        for url in urls:
            sources[url].append(where)
    for category in base.vocabulary.categories:
        for _, text in category.markdown_texts():
            for url in [url for value in text.texts.values() for url in links_in(value)]:
                sources[url].append(f"category:{category.id}")
    for entry in base.faq:
        where = f"faq:{entry.id}"
        for _, text in entry.markdown_texts():
            for url in [url for value in text.texts.values() for url in links_in(value)]:
                sources[url].append(where)
    return {
        url: tuple(dict.fromkeys(places))
        for url, places in sorted(sources.items())
        if _on_the_web(url)
    }


def _on_the_web(url: str) -> bool:
    """Whether ``url`` is an http(s) address, its scheme in any case ("HTTPS://"), which
    browsers follow and so the link check must fetch."""
    try:
        return urlsplit(url).scheme.lower() in ALLOWED_SCHEMES
    except ValueError:  # refused by validation, which runs first
        return False


def new_targets(
    now: dict[str, tuple[str, ...]], before: dict[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """The URLs a change adds or modifies (a modified address is a new one)."""
    return {url: places for url, places in now.items() if url not in before}
