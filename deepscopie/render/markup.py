"""The HTML pieces the rendered pages are made of: links and headings, their text escaped and,
given a language, in its typography (the text first, then escaped: never the markup)."""

from __future__ import annotations

from html import escape

from deepscopie.render.texts import text as interface_text
from deepscopie.render.typography import typeset


def text(value: str, language: str) -> str:
    """Plain text (the data's or the interface's) as HTML: typeset, then escaped."""
    return escape(typeset(value, language), quote=False)


def link(
    title: str,
    address: str,
    css_class: str = "",
    *,
    language: str | None = None,
    lang: str | None = None,
) -> str:
    """``<a href="address">title</a>``, both escaped; ``title`` typeset in ``language`` when
    given, and marked as written in ``lang`` when that is another language."""
    attributes = f' class="{escape(css_class)}"' if css_class else ""
    attributes += f' lang="{escape(lang)}"' if lang else ""
    shown = typeset(title, language) if language else title
    return f'<a href="{escape(address, quote=True)}"{attributes}>{escape(shown, quote=False)}</a>'


def heading(level: int, anchor: str, title: str, language: str, *, permalink: bool = True) -> str:
    """A heading (``title`` is HTML) with its "¶" permalink, as Python-Markdown writes them,
    the permalink's title in ``language`` (none inside a control, such as a summary)."""
    link = permalink_link(anchor, language) if permalink else ""
    return f'<h{level} id="{escape(anchor)}">{title}{link}</h{level}>'


def permalink_link(anchor: str, language: str) -> str:
    """The "¶" link to ``#anchor``, titled in ``language``."""
    title = escape(interface_text("permalink_title", language))
    return f'<a class="headerlink" href="#{escape(anchor)}" title="{title}">&para;</a>'
