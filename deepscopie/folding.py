"""Text as readers type it: lower case, without accents, words apart. What the site's
scripts do to what is typed (search.js and explore.js, ``fold``) is done here to what the
data says, so that the two compare."""

from __future__ import annotations

import re
import unicodedata

_COMBINING_MARKS = re.compile("[\u0300-\u036f]")
_NOT_WORD = re.compile(r"[^\w]+")
# What search.js's bare leaves out of a word: all but letters and digits.
_NOT_LETTER = re.compile(r"[\W_]+")


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


# What an id keeps of a text: ASCII letters and digits.
_NOT_IN_AN_ID = re.compile(r"[^a-z0-9]+")


def id_words(text: str) -> str:
    """``text`` as an id's words: ASCII, lower case, joined by hyphens (``Cellpose 2.0`` ->
    ``cellpose-2-0``, ``Débruitage`` -> ``debruitage``), as a tag's or an entry's id is
    written."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_IN_AN_ID.sub("-", ascii_text.lower()).strip("-")


# An elided word before another ("l'", "d'", "qu'"), which search.js leaves out of what it
# searches (its ELIDED, the same pattern): "l'apprentissage" is "apprentissage".
_ELIDED = re.compile(r"\b(?:qu|[cdjlmnst])['’](?=[^\W\d_])", re.IGNORECASE)


def without_elision(text: str) -> str:
    """``text`` without its elided words (``d'une frame à l'autre`` -> ``une frame à autre``),
    as search.js reads a question."""
    return _ELIDED.sub("", text)


# What separates words, but for a hyphen: "coding-free" stays one word.
_NOT_WORD_NOR_HYPHEN = re.compile(r"[^\w-]+")


def whole_words(text: str) -> set[str]:
    """The folded words of ``text``, a hyphenated compound as one word ("coding-free" is
    neither "coding" nor "free"); an apostrophe separates ("d'images" has "images")."""
    words = _NOT_WORD_NOR_HYPHEN.split(without_accents(text))
    return {stripped for word in words if (stripped := word.strip("-"))}


# What follows a name in a title and qualifies it: "ITK-SNAP (3D)", "Omnipose: a
# high-precision…".
# What starts a title's qualifier ("Omnipose: …", "ITK-SNAP (3D)").
_QUALIFIER = re.compile(r"[(:]")


def name_of(title: str) -> str:
    """The name a title starts with, as written, without what qualifies it
    (``Omnipose: a high-precision…`` -> ``Omnipose``)."""
    # Cut at the qualifier, then stripped: a pattern with the spaces before it ("\s*[(:]")
    # was tried from each space of a long run, in a time that grows as its square.
    qualifier = _QUALIFIER.search(title)
    return (title[: qualifier.start()] if qualifier else title).strip()


def qualified_after_colon(title: str) -> bool:
    """Whether ``title`` qualifies its name after a colon (``Cellpose: the talk``), not in
    parentheses (``Labkit (2D and 3D)``)."""
    qualifier = _QUALIFIER.search(title)
    return qualifier is not None and qualifier.group() == ":"


def name_words(title: str) -> list[str]:
    """The folded words of the name a title starts with, without what qualifies it
    (``ITK-SNAP (3D)`` -> ``["itk", "snap"]``)."""
    return fold(name_of(title)).split()


def question_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` as search.js compares a question's (``bare`` of each word apart
    by spaces, elided words left out): ``Quelqu'un sait-il`` -> ``("quelquun", "saitil")``."""
    words = (_NOT_LETTER.sub("", without_accents(word)) for word in without_elision(text).split())
    return tuple(word for word in words if word)


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
