"""``bibliography.bib``: the papers and books of the knowledge base, for reference managers.

bibtexparser writes the entries (fields braced as BibTeX needs) but escapes nothing: every
value goes through ``escaping.bibtex_value``, so that no brace in the data closes a field and a
title with ``&`` or ``%`` compiles.
"""

from __future__ import annotations

from babel import Locale
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.middlewares.parsestack import default_unparse_stack
from bibtexparser.model import Entry, Field

from deepscopie.escaping import bibtex_value
from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.model import Resource

_ENTRY_TYPES = {"paper": "article", "book": "book"}


def bibliography(base: KnowledgeBase) -> str:
    """A BibTeX entry per paper and book (titles as published; DOI and URL when known)."""
    library = Library()
    for resource in base.resources:
        if resource.type in _ENTRY_TYPES:
            library.add(Entry(_ENTRY_TYPES[resource.type], resource.id, _fields(resource)))
    # The library is this function's own: changing it in place spares copying every entry.
    return str(write_string(library, unparse_stack=default_unparse_stack(True)))


def _fields(resource: Resource) -> list[Field]:
    # bibtexparser puts each value between braces; the title's second pair keeps its capitals.
    fields = [Field("title", "{" + bibtex_value(_published_title(resource)) + "}")]
    if resource.title_language is not None:
        fields.append(Field("langid", _langid(resource.title_language)))
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


def _published_title(resource: Resource) -> str:
    """The title as published: in its own language (``title_language``, else the resource's
    first language the data has a text in), else in the site's first language."""
    texts = resource.title.texts
    own = [resource.title_language or "", *resource.languages]
    return next((texts[code] for code in own if code in texts), next(iter(texts.values())))


def _langid(code: str) -> str:
    """biblatex's language of a title (hyphenation, case rules): ``fr`` -> ``french``."""
    return str(Locale("en").languages.get(code, code)).lower()
