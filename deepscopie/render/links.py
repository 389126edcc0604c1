"""Where each entry lives, and relative links between generated pages.

Markdown links point at the ``.md`` source files, so MkDocs checks them (and their anchors) in
a strict build and turns them into relative URLs. Pages rendered straight to HTML (the long
lists of entries) link to the built addresses instead, relative as well, so the site works
under any sub-path; the internal link check of the built site covers them.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from deepscopie.model import FaqEntry, Resource
from deepscopie.render.safe_html import escape_markdown

FAQ_PAGE = "faq.md"


def not_searched(*hidden: str) -> str:
    """Front matter of a page that only lists or counts entries: left out of the search index,
    so that a search lands on the entries themselves; ``hidden`` names the parts of Material's
    layout it does without ("toc": Explore takes its width for the filters' column)."""
    hide = "".join(f"\n  - {part}" for part in hidden)
    return "---\nsearch:\n  exclude: true" + (f"\nhide:{hide}" if hidden else "") + "\n---\n\n"


NOT_SEARCHED = not_searched()
CONTRIBUTE = "about.md#contribute"
# Every anchor the renderer makes for itself (sections, a page's title) starts with this, and
# every id of the interface (templates, scripts) with "ds-": an entry's id, which is its anchor,
# can then never be the same as one (tests/test_site.py checks the built pages hold no other).
SECTION_PREFIX = "section-"
INTERFACE_PREFIX = "ds-"
# The file name that stands for its folder: tags/index.md is the list of tags (tags/).
INDEX_NAME = "index"


def section_anchor(name: str) -> str:
    """The anchor of a section (or of the title) of a generated page."""
    return f"{SECTION_PREFIX}{name}"


# The sections a generated page names for itself beside those the vocabulary names (a
# sub-category's "section-<id>" on its category's page, an FAQ topic's "section-topic-<id>"):
# an id that would give one of these anchors is refused (deepscopie.checks).
TITLE_SECTION = "title"
TITLE_ANCHOR = section_anchor(TITLE_SECTION)
OTHER_TOPIC = "other"


def topic_anchor(topic: str) -> str:
    """The anchor of an FAQ topic's section (``OTHER_TOPIC``: the questions of none)."""
    return section_anchor(f"topic-{topic}")


def is_reserved_anchor(anchor: str) -> bool:
    """True when the renderer or the interface may use ``anchor`` on a page: no entry may."""
    return anchor.startswith((SECTION_PREFIX, INTERFACE_PREFIX))


def is_reserved_page_name(name: str) -> bool:
    """True when a page named ``name`` would be a folder's index instead of a page of its own."""
    return name == INDEX_NAME


def page_title(markdown: str) -> str:
    """A generated page's title, with the renderer's own anchor (not a slug of its text,
    which an entry's id could equal)."""
    return f"# {markdown} {{#{TITLE_ANCHOR}}}"


def category_page(category_id: str) -> str:
    """The page of a category."""
    return f"categories/{category_id}.md"


def tag_page(tag_id: str) -> str:
    """The page of a tag."""
    return f"tags/{tag_id}.md"


def type_page(type_id: str) -> str:
    """The page of a resource type."""
    return f"types/{type_id}.md"


def resource_target(resource: Resource) -> str:
    """A resource's permalink: its heading on its category's page."""
    return f"{category_page(resource.category)}#{resource.id}"


def faq_target(entry: FaqEntry) -> str:
    """An FAQ entry's permalink: its heading on the FAQ page."""
    return f"{FAQ_PAGE}#{entry.id}"


def relative(target: str, from_page: str) -> str:
    """``target`` (``path.md#anchor``) as a link written in ``from_page``."""
    path, hash_, anchor = target.partition("#")
    link = posixpath.relpath(path, posixpath.dirname(from_page) or ".")
    return f"{link}{hash_}{anchor}"


def built_url(target: str) -> str:
    """Where the build puts ``path.md#anchor``, from the language's root:
    ``categories/software.md#cellpose`` -> ``categories/software/#cellpose``."""
    path, hash_, anchor = target.partition("#")
    return f"{_built_folder(path)}{hash_}{anchor}"


def href(target: str, from_page: str) -> str:
    """``target`` (``path.md#anchor``) as the built address, relative to the built
    ``from_page``: ``types/tool.md`` from ``categories/software.md`` -> ``../../types/tool/``."""
    path, hash_, anchor = target.partition("#")
    folder = _relative_folder(path, from_page)
    return f"{folder}{hash_}{anchor}" if folder or anchor else "./"


@lru_cache(maxsize=4096)  # a few thousand pairs of pages, asked for hundreds of thousands of times
def _relative_folder(path: str, from_page: str) -> str:
    if path == from_page:
        return ""
    start = _built_folder(from_page) or "."
    return posixpath.relpath(_built_folder(path) or ".", start) + "/"


def _built_folder(path: str) -> str:
    """``categories/software.md`` -> ``categories/software/``; ``tags/index.md`` -> ``tags/``."""
    stem = path.removesuffix(".md")
    if stem == INDEX_NAME or stem.endswith(f"/{INDEX_NAME}"):
        return stem.removesuffix(INDEX_NAME)
    return f"{stem}/"


def markdown_link(title: str, target: str, page: str) -> str:
    """``[title](relative target)``, the title escaped, written in ``page``."""
    return f"[{escape_markdown(title)}]({relative(target, page)})"
