"""What search.js needs of the vocabulary to read how a reader asks for entries ("liste des
cours", "voir tous les cours", "find a tool"), beside the language's lists of words
(deepscopie/catalogues/languages.yaml: request_words, showing_words): the synonyms' phrases
that say one of those words, and the names of the kinds of entry."""

from __future__ import annotations

from collections import Counter

from deepscopie.languages import Language, site_languages
from deepscopie.model import VocabularyFile
from deepscopie.synonyms import Synonyms, language_synonyms


def asking_word_lists(vocabulary: VocabularyFile, language: Language) -> dict[str, str]:
    """``asking_phrases``: the synonyms' phrases that say one of the language's request or
    showing words, separated by commas (search.js keeps such a word where a question says
    one: "mailing list", "find a model"); ``kind_phrases``: the names of the kinds of entry
    (see :func:`kind_phrases`), separated by commas (search.js leaves out a showing word
    right before one)."""
    synonyms = language_synonyms(vocabulary.synonyms, language)
    asking = [*language.request_words.split(), *language.showing_words.split()]
    return {
        "asking_phrases": ", ".join(synonyms.phrases_saying(asking)),
        "kind_phrases": ", ".join(kind_phrases(vocabulary, synonyms)),
    }


def kind_phrases(vocabulary: VocabularyFile, synonyms: Synonyms) -> list[str]:
    """The names of the kinds of entry, each once, as search.js reads a question's words on
    the pages of the language of ``synonyms`` (:meth:`Synonyms.read_as_asked`) apart by
    spaces: each type's name in every language ("jeu donnee", "model zoo"; French readers
    type the English, and the reverse), and the words and phrases of a synonym group that
    has one ("bouquin", "youtube", "base de données"), but a word of another group too
    ("channel", of the multichannel images: "display channels" asks for no video), nor one
    that begins with another ("jeu donnee public")."""

    def read(text: str) -> str:
        return " ".join(synonyms.read_as_asked(text))

    names = {read(kind.name.get(one.code)) for kind in vocabulary.types for one in site_languages()}
    groups = [[read(member) for member in group] for group in synonyms.groups]
    groups_of = Counter(member for group in groups for member in set(group))
    phrases = set(names)
    for group in groups:
        if names.intersection(group):
            phrases.update(m for m in group if " " in m or groups_of[m] == 1)
    phrases.discard("")
    # Not one that begins with another ("jeu donnee public", "video tutorial"): search.js
    # reads a kind's name as the beginning of what follows the verb.
    return sorted(p for p in phrases if not any(p.startswith(f"{other} ") for other in phrases))
