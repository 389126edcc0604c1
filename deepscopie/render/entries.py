"""One resource or one FAQ entry as an HTML block, under a heading whose anchor is its id.

A resource reads::

    Cellpose ↗                                              <- the title is the link
    cellpose.org · Logiciel · anglais · 2021 · cellpose     <- one quiet line: the site, type,
                                                               language, tags, status
    Segmentation généraliste…                    <- its description
    Liens : Documentation · Code                 <- further links, authors, DOI, FAQ

Straight to HTML rather than Markdown: a category page of a 10,000-entry knowledge base
holds thousands of entries, and Python-Markdown would take most of the build on them. Every
text goes through :mod:`deepscopie.render.markup` (typeset, then escaped) or, for
contributed Markdown, :func:`markdown_to_safe_html`. Other pieces of an entry (the status
badge and note, code maintenance, the editors' note, facets) are small functions of their
own (render/status.py, render/maintenance.py, :func:`render_editors_note`), called from
:func:`render_resource`.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.model import FaqEntry, Localized, Resource
from deepscopie.render import links, markup
from deepscopie.render.edit_links import EditLinks, suggest_change
from deepscopie.render.health import LinkHealth, render_resource_health
from deepscopie.render.maintenance import maintenance_badge, render_maintenance
from deepscopie.render.safe_html import interface_html, markdown_to_safe_html
from deepscopie.render.site_index import SiteIndex
from deepscopie.render.status import render_status_note, status_badge
from deepscopie.render.texts import format_date, label, language_names, text

# Links to other entries help readers. Search never sees them (nor would an entry match the
# words of the entries it cites): its records are made from the data, not from these pages.
CROSS_REFERENCE_HTML = 'class="ds-meta"'
# Code and document hosts where the owner (the first part of the path) says whose it is:
# "gitlab.com/igbmc" tells more than "gitlab.com".
_HOSTS_WITH_OWNERS = frozenset(
    {"github.com", "gitlab.com", "bitbucket.org", "huggingface.co", "codeberg.org",
     "sourceforge.net", "git.embl.de", "gitlab.pasteur.fr", "forge.ibisc.univ-evry.fr"}
)  # fmt: skip


def render_resource(
    resource: Resource,
    base: KnowledgeBase,
    index: SiteIndex,
    language: str,
    page: str,
    health: LinkHealth | None = None,
    edit: EditLinks | None = None,
) -> str:
    """A resource as an HTML block: its heading (anchor: its id; the title links to the
    resource), the facts line, its description and further links."""
    title_lang = title_language(resource, language)
    if resource.url is not None:
        title = markup.link(
            resource.title.get(language), resource.url, language=language, lang=title_lang
        )
    else:
        lang = f' lang="{title_lang}"' if title_lang else ""
        title = f"<span{lang}>{markup.text(resource.title.get(language), language)}</span>"
    # Badges in the heading: search results show it as the entry's title.
    title += status_badge(resource, language) + maintenance_badge(resource, health, language)
    parts = [markup.heading(3, resource.id, title, language)]
    parts.append(_facts(resource, index, language, page, health))
    if resource.url is None:
        suggest = links.href(links.CONTRIBUTE, page)
        wanted = markup.text(text("url_needed", language), language)
        help_html = interface_html(text("url_needed_help", language, about=suggest), language)
        parts.append(f'<p class="ds-url-needed"><strong>{wanted}</strong> – {help_html}</p>')
    state = render_resource_health(resource, health, language) if health else None
    notes = [
        state,
        render_status_note(resource, index, language, page),
        render_maintenance(resource, health, language),
    ]
    parts += [note for note in notes if note is not None]
    parts.append(markdown_to_safe_html(resource.description.get(language), language))
    if resource.editors_note is not None:
        parts.append(render_editors_note(resource.editors_note, language))
    parts += _further(resource, index, language, page)
    parts.append(suggest_change(edit, "resources", resource.id, language))
    return '<article class="ds-entry">\n' + "\n".join(p for p in parts if p) + "\n</article>"


def title_language(resource: Resource, language: str) -> str | None:
    """The language of a title kept as published (``title_language``) when it is not the
    page's: marked ``lang``, so that screen readers and hyphenation read it right."""
    if resource.title_language is None or resource.title_language == language:
        return None
    return resource.title_language


def render_editors_note(note: Localized, language: str) -> str:
    """What the editors add of their own, as HTML apart from the source's text (the answer,
    the description), under its label: a reader always knows who says what."""
    return (
        f'<div class="admonition note ds-editors-note" role="note">\n'
        f'<p class="admonition-title">{markup.text(text("editors_note", language), language)}</p>\n'
        f"{markdown_to_safe_html(note.get(language), language)}\n</div>"
    )


def shown_site(url: str) -> str:
    """An address as the site it leads to: ``youtube.com``, ``gitlab.com/igbmc``."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    owner = parts.path.strip("/").split("/", 1)[0]
    return f"{host}/{owner}" if host in _HOSTS_WITH_OWNERS and owner else host


def _facts(
    resource: Resource,
    index: SiteIndex,
    language: str,
    page: str,
    health: LinkHealth | None,
) -> str:
    """One quiet line: type, the resource's languages, year, tags (and what others add)."""
    kind = index.types[resource.type]
    # The site the resource is on, its full address in the link (the title links there too).
    site = (
        [markup.link(shown_site(resource.url), resource.url, "ds-entry__site")]
        if resource.url
        else []
    )
    facts = [
        *site,
        markup.link(
            kind.name.get(language),
            links.href(links.type_page(kind.id), page),
            "ds-entry__type",
            language=language,
        ),
        markup.text(language_names(resource.languages, language), language),
    ]
    if resource.year:
        facts.append(str(resource.year))
    tags = tag_links(resource.tags, index, language, page)
    line = ' <span aria-hidden="true">·</span> '.join(facts)
    tags_html = f' <span class="ds-entry__tags">{tags}</span>' if tags else ""
    return f'<p class="ds-entry__facts">{line}{tags_html}</p>'


def _further(resource: Resource, index: SiteIndex, language: str, page: str) -> list[str]:
    """Further links, authors and DOI, and the FAQ entries that cite the resource."""
    lines = []
    if resource.links:
        further = " · ".join(
            markup.link(link.label.get(language), link.url, language=language)
            for link in resource.links
        )
        lines.append(f"{markup.text(label('links', language), language)} {further}")
    if resource.authors:
        authors = markup.text(", ".join(resource.authors), language)
        lines.append(f"{markup.text(label('authors', language), language)} {authors}")
    if resource.doi and resource.doi_url:
        doi = markup.link(resource.doi, resource.doi_url)
        lines.append(f"{markup.text(label('doi', language), language)} {doi}")
    parts = ['<p class="ds-meta">' + "<br>\n".join(lines) + "</p>"] if lines else []
    citing = index.faq_citing.get(resource.id, [])
    if citing:
        cited = ", ".join(
            markup.link(
                entry.title.get(language),
                links.href(links.faq_target(entry), page),
                language=language,
            )
            for entry in citing
        )
        in_faq = markup.text(label("in_faq", language), language)
        parts.append(f"<p {CROSS_REFERENCE_HTML}>{in_faq} {cited}</p>")
    return parts


def render_faq_entry(
    entry: FaqEntry,
    base: KnowledgeBase,
    index: SiteIndex,
    language: str,
    page: str,
    edit: EditLinks | None = None,
) -> str:
    """An FAQ entry as a foldable block: the question (anchor: its id) as its summary; where
    it was asked, the question in full, the answer (or an open-question notice), its tags
    and related resources inside."""
    title = markup.text(entry.title.get(language), language)
    open_label = markup.text(text("open_question", language), language)
    badge = f' <span class="ds-faq__open">{open_label}</span>' if entry.is_open else ""
    # No "¶" link inside the summary (a link inside a control): it ends the origin line.
    summary = markup.heading(
        3, entry.id, f'<span class="ds-faq__title">{title}</span>{badge}', language, permalink=False
    )
    origin = [text(f"source_{entry.source}", language)]
    if entry.date:
        origin.append(format_date(entry.date, language))
    permalink = markup.link(
        text("permalink_title", language), f"#{entry.id}", "ds-faq__permalink", language=language
    )
    origin_html = markup.text(" · ".join(origin), language)
    parts = [f'<p class="ds-faq__origin">{origin_html} · {permalink}</p>']
    question = entry.question.get(language)
    if question.strip() != entry.title.get(language).strip():  # else the summary says it all
        parts.append(
            f'<div class="ds-question">\n{markdown_to_safe_html(question, language)}\n</div>'
        )
    if entry.answer is not None:
        answer = markdown_to_safe_html(entry.answer.get(language), language)
        parts.append(f'<div class="ds-answer">\n{answer}\n</div>')
    else:
        notice = text("open_question_help", language, about=links.href(links.CONTRIBUTE, page))
        parts.append(f'<p class="ds-faq__notice">{interface_html(notice, language)}</p>')
    if entry.editors_note is not None:
        parts.append(render_editors_note(entry.editors_note, language))
    if entry.related:
        related = "".join(
            f"<li>{_resource_pointer(index.resources[rid], index, language, page)}</li>"
            for rid in entry.related
        )
        heading = markup.text(text("related", language), language)
        parts.append(f'<div class="ds-faq__related"><p>{heading}</p><ul>{related}</ul></div>')
    if entry.tags:
        tags = tag_links(entry.tags, index, language, page)
        parts.append(
            f'<p class="ds-meta">{markup.text(label("tags", language), language)} {tags}</p>'
        )
    suggestion = suggest_change(edit, "faq", entry.id, language)
    if suggestion:
        parts.append(suggestion)
    state = "open" if entry.is_open else "answered"
    return (
        f'<details class="ds-faq question" data-ds-state="{state}">\n<summary>{summary}</summary>\n'
        + "\n".join(parts)
        + "\n</details>"
    )


def _resource_pointer(resource: Resource, index: SiteIndex, language: str, page: str) -> str:
    """A resource named where it is described, with its type: ``Cellpose – Logiciel``."""
    target = links.href(links.resource_target(resource), page)
    kind = markup.text(index.types[resource.type].name.get(language), language)
    title = markup.link(
        resource.title.get(language),
        target,
        language=language,
        lang=title_language(resource, language),
    )
    return f'{title} <span class="ds-meta">– {kind}</span>'


def see_also_item(resource: Resource, language: str, page: str, where: str) -> str:
    """A pointer to a resource described elsewhere, as an HTML list item that says ``where``
    (its category, or its section of this page); its title read in its own language."""
    target = links.href(links.resource_target(resource), page)
    lang = title_language(resource, language)
    title = markup.link(resource.title.get(language), target, language=language, lang=lang)
    return f"<li>{title} – {markup.text(where, language)}</li>"


def tag_links(tags: Iterable[str], index: SiteIndex, language: str, page: str) -> str:
    """The entry's tags, each a link to its tag page."""
    return " ".join(
        markup.link(
            index.tags[tag].name.get(language),
            links.href(links.tag_page(tag), page),
            "md-tag",
            language=language,
        )
        for tag in tags
    )
