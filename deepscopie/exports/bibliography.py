"""``bibliography.bib``: the papers and books of the knowledge base, for reference managers.

bibtexparser writes the entries (fields braced as BibTeX needs); here only LaTeX's special
characters are escaped, so that a title with ``&`` or ``%`` compiles.
"""

from __future__ import annotations

import re

from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.model import Resource

_ENTRY_TYPES = {"paper": "article", "book": "book"}
_LATEX_SPECIAL = re.compile(r"([&%$#_])")


def bibliography(base: KnowledgeBase) -> str:
    """A BibTeX entry per paper and book (English titles; DOI and URL when known)."""
    library = Library()
    for resource in base.resources:
        if resource.type in _ENTRY_TYPES:
            library.add(Entry(_ENTRY_TYPES[resource.type], resource.id, _fields(resource)))
    return str(write_string(library))


def _fields(resource: Resource) -> list[Field]:
    fields = [Field("title", "{" + _latex(resource.title.en) + "}")]  # keep its capitals
    if resource.authors:
        fields.append(Field("author", " and ".join(_latex(a) for a in resource.authors)))
    if resource.year:
        fields.append(Field("year", str(resource.year)))
    if resource.venue:
        venue_field = "journal" if resource.type == "paper" else "publisher"
        fields.append(Field(venue_field, _latex(resource.venue)))
    if resource.doi:
        fields.append(Field("doi", resource.doi))
    if resource.url:
        fields.append(Field("url", resource.url))
    return fields


def _latex(text: str) -> str:
    return _LATEX_SPECIAL.sub(r"\\\1", text.replace("{", "").replace("}", ""))
