"""Every generated page of the site, in both languages, as Markdown.

``site_pages`` is the whole output; each ``render_*`` function makes one page and can be
tested on its own. Tag and type pages are lists of links: they are left out of the search
index (``search: exclude``) so that a search lands on the entries themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.model import Category, Resource, Term
from deepscopie.render import links
from deepscopie.render.entries import render_faq_entry, render_resource, render_see_also
from deepscopie.render.explore import EXPLORE_PAGE, render_explore_page
from deepscopie.render.guide import render_field_reference, render_rule_list
from deepscopie.render.health import HEALTH_PAGE, LinkHealth, render_health_page
from deepscopie.render.safe_html import escape_markdown, markdown_to_safe_html
from deepscopie.render.site_index import SiteIndex
from deepscopie.render.statistics import STATISTICS_PAGE, render_statistics_page
from deepscopie.render.texts import LANGUAGES, count, text
from deepscopie.render.typography import french_spacing

LATEST_COUNT = 8


@dataclass(frozen=True)
class Page:
    """A generated page: ``path`` is language-neutral (``faq.md``), ``file`` has the suffix."""

    path: str
    language: str
    markdown: str

    @property
    def file(self) -> str:
        """The file name under docs/ for the i18n plugin: ``faq.fr.md``."""
        stem = self.path.removesuffix(".md")
        return f"{stem}.{self.language}.md"


def site_pages(base: KnowledgeBase, health: LinkHealth | None = None) -> list[Page]:
    """All generated pages of the site, for both languages (link health if there is a report)."""
    return [
        Page(page.path, page.language, french_spacing(page.markdown))
        if page.language == "fr"
        else page
        for page in _unspaced_pages(base, health)
    ]


def _unspaced_pages(base: KnowledgeBase, health: LinkHealth | None) -> list[Page]:
    index = SiteIndex.of(base)
    pages = []
    for language in LANGUAGES:
        for category in base.vocabulary.categories:
            markdown = render_category_page(base, index, category, language, health)
            pages.append(Page(links.category_page(category.id), language, markdown))
        if health is not None:
            pages.append(Page(HEALTH_PAGE, language, render_health_page(base, health, language)))
        statistics = render_statistics_page(base, language, health)
        pages.append(Page(STATISTICS_PAGE, language, statistics))
        pages.append(Page(EXPLORE_PAGE, language, render_explore_page(base, language, health)))
        pages.append(Page(links.FAQ_PAGE, language, render_faq_page(base, index, language)))
        pages.append(Page("tags/index.md", language, render_tag_index(base, index, language)))
        for tag in base.vocabulary.tags:
            pages.append(
                Page(links.tag_page(tag.id), language, render_tag_page(base, index, tag, language))
            )
        pages.append(Page("types/index.md", language, render_type_index(base, index, language)))
        for kind in base.vocabulary.types:
            pages.append(
                Page(
                    links.type_page(kind.id),
                    language,
                    render_type_page(base, index, kind, language),
                )
            )
    return pages


def render_category_page(
    base: KnowledgeBase,
    index: SiteIndex,
    category: Category,
    language: str,
    health: LinkHealth | None = None,
) -> str:
    """A category: its introduction, then its resources by sub-category."""
    page = links.category_page(category.id)
    parts = [f"# {escape_markdown(category.name.get(language))}"]
    if category.intro:
        parts.append(markdown_to_safe_html(category.intro.get(language)))
    parts += _section(base, index, category.id, None, language, page, health)
    for sub in category.subcategories:
        body = _section(base, index, category.id, sub.id, language, page, health)
        if body:
            parts.append(f"## {escape_markdown(sub.name.get(language))} {{#section-{sub.id}}}")
            parts += body
    return "\n\n".join(parts) + "\n"


def render_faq_page(base: KnowledgeBase, index: SiteIndex, language: str) -> str:
    """The FAQ: Slack questions, then questions from the talks."""
    page = links.FAQ_PAGE
    parts = [f"# {text('faq_title', language)}", text("faq_intro", language)]
    for source in ("slack", "skype"):
        entries = [entry for entry in base.faq if entry.source == source]
        if entries:
            parts.append(f"## {text(f'faq_{source}', language)} {{#section-{source}}}")
            parts += [render_faq_entry(entry, base, index, language, page) for entry in entries]
    return "\n\n".join(parts) + "\n"


def render_tag_index(base: KnowledgeBase, index: SiteIndex, language: str) -> str:
    """Every tag, with how many resources and questions carry it."""
    lines = [f"# {text('tags_title', language)}", text("tags_intro", language)]
    items = []
    for tag in sorted(base.vocabulary.tags, key=lambda t: t.name.get(language).casefold()):
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


def render_tag_page(base: KnowledgeBase, index: SiteIndex, tag: Term, language: str) -> str:
    """The resources and FAQ entries of one tag."""
    page = links.tag_page(tag.id)
    parts = [f"# {text('tag_title', language, name=escape_markdown(tag.name.get(language)))}"]
    parts.append(f"[{text('all_tags', language)}](index.md)")
    resources = index.by_tag.get(tag.id, [])
    if resources:
        parts.append(f"## {text('resources', language)} {{#section-resources}}")
        parts.append(_resource_list(base, resources, language, page))
    entries = index.faq_by_tag.get(tag.id, [])
    if entries:
        parts.append(f"## {text('faq_entries', language)} {{#section-faq}}")
        parts.append(
            "\n".join(
                f"- {links.markdown_link(e.title.get(language), links.faq_target(e), page)}"
                for e in entries
            )
        )
    return links.NOT_SEARCHED + "\n\n".join(parts) + "\n"


def render_type_index(base: KnowledgeBase, index: SiteIndex, language: str) -> str:
    """Every resource type with its number of resources."""
    lines = [f"# {text('types_title', language)}", text("types_intro", language)]
    page = "types/index.md"
    items = [
        f"- {links.markdown_link(kind.name.get(language), links.type_page(kind.id), page)}"
        f" – {count('resource_count', len(index.by_type.get(kind.id, [])), language)}"
        for kind in base.vocabulary.types
    ]
    return links.NOT_SEARCHED + "\n\n".join(lines) + "\n\n" + "\n".join(items) + "\n"


def render_type_page(base: KnowledgeBase, index: SiteIndex, kind: Term, language: str) -> str:
    """The resources of one type."""
    page = links.type_page(kind.id)
    parts = [
        f"# {text('type_title', language, name=escape_markdown(kind.name.get(language)))}",
        f"[{text('all_types', language)}](index.md)",
    ]
    resources = index.by_type.get(kind.id, [])
    if resources:
        parts.append(_resource_list(base, resources, language, page))
    return links.NOT_SEARCHED + "\n\n".join(parts) + "\n"


def render_category_cards(base: KnowledgeBase, index: SiteIndex, language: str, page: str) -> str:
    """The home page's grid of categories with their number of resources."""
    cards = []
    for category in base.vocabulary.categories:
        name = escape_markdown(category.name.get(language))
        target = links.relative(links.category_page(category.id), page)
        size = count("resource_count", index.category_size(category.id), language)
        cards.append(f"-   [**{name}**]({target})\n\n    {size}")
    return '<div class="grid cards" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"


def render_latest_additions(
    base: KnowledgeBase, language: str, page: str, limit: int = LATEST_COUNT
) -> str:
    """The most recently added resources, newest first (later in the file counts as newer)."""
    ordered = sorted(
        enumerate(base.resources), key=lambda pair: (pair[1].added, pair[0]), reverse=True
    )
    return "\n".join(render_see_also(resource, language, page) for _, resource in ordered[:limit])


def _section(
    base: KnowledgeBase,
    index: SiteIndex,
    category: str,
    subcategory: str | None,
    language: str,
    page: str,
    health: LinkHealth | None,
) -> list[str]:
    described = [
        render_resource(r, base, index, language, page, health)
        for r in index.by_section.get((category, subcategory), [])
    ]
    elsewhere = index.also_in_section.get((category, subcategory), [])
    if elsewhere:
        heading = f"**{text('also_listed', language)}** – {text('also_listed_help', language)}"
        items = "\n".join(render_see_also(r, language, page) for r in elsewhere)
        described.append(f"{heading}\n{{ .ds-see-also }}\n\n{items}")
    return described


def _resource_list(base: KnowledgeBase, resources: list[Resource], language: str, page: str) -> str:
    names = {c.id: c.name for c in base.vocabulary.categories}
    return "\n".join(
        f"{render_see_also(r, language, page)} – {escape_markdown(names[r.category].get(language))}"
        for r in resources
    )


HOME_MARKERS = (
    "<!-- deepscopie:counts -->",
    "<!-- deepscopie:categories -->",
    "<!-- deepscopie:latest -->",
)


def fill_home_page(markdown: str, base: KnowledgeBase, language: str, page: str) -> str:
    """The hand-written home page with its markers replaced by what the data says today."""
    index = SiteIndex.of(base)
    counts = ", ".join(
        [
            count("resource_count", len(base.resources), language),
            count("question_count", len(base.faq), language),
        ]
    )
    replacements = {
        HOME_MARKERS[0]: counts,
        HOME_MARKERS[1]: render_category_cards(base, index, language, page),
        HOME_MARKERS[2]: render_latest_additions(base, language, page),
    }
    for marker, content in replacements.items():
        markdown = markdown.replace(marker, content)
    return french_spacing(markdown) if language == "fr" else markdown


GUIDE_MARKERS = ("<!-- deepscopie:rules -->", "<!-- deepscopie:fields -->")


def fill_guide_page(markdown: str, base: KnowledgeBase, language: str) -> str:
    """The hand-written contribution guide with its generated field and rule references."""
    markdown = markdown.replace(GUIDE_MARKERS[0], render_rule_list(language))
    markdown = markdown.replace(GUIDE_MARKERS[1], render_field_reference(base, language))
    return french_spacing(markdown) if language == "fr" else markdown
