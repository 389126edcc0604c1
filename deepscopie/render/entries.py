"""One resource (as HTML) or one FAQ entry (as Markdown), under a heading whose anchor is its id."""

from __future__ import annotations

from urllib.parse import urlsplit

from deepscopie.escaping import html_attribute, html_text
from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.model import FaqEntry, Localized, Resource
from deepscopie.render import links, markup
from deepscopie.render.edit_links import EditLinks, suggest_change
from deepscopie.render.health import LinkHealth, render_resource_health
from deepscopie.render.maintenance import maintenance_badge, render_maintenance
from deepscopie.render.safe_html import escape_markdown, interface_html, markdown_to_safe_html
from deepscopie.render.site_index import SiteIndex
from deepscopie.render.status import render_status_note, status_badge
from deepscopie.render.texts import format_date, language_name, text

_SHOWN_URL_LENGTH = 60
# Links to other entries help readers but would make an entry match the words of the entries
# it cites: they are left out of the search index.
CROSS_REFERENCE = '{ .ds-meta data-pagefind-ignore="all" }'
CROSS_REFERENCE_HTML = 'class="ds-meta" data-pagefind-ignore="all"'


def label(key: str, language: str) -> str:
    """``Type :`` in French (with its non-breaking space), ``Type:`` in English."""
    return f"{text(key, language)}\u00a0:" if language == "fr" else f"{text(key, language)}:"


def render_resource(
    resource: Resource,
    base: KnowledgeBase,
    index: SiteIndex,
    language: str,
    page: str,
    health: LinkHealth | None = None,
    edit: EditLinks | None = None,
) -> str:
    """A resource as HTML: its heading (anchor: its id), link, description and facts.

    Straight to HTML rather than Markdown: a category page of a 10,000-entry knowledge base
    holds thousands of entries, and Python-Markdown would take most of the build on them.
    """
    title = title_html(resource, language) + status_badge(resource, language)
    title += maintenance_badge(resource, health, language)
    parts = [markup.heading(3, resource.id, title)]
    if resource.url is not None:
        parts.append(f"<p>{markup.link(shown_url(resource.url), resource.url, 'ds-url')}</p>")
    else:
        suggest = links.href(links.CONTRIBUTE, page)
        parts.append(
            f'<p class="ds-url-needed"><strong>{text("url_needed", language)}</strong> – '
            f"{interface_html(text('url_needed_help', language, about=suggest))}</p>"
        )
    state = render_resource_health(resource, health, language) if health else None
    if state is not None:
        parts.append(state)
    status = render_status_note(resource, index, language, page)
    if status is not None:
        parts.append(status)
    activity = render_maintenance(resource, health, language)
    if activity is not None:
        parts.append(activity)
    parts.append(markdown_to_safe_html(resource.description.get(language)))
    if resource.editors_note is not None:
        parts.append(render_editors_note(resource.editors_note, language))
    if resource.links:
        further = " · ".join(
            markup.link(link.label.get(language), link.url) for link in resource.links
        )
        parts.append(f'<p class="ds-links">{label("links", language)} {further}</p>')
    parts.append(_facts(resource, base, index, language, page))
    parts.append(suggest_change(edit, "resources", resource.id, language))
    return "\n".join(part for part in parts if part)


def render_faq_entry(
    entry: FaqEntry,
    base: KnowledgeBase,
    index: SiteIndex,
    language: str,
    page: str,
    edit: EditLinks | None = None,
) -> str:
    """An FAQ entry: its question, its answer or an open-question notice, and its links."""
    parts = [f"### {escape_markdown(entry.title.get(language))} {{#{entry.id}}}"]
    origin = text(f"source_{entry.source}", language)
    when = f" · {format_date(entry.date, language)}" if entry.date else ""
    state = f" · **{text('open_question', language)}**" if entry.is_open else ""
    parts.append(f"{origin}{when}{state}\n{{ .ds-faq-origin }}")
    question = entry.question.get(language)
    if question.strip() != entry.title.get(language).strip():  # else the heading says it all
        parts.append(f'<div class="ds-question">\n{markdown_to_safe_html(question)}\n</div>')
    if entry.answer is not None:
        parts.append(
            f'<div class="ds-answer">\n{markdown_to_safe_html(entry.answer.get(language))}\n</div>'
        )
    else:
        notice = text("open_question_help", language, about=links.relative(links.CONTRIBUTE, page))
        parts.append(f'!!! question "{text("open_question", language)}"\n\n    {notice}')
    if entry.editors_note is not None:
        parts.append(render_editors_note(entry.editors_note, language))
    if entry.tags:
        tags = _tags(entry.tags, base, language, page)
        parts.append(f"{label('tags', language)} {tags}\n{{ .ds-meta }}")
    if entry.related:
        related = ", ".join(
            links.markdown_link(resource.title.get(language), links.resource_target(resource), page)
            for resource in (index.resources[rid] for rid in entry.related)
        )
        parts.append(f"{label('related', language)} {related}\n{CROSS_REFERENCE}")
    suggestion = suggest_change(edit, "faq", entry.id, language)
    if suggestion:
        parts.append(suggestion)
    return "\n\n".join(parts)


def title_html(resource: Resource, language: str) -> str:
    """The resource's title as HTML; a title kept as published in another language than the
    page's is marked with its own (``lang``), so that screen readers and hyphenation read it
    right."""
    title = html_text(resource.title.get(language))
    if resource.title_language is None or resource.title_language == language:
        return title
    return f'<span lang="{html_attribute(resource.title_language)}">{title}</span>'


def render_editors_note(note: Localized, language: str) -> str:
    """What the editors add of their own, as HTML apart from the source's text (the answer,
    the description), under its label: a reader always knows who says what."""
    return (
        f'<div class="admonition note ds-editors-note" role="note">\n'
        f'<p class="admonition-title">{html_text(text("editors_note", language))}</p>\n'
        f"{markdown_to_safe_html(note.get(language))}\n</div>"
    )


def render_see_also(resource: Resource, language: str, page: str) -> str:
    """A one-line pointer to a resource described on another page, as a Markdown list item."""
    title = resource.title.get(language)
    return f"- {links.markdown_link(title, links.resource_target(resource), page)}"


def see_also_item(resource: Resource, language: str, page: str) -> str:
    """A pointer to a resource described on another page, as an HTML list item."""
    target = links.href(links.resource_target(resource), page)
    return f"<li>{markup.link(resource.title.get(language), target)}</li>"


def shown_url(url: str) -> str:
    """An address as a reader scans it: no scheme, no www., shortened when long."""
    parts = urlsplit(url)
    shown = (parts.netloc.removeprefix("www.") + parts.path).rstrip("/")
    if parts.query:
        shown += f"?{parts.query}"
    if len(shown) > _SHOWN_URL_LENGTH:
        shown = shown[: _SHOWN_URL_LENGTH - 1] + "…"
    return shown


def _facts(
    resource: Resource, base: KnowledgeBase, index: SiteIndex, language: str, page: str
) -> str:
    kind = index.types[resource.type]
    kind_link = markup.link(kind.name.get(language), links.href(links.type_page(kind.id), page))
    lines = [
        f"{label('type', language)} {kind_link}"
        f" · {label('resource_language', language)} "
        + ", ".join(language_name(code, language) for code in resource.languages)
        + (f" · {label('year', language)} {resource.year}" if resource.year else "")
    ]
    if resource.authors:
        lines.append(f"{label('authors', language)} {html_text(', '.join(resource.authors))}")
    if resource.doi:
        lines.append(
            f"{label('doi', language)} {markup.link(resource.doi, f'https://doi.org/{resource.doi}')}"
        )
    if resource.tags:
        tags = " ".join(
            markup.link(
                index.tags[tag].name.get(language), links.href(links.tag_page(tag), page), "md-tag"
            )
            for tag in resource.tags
        )
        lines.append(f"{label('tags', language)} {tags}")
    facts = '<p class="ds-meta">' + "<br>\n".join(lines) + "</p>"
    citing = index.faq_citing.get(resource.id, [])
    if not citing:
        return facts
    cited = ", ".join(
        markup.link(entry.title.get(language), links.href(links.faq_target(entry), page))
        for entry in citing
    )
    return f"{facts}\n<p {CROSS_REFERENCE_HTML}>{label('in_faq', language)} {cited}</p>"


def _tags(tag_ids: tuple[str, ...], base: KnowledgeBase, language: str, page: str) -> str:
    names = {tag.id: tag.name for tag in base.vocabulary.tags}
    return " ".join(
        f"{links.markdown_link(names[tag].get(language), links.tag_page(tag), page)}{{ .md-tag }}"
        for tag in tag_ids
    )
