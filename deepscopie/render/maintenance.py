"""Whether a resource's code is still maintained, from the repositories section of the link
report: "last activity" on the entry, with its latest release and licence, and a badge when the
repository is archived or has had no activity for longer than the site's threshold
(``extra: maintenance: inactive_after_days`` in mkdocs.yml, a year by default).

Inactivity is measured at the time the host was asked, not at build time, so that a page says
what was observed and the same report always builds the same site.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from deepscopie.escaping import html_text
from deepscopie.links.repositories import (
    ARCHIVED,
    INACTIVE,
    RECENT,
    RepositoryRecord,
    activity_state,
    iso_day,
    last_activity_day,
    resource_repository,
)
from deepscopie.model import Resource
from deepscopie.render.health import LinkHealth
from deepscopie.render.status import badge
from deepscopie.render.texts import format_date, text
from deepscopie.render.typography import typeset

STATES = (RECENT, INACTIVE, ARCHIVED)


@dataclass(frozen=True)
class Maintenance:
    """What is known of a resource's code: ``recent``, ``inactive`` or ``archived``."""

    state: str
    record: RepositoryRecord
    last_activity: datetime.date


def maintenance_of(resource: Resource, health: LinkHealth | None) -> Maintenance | None:
    """The maintenance of ``resource``'s repository, when the report knows it."""
    if health is None or not health.repositories:
        return None
    repository = resource_repository(resource)
    record = health.repositories.get(repository.url) if repository else None
    if record is None:
        return None
    state = activity_state(record, health.inactive_after_days)
    last = last_activity_day(record)
    if state is None or last is None:
        return None
    return Maintenance(state, record, last)


def state_label(state: str, language: str) -> str:
    """``Actif dans la dernière année`` / ``Maintained in the last year``…"""
    return text(f"maintenance_{state}", language)


def maintenance_badge(resource: Resource, health: LinkHealth | None, language: str) -> str:
    """The badge after the title of a resource whose code is archived or inactive, or nothing."""
    known = maintenance_of(resource, health)
    if known is None or known.state == RECENT:
        return ""
    key = "repo_archived" if known.state == ARCHIVED else "repo_inactive"
    return badge(known.state, typeset(text(key, language), language))


def activity_text(known: Maintenance, language: str) -> str:
    """``Last code activity: 1 October 2026``."""
    return text("last_activity", language, date=format_date(known.last_activity, language))


def render_maintenance(resource: Resource, health: LinkHealth | None, language: str) -> str | None:
    """``Last code activity: … · latest release … · licence …`` as a paragraph, or None."""
    known = maintenance_of(resource, health)
    if known is None:
        return None
    parts = [activity_text(known, language)]
    record = known.record
    if record.release:
        when = format_date(iso_day(record.release_date), language) if record.release_date else "–"
        parts.append(text("latest_release", language, name=record.release, date=when))
    if record.licence:
        parts.append(text("repo_licence", language, name=record.licence))
    shown = html_text(typeset(" · ".join(parts), language))
    return f'<p class="ds-maintenance">{shown}</p>'


def maintenance_meta(
    resource: Resource, health: LinkHealth | None, language: str
) -> dict[str, str]:
    """The last activity of a resource's code, and its badge when archived or inactive, for
    its search result card."""
    known = maintenance_of(resource, health)
    if known is None:
        return {}
    meta = {"activity": activity_text(known, language)}
    if known.state != RECENT:
        key = "repo_archived" if known.state == ARCHIVED else "repo_inactive"
        meta.update(maintenance=text(key, language), maintenance_kind=known.state)
    return meta
