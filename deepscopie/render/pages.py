"""Every generated page of the site, in both languages.

``site_pages`` is the whole output; each ``render_*`` function makes one page and can be
tested on its own. Tag and type pages are lists of links: they are left out of the search
index (``search: exclude``) so that a search lands on the entries themselves.

Most pages are Markdown. The pages that list resources (categories, tags, types) grow with
the knowledge base, so their body is rendered straight to HTML (``Page.html``) with its
table of contents (``Page.toc``): the Markdown keeps only the front matter and the title.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Sequence
from dataclasses import dataclass

from deepscopie.escaping import html_attribute
from deepscopie.folding import without_accents
from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.model import Category, FaqEntry, Resource, Term
from deepscopie.render import links, markup
from deepscopie.render.edit_links import EditLinks
from deepscopie.render.entries import (
    render_faq_entry,
    render_resource,
    see_also_item,
)
from deepscopie.render.explore import EXPLORE_PAGE, explore_address, render_explore_page
from deepscopie.render.guide import render_field_reference, render_rule_list
from deepscopie.render.health import HEALTH_PAGE, LinkHealth, render_health_page
from deepscopie.render.safe_html import escape_markdown, markdown_to_safe_html, plain_text
from deepscopie.render.search_records import summary
from deepscopie.render.site_index import SiteIndex
from deepscopie.render.statistics import STATISTICS_PAGE, render_statistics_page
from deepscopie.render.texts import count, format_date, language_codes, text
from deepscopie.render.typography import typeset

LATEST_COUNT = 8
# A category card's line: its introduction's first sentence, cut beyond this.
CARD_LINE = 120
# Above this many entries, a category's table of contents lists its sections only: a sidebar
# of hundreds of titles helps no one, and would weigh on every load of the page.
TOC_ENTRIES_LIMIT = 100


# In a generated file, what follows this line is the page's body, already HTML.
HTML_MARKER = "<!-- deepscopie:html -->"


@dataclass(frozen=True)
class Heading:
    """A heading of an HTML body, for the page's table of contents (``title`` is HTML)."""

    level: int
    anchor: str
    title: str
    children: tuple[Heading, ...] = ()


@dataclass(frozen=True)
class Page:
    """A generated page: ``path`` is language-neutral (``faq.md``), ``file`` has the suffix.

    ``markdown`` is the page (or, when ``html`` is set, its front matter and title);
    ``html`` is a body already rendered, ``toc`` the headings its table of contents shows,
    and ``anchors`` every anchor of the body (MkDocs checks links to them).
    """

    path: str
    language: str
    markdown: str
    html: str = ""
    toc: tuple[Heading, ...] = ()
    anchors: tuple[str, ...] = ()

    @property
    def file(self) -> str:
        """The file name under docs/ for the i18n plugin: ``faq.fr.md``."""
        stem = self.path.removesuffix(".md")
        return f"{stem}.{self.language}.md"

    @property
    def source(self) -> str:
        """What the file under docs/ holds: the Markdown, then the HTML body after a marker
        (valid Markdown too: raw HTML passes through)."""
        if not self.html:
            return self.markdown
        return f"{self.markdown}\n{HTML_MARKER}\n{self.html}\n"


def site_pages(
    base: KnowledgeBase, health: LinkHealth | None = None, edit: EditLinks | None = None
) -> list[Page]:
    """All generated pages of the site, for both languages (link health if there is a report,
    "suggest a change" links where the repository is configured)."""
    index = SiteIndex.of(base)
    pages = []
    for language in language_codes():
        for category in base.vocabulary.categories:
            pages.append(render_category_page(base, index, category, language, health, edit))
        if health is not None:
            pages.append(Page(HEALTH_PAGE, language, render_health_page(base, health, language)))
        statistics = render_statistics_page(base, language, health)
        pages.append(Page(STATISTICS_PAGE, language, statistics))
        pages.append(Page(EXPLORE_PAGE, language, render_explore_page(base, language, health)))
        pages.append(render_faq_page(base, index, language, edit))
        pages.append(Page("tags/index.md", language, render_tag_index(base, index, language)))
        # A tag or a type with no entry gets no page (nothing links to it either).
        pages += [
            render_tag_page(base, index, tag, language)
            for tag in base.vocabulary.tags
            if tag.id in index.by_tag or tag.id in index.faq_by_tag
        ]
        pages.append(Page("types/index.md", language, render_type_index(base, index, language)))
        pages += [
            render_type_page(base, index, kind, language)
            for kind in base.vocabulary.types
            if kind.id in index.by_type
        ]
    return pages


def render_category_page(
    base: KnowledgeBase,
    index: SiteIndex,
    category: Category,
    language: str,
    health: LinkHealth | None = None,
    edit: EditLinks | None = None,
) -> Page:
    """A category: its introduction, its sections as links (a phone has no table of contents
    beside the text), then its resources by sub-category."""
    page = links.category_page(category.id)
    intro = category.intro.get(language) if category.intro else None
    body = [markdown_to_safe_html(intro, language)] if intro else []
    top, toc = _section(base, index, category.id, None, language, page, health, edit)
    sections = list(top)
    headings = list(toc)
    for sub in category.subcategories:
        entries, toc = _section(base, index, category.id, sub.id, language, page, health, edit)
        if entries:
            anchor, name = (
                links.section_anchor(sub.id),
                markup.text(sub.name.get(language), language),
            )
            sections.append(markup.heading(2, anchor, name, language))
            sections += entries
            headings.append(Heading(2, anchor, name, toc))
    sections_nav = [h for h in headings if h.level == 2]
    if len(sections_nav) > 1:
        label = html_attribute(text("sections", language))
        items = "".join(f'<li><a href="#{h.anchor}">{h.title}</a></li>' for h in sections_nav)
        body.append(f'<nav class="ds-sections" aria-label="{label}"><ul>{items}</ul></nav>')
    body += sections
    anchors = [h.anchor for h in headings] + [c.anchor for h in headings for c in h.children]
    if index.category_size(category.id) > TOC_ENTRIES_LIMIT:
        headings = [Heading(2, h.anchor, h.title) for h in headings if h.level == 2]
    markdown = links.page_title(escape_markdown(category.name.get(language))) + "\n"
    if intro:
        # Shown by search engines and link previews (meta description, Open Graph).
        description = json.dumps(typeset(plain_text(intro), language), ensure_ascii=False)
        markdown = f"---\ndescription: {description}\n---\n\n{markdown}"
    return Page(page, language, markdown, "\n".join(body), tuple(headings), tuple(anchors))


def render_faq_page(
    base: KnowledgeBase, index: SiteIndex, language: str, edit: EditLinks | None = None
) -> Page:
    """The FAQ by topic (the vocabulary's FAQ topics), each question foldable; a filter keeps
    the open questions only (assets/javascripts/reader.js)."""
    page = links.FAQ_PAGE
    markdown = f"{links.page_title(text('faq_title', language))}\n\n{text('faq_intro', language)}\n"
    n_open = sum(entry.is_open for entry in base.faq)
    body = []
    if n_open:
        filter_label = markup.text(text("faq_open_only", language, n=n_open), language)
        body.append(
            '<p class="ds-faq-filter" data-ds-faq-filter hidden><label>'
            f'<input type="checkbox" data-ds-open-only> {filter_label}</label></p>'
        )
    headings, anchors = [], []
    for anchor, name, entries in faq_topics(base, language):
        title = markup.text(name, language)
        size = markup.text(count("question_count", len(entries), language), language)
        # What the size says under the open questions only (reader.js swaps the two).
        open_here = count("open_question_count", sum(e.is_open for e in entries), language)
        open_size = html_attribute(typeset(open_here, language))
        body.append(
            f'<section class="ds-faq-topic">{markup.heading(2, anchor, title, language)}'
            f'<p class="ds-faq-topic__size" data-ds-open-size="{open_size}">{size}</p>'
        )
        body += [render_faq_entry(entry, base, index, language, page, edit) for entry in entries]
        body.append("</section>")
        headings.append(Heading(2, anchor, title))
        anchors += [anchor, *(entry.id for entry in entries)]
    return Page(page, language, markdown, "\n".join(body), tuple(headings), tuple(anchors))


def faq_topics(base: KnowledgeBase, language: str) -> list[tuple[str, str, list[FaqEntry]]]:
    """``(anchor, name, entries)`` of each FAQ topic with questions, in the vocabulary's order;
    questions of no topic last. A question goes to the topic of its earliest tag that a topic
    lists."""
    topic_of_tag: dict[str, str] = {}
    for topic in base.vocabulary.faq_topics:
        for tag in topic.tags:
            topic_of_tag.setdefault(tag, topic.id)
    grouped: dict[str | None, list[FaqEntry]] = {}
    for entry in base.faq:
        topic_id = next((topic_of_tag[t] for t in entry.tags if t in topic_of_tag), None)
        grouped.setdefault(topic_id, []).append(entry)
    topics = [
        (links.topic_anchor(t.id), t.name.get(language), grouped[t.id])
        for t in base.vocabulary.faq_topics
        if t.id in grouped
    ]
    if None in grouped:
        others = text("faq_other_topic", language)
        topics.append((links.topic_anchor(links.OTHER_TOPIC), others, grouped[None]))
    return topics


def render_tag_index(base: KnowledgeBase, index: SiteIndex, language: str) -> str:
    """Every tag, with how many resources and questions carry it."""
    lines = [f"# {text('tags_title', language)}", text("tags_intro", language)]
    items = []
    # In the order of a dictionary: accents aside ("éthique" among the e, not after z).
    for tag in sorted(base.vocabulary.tags, key=lambda t: without_accents(t.name.get(language))):
        n_resources = len(index.by_tag.get(tag.id, []))
        n_questions = len(index.faq_by_tag.get(tag.id, []))
        if n_resources or n_questions:
            sizes = [count("resource_count", n_resources, language)]
            if n_questions:
                sizes.append(count("question_count", n_questions, language))
            link = links.markdown_link(
                tag.name.get(language), links.tag_page(tag.id), "tags/index.md"
            )
            items.append(f"- {link} – {', '.join(sizes)}")
    return links.NOT_SEARCHED + "\n\n".join(lines) + "\n\n" + "\n".join(items) + "\n"


def render_tag_page(base: KnowledgeBase, index: SiteIndex, tag: Term, language: str) -> Page:
    """The resources and FAQ entries of one tag."""
    page = links.tag_page(tag.id)
    title = text("tag_title", language, name=escape_markdown(tag.name.get(language)))
    markdown = f"{links.NOT_SEARCHED}# {title}\n\n[{text('all_tags', language)}](index.md)\n"
    body, headings = [], []
    sections: list[tuple[str, str, Sequence[Resource | FaqEntry]]] = [
        (links.section_anchor("resources"), "resources", index.by_tag.get(tag.id, [])),
        (links.section_anchor("faq"), "faq_entries", index.faq_by_tag.get(tag.id, [])),
    ]
    for anchor, name, entries in sections:
        if entries:
            heading = markup.text(text(name, language), language)
            body.append(markup.heading(2, anchor, heading, language))
            headings.append(Heading(2, anchor, heading))
            if name == "resources":
                body.append(_in_explore(f"tag={tag.id}", language, page))
            body.append(_list(base, entries, language, page))
    anchors = tuple(h.anchor for h in headings)
    return Page(page, language, markdown, "\n".join(body), tuple(headings), anchors)


def render_type_index(base: KnowledgeBase, index: SiteIndex, language: str) -> str:
    """Every resource type that has resources, with their number."""
    lines = [f"# {text('types_title', language)}", text("types_intro", language)]
    page = "types/index.md"
    items = [
        f"- {links.markdown_link(kind.name.get(language), links.type_page(kind.id), page)}"
        f" – {count('resource_count', len(index.by_type[kind.id]), language)}"
        for kind in base.vocabulary.types
        if kind.id in index.by_type
    ]
    return links.NOT_SEARCHED + "\n\n".join(lines) + "\n\n" + "\n".join(items) + "\n"


def render_type_page(base: KnowledgeBase, index: SiteIndex, kind: Term, language: str) -> Page:
    """The resources of one type."""
    page = links.type_page(kind.id)
    title = text("type_title", language, name=escape_markdown(kind.name.get(language)))
    markdown = f"{links.NOT_SEARCHED}# {title}\n\n[{text('all_types', language)}](index.md)\n"
    resources = index.by_type.get(kind.id, [])
    body = _in_explore(f"type={kind.id}", language, page) if resources else ""
    body += _list(base, resources, language, page) if resources else ""
    return Page(page, language, markdown, body)


def _in_explore(query: str, language: str, page: str) -> str:
    """A tag's or a type's page lists titles only: the way to the same resources in Explore,
    with what each is for, and more filters to narrow them (a reader's review: "a reader has to
    click each entry blindly")."""
    address = html_attribute(explore_address(query, page))
    said = markup.text(text("see_in_explore", language), language)
    return f'<p class="ds-in-explore"><a href="{address}">{said}</a></p>\n'


def render_category_cards(base: KnowledgeBase, index: SiteIndex, language: str, page: str) -> str:
    """The home page's grid of categories: name, one line saying what it holds, its size."""
    cards = []
    for category in base.vocabulary.categories:
        name = escape_markdown(category.name.get(language))
        target = links.relative(links.category_page(category.id), page)
        size = count("resource_count", index.category_size(category.id), language)
        line = ""
        if category.intro:
            intro = summary(category.intro.get(language), language, CARD_LINE)
            line = escape_markdown(intro) + "<br>"
        cards.append(f"-   [**{name}**]({target})\n\n    {line}\n    *{size}*")
    return '<div class="grid cards ds-cards" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"


def render_latest_additions(
    base: KnowledgeBase, language: str, page: str, limit: int = LATEST_COUNT
) -> str:
    """The most recently added resources, newest first (later in the file counts as newer),
    each with its date and type. Those of the knowledge base's first day (its first import)
    are not news, and their order would be the file's: when no resource came after them, a
    sentence says so instead."""
    if not base.resources:
        return ""
    first_day = min(resource.added for resource in base.resources)
    since = [(at, r) for at, r in enumerate(base.resources) if r.added > first_day]
    if not since:
        return escape_markdown(text("latest_none", language, date=format_date(first_day, language)))
    types = {kind.id: kind.name for kind in base.vocabulary.types}
    ordered = heapq.nlargest(limit, since, key=lambda pair: (pair[1].added, pair[0]))
    items = []
    for _, resource in ordered:
        link = links.markdown_link(
            resource.title.get(language), links.resource_target(resource), page
        )
        kind = escape_markdown(types[resource.type].get(language))
        added = escape_markdown(format_date(resource.added, language))
        items.append(f"- {link} – {kind}, {added}")
    return "\n".join(items)


def _section(
    base: KnowledgeBase,
    index: SiteIndex,
    category: str,
    subcategory: str | None,
    language: str,
    page: str,
    health: LinkHealth | None,
    edit: EditLinks | None = None,
) -> tuple[list[str], tuple[Heading, ...]]:
    """The HTML of one sub-category's resources (its "see also" last), and their headings."""
    resources = index.by_section.get((category, subcategory), [])
    described = [render_resource(r, base, index, language, page, health, edit) for r in resources]
    headings = tuple(
        Heading(3, r.id, markup.text(r.title.get(language), language)) for r in resources
    )
    elsewhere = index.also_in_section.get((category, subcategory), [])
    if elsewhere:
        items = (
            see_also_item(
                r, language, page, _described_at(r, base, category, subcategory, language)
            )
            for r in elsewhere
        )
        described.append(
            f'<p class="ds-see-also"><strong>{markup.text(text("also_listed", language), language)}'
            f"</strong> – {markup.text(text('also_listed_help', language), language)}</p>\n"
            "<ul>" + "".join(items) + "</ul>"
        )
    return described, headings


def _described_at(
    resource: Resource, base: KnowledgeBase, category: str, subcategory: str | None, language: str
) -> str:
    """Where a resource listed in the section ``subcategory`` of ``category`` is described:
    its category's name, or, on this page, its section (OMERO, under "Image formats" of the
    databases' page, was said to be "in another category", a few sections above)."""
    categories = {c.id: c for c in base.vocabulary.categories}
    own = categories[resource.category]
    if resource.category != category:
        return own.name.get(language)
    if resource.subcategory is None:  # the page's top, before its sections
        return text("also_listed_top", language)
    sections = [sub.id for sub in own.subcategories]
    listed_at = sections.index(subcategory) if subcategory in sections else -1
    key = (
        "also_listed_above"
        if sections.index(resource.subcategory) < listed_at
        else "also_listed_below"
    )
    name = next(sub.name for sub in own.subcategories if sub.id == resource.subcategory)
    return text(key, language, section=name.get(language))


def _list(
    base: KnowledgeBase, entries: Sequence[Resource | FaqEntry], language: str, page: str
) -> str:
    """Links to entries described elsewhere, as an HTML list (resources with their category)."""
    names = {c.id: c.name for c in base.vocabulary.categories}
    items = []
    for entry in entries:
        if isinstance(entry, Resource):
            items.append(see_also_item(entry, language, page, names[entry.category].get(language)))
            continue
        address = links.href(links.faq_target(entry), page)
        items.append(
            f"<li>{markup.link(entry.title.get(language), address, language=language)}</li>"
        )
    return "<ul>" + "\n".join(items) + "</ul>"


HOME_MARKERS = (
    "<!-- deepscopie:counts -->",
    "<!-- deepscopie:categories -->",
    "<!-- deepscopie:latest -->",
    "<!-- deepscopie:search -->",
)


def render_search_form(language: str, action: str) -> str:
    """A search field in the page (home, 404): assets/javascripts/search.js opens the search
    dialog with what was typed (were the script to fail after showing it, the form would
    still lead to Explore filtered by it, ``?q=``). The keyboard shortcut is mentioned where
    there is a keyboard only (CSS)."""

    def say(key: str, **values: str) -> str:
        return typeset(text(key, language), language).format(**values)

    field = f"ds-search-form-{language}"
    return (
        # Hidden until search.js shows it: without JavaScript there is no search (the header
        # offers Explore and the categories instead).
        f'<form class="ds-search-form" role="search" action="{html_attribute(action)}"'
        " data-ds-search-form hidden>"
        f'<label for="{field}" class="ds-search-form__label">{say("search_field_label")}</label>'
        f'<span class="ds-search-form__row"><input type="search" id="{field}" name="q"'
        f' autocomplete="off" placeholder="{html_attribute(say("search_field_placeholder"))}">'
        f'<button type="submit" class="md-button md-button--primary">{say("search_button")}'
        "</button></span>"
        f'<span class="ds-search-form__hint ds-keyboard-only">'
        f"{say('search_shortcut', shortcut='<kbd>/</kbd>')}</span></form>"
    )


def fill_home_page(markdown: str, base: KnowledgeBase, language: str, page: str) -> str:
    """The hand-written home page with its markers replaced by what the data says today."""
    index = SiteIndex.of(base)
    # "127 ressources et 23 questions" (a comma read as a list cut short).
    counts = text(
        "home_counts",
        language,
        resources=count("resource_count", len(base.resources), language),
        questions=count("question_count", len(base.faq), language),
    )
    replacements = {
        HOME_MARKERS[0]: counts,
        HOME_MARKERS[1]: render_category_cards(base, index, language, page),
        HOME_MARKERS[2]: render_latest_additions(base, language, page),
        HOME_MARKERS[3]: render_search_form(language, links.href(EXPLORE_PAGE, page)),
    }
    for marker, content in replacements.items():
        markdown = markdown.replace(marker, content)
    return markdown


GUIDE_MARKERS = ("<!-- deepscopie:rules -->", "<!-- deepscopie:fields -->")
# Where the guide offers the proposal form instead, said only where there is one (a build
# with a GitLab project): else it sent readers to a page that sent them back here.
PROPOSE_OFFER_MARKER = "<!-- deepscopie:propose-offer -->"


def fill_guide_page(markdown: str, base: KnowledgeBase, language: str, form: bool) -> str:
    """The hand-written contribution guide with its generated field and rule references, and
    the offer of the proposal form where ``form`` says there is one."""
    markdown = markdown.replace(GUIDE_MARKERS[0], render_rule_list(language))
    markdown = markdown.replace(GUIDE_MARKERS[1], render_field_reference(base, language))
    offer = text("contribute_propose_offer", language) if form else ""
    return markdown.replace(PROPOSE_OFFER_MARKER, offer)
