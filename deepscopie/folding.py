"""Text as readers type it: lower case, without accents, words apart. What the site's
scripts do to what is typed (search.js and explore.js, ``fold``) is done here to what the
data says, so that the two compare."""

from __future__ import annotations

import re
import unicodedata

_COMBINING_MARKS = re.compile("[\u0300-\u036f]")
_NOT_WORD = re.compile(r"[^\w]+")


def without_accents(text: str) -> str:
    """Lower case without accents (``Modèle`` -> ``modele``), as a reader may type it: the
    same folding as the site's scripts apply to what is typed (search.js, explore.js)."""
    return _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text.lower()))


def fold(words: str) -> str:
    """:func:`without_accents`, words separated by single spaces (``Débruitage d'images`` ->
    ``debruitage d images``): how text is compared with the synonym groups."""
    return " ".join(_NOT_WORD.sub(" ", without_accents(words)).split())
