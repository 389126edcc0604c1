"""The phrases a language's entries say another way, which search looks for their words too."""

from __future__ import annotations

import json
from pathlib import Path

from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.render.search_phrases import phrases_files
from deepscopie.render.search_records import PHRASES_FILE, entry_groups
from deepscopie.synonyms import PHRASE_WORDS, Synonyms
from tests.conftest import copy_base_data

GROUPS = [
    ("deep learning", "apprentissage profond", "réseau de neurones profond", "DL"),
    ("tracking", "suivi", "suivi de cellules", "cell tracking"),
    ("ground truth", "vérité terrain", "annotations de référence"),
    ("denoising", "débruitage", "réduction du bruit", "noise removal"),
]
FRENCH_STOP_WORDS = ("de", "du", "le", "la", "les", "une", "a")
TEXTS = [
    "Le livre de référence sur le deep learning.",
    "Une lecture de l'apprentissage des réseaux profonds.",  # the words apart, not the phrase
    "Le suivi de cellules dans Fiji, et la vérité terrain.",
    "Noise removal for microscopy.",
]


def _usual_forms(synonyms: Synonyms, texts: list[str]) -> dict[str, str]:
    return synonyms.usual_forms(synonyms.reading(text).said for text in texts)


def test_a_phrase_no_entry_says_is_given_the_first_word_of_its_group_they_say() -> None:
    forms = _usual_forms(Synonyms(GROUPS, ignored=FRENCH_STOP_WORDS), TEXTS)
    assert forms["apprentissage profond"] == "deep learning"
    assert forms["reseau neurone profond"] == "deep learning"  # as a question is read
    # Not a phrase that an entry says (it finds them by their own words), nor one whose
    # group no entry uses (nothing says it otherwise).
    assert "suivi cellule" not in forms
    assert "noise removal" not in forms
    assert forms["reduction bruit"] == "noise removal"
    assert not any(usual == "ground truth" for usual in forms.values())


def test_a_phrase_is_keyed_without_elision_stop_words_or_plurals() -> None:
    groups = [("tracking", "suivi", "d'une frame à l'autre", "cellules qui bougent")]
    forms = _usual_forms(Synonyms(groups, ignored=("une", "a", "qui")), ["Le suivi."])
    assert forms == {"frame autre": "suivi", "cellule bougent": "suivi"}


def test_no_phrase_stands_for_a_single_word_nor_has_the_words_of_one_the_entries_say() -> None:
    # "la vérité" would be every question of "vérité"; "suivi de cellules" has "suivi";
    # "artificial neural networks" are the "neural networks" entries say, not "deep learning".
    groups = [
        ("suivi", "suivi de cellules", "la vérité"),
        ("ground truth", "la vérité vraie"),
        ("deep learning", "neural network", "artificial neural networks", "deep nets"),
    ]
    texts = ["Le suivi.", "ground truth", "Deep learning with neural networks."]
    forms = _usual_forms(Synonyms(groups, ignored=("de", "la")), texts)
    assert forms == {"verite vraie": "ground truth", "deep net": "deep learning"}


def test_no_phrase_is_longer_than_search_looks_for() -> None:
    long_phrase = " ".join(f"word{n}" for n in range(PHRASE_WORDS + 1))
    groups = [("tracking", long_phrase, " ".join(long_phrase.split()[:PHRASE_WORDS]))]
    forms = _usual_forms(Synonyms(groups), ["Tracking."])
    assert list(forms) == [" ".join(long_phrase.split()[:PHRASE_WORDS])]


def test_a_stop_word_is_no_usual_form() -> None:
    # The French "ai" (of "j'ai") is not the English "AI" there.
    groups = [("AI", "intelligence artificielle", "IA")]
    forms = _usual_forms(Synonyms(groups, ignored=("ai",)), ["J'ai vu l'IA."])
    assert forms == {"intelligence artificielle": "IA"}


def _files_of(
    folder: Path, groups: str, said: dict[str, str] | None = None
) -> tuple[KnowledgeBase, dict[str, str]]:
    """The fixture with ``groups`` (YAML) for its synonym group, its resources' texts
    changed as ``said`` says (``{old: new}``), and its phrases files."""
    vocabulary = copy_base_data(folder) / "vocabulary.yaml"
    vocabulary.write_text(
        vocabulary.read_text("utf-8").replace("[tracking, suivi]", groups), "utf-8"
    )
    resources = folder / "resources.yaml"
    text = resources.read_text("utf-8")
    for old, new in (said or {}).items():
        assert old in text
        text = text.replace(old, new)
    resources.write_text(text, "utf-8")
    base = load_knowledge_base(DataFiles.in_folder(folder))
    return base, phrases_files(base, entry_groups(base))


def test_each_language_has_its_file_read_in_its_own_entries(tmp_path: Path) -> None:
    group = "[restoration, restauration, image restoration, réparer une image abîmée]"
    _, files = _files_of(tmp_path, group)

    assert set(files) == {PHRASES_FILE.format(language=code) for code in ("fr", "en")}
    french, english = (
        json.loads(files[f"search-phrases-{code}.json"])["usual"] for code in ("fr", "en")
    )
    # "Restauration d'images.": French questions in English words find it by its own.
    assert french == {"image restoration": "restauration", "reparer image abimee": "restauration"}
    # "Image restoration.": an English entry says it (read without "une", a French little
    # word that English readers type too).
    assert english == {"reparer image abimee": "restoration"}


def test_the_file_gives_the_negated_phrases_and_how_many_entries_there_are(
    tmp_path: Path,
) -> None:
    groups = (
        "[tracking, suivi]\n  - [self-supervised, sans annotation, without annotations]"
        "\n  - [no GPU, sans GPU]"
    )
    said = {
        "Restauration d'images.": "Restauration d'images sans annotation.",
        "en: Image restoration.": "en: Image restoration without annotations.",
    }
    base, files = _files_of(tmp_path, groups, said)
    for code in ("fr", "en"):
        table = json.loads(files[f"search-phrases-{code}.json"])
        # As search.js reads a question: folded, singular ("sans" is "san"); not the phrases
        # of a group no entry uses ("no GPU"), whose mark no record has.
        assert table["negated"] == {"san annotation": [1], "without annotation": [1]}
        assert table["entries"] == len(base.resources) + len(base.faq)


def test_a_phrase_of_two_groups_said_otherwise_stands_for_neither() -> None:
    groups = [
        ("annotation", "training data", "hand-drawn masks"),
        ("training set", "training data", "images used for training"),
    ]
    synonyms = Synonyms(groups, ignored=("for",))
    forms = _usual_forms(synonyms, ["Annotation of a training set."])
    assert forms == {"hand drawn mask": "annotation", "image used training": "training set"}
