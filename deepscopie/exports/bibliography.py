"""``bibliography.bib``: the papers and books of the knowledge base, for reference managers.

bibtexparser writes the entries (fields braced as BibTeX needs) but escapes nothing: every
value goes through ``escaping.bibtex_value``, so that no brace in the data closes a field and a
title with ``&`` or ``%`` compiles.
"""

from __future__ import annotations

from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field

from deepscopie.escaping import bibtex_value
from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.model import Resource

_ENTRY_TYPES = {"paper": "article", "book": "book"}
# biblatex's language of a title (hyphenation, case rules), from the title's language.
_LANGID = {"en": "english", "fr": "french"}


def bibliography(base: KnowledgeBase) -> str:
    """A BibTeX entry per paper and book (English titles; DOI and URL when known)."""
    library = Library()
    for resource in base.resources:
        if resource.type in _ENTRY_TYPES:
            library.add(Entry(_ENTRY_TYPES[resource.type], resource.id, _fields(resource)))
    return str(write_string(library))


def _fields(resource: Resource) -> list[Field]:
    # bibtexparser puts each value between braces; the title's second pair keeps its capitals.
    fields = [Field("title", "{" + bibtex_value(resource.title.en) + "}")]
    if resource.title_language is not None:
        fields.append(Field("langid", _LANGID[resource.title_language]))
    if resource.authors:
        authors = " and ".join(bibtex_value(author) for author in resource.authors)
        fields.append(Field("author", authors))
    if resource.year:
        fields.append(Field("year", str(resource.year)))
    if resource.venue:
        venue_field = "journal" if resource.type == "paper" else "publisher"
        fields.append(Field(venue_field, bibtex_value(resource.venue)))
    if resource.doi:
        fields.append(Field("doi", bibtex_value(resource.doi)))
    if resource.url:
        fields.append(Field("url", bibtex_value(resource.url)))
    return fields
