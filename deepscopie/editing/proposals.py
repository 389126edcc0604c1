"""What a resource says about itself (:mod:`deepscopie.editing.sources`), as the options of
``deepscopie add`` it fills."""

from __future__ import annotations

from typing import Any

from deepscopie.editing.sources import Found
from deepscopie.folding import id_words
from deepscopie.model import VocabularyFile
from deepscopie.render.texts import language_codes

# The record's own facts: taken as they are, in a terminal too (titles and descriptions are
# proposals for the editor to check).
STATED = ("year", "author", "venue", "doi", "licence")


def proposals(found: Found, vocabulary: VocabularyFile) -> dict[str, Any]:
    """Option name (as in ``args``) -> value, for each field the source gives."""
    proposed: dict[str, Any] = {}
    if found.url:
        proposed["url"] = found.url
    if found.title:  # a title is published in one form: the same in both languages
        proposed["title_fr"] = proposed["title_en"] = found.title
    if found.description and found.description_language in language_codes():
        proposed[f"description_{found.description_language}"] = found.description
    if found.type in {t.id for t in vocabulary.types}:
        proposed["type"] = found.type
    tags = matching_tags(found.keywords, vocabulary)
    if tags:
        proposed["tag"] = tags
    if found.languages:
        proposed["language"] = found.languages
    facts = {
        "year": found.year,
        "author": found.authors,
        "venue": found.venue,
        "doi": found.doi,
        "licence": found.licence,
    }
    proposed.update({name: value for name, value in facts.items() if value})
    return proposed


def matching_tags(keywords: list[str], vocabulary: VocabularyFile) -> list[str]:
    """The tags of the vocabulary that the source's topics or keywords name (by id, or by
    name in either language): ``deep-learning``, ``Segmentation`` -> ``segmentation``."""
    names = {id_words(tag.id): tag.id for tag in vocabulary.tags}
    for tag in vocabulary.tags:
        for code in language_codes():
            names.setdefault(id_words(tag.name.get(code)), tag.id)
    found = [names[id_words(keyword)] for keyword in keywords if id_words(keyword) in names]
    return list(dict.fromkeys(found))
