"""The words the search puts a common word typed wrong right to: each language's entries'."""

from __future__ import annotations

import json
from pathlib import Path

from deepscopie.knowledge_base import DataFiles, load_knowledge_base
from deepscopie.languages import site_languages
from deepscopie.render.search_names import LONGEST_WORD
from deepscopie.render.search_records import WORDS_FILE, SearchRecord, search_records
from deepscopie.render.search_words import (
    borrowed_words,
    given_words,
    search_words,
    words_files,
)
from tests.conftest import copy_base_data


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


def test_a_language_borrows_the_words_it_lacks() -> None:
    # A French reader types the field's English words ("trakcing" is "tracking"); a word of
    # both once, as the language writes it ("images").
    records = [
        *RECORDS,
        _entry("b", "en", "Cell tracking, cell tracking"),
        _entry("c", "en", "Débruitage"),  # accents aside, the French word's
    ]
    french, english = search_words(records, "fr"), search_words(records, "en")
    assert borrowed_words(french, [english]) == ["tracking", "denoising", "microscopy"]
    assert borrowed_words(english, []) == []


def test_each_language_has_its_file_at_the_site_root() -> None:
    files = words_files(RECORDS, site_languages())
    assert list(files) == ["search-words-fr.json", "search-words-en.json"]
    assert WORDS_FILE.format(language="fr") in files
    assert json.loads(files["search-words-en.json"]) == {
        "own": search_words(RECORDS, "en"),
        "borrowed": [],  # English readers borrow no French word
    }
    assert json.loads(files["search-words-fr.json"])["borrowed"] == ["denoising", "microscopy"]


def test_a_language_has_its_entries_own_words_not_those_of_their_synonym_groups(
    tmp_path: Path,
) -> None:
    # The groups mix languages: an English reader's "celulles" was offered "cellules".
    data = copy_base_data(tmp_path)
    vocabulary = data / "vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(text.replace("[tracking, suivi]", "[restoration, débruitage]"), "utf-8")
    records = search_records(load_knowledge_base(DataFiles.in_folder(data)))

    english = [record for record in records if record.language == "en"]
    assert any("débruitage" in record.document for record in english)  # still searchable
    assert "débruitage" not in search_words(records, "en")
    assert "restoration" in search_words(records, "en")


def test_a_word_too_long_to_be_typed_is_no_word() -> None:
    # Comparing words takes the product of their lengths: a contributed one-word title of
    # thousands of letters froze the reader's page.
    longest = "m" * LONGEST_WORD
    records = [_entry("a", "en", f"{longest} {longest}n microscopy")]
    assert search_words(records, "en") == ["microscopy", longest]


def test_the_words_the_synonym_groups_give_are_known_apart_from_the_entries_own() -> None:
    # search.js tells a participle from a noun by the verb's forms: no entry wrote
    # "étiqueter", which the group of annotation gives them ("données étiquetées" found 1
    # entry with both words, "données étiquetés" 39). Apart: never offered for a slip.
    groups = [("annotation", "étiqueter", "données étiquetées"), ("denoising", "débruitage")]
    files = words_files(RECORDS, site_languages(), groups)
    french = json.loads(files["search-words-fr.json"])
    # Each once, not a word the language has or borrows ("débruitage", "denoising").
    assert french["given"] == ["annotation", "étiqueter", "données", "étiquetées"]
    assert "étiqueter" not in french["own"] + french["borrowed"]
    # Only where search reads participles: English fetches none.
    assert "given" not in json.loads(files["search-words-en.json"])
    assert given_words(groups, ["Annotation", "Etiqueter", "donnees"]) == [
        "étiquetées",
        "denoising",
        "débruitage",
    ]
