"""The HTML pieces the rendered pages are made of: links and headings, their text escaped (by
:mod:`deepscopie.escaping`) and, given a language, in its typography (the text first, then
escaped: never the markup)."""

from __future__ import annotations

from deepscopie.escaping import html_attribute, html_href, html_text
from deepscopie.render.texts import text as interface_text
from deepscopie.render.typography import typeset


def text(value: str, language: str) -> str:
    """Plain text (the data's or the interface's) as HTML: typeset, then escaped."""
    return html_text(typeset(value, language))


def link(
    title: str,
    address: str,
    css_class: str = "",
    *,
    language: str | None = None,
    lang: str | None = None,
) -> str:
    """``<a href="address">title</a>``: the title escaped (typeset in ``language`` when
    given), the address checked and escaped; marked as written in ``lang`` when given."""
    attributes = f' class="{html_attribute(css_class)}"' if css_class else ""
    attributes += f' lang="{html_attribute(lang)}"' if lang else ""
    shown = typeset(title, language) if language else title
    return f'<a href="{html_href(address)}"{attributes}>{html_text(shown)}</a>'


def heading(level: int, anchor: str, title: str, language: str, *, permalink: bool = True) -> str:
    """A heading (``title`` is HTML) with its "¶" permalink, as Python-Markdown writes them,
    the permalink's title in ``language`` (none inside a control, such as a summary)."""
    link = permalink_link(anchor, language) if permalink else ""
    return f'<h{level} id="{html_attribute(anchor)}">{title}{link}</h{level}>'


def permalink_link(anchor: str, language: str) -> str:
    """The "¶" link to ``#anchor``, titled in ``language``."""
    title = html_attribute(interface_text("permalink_title", language))
    return f'<a class="headerlink" href="#{html_attribute(anchor)}" title="{title}">&para;</a>'
