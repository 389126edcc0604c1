"""The HTML pieces the rendered pages are made of: links and headings, their text escaped."""

from __future__ import annotations

from html import escape

# The title of a heading's "¶" link, as Python-Markdown's toc extension writes it elsewhere.
PERMALINK_TITLE = "Permanent link"


def link(title: str, address: str, css_class: str = "") -> str:
    """``<a href="address">title</a>``, both escaped."""
    attribute = f' class="{css_class}"' if css_class else ""
    return f'<a href="{escape(address, quote=True)}"{attribute}>{escape(title, quote=False)}</a>'


def heading(level: int, anchor: str, title: str) -> str:
    """A heading (``title`` is HTML) with its "¶" permalink, as Python-Markdown writes them."""
    return (
        f'<h{level} id="{anchor}">{title}<a class="headerlink" href="#{anchor}"'
        f' title="{PERMALINK_TITLE}">&para;</a></h{level}>'
    )
