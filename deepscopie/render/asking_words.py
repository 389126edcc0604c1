"""What search.js needs of the vocabulary to read how a reader asks for entries ("liste des
cours", "voir tous les cours", "find a tool"), beside the language's lists of words
(deepscopie/catalogues/languages.yaml: request_words, showing_words): the synonyms' phrases
that say a request word, and the words that name a kind of entry."""

from __future__ import annotations

from deepscopie.folding import question_words
from deepscopie.languages import Language, site_languages
from deepscopie.model import VocabularyFile
from deepscopie.synonyms import language_synonyms, singular


def asking_word_lists(vocabulary: VocabularyFile, language: Language) -> dict[str, str]:
    """``request_phrases``: the synonyms' phrases that say one of the language's request
    words, separated by commas (search.js keeps such a word where a question says one);
    ``kind_words``: the words that name a kind of entry, separated by spaces (search.js
    leaves out a showing word right before one)."""
    synonyms = language_synonyms(vocabulary.synonyms, language)
    phrases = synonyms.phrases_saying(language.request_words.split())
    return {
        "request_phrases": ", ".join(phrases),
        "kind_words": " ".join(kind_words(vocabulary)),
    }


def kind_words(vocabulary: VocabularyFile) -> list[str]:
    """The words that name a kind of entry, as search.js reads a question's (bare, singular),
    each once: every word of each type's name in every language, but that language's stop
    words ("Jeu de données": "jeu", "donnee"), and the one-word synonyms of a type's name
    ("Livre": "bouquin", "ebook"; "Vidéo": "youtube"). The same on every page: French
    readers type the English names ("datasets"), and English pages are read in French too."""
    names: dict[str, Language] = {
        " ".join(question_words(kind.name.get(language.code))): language
        for kind in vocabulary.types
        for language in site_languages()
    }
    words = [
        word
        for name, language in names.items()
        for word in name.split()
        if word not in language.stop_word_set
    ]
    for group in vocabulary.synonyms:
        if any(" ".join(question_words(member)) in names for member in group):
            words += [read[0] for read in map(question_words, group) if len(read) == 1]
    return sorted({singular(word) for word in words})
