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
    same folding as the site's scripts apply to what is typed (search.js, explore.js).
    Compatibility forms first, then lower case: letters in mathematical bold or full width
    fold to the plain ones."""
    return _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text).lower())


def fold(words: str) -> str:
    """:func:`without_accents`, words separated by single spaces (``Débruitage d'images`` ->
    ``debruitage d images``): how text is compared with the synonym groups."""
    return " ".join(_NOT_WORD.sub(" ", without_accents(words)).split())


# What follows a name in a title and qualifies it: "ITK-SNAP (3D)", "Omnipose: a
# high-precision…".
_QUALIFIER = re.compile(r"\s*[(:]")


def name_words(title: str) -> list[str]:
    """The folded words of the name a title starts with, without what qualifies it
    (``ITK-SNAP (3D)`` -> ``["itk", "snap"]``)."""
    return fold(_QUALIFIER.split(title, 1)[0]).split()


def squashed(text: str) -> str:
    """``text`` folded, lower case, without spaces: how a name compares however it is typed
    ("Cell pose", "cell-pose", a name in mathematical bold letters are "cellpose")."""
    return "".join(fold(text).split())


# What ends a word in a text (a hyphen or an apostrophe does not: "pré-entraîné", "d'images").
_EDGES = '.,;:!?()[]{}«»"…·*_`'


def as_written(word: str) -> str:
    """A word of a text as search indexes it, accents and case aside: without the punctuation
    around it, but whole ("vérité-terrain", "d'apprentissage")."""
    return without_accents(word).strip(_EDGES)
