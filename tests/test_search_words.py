"""The words the search puts a common word typed wrong right to: each language's entries'."""

from __future__ import annotations

import json

from deepscopie.render.search_records import WORDS_FILE, SearchRecord
from deepscopie.render.search_words import search_words, words_files


def _entry(name: str, language: str, words: str) -> SearchRecord:
    return SearchRecord(f"entries/{language}/{name}.html", "<html></html>", language, words)


RECORDS = [
    _entry("a", "fr", "Débruitage d'images de microscopie, Débruitage"),
    _entry("b", "fr", "Segmentation d'images; débruitage (GPU) U-Net 2D"),
    _entry("c", "fr", "Carte graphique pour la microscopie"),
    _entry("a", "en", "Denoising microscopy images"),
    # A part's words are every entry's: not one entry more for each of them.
    SearchRecord("entries/fr-lexicon/fr-x-part0.html", "", "fr", "graphique graphique zzzzzz"),
]


def test_the_words_are_those_of_the_language_commonest_first() -> None:
    # "débruitage" three times, "images" twice ("d'images" is the word "images" after an
    # apostrophe), "microscopie" twice, the others once; as often: alphabetically.
    assert search_words(RECORDS, "fr") == [
        "débruitage",
        "images",
        "microscopie",
        "carte",
        "graphique",
        "segmentation",
    ]
    assert search_words(RECORDS, "en") == ["denoising", "images", "microscopy"]


def test_a_short_word_a_number_or_a_part_of_a_compound_with_digits_is_no_word() -> None:
    # "GPU" and "pour" are one letter from too many words; "U-Net" gives "net", "2D" nothing.
    words = search_words(RECORDS, "fr")
    assert not {"gpu", "pour", "net", "2d", "d"} & {word.lower() for word in words}


def test_a_word_is_given_as_the_entries_most_often_write_it() -> None:
    records = [
        _entry("a", "fr", "Debruitage rapide"),
        _entry("b", "fr", "débruitage"),
        _entry("c", "fr", "Débruitage"),
    ]
    # Case aside ("Débruitage" is "débruitage"), then the spelling used most.
    assert search_words(records, "fr")[0] == "débruitage"


def test_each_language_has_its_file_at_the_site_root() -> None:
    files = words_files(RECORDS, ["fr", "en"])
    assert list(files) == ["search-words-fr.json", "search-words-en.json"]
    assert WORDS_FILE.format(language="fr") in files
    assert json.loads(files["search-words-en.json"]) == search_words(RECORDS, "en")
