"""Atom feeds of what is new, one per language (``feed.fr.xml``, ``feed.en.xml``), from the
entries' ``added`` dates; written by feedgen. A resource that became archived, discontinued or
offline is news too: it comes back at its status note's date, its status in its title, its
note in its summary and as an Atom category."""

from __future__ import annotations

import datetime

from feedgen.feed import FeedGenerator

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.model import FaqEntry, Resource
from deepscopie.render import links
from deepscopie.render.status import status_label
from deepscopie.render.texts import language as site_language
from deepscopie.render.texts import text as interface_text
from deepscopie.render.typography import typeset

FEED_SIZE = 50


def feed_file(language: str) -> str:
    """The feed's file name at the site's root."""
    return f"feed.{language}.xml"


def atom_feed(base: KnowledgeBase, language: str, site_url: str | None) -> str:
    """The latest additions (resources and FAQ entries), newest first."""
    root = (site_url or "").rstrip("/") + "/" if site_url else ""
    feed = FeedGenerator()
    feed.id(f"{root}{feed_file(language)}" if root else f"tag:deepscopie,2026:feed-{language}")
    feed.title(typeset(interface_text("feed_title", language), language))
    feed.language(language)
    language_root = site_language(language).root
    # Relative, without a site address: to the feed's own folder, the site's root ("" was
    # the feed itself, which a feed reader then offered as the site).
    feed.link(href=f"{root}{language_root}" or "./", rel="alternate")
    entries: list[tuple[datetime.date, int, Resource | FaqEntry, str]] = []
    entries += [(_changed(r), i, r, links.resource_target(r)) for i, r in enumerate(base.resources)]
    entries += [(e.added, i, e, links.faq_target(e)) for i, e in enumerate(base.faq)]
    newest = sorted(entries, key=lambda item: (item[0], item[1]), reverse=True)[:FEED_SIZE]
    for added, _, entry, target in reversed(newest):  # feedgen puts the last added first
        address = language_root + links.built_url(target)
        item = feed.add_entry()
        item.id(f"{root}{address}" if root else f"tag:deepscopie,2026:{address}")
        item.title(typeset(entry.title.get(language), language))
        item.link(href=f"{root}{address}")
        text = entry.description if isinstance(entry, Resource) else entry.question
        item.summary(typeset(text.get(language), language))
        item.updated(_moment(added))
        item.published(_moment(entry.added))
        if isinstance(entry, Resource) and entry.status_note is not None:
            label = status_label(entry.status, language)
            item.title(typeset(f"{entry.title.get(language)} ({label})", language))
            introduced = interface_text("label_format", language, label=label)
            note = f"{introduced} {entry.status_note.get(language)}"
            item.summary(typeset(note, language))
            item.category(term=entry.status, label=label)
    # When the newest entry was news, not when the site was built: a build without a new
    # entry leaves the feed as it was (feed readers, caches).
    feed.updated(_moment(newest[0][0]) if newest else datetime.datetime.now(datetime.UTC))
    return str(feed.atom_str(pretty=True).decode("utf-8"))


def _changed(resource: Resource) -> datetime.date:
    """When a resource was last news: added, or its status established later."""
    note = resource.status_note
    return max(resource.added, note.date) if note is not None else resource.added


def _moment(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
