"""Link health on the site, from the link checker's report (when the build has one).

Each resource shows when its address was last checked and, once it is called broken, since
when, with its archived copy at the Web Archive. A page lists the addresses that need a
maintainer's look. Without a report nothing of this appears: the site is as before.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from deepscopie.escaping import markdown_href
from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.links.classify import BLOCKED, REDIRECTED
from deepscopie.links.history import LinkRecord
from deepscopie.links.repositories import (
    ARCHIVED,
    RECENT,
    RepositoryRecord,
    activity_state,
    last_activity_day,
    resource_repository,
)
from deepscopie.model import Resource
from deepscopie.render import links, markup
from deepscopie.render.safe_html import escape_markdown
from deepscopie.render.texts import format_date, text

HEALTH_PAGE = "link-health.md"


@dataclass(frozen=True)
class LinkHealth:
    """The report's records by URL, and how many failures in a row make a link broken; the
    maintenance of code repositories by address, and after how long without activity a
    repository is called inactive."""

    records: Mapping[str, LinkRecord]
    threshold: int = 2
    repositories: Mapping[str, RepositoryRecord] = field(default_factory=dict)
    inactive_after_days: int = 365

    def broken(self, url: str) -> LinkRecord | None:
        """The record of ``url`` if it is called broken."""
        record = self.records.get(url)
        return record if record is not None and record.is_broken(self.threshold) else None


def archive_url(url: str) -> str:
    """The Web Archive's latest copy of ``url``."""
    return f"https://web.archive.org/web/{url}"


def render_resource_health(resource: Resource, health: LinkHealth, language: str) -> str | None:
    """``Link checked on …`` or ``Link broken since … – archived copy`` as an HTML paragraph,
    or None (not checked)."""
    if resource.url is None or resource.url not in health.records:
        return None
    record = health.records[resource.url]
    broken = health.broken(resource.url)
    if broken is not None and broken.first_failure:
        since = format_date(_day(broken.first_failure), language)
        archived = markup.link(text("archived", language), archive_url(resource.url))
        broken_since = text("broken_since", language, date=since)
        return (
            f'<p class="ds-health ds-health--broken"><strong>{broken_since}</strong> – '
            f"{archived}</p>"
        )
    checked = format_date(_day(record.checked_at), language)
    return f'<p class="ds-health">{text("checked_on", language, date=checked)}</p>'


def render_health_page(base: KnowledgeBase, health: LinkHealth, language: str) -> str:
    """The maintainers' page: broken, blocked and redirected addresses, with their entries."""
    parts = [f"# {text('health_title', language)}", text("health_intro", language)]
    owners: dict[str, list[Resource]] = {}
    for resource in base.resources:
        for url in [resource.url, *(link.url for link in resource.links)]:
            if url:
                owners.setdefault(url, []).append(resource)
    sections: tuple[tuple[str, Callable[[LinkRecord], bool]], ...] = (
        ("health_broken", lambda r: r.is_broken(health.threshold)),
        ("health_redirected", lambda r: r.klass == REDIRECTED),
        ("health_blocked", lambda r: r.klass == BLOCKED),
    )
    for key, chosen in sections:
        records = [r for url, r in sorted(health.records.items()) if url in owners and chosen(r)]
        parts.append(
            f"## {text(key, language)} ({len(records)}) "
            f"{{#{links.section_anchor(key.removeprefix('health_'))}}}"
        )
        if not records:
            parts.append(text("health_none", language))
            continue
        columns = ("health_address", "resources", "health_state")
        rows = ["| " + " | ".join(text(c, language) for c in columns) + " |", "| --- | --- | --- |"]
        for record in records:
            entries = ", ".join(
                links.markdown_link(r.title.get(language), links.resource_target(r), HEALTH_PAGE)
                for r in owners[record.url]
            )
            rows.append(
                f"| {_address_cell(record.url)} | {entries} | "
                f"{escape_markdown(_state(record, language))} |"
            )
        parts.append("\n".join(rows))
    parts += _repository_section(base, health, language)
    return links.NOT_SEARCHED + "\n\n".join(parts) + "\n"


def _address_cell(url: str) -> str:
    """An address as a table cell of Markdown: a link whose address and text are escaped for
    Markdown as well as HTML (Python-Markdown reads both). As an autolink (``<…>``), an
    address's "|" ended the cell and "![x](#){onerror=…}" became an image with a handler."""
    return f'<a href="{markdown_href(url)}">{escape_markdown(url)}</a>'


def _repository_section(base: KnowledgeBase, health: LinkHealth, language: str) -> list[str]:
    """Code repositories to look at: not found, archived, or inactive for longer than the
    site's threshold (only with the report's repositories)."""
    if not health.repositories:
        return []
    owners: dict[str, list[Resource]] = {}
    for resource in base.resources:
        repository = resource_repository(resource)
        if repository is not None:
            owners.setdefault(repository.url, []).append(resource)
    rows = []
    for url, record in sorted(health.repositories.items()):
        state = _repository_state(record, health, language)
        if url not in owners or state is None:
            continue
        entries = ", ".join(
            links.markdown_link(r.title.get(language), links.resource_target(r), HEALTH_PAGE)
            for r in owners[url]
        )
        rows.append(f"| {_address_cell(url)} | {entries} | {escape_markdown(state)} |")
    heading = (
        f"## {text('health_repositories', language)} ({len(rows)}) "
        f"{{#{links.section_anchor('repositories')}}}"
    )
    if not rows:
        return [heading, text("health_none", language)]
    columns = ("health_address", "resources", "health_state")
    header = "| " + " | ".join(text(c, language) for c in columns) + " |\n| --- | --- | --- |"
    return [heading, header + "\n" + "\n".join(rows)]


def _repository_state(record: RepositoryRecord, health: LinkHealth, language: str) -> str | None:
    if not record.found:
        return text("health_repository_missing", language)
    state = activity_state(record, health.inactive_after_days)
    last = last_activity_day(record)
    if state == RECENT or state is None or last is None:
        return None
    since = text("last_activity", language, date=format_date(last, language))
    label = text("repo_archived" if state == ARCHIVED else "repo_inactive", language)
    return f"{label} ({since})"


def _state(record: LinkRecord, language: str) -> str:
    if record.final_url:
        return f"→ {record.final_url}"
    state = record.message
    if record.first_failure:
        since = format_date(_day(record.first_failure), language)
        state += f" ({text('broken_since', language, date=since)})"
    return state


def _day(stamp: str) -> datetime.date:
    return datetime.datetime.fromisoformat(stamp).date()


def out_of_reach(resource: Resource, health: LinkHealth | None) -> bool:
    """Whether a reader cannot use ``resource`` today: it stopped (archived, discontinued,
    offline), or the link report found its link broken. Its record says so ("later"), and
    search shows it a little lower (see search.js): a service that stopped came second for
    "quelle carte graphique acheter". (Not an entry without an address yet, nor a question
    not answered: their words answer many questions, which they lost when moved.)"""
    if not resource.is_active:
        return True
    return health is not None and resource.url is not None and bool(health.broken(resource.url))
