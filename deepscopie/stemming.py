"""Words as the search engine counts them. Pagefind indexes each word of a record by its
stem, cut by the Snowball stemmer of the record's language: to an English index,
"segmented", "segmenting" and "segmentation" are one word, "segment". The same algorithms
(the ``snowballstemmer`` package) tell which words of a synonym group a record already has
in another form (see :meth:`deepscopie.synonyms.Synonyms.added_to`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import snowballstemmer

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


def word_as_is(word: str) -> str:
    """A word that no stemmer reads: itself."""
    return word


@cache
def stemmer_for(language: str) -> Callable[[str], str]:
    """The stem of a (folded) word in ``language``, as its search index counts it. Cached,
    without a bound: the texts' words come back record after record, and are a few tens of
    thousands at 10,000 entries."""
    algorithm = _ALGORITHMS.get(language.split("-")[0].lower())
    if algorithm is None:
        return word_as_is
    stemmer = snowballstemmer.stemmer(algorithm)
    return cache(stemmer.stemWord)
