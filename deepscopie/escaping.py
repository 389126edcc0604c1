"""The one way each kind of output receives a string from the data: escaped for its context.

Contributors are untrusted, so every data string is escaped where it meets markup, by one of
these functions (or by a library that escapes itself: feedgen for XML, the csv module for CSV
quoting). Nothing here ever unescapes: text that went through ``html_text`` stays inert even if
it held ``&lt;script&gt;``.

| context                    | function          |
| -------------------------- | ----------------- |
| HTML text                  | ``html_text``      |
| HTML attribute value       | ``html_attribute`` |
| URL in ``href``/``src``     | ``html_href``      |
| text inside Markdown       | ``markdown_text``  (on one line) |
| HTML text inside Markdown  | ``html_in_markdown`` (inline HTML that Python-Markdown reads) |
| BibTeX field value         | ``bibtex_value``   |
| CSV cell                   | ``csv_cell``       |
| Jinja2 templates           | ``plain_text_filter`` (replaces ``striptags``) |
| a terminal, a CI log       | ``shown_in_terminal`` |

Text a server sends (a reason phrase, a release's name) is made one line by ``one_line``
where it enters a report.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

from markupsafe import Markup

from deepscopie.characters import INVISIBLE_OR_CONTROL, STACKED_ACCENT

# Schemes a link on the site may use; anything else (javascript:, data:, vbscript:…) is dropped.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
# What a link becomes when its address is refused: it stays a harmless link to the page itself.
REFUSED_HREF = "#"

# Line breaks, the controls a terminal obeys (escape sequences, carriage return, bell), and
# the invisible and bidirectional characters the data may not hold (a reviewer would see one
# thing, readers another).
_CONTROL = re.compile(f"{INVISIBLE_OR_CONTROL}|[\t\n]")
# Accents stacked on one letter past two, which the data may not hold either: they draw over
# the lines around them.
_STACKED_ACCENT = re.compile(STACKED_ACCENT)
_SPACES = re.compile(r"\s+")

# Characters with a meaning inside a line of Markdown (line-start ones like "-" never occur there).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|~])")
# Characters a browser ignores inside a scheme ("java\tscript:" is "javascript:").
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]")
# LaTeX's special characters, each written as LaTeX reads it literally.
_BIBTEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "#": r"\#",
    "&": r"\&",
    "$": r"\$",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
    "@": r"{@}",  # BibTeX starts an entry at "@" in some readers
}
_BIBTEX_SPECIAL = re.compile("|".join(re.escape(c) for c in _BIBTEX))
# A spreadsheet evaluates a cell starting with these (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def html_text(value: str) -> str:
    """``value`` as the text of an HTML element (``<``, ``>`` and ``&``; quotes mean nothing
    there: an attribute value goes through ``html_attribute``)."""
    return html.escape(value, quote=False)


def html_in_markdown(value: str) -> str:
    """``value`` as the text of inline HTML placed in a Markdown page (an ``<svg>`` is not a
    block that Python-Markdown leaves alone): Markdown's characters become character
    references, which both Markdown and the browser read as the plain character."""
    return _MARKDOWN_SPECIAL.sub(lambda match: f"&#{ord(match.group())};", html_text(value))


def html_attribute(value: str) -> str:
    """``value`` as an attribute value, to be written between double quotes."""
    return html.escape(value, quote=True)


def safe_href(url: str) -> str:
    """``url`` unchanged when a link may point there (http, https, mailto or a relative
    address), else ``#``: a ``javascript:`` link must not survive any spelling."""
    try:
        scheme = urlsplit(_IGNORED_IN_SCHEME.sub("", url)).scheme.lower()
    except ValueError:  # e.g. an unclosed "[": no browser link either
        return REFUSED_HREF
    if scheme and scheme not in LINK_SCHEMES:
        return REFUSED_HREF
    if _IGNORED_IN_SCHEME.sub("", url).startswith(("//", "\\\\", "/\\", "\\/")):
        return REFUSED_HREF  # protocol-relative: another host than the site's
    return url


@lru_cache(maxsize=65536)  # the same few thousand internal links, a hundred thousand times
def html_href(url: str) -> str:
    """``url`` as the value of ``href``: refused schemes dropped, then escaped."""
    return html_attribute(safe_href(url))


def markdown_href(url: str) -> str:
    """``url`` as the ``href`` of an HTML link written inside Markdown: Python-Markdown reads
    Markdown even in a tag's attributes ("![x](#)" became an image there), so its characters
    are written as entities, as are HTML's; refused schemes are dropped (see safe_href)."""
    return "".join(
        f"&#{ord(character)};" if _MARKDOWN_SPECIAL.match(character) else html.escape(character)
        for character in safe_href(url)
    )


def markdown_text(value: str) -> str:
    """Plain text (a title, a tag name) made inert inside Markdown: HTML and Markdown syntax
    both escaped, so that neither Python-Markdown nor a browser reads markup in it, and on one
    line, so that it cannot end its table row or paragraph and start a block of its own."""
    # Markdown first: the "#" of an entity written by html.escape must not be escaped.
    return html.escape(_MARKDOWN_SPECIAL.sub(r"\\\1", one_line(value)), quote=False)


def one_line(value: str) -> str:
    """``value`` as one line of plain text: each run of line breaks, controls and spaces made
    one space, and accents stacked past two left out (what a server sends may hold anything)."""
    return _SPACES.sub(" ", _CONTROL.sub(" ", _STACKED_ACCENT.sub("", value))).strip()


def shown_in_terminal(value: str) -> str:
    """``value`` with its control, invisible and bidirectional characters written out
    (``\\x1b``, ``\\r``, ``\\u202e``), so that printing it cannot move the cursor, erase a
    line, plant a link or reorder the text in a terminal or a CI log."""
    return _CONTROL.sub(lambda found: found.group().encode("unicode_escape").decode(), value)


def bibtex_value(value: str) -> str:
    """``value`` as the content of a braced BibTeX field: no brace can close the field."""
    return _BIBTEX_SPECIAL.sub(lambda match: _BIBTEX[match.group()], value)


def csv_cell(value: str) -> str:
    """``value`` as a CSV cell that no spreadsheet evaluates: a ``'`` before a cell that would
    start a formula, and before each piece after a ";", which a spreadsheet told to split on
    ";" (as French ones read CSV) reads as a cell of its own (the csv module does the
    quoting, for commas only)."""
    return ";".join(
        f"'{piece}" if piece.startswith(_FORMULA_START) else piece for piece in value.split(";")
    )


def csv_list(values: Iterable[str]) -> str:
    """A list as one CSV cell, its items joined by ";", each made safe as a cell of its own
    (an item that holds a ";" too: "Ada;=1+1")."""
    return ";".join(csv_cell(value) for value in values)


def plain_text_filter(value: object) -> Markup:
    """Jinja2's ``striptags`` made safe: the tags are removed and the text stays escaped.

    Jinja2's own ``striptags`` unescapes entities, so a title written ``&lt;script&gt;`` would
    come out as live markup in ``<title>``; the result here is ``Markup``, so a following ``| e``
    does not escape it twice.
    """
    return Markup(html.escape(Markup(str(value)).striptags(), quote=True))
