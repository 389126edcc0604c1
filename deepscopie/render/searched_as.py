"""The words search looks for instead of others (the search dialog's ``searched_as``, read by
search.js before Pagefind sees a question): the vocabulary's own list, and the plural of each
acronym its synonym groups name, as a reader types it in lower case. Pagefind's stemmers keep
"gpus" whole (English after a "u", French after a vowel) while they keep "gpu" as is: "gpus"
found 2 entries of the 11 that say "GPU". search.js reads an acronym's plural typed in
capitals ("GPUs") itself, whatever the acronym."""

from __future__ import annotations

import re

from deepscopie.languages import Language
from deepscopie.model import VocabularyFile
from deepscopie.stemming import indexed_form

# An acronym as the vocabulary writes it: two capitals or more, digits after the first ("GPU",
# "HDF5").
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]+\b")
# A vowel, of which an acronym read letter by letter has none but at its end ("gpu", "cnn"):
# "bias", "apis" and "rois" are words too ("BIA", bioimage analysis, gave "bias" its entries).
_VOWEL = re.compile(r"[aeiouy]")


def searched_as(vocabulary: VocabularyFile | None, language: Language) -> dict[str, str]:
    """What search looks for instead of each word typed in ``language`` ({typed: searched},
    lower case): the vocabulary's ``searched_as`` first, then the plurals its stemmer keeps
    of the synonym groups' acronyms (none without a vocabulary)."""
    if vocabulary is None:
        return {}
    own = vocabulary.searched_as.get(language.code) if vocabulary.searched_as is not None else {}
    counted = indexed_form(language.code)
    acronyms = {
        found.lower()
        for group in vocabulary.synonyms
        for phrase in group
        for found in ACRONYM.findall(phrase)
    }
    plurals = {
        f"{acronym}s": acronym
        for acronym in sorted(acronyms)
        if counted(f"{acronym}s") != counted(acronym) and _unspoken(acronym)
    }
    return plurals | dict(own)


def _unspoken(acronym: str) -> bool:
    """Whether ``acronym`` (lower case), with an "s", can be no other word: a vowel, if any,
    at its end only; not one that ends with an "s" ("AWS", "HCS")."""
    return not _VOWEL.search(acronym[:-1]) and not acronym.endswith("s")
