"""The HTML pieces the rendered pages are made of: links and headings, their text escaped."""

from __future__ import annotations

from deepscopie.escaping import html_attribute, html_href, html_text

# The title of a heading's "¶" link, as Python-Markdown's toc extension writes it elsewhere.
PERMALINK_TITLE = "Permanent link"


def link(title: str, address: str, css_class: str = "") -> str:
    """``<a href="address">title</a>``: the title escaped, the address checked and escaped."""
    attribute = f' class="{html_attribute(css_class)}"' if css_class else ""
    return f'<a href="{html_href(address)}"{attribute}>{html_text(title)}</a>'


def heading(level: int, anchor: str, title: str) -> str:
    """A heading (``title`` is HTML) with its "¶" permalink, as Python-Markdown writes them."""
    anchor = html_attribute(anchor)
    return (
        f'<h{level} id="{anchor}">{title}<a class="headerlink" href="#{anchor}"'
        f' title="{PERMALINK_TITLE}">&para;</a></h{level}>'
    )
