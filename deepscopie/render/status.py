"""A resource that is archived, discontinued or offline, shown as such: a badge in its heading
(which search results show as the entry's title), and its dated note with what replaces it.

Active resources (the default) show nothing: a badge is news only when it is rare.
"""

from __future__ import annotations

from deepscopie.escaping import html_text
from deepscopie.model import Resource
from deepscopie.render import links, markup
from deepscopie.render.safe_html import markdown_to_safe_html
from deepscopie.render.site_index import SiteIndex
from deepscopie.render.texts import format_date, text
from deepscopie.render.typography import typeset


def status_label(status: str, language: str) -> str:
    """``Arrêtée`` / ``Discontinued``."""
    return text(f"status_{status}", language)


def status_badge(resource: Resource, language: str) -> str:
    """The badge after the title of a resource that is not active, or nothing."""
    if resource.is_active:
        return ""
    return badge(resource.status, typeset(status_label(resource.status, language), language))


def badge(kind: str, label: str) -> str:
    """A badge after a title. Its parentheses are for the text-only readers of the heading
    (search results, screen readers): ``Papers with Code (Discontinued)``."""
    shown = html_text(label)
    paren = '<span class="ds-badge__paren">{}</span>'
    return (
        f' <span class="ds-badge ds-badge--{kind}">{paren.format("(")}{shown}'
        f"{paren.format(')')}</span>"
    )


def render_status_note(
    resource: Resource, index: SiteIndex, language: str, page: str
) -> str | None:
    """What happened to a resource that is not active, when it was established, and what
    replaces it; None for an active one."""
    note = resource.status_note
    if resource.is_active or note is None:
        return None
    label = markup.text(status_label(resource.status, language), language)
    when = markup.text(
        text("status_as_of", language, date=format_date(note.date, language)), language
    )
    parts = [
        f'<div class="ds-status ds-status--{resource.status}" role="note">',
        f"<p><strong>{label}</strong> ({when})</p>",
        markdown_to_safe_html(note.get(language), language),
    ]
    replacement = _replacement_link(resource.replaced_by, index, language, page)
    if replacement:
        parts.append(f"<p>{markup.text(text('replaced_by', language), language)} {replacement}</p>")
    parts.append("</div>")
    return "\n".join(parts)


def _replacement_link(target: str | None, index: SiteIndex, language: str, page: str) -> str | None:
    if target is None:
        return None
    other = index.resources.get(target)
    if other is not None:
        return markup.link(
            other.title.get(language),
            links.href(links.resource_target(other), page),
            language=language,
        )
    return markup.link(target, target)


def lifecycle_meta(resource: Resource, language: str) -> dict[str, str]:
    """The status of a resource that is not active, for its search result card's badge."""
    if resource.is_active:
        return {}
    return {"lifecycle": status_label(resource.status, language), "lifecycle_kind": resource.status}
