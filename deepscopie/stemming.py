"""Words as the search engine counts them. Pagefind indexes each word of a record by its
stem, cut by the Snowball stemmer of the record's language: to an English index,
"segmented", "segmenting" and "segmentation" are one word, "segment"; it folds the word's
accents, then cuts it. The same algorithms (the ``snowballstemmer`` package) tell
which words of a synonym group a record already has in another form (see
:meth:`deepscopie.synonyms.Synonyms.added_to`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import snowballstemmer

from deepscopie.folding import as_written

# Snowball's algorithm for each language code a site may have; a language without one
# (or a code not listed) is read word for word.
_ALGORITHMS = {
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "it": "italian",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
}


@cache
def indexed_form(language: str) -> Callable[[str], str]:
    """How a word of a text counts in ``language``'s search index: as Pagefind reads it, the
    stem of the word without accents (``Segmentées,`` -> ``segmente``, whose beginning
    ``segment`` is ``segmentation``'s), when that is how the word begins; a language Snowball
    has no algorithm for, the word without accents (:func:`deepscopie.folding.as_written`).
    Cached without a bound: the texts' words come back record after record, and are a few
    tens of thousands at 10,000 entries.

    Folded first, as Pagefind folds a question's words and a text's alike: "collées" is
    "colle", which begins "collection" but not "collés" ("coll"). Cut as written, the two
    were one word, and an entry given "collés" (touching cells) was not found for "cellules
    collées"."""
    algorithm = _ALGORITHMS.get(language.split("-")[0].lower())
    if algorithm is None:
        return cache(as_written)
    stem = snowballstemmer.stemmer(algorithm).stemWord

    def counted(word: str) -> str:
        whole = as_written(word)
        cut = stem(whole)
        # A stem is trusted where it is the word's beginning: an elided word is stemmed
        # whole ("d'annotation" is no "annotation"), and a stem that rewrites the ending is
        # not the one Pagefind indexes ("fiabilité": given "fiable" whatever it is cut to).
        return cut if whole.startswith(cut) else whole

    return cache(counted)
