"""Contributed Markdown turned into HTML that cannot run script in a reader's browser.

markdown-it-py renders with raw HTML disabled (a ``<script>`` becomes visible text), then nh3,
a maintained sanitiser, keeps only an allowlist of tags, attributes and URL schemes. Regular
expressions are no defence here: the sanitiser parses HTML as the browser does.
"""

from __future__ import annotations

import html
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from deepscopie.escaping import markdown_text
from deepscopie.markdown_links import MARKDOWN_OPTIONS, MARKDOWN_PRESET
from deepscopie.render.typography import rules_of

# Plain text inside Markdown: the project's one escaping path for that context.

# Plain text inside Markdown, by the project's one escaping path for that context (the name the
# renderers import).
escape_markdown = markdown_text

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "a", "em", "strong", "code", "pre", "blockquote",
        "ul", "ol", "li", "h4", "h5", "h6", "hr", "del", "sub", "sup",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    return MarkdownIt(MARKDOWN_PRESET, MARKDOWN_OPTIONS)


@lru_cache(maxsize=256)
def interface_html(markdown: str, language: str) -> str:
    """One line of an interface text (ours, not contributed: ``[Suggest it](…)``) as HTML, in
    ``language``'s typography."""
    parser = _markdown()
    tokens = _typeset(parser.parseInline(markdown), language)
    return str(parser.renderer.render(tokens, parser.options, {}))


# Cached: under `mkdocs serve`, an edit of one entry renders again only that entry's text.
@lru_cache(maxsize=65536)
def markdown_to_safe_html(markdown: str, language: str) -> str:
    """Sanitised HTML for a description or an answer, in ``language``'s typography, on lines
    with no blank line between them (a blank line would end the raw-HTML block for the
    Markdown processor of the page)."""
    parser = _markdown()
    tokens = _typeset(parser.parse(markdown), language)
    rendered = parser.renderer.render(tokens, parser.options, {})
    clean = nh3.clean(
        rendered,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_SCHEMES),
        link_rel="noopener noreferrer",
    )
    return "\n".join(line for line in clean.splitlines() if line.strip())


def _typeset(tokens: list[Token], language: str) -> list[Token]:
    """The language's typography on the text tokens only: code spans, code blocks and
    addresses are other kinds of tokens (or attributes), and stay as written."""
    rules = rules_of(language)
    for token in tokens:
        for child in token.children or ():
            if child.type == "text":
                child.content = rules(child.content)
    return tokens


# Cached for the same reason: search records and page descriptions of every entry are computed
# again on each rebuild, and an edit changes one entry's text.
@lru_cache(maxsize=65536)
def plain_text(markdown: str, limit: int = 160) -> str:
    """Contributed Markdown as one line of plain text, cut at a word within ``limit``
    characters (a page's description for search engines and link previews).

    Plain text, not HTML: whoever puts it into markup escapes it (``escaping.html_attribute``,
    or ``| e`` in a template)."""
    text = html.unescape(nh3.clean(_markdown().render(markdown), tags=set()))
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def markdown_url(url: str) -> str:
    """An address safe inside ``[text](url)``: brackets would end the link early."""
    return url.replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


# A hand-written page (docs/*.md, which a merge request may change): Python-Markdown passes its
# raw HTML through, and attr_list gives any element any attribute ("{onclick=…}"). Its HTML is
# cleaned as the data's is, with the wider allowlist that the pages' own HTML needs (the home
# page's search form, Material's grids and details, headings' permalinks, code blocks).
PAGE_TAGS = frozenset(
    nh3.ALLOWED_TAGS
    | {"form", "input", "textarea", "button", "label", "select", "option", "fieldset", "legend"}
    | {"section"}
)
# The data attributes the site's own scripts read on hand-written pages: the home page's search
# form, the proposal form (deepscopie/render/propose.py). No other: a page that gave itself
# Explore's data-ds-entries made Explore's script fetch its own list and open its links
# ("javascript:…"), and Material's scripts act on data-md-* attributes.
PAGE_DATA_ATTRIBUTES = frozenset(
    {"data-ds-search-form", "data-ds-propose", "data-ds-field"}
    | {"data-language", "data-other", "data-texts"}
)
PAGE_ATTRIBUTES = {
    **{tag: set(attributes) for tag, attributes in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"class", "id", "title", "lang", "dir", "role", "hidden", "tabindex", "style"}
    | PAGE_DATA_ATTRIBUTES,
    "a": {"href", "hreflang", "rel", "target"},
    "details": {"open"},
    "form": {"action", "method"},
    "input": {"type", "name", "value", "placeholder", "autocomplete", "checked", "spellcheck"}
    | {"required", "maxlength", "pattern"},
    "textarea": {"name", "rows", "cols", "placeholder", "required", "maxlength"},
    "select": {"name", "required"},
    "option": {"value", "selected"},
    "button": {"type", "name", "value"},
    "label": {"for"},
    "img": {"src", "alt", "width", "height", "loading"},
}
# Python-Markdown aligns a table's columns with a style: the only property a page may set.
PAGE_STYLE_PROPERTIES = frozenset({"text-align"})


def safe_page_html(page_html: str) -> str:
    """A hand-written page's HTML without what can run script: the allowlist above, no
    ``javascript:`` or ``data:`` address, no event handler, no ``<script>`` or ``<style>``."""
    return nh3.clean(
        page_html,
        tags=set(PAGE_TAGS),
        attributes={tag: set(attributes) for tag, attributes in PAGE_ATTRIBUTES.items()},
        generic_attribute_prefixes={"aria-"},
        url_schemes=set(ALLOWED_SCHEMES),
        filter_style_properties=set(PAGE_STYLE_PROPERTIES),
        link_rel=None,
        strip_comments=False,
    )
