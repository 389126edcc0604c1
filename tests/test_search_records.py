"""Search records (one per entry and language) and the Explore page's data, on fixture data."""

from __future__ import annotations

import dataclasses
import html
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from deepscopie.folding import fold
from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.languages import site_languages
from deepscopie.problems import DataError
from deepscopie.render.explore import entries_json, render_explore_page
from deepscopie.render.search_records import (
    entry_groups,
    index_part,
    index_parts,
    is_lexicon,
    negated_mark,
    one_word,
    page_record,
    search_records,
    summary,
)
from deepscopie.stemming import indexed_form
from deepscopie.synonyms import MOST_ADDED, Synonyms, language_synonyms
from tests.conftest import copy_base_data


@pytest.fixture
def base(tmp_path: Path) -> KnowledgeBase:
    return load_knowledge_base(DataFiles.in_folder(copy_base_data(tmp_path)))


class _Meta(HTMLParser):
    """The Pagefind metadata, filters and weighted text of a record."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.filters: list[str] = []
        self.weighted: list[tuple[str, str]] = []
        self._open: list[tuple[str | None, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("data-pagefind-filter"):
            self.filters.append(str(found["data-pagefind-filter"]))
        self._open.append((found.get("data-pagefind-meta"), found.get("data-pagefind-weight")))

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open:
            meta, weight = self._open[-1]
            if meta:
                self.meta[meta] = self.meta.get(meta, "") + data
            if weight:
                self.weighted.append((weight, data))


def _edited(folder: Path, old: str, new: str) -> KnowledgeBase:
    """The fixture's knowledge base with ``old`` replaced by ``new`` in its resources."""
    resources = copy_base_data(folder) / "resources.yaml"
    text = resources.read_text(encoding="utf-8")
    assert old in text
    resources.write_text(text.replace(old, new), encoding="utf-8")
    return load_knowledge_base(DataFiles.in_folder(folder))


def _parsed(base: KnowledgeBase, path: str) -> _Meta:
    record = next(r for r in search_records(base) if r.path == f"entries/{path}")
    parser = _Meta()
    parser.feed(record.document)
    return parser


def test_each_entry_is_a_record_in_each_language(base: KnowledgeBase) -> None:
    records = search_records(base)
    assert {(record.path, record.language) for record in records} == {
        (f"entries/{language}/{id_}.html", language)
        for language in ("fr", "en")
        for id_ in ["cellpose", "care", "why-cellpose", "gpu"]
    }
    assert all(f'<html lang="{record.language}">' in record.document for record in records)


def test_a_long_list_is_indexed_in_parts(base: KnowledgeBase) -> None:
    """Pagefind's time for a common word grows as the square of the entries it matches: past
    the part size, each language's entries are dealt into parts, indexes of private-use
    variants of the language that the browser searches together."""
    by_index: dict[str, list[str]] = {}
    for record in search_records(base, part_size=2):
        index = re.search(r'<html lang="([^"]+)"', record.document)
        assert index is not None
        by_index.setdefault(index.group(1), []).append(record.path)
    assert set(by_index) == {"en", "en-x-part1", "fr", "fr-x-part1"}
    # Every entry once, in its own language's parts, and each part its lexicon.
    assert sorted(by_index["en"] + by_index["en-x-part1"]) == sorted(
        [f"entries/en/{id_}.html" for id_ in ["cellpose", "care", "why-cellpose", "gpu"]]
        + ["entries/en-lexicon/en.html", "entries/en-lexicon/en-x-part1.html"]
    )
    # Four entries fit in a part of four: no part then, each record in its language's index.
    assert all(
        f'<html lang="{record.language}">' in record.document
        for record in search_records(base, part_size=4)
    )


def test_each_part_has_every_word_of_its_language_in_a_record_never_shown(
    base: KnowledgeBase,
) -> None:
    """Pagefind answers a word that an index lacks with its longest word that begins it ("de"
    for "débruitage"): each part holds all the language's words, in a record that search.js
    leaves out (filter kind:lexicon)."""
    records = search_records(base, part_size=2)
    lexicons = [r for r in records if "-lexicon/" in r.path]
    assert sorted(r.path for r in lexicons) == [
        "entries/en-lexicon/en-x-part1.html",
        "entries/en-lexicon/en.html",
        "entries/fr-lexicon/fr-x-part1.html",
        "entries/fr-lexicon/fr.html",
    ]
    for lexicon in lexicons:
        parsed = _Meta()
        parsed.feed(lexicon.document)
        assert parsed.filters == ["kind:lexicon"]
        assert f'<html lang="{lexicon.path.rsplit("/", 1)[1][:-5]}">' in lexicon.document
        entries = [r for r in records if r.language == lexicon.language and r not in lexicons]
        assert set(" ".join(r.words for r in entries).split()) <= set(lexicon.words.split())
        assert html.unescape(lexicon.document).count(lexicon.words) == 1
    assert not [r for r in search_records(base) if "-lexicon/" in r.path]  # no part, none


def test_an_entry_stays_in_its_part_when_another_goes(base: KnowledgeBase) -> None:
    """An entry's part depends on its id alone: adding or removing entries leaves the others
    where they were (their part's index files unchanged in readers' caches)."""

    def parts(knowledge_base: KnowledgeBase) -> dict[str, str]:
        indexes = {}
        for record in search_records(knowledge_base, part_size=2):
            index = re.search(r'<html lang="([^"]+)"', record.document)
            assert index is not None
            indexes[record.path] = index.group(1)
        return indexes

    before = parts(base)
    after = parts(dataclasses.replace(base, resources=base.resources[1:]))  # 3 entries, 2 parts
    assert len(after) == len(before) - 2  # the entry, in each language
    assert all(before[path] == index for path, index in after.items())


def test_parts_hold_about_as_many_entries_each() -> None:
    parts = index_parts("en", 10_000, 2500)
    placed = [index_part(f"resource-{number}", parts) for number in range(10_000)]
    sizes = [placed.count(part) for part in parts]
    assert len(sizes) == 4 and all(2300 <= size <= 2700 for size in sizes), sizes


def test_index_parts_name_the_language_first_and_refuse_an_empty_part() -> None:
    assert index_parts("fr", 0) == ["fr"]  # the pages are there, even with no entry
    assert index_parts("fr", 2500, 2500) == ["fr"]
    assert index_parts("fr", 2501, 2500) == ["fr", "fr-x-part1"]
    assert index_parts("en", 10, 3) == ["en", "en-x-part1", "en-x-part2", "en-x-part3"]
    with pytest.raises(ValueError, match="at least one entry"):
        index_parts("en", 10, 0)


def test_a_record_makes_a_card_that_links_to_the_permalink(base: KnowledgeBase) -> None:
    english = _parsed(base, "en/cellpose.html")
    assert english.meta == {
        "kind": "resource",
        "href": "en/categories/software/#cellpose",
        "type": "Tool",
        "category": "Software",
        "summary": "Cell segmentation.",
        "languages": "English",  # in the reader's language: a translated title hides it
        "named": "cellpose",  # not shown: the own entry of the name (search_names.named_entries)
        "title": "Cellpose",
    }
    assert english.filters == []  # only pages carry one (kind:page)
    french = _parsed(base, "fr/why-cellpose.html")
    assert (french.meta["href"], french.meta["type"]) == ("faq/#why-cellpose", "Question de la FAQ")
    assert _parsed(base, "fr/cellpose.html").meta["languages"] == "anglais"
    # A question nobody answered says so, with the question as asked (its title shortens it).
    open_question = _parsed(base, "fr/gpu.html").meta["summary"]
    assert fold(open_question) == fold("Question ouverte : Comment optimiser les GPU ?")


def test_the_title_weighs_more_than_the_facets_which_weigh_more_than_the_text(
    base: KnowledgeBase,
) -> None:
    weights = {text: float(weight) for weight, text in _parsed(base, "en/cellpose.html").weighted}
    # Its ways of working, and their groups: a reader asks for "without programming".
    facets = (
        "Tool · Segmentation · Graphical application · Python library · Without programming · "
        "With code · segmentation · Python"
    )
    assert weights["Cellpose"] > weights[facets] > weights["Cell segmentation."]


def test_a_record_is_searched_without_its_elided_words_and_shown_with_them(
    tmp_path: Path,
) -> None:
    # Pagefind indexed "d'apprentissage" whole as well, and a French reader's "DAPI", stemmed
    # "dap", found the entries that say "d'apprentissage" or "d'API" first. A question is read
    # without its elided words (search.js); so are the entries.
    elided = _edited(
        tmp_path / "elided",
        "{fr: Cellpose, en: Cellpose}",
        "{fr: \"L'outil d'apprentissage\", en: Cellpose}",
    )
    record = next(r for r in search_records(elided) if r.path == "entries/fr/cellpose.html")
    parsed = _Meta()
    parsed.feed(record.document)
    assert fold(parsed.meta["shown"]) == fold("L'outil d'apprentissage")  # on its card
    assert fold(parsed.meta["title"]) == fold("outil apprentissage")
    searched = " ".join(text for _, text in parsed.weighted)
    assert "outil apprentissage" in searched
    assert not re.search(r"\b[dl]['’]", searched), searched
    assert "apprentissage" in record.words.split() and "d'apprentissage" not in record.words


def test_data_is_escaped_in_a_record(base: KnowledgeBase, tmp_path: Path) -> None:
    hostile = _edited(
        tmp_path / "hostile",
        "{fr: Cellpose, en: Cellpose}",
        '{fr: "<b>x</b>", en: "<img src=x onerror=alert(1)>"}',
    )
    record = next(r for r in search_records(hostile) if r.path == "entries/en/cellpose.html")
    document = record.document
    assert "<img" not in document and "&lt;img src=x onerror=alert(1)&gt;" in document


def test_an_faq_entry_gets_the_synonyms_of_its_question_not_of_its_answer(
    tmp_path: Path,
) -> None:
    """A long answer touches many subjects in passing: given the synonyms of each, it had
    the words of nearly every question, and came first for many ("Pourquoi Cellpose
    fonctionne-t-il si bien ?" for "suivre des cellules"). Its own words are still found."""
    data = copy_base_data(tmp_path)
    faq = data / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    asked = "{fr: Comment optimiser les GPU ?, en: How to optimise GPUs?}"
    answered = '{fr: "Sa [base](https://www.cellpose.org/dataset).", en: "Its [data](https://www.cellpose.org/dataset)."}'
    assert asked in text and answered in text
    text = text.replace(asked, "{fr: Quel suivi pour les GPU ?, en: Which tracking for GPUs?}")
    text = text.replace(answered, '{fr: "Sa base, et le suivi des cellules.", en: Its data.}')
    faq.write_text(text, encoding="utf-8")
    base = load_knowledge_base(DataFiles.in_folder(data))
    records = {record.path: record for record in search_records(base)}
    assert records["entries/fr/gpu.html"].added.split() == ["tracking"]  # its question's
    answer_only = records["entries/fr/why-cellpose.html"]
    assert "tracking" not in answer_only.added.split()
    assert "suivi" in answer_only.document  # its answer's words


def test_a_text_gets_a_bounded_number_of_synonyms_whatever_the_vocabulary() -> None:
    """A contributor's thousand groups that all name "image" would give every entry all their
    words, in every record: the build and the readers' downloads as large."""
    groups = [("image", *(f"w{group}x{word}" for word in range(39))) for group in range(1000)]
    added = Synonyms(groups).added_to("An image viewer")
    assert len(added) == MOST_ADDED
    assert added[:2] == ["w0x0", "w0x1"]  # the first groups' words, in order


def test_a_vocabulary_of_too_many_synonym_groups_is_refused_in_a_sentence(
    tmp_path: Path,
) -> None:
    folder = copy_base_data(tmp_path)
    vocabulary = folder / "vocabulary.yaml"
    groups = "".join(f"  - [a{i}, b{i}]\n" for i in range(1000))
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + groups, encoding="utf-8")
    with pytest.raises(DataError) as refused:
        load_knowledge_base(DataFiles.in_folder(folder))
    (problem,) = refused.value.problems
    assert problem.message.text("fr").startswith("1001 groupes de synonymes : donnez-en 1000")
    assert "a999" not in problem.message.text("en")  # a sentence, not the whole list


def test_a_vocabulary_of_too_many_synonym_words_in_all_is_refused(tmp_path: Path) -> None:
    """A hundred full groups: each group and the groups' number are within bounds, but
    Explore's list, which carries every word to every reader, would not be."""
    folder = copy_base_data(tmp_path)
    vocabulary = folder / "vocabulary.yaml"
    full = ", ".join(f"w{word}" for word in range(40))
    groups = "".join(f"  - [g{group}, {full}]\n".replace(", w39]", "]") for group in range(101))
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + groups, encoding="utf-8")
    with pytest.raises(DataError) as refused:
        load_knowledge_base(DataFiles.in_folder(folder))
    (problem,) = refused.value.problems
    assert problem.message.text("en").startswith("4042 words in the synonym groups")


def test_synonyms_are_added_to_the_entries_that_use_one_of_their_words() -> None:
    synonyms = Synonyms([("tracking", "suivi"), ("nucleus", "nuclei", "noyau")])
    assert synonyms.added_to("Suivi de cellules") == ["tracking"]  # what the text lacks
    # A plural; not its singular, which Pagefind finds in it as its beginning.
    assert synonyms.added_to("Segmenter des noyaux") == ["nucleus", "nuclei"]
    assert synonyms.added_to("Détection de Noyaux, nuclei.") == ["nucleus"]
    assert synonyms.added_to("pursuit") == []  # whole words only
    free = Synonyms([("free", "gratuit"), ("forum", "aide"), ("3D", "z-stack")])
    # Not a part of a hyphenated compound: "coding-free" is not "free of charge".
    assert free.added_to("A coding-free tool, an aide-mémoire") == []
    assert free.added_to("Free, with aide on a forum") == ["gratuit"]
    assert "z-stack" in free.added_to("2D/3D images")  # a slash separates words
    assert free.added_to("a Z stack") == ["3D", "z-stack"]  # a phrase, however punctuated
    phrases = Synonyms([("image analysis", "analyse d'images"), ("ground truth", "vérité-terrain")])
    assert phrases.added_to("Image analysis of cells") == ["analyse", "d'images"]
    assert phrases.added_to("Une analyse d'images") == ["image", "analysis"]
    # A word is had as written: "vérité" and "terrain" are not "vérité-terrain", which a
    # search for it needs (Pagefind indexes it as one word).
    assert phrases.added_to("La vérité terrain (ground truth)") == ["vérité-terrain"]


def test_a_phrase_is_found_in_the_plural_and_a_word_that_means_another_thing_only_in_phrases() -> (
    None
):
    # "bases" was a word of beginners' groups: every database ("bases de données", "base
    # d'images") got their words, and "débutant" found OMERO and HDF5.
    synonyms = Synonyms([("beginner", "les bases du"), ("dataset", "base de données")])
    assert synonyms.used_by("Bases de données partagées") == [1]
    assert synonyms.used_by("une base de données") == [1]
    assert synonyms.used_by("Les bases du deep learning") == [0]
    assert synonyms.used_by("sur la base d'un a priori") == []


def test_what_a_phrase_says_a_text_lacks_is_not_a_use_of_its_groups() -> None:
    # Every tool that runs "without installation" had the words of installation problems
    # ("CUDA", "NVIDIA driver"), and came first for "CUDA out of memory".
    synonyms = Synonyms(
        [
            ("install", "installation", "CUDA"),
            ("no installation", "sans installation", "rien à installer"),
            ("annotation", "ground truth"),
            ("self-supervised", "no ground truth"),
        ],
        negating=("no", "sans", "rien"),
    )
    assert synonyms.used_by("Runs in the browser, no installation.") == [1]
    assert "CUDA" not in synonyms.added_to("Runs in the browser, no installation.")
    assert synonyms.used_by("Sans installation : tout tourne en ligne") == [1]
    assert synonyms.used_by("Trained with no ground truth at all") == [3]  # a phrase negated
    # Said elsewhere in the text too, it is a use of its groups, right after it too.
    assert synonyms.used_by("No installation for the viewer; the installation of CUDA") == [0, 1]
    assert synonyms.used_by("No installation. Installation of CUDA: optional") == [0, 1]
    assert synonyms.used_by("No ground truth? Draw the ground truth by hand") == [2, 3]
    # A phrase within another is one place, not two.
    nested = Synonyms(
        [("enough", "RAM"), ("no GPU", "not powerful enough", "computer not powerful enough")],
        negating=("not",),
    )
    assert nested.used_by("My computer not powerful enough, is there enough RAM?") == [0, 1]
    assert nested.used_by("My computer not powerful enough") == [1]
    # Only a phrase that opens with the word negates: "ne détecte pas toutes les cellules"
    # negates the verb, and is about cells.
    missed = Synonyms(
        [("cell", "cellule"), ("ne détecte pas toutes les cellules",)], negating=("pas",)
    )
    assert missed.used_by("Cellpose ne détecte pas toutes les cellules") == [0, 1]
    # Not without a word that negates: the phrase's words keep their own groups.
    plain = Synonyms([("install", "installation"), ("no installation",)])
    assert plain.used_by("no installation") == [0, 1]


def test_a_negated_phrase_is_keyed_as_a_question_is_read_with_its_groups() -> None:
    synonyms = Synonyms(
        [
            ("annotation", "sans annotation"),
            ("self-supervised", "sans annotations", "without the labels", "sans d'étiquettes"),
            ("no", "sans"),  # a word alone is no phrase
            ("install", "no install of anything"),
        ],
        ignored=("the", "of"),
        negating=("sans", "without", "no"),
    )
    # Folded, singular, without stop words or elided words; a phrase of several groups
    # stands for each.
    assert synonyms.negated_phrases() == {
        "san annotation": [0, 1],
        "without label": [1],
        "san etiquette": [1],
        "no install anything": [3],
    }
    assert synonyms.negated_groups() == {0, 1, 3}
    assert Synonyms([("no installation",)]).negated_phrases() == {}  # nothing negates


def _with_negated_groups(folder: Path) -> KnowledgeBase:
    """The fixture, with a group of phrases that negate, which CARE's text says, and one
    that the way of working "Sans programmer" / "Without programming" says."""
    data = copy_base_data(folder)
    vocabulary = data / "vocabulary.yaml"
    groups = (
        "[tracking, suivi]\n"
        "  - [self-supervised, sans annotation, without annotations]\n"
        "  - [no code, sans programmer, without programming]"
    )
    vocabulary.write_text(
        vocabulary.read_text("utf-8").replace("[tracking, suivi]", groups), "utf-8"
    )
    resources = data / "resources.yaml"
    text = resources.read_text("utf-8")
    text = text.replace("Restauration d'images.", "Restauration d'images sans annotation.")
    text = text.replace("en: Image restoration.", "en: Image restoration without annotations.")
    resources.write_text(text, "utf-8")
    return load_knowledge_base(DataFiles.in_folder(data))


def test_an_entry_that_uses_a_negated_phrase_has_its_group_s_mark(tmp_path: Path) -> None:
    # Search reads a question's "sans annotations" as the entries that use its group, not
    # those with "sans" and "annotation" apart: the annotation tools have "annotation", and
    # "sans" in their way of working ("Sans programmer").
    base = _with_negated_groups(tmp_path)
    records = {r.path: r.document for r in search_records(base)}

    def marks(path: str) -> list[str]:
        return re.findall(r"\bdsnegated\d+x\b", records[f"entries/{path}"])

    for code in ("fr", "en"):
        assert marks(f"{code}/care.html") == [negated_mark(1)]
        # Cellpose is used without programming: its way group's name says the phrase.
        assert marks(f"{code}/cellpose.html") == [negated_mark(2)]
        # Explore reads the same groups.
        entries = json.loads(entries_json(base, code, None))["entries"]
        groups = {entry["id"]: entry.get("groups", []) for entry in entries}
        assert 2 in groups["cellpose"] and 1 in groups["care"]
    # A mark only on the entries that use such a group (see _record), FAQ entries too; not
    # among a record's words (a word typed wrong is never put right to it).
    marked = [r for r in search_records(base) if "dsnegated" in r.document]
    assert {r.path.rsplit("/", 1)[-1] for r in marked} == {"care.html", "cellpose.html"}
    assert not any("dsnegated" in f"{r.words} {r.added}" for r in search_records(base))
    # Every part of a long list has the marks in its words (see _lexicon): a part without
    # one answered it with the longest word that begins it.
    parts = [r for r in search_records(base, part_size=1) if is_lexicon(r)]
    assert parts and all(negated_mark(1) in r.document for r in parts)


def test_a_word_that_means_another_thing_in_the_texts_language_uses_no_group() -> None:
    groups = [("course", "lecture", "formation")]
    french = Synonyms(groups, false_friends=("lecture",))
    # French "lecture" is a reading, not a lecture.
    assert french.used_by("Une lecture de l'apprentissage profond") == []
    assert french.used_by("Une formation en ligne") == [0]
    assert "lecture" in french.added_to("Une formation en ligne")  # still given to its entries
    assert Synonyms(groups).used_by("A recorded lecture") == [0]


@pytest.mark.parametrize(
    ("code", "text"),
    [("fr", "Une lecture de l'apprentissage profond"), ("en", "Colony formation in organoids")],
)
def test_the_site_s_languages_read_their_false_friends_as_their_own_words(
    code: str, text: str
) -> None:
    course = (("course", "cours", "formation", "lecture"),)
    assert language_synonyms(course, site_languages()[code]).used_by(text) == []
    other = "en" if code == "fr" else "fr"
    assert language_synonyms(course, site_languages()[other]).used_by(text) == [0]


def test_explore_offers_an_order_only_where_the_entries_differ(tmp_path: Path) -> None:
    # Every entry was added on one day: "sort by date added" gave the default order.
    base = load_knowledge_base(DataFiles.in_folder(copy_base_data(tmp_path)))
    one_day = base.resources[0].added
    same = tuple(r.model_copy(update={"added": one_day}) for r in base.resources)
    page = render_explore_page(dataclasses.replace(base, resources=same), "en", None)
    assert '<option value="added">' not in page and '<option value="title">' in page
    later = (same[0].model_copy(update={"added": one_day.replace(year=one_day.year + 1)}),)
    page = render_explore_page(dataclasses.replace(base, resources=later + same[1:]), "en", None)
    assert '<option value="added">' in page


def test_explore_reads_each_entrys_groups_as_the_search_records_do(tmp_path: Path) -> None:
    base = load_knowledge_base(DataFiles.in_folder(copy_base_data(tmp_path)))
    # A group of a word of each language's first title, and one of no entry's words.
    titles = base.resources[0].title
    words = [max(titles.get(code).split(), key=len) for code in ("fr", "en")]
    vocabulary = base.vocabulary.model_copy(update={"synonyms": (tuple(words), ("zzyzx", "qwv"))})
    base = dataclasses.replace(base, vocabulary=vocabulary)
    groups = entry_groups(base)
    for code in ("fr", "en"):
        entries = json.loads(entries_json(base, code, None))["entries"]
        assert any(entry.get("groups") for entry in entries)
        for entry in entries:
            assert entry.get("groups", []) == list(groups[code][f"resource/{entry['id']}"].groups)


def test_a_text_is_not_given_another_form_of_a_word_it_has() -> None:
    """The search index counts a word by its stem: a segmentation entry given "segmented"
    and "segmenting" would only double the positions of the commonest words, whose search
    is the slowest, and find nothing more."""
    group = [("segmentation", "segmented", "segmenting", "outline", "contour", "détourer")]
    english = Synonyms(group, counted=indexed_form("en"))
    assert english.added_to("Cell segmentation") == ["outline", "contour", "détourer"]
    assert english.added_to("Outline cells") == ["segmentation", "contour", "détourer"]
    french = Synonyms([("segmentation", "segmenter", "délimiter")], counted=indexed_form("fr"))
    assert french.added_to("Segmenter des noyaux") == ["délimiter"]
    # Folded, then cut, as Pagefind does: "bruitées" is "bruite", which "bruitée" is and
    # "bruité" ("bruit") begins; but "bruité" is not "bruitée": a reader's "bruitée" finds
    # a text of the masculine only if it is given the feminine ("cellules collées" missed
    # the entries on touching cells, given "collés").
    noisy = Synonyms([("noisy", "bruitée", "bruité")], counted=indexed_form("fr"))
    assert noisy.added_to("Des images bruitées") == ["noisy"]
    assert noisy.added_to("Un signal bruité") == ["noisy", "bruitée"]
    touching = Synonyms([("jointives", "collés", "collées")], counted=indexed_form("fr"))
    assert touching.added_to("Des cellules jointives") == ["collés", "collées"]
    # "fiabilité" ("fiabilit") is not "fiable" ("fiabl"): "fiable" found no entry saying
    # "fiabilité" when its stem was cut as written ("fiabl" too).
    reliable = Synonyms([("fiabilité", "fiable", "reliability")], counted=indexed_form("fr"))
    assert reliable.added_to("La fiabilité des résultats") == ["fiable", "reliability"]
    # Not a member whose pieces Pagefind reads apart, each a word of its own ("3D" of "3D+t"
    # made every time-lapse entry one about 3D); a text that writes it uses its group still.
    lapse = Synonyms([("time-lapse", "3D+t", "H&E", "film")], counted=indexed_form("en"))
    assert lapse.added_to("A time-lapse of dividing cells") == ["film"]
    assert lapse.added_to("Tracking in 3D+t") == ["time-lapse", "film"]
    # Without a stemmer (a language Snowball does not know), every form is added.
    assert Synonyms(group, counted=indexed_form("xx")).added_to("Cell segmentation") == [
        "segmented",
        "segmenting",
        "outline",
        "contour",
        "détourer",
    ]


def test_a_word_is_searched_as_another_only_within_its_synonym_group() -> None:
    # What the validation asks of searched_as (see checks._check_searched_as): every entry
    # that uses the word typed must be given the word searched instead.
    synonyms = Synonyms([("course", "cours", "formation"), ("image analysis", "analyse d'images")])
    assert synonyms.gives("formation", "cours")
    assert synonyms.gives("Formations", "Cours")  # a plural, capitals
    assert synonyms.gives("formation", "analyse") is False  # another group's word
    assert synonyms.gives("pistage", "cours") is False  # a word of no group
    assert synonyms.gives("analysis", "analyse") is False  # a phrase's word alone is no group's
    # ...nor the word searched: "par" of "apprentissage par transfert" (every entry says it).
    transfer = Synonyms([("transfer learning", "apprentissage par transfert", "réentraîner")])
    assert transfer.gives("réentraîner", "par") is False
    assert synonyms.gives("formation", "cours formation") is False  # a word, not a phrase
    # Nor a false friend of the language, which names no group there: a French "lecture"
    # searched as "cours" would be a reading searched as a course.
    french = Synonyms([("course", "cours", "lecture")], false_friends=("lecture",))
    assert french.gives("lecture", "cours") is False
    assert french.gives("cours", "lecture")


def test_a_record_gets_the_synonyms_it_lacks_once(tmp_path: Path) -> None:
    tracked = _edited(
        tmp_path / "tracked",
        "{fr: Segmentation de cellules., en: Cell segmentation.}",
        "{fr: Suivi et suivi de cellules., en: Cell tracking and suivi.}",
    )
    french = [text for _, text in _parsed(tracked, "fr/cellpose.html").weighted]
    english = [text for _, text in _parsed(tracked, "en/cellpose.html").weighted]
    # Only the words the entry does not say: nothing repeated for a search to count twice.
    assert "tracking" in french and "suivi" not in french
    assert not {"tracking", "suivi"} & set(english)


def test_a_short_name_is_found_typed_as_one_word(base: KnowledgeBase, tmp_path: Path) -> None:
    named = _edited(
        tmp_path / "named", "{fr: CARE, en: CARE}", "{fr: Papers with Code, en: Papers with Code}"
    )
    for language in ("fr", "en"):
        words = " ".join(text for _, text in _parsed(named, f"{language}/care.html").weighted)
        assert "paperswithcode" in words.split()
    assert one_word("Stack Overflow") == "stackoverflow"
    assert one_word("Image.sc") == "imagesc"  # what the address writes
    assert one_word("ITK-SNAP (3D)") == "itksnap"  # the name, not what qualifies it
    assert one_word("nucleAIzer: online tool") is None  # a name of one word
    assert one_word("Cellpose") is None  # one word already
    assert one_word("A Survey of Visual Transformers") is None  # a title, not a name


def test_an_entry_is_found_by_its_authors(tmp_path: Path) -> None:
    authored = _edited(
        tmp_path / "authored",
        "    year: 2018\n",
        "    year: 2018\n    authors: [Martin Weigert, Loïc Royer]\n",
    )
    for language in ("fr", "en"):
        texts = [text for _, text in _parsed(authored, f"{language}/care.html").weighted]
        assert "Martin Weigert, Loïc Royer" in texts
        explored = json.loads(entries_json(authored, language, None))["entries"]
        assert "loic royer" in next(e for e in explored if e["id"] == "care")["text"]


def test_an_entry_is_found_by_its_keywords_in_their_language_only(tmp_path: Path) -> None:
    keyworded = _edited(
        tmp_path / "keyworded",
        "    year: 2018\n",
        "    year: 2018\n    keywords: {fr: [phototoxicité], en: [phototoxicity, low light]}\n",
    )
    french = " ".join(text for _, text in _parsed(keyworded, "fr/care.html").weighted)
    english = " ".join(text for _, text in _parsed(keyworded, "en/care.html").weighted)
    assert "phototoxicité" in french and "low light" not in french
    assert "phototoxicity" in english and "low light" in english
    assert "phototoxicité" not in english
    explored = json.loads(entries_json(keyworded, "fr", None))["entries"]
    assert "phototoxicite" in next(e for e in explored if e["id"] == "care")["text"]
    faq = tmp_path / "keyworded" / "faq.yaml"
    faq.write_text(
        faq.read_text(encoding="utf-8").replace(
            "    tags: [segmentation]\n",
            "    tags: [segmentation]\n    keywords: {fr: [contours de cellules], en: []}\n",
        ),
        encoding="utf-8",
    )
    asked = load_knowledge_base(DataFiles.in_folder(tmp_path / "keyworded"))
    assert "contours de cellules" in " ".join(
        text for _, text in _parsed(asked, "fr/why-cellpose.html").weighted
    )
    assert "contours" not in " ".join(
        text for _, text in _parsed(asked, "en/why-cellpose.html").weighted
    )


def test_fold_and_summary() -> None:
    assert fold("Débruitage, l'Image") == "debruitage l image"
    bold = "\U0001d402\U0001d41e\U0001d425\U0001d425"  # "Cell" in mathematical bold
    assert fold(f"{bold}pose") == "cellpose"  # as the checks compare names (keyword-name)
    opening = "StarDist finds star-convex nuclei in fluorescence images."
    assert summary(f"{opening} Second one.", "en") == opening
    assert summary("e.g. StarDist works on 2D and 3D images of nuclei. More.", "en") == (
        "e.g. StarDist works on 2D and 3D images of nuclei."
    )
    linked = (
        "**Bold** and [a link](https://example.org) to annotated images of stained nuclei. Next."
    )
    assert summary(linked, "en") == "Bold and a link to annotated images of stained nuclei."


def test_a_french_question_ends_a_sentence_of_a_card_line() -> None:
    # French sets "?" apart: the line ran on into the next sentences.
    asked = (
        "Par curiosité, comment ajoute-t-on une hypothèse de convexité à un modèle ? Par exemple."
    )
    assert summary(asked, "fr").endswith("à un modèle\u202f?")
    exclaimed = summary("Quelle idée\u202f! Un réseau apprend des exemples annotés. Oui.", "fr")
    assert " ".join(exclaimed.split()) == "Quelle idée ! Un réseau apprend des exemples annotés."


def test_a_card_line_that_opens_with_a_short_sentence_goes_on_until_it_says_something() -> None:
    answer = "Yes, exactly. The machine helps where a problem is too complex. Other text."
    assert (
        summary(answer, "en") == "Yes, exactly. The machine helps where a problem is too complex."
    )
    assert summary("Sans doute, oui.", "fr") == "Sans doute, oui."  # all there is
    long = "Oui. " + "Un réseau apprend des exemples annotés " * 8
    line = summary(long, "fr", limit=120)
    assert line.startswith("Oui. Un réseau") and line.endswith("…") and len(line) <= 120


def test_an_answer_s_card_line_goes_on_with_the_sentences_that_fit() -> None:
    # The answer's fact came after a first sentence long enough alone.
    answer = "Yes, we will see it in the next practical session. It is called early stopping."
    assert summary(answer, "en", answer=True) == answer
    assert summary(answer, "en") == "Yes, we will see it in the next practical session."
    # Whole sentences only: one that would not fit is left out, not cut.
    too_long = f"{answer} {'Then the weights of that epoch are kept for the model ' * 3}."
    assert summary(too_long, "en", answer=True) == answer
    # A first sentence too long alone is cut as any line is.
    long = "Un réseau apprend des exemples annotés " * 8
    assert summary(long, "fr", limit=120, answer=True).endswith("…")


def test_an_faq_card_shows_the_answer_s_sentences_that_fit(tmp_path: Path) -> None:
    faq = copy_base_data(tmp_path) / "faq.yaml"
    opening = "Yes, we will see it in the next practical session, on the third day."
    two = f'en: "{opening} It is called early stopping."'
    faq.write_text(
        faq.read_text(encoding="utf-8").replace(
            'en: "Its [data](https://www.cellpose.org/dataset)."', two
        ),
        encoding="utf-8",
    )
    base = load_knowledge_base(DataFiles.in_folder(tmp_path))
    line = _parsed(base, "en/why-cellpose.html").meta["summary"]
    assert line == f"{opening} It is called early stopping."


def test_an_answer_too_short_to_say_much_goes_on_with_the_editors_note(tmp_path: Path) -> None:
    faq = copy_base_data(tmp_path) / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    short = 'en: "Its [data](https://www.cellpose.org/dataset)."}'
    note = "The Cellpose 2.0 video tutorial shows how to train your own model."
    noted = f'{short}\n    editors_note: {{fr: "Le tutoriel.", en: "{note}"}}'
    assert short in text
    faq.write_text(text.replace(short, noted), encoding="utf-8")
    base = load_knowledge_base(DataFiles.in_folder(tmp_path))
    assert _parsed(base, "en/why-cellpose.html").meta["summary"] == f"Its data. {note}"


def test_a_hand_written_page_is_a_record_of_its_text_at_its_own_address() -> None:
    body = (
        '<h1 id="x">À propos<a class="headerlink" href="#x">¶</a></h1>'
        "<p>Un <strong>site</strong>&nbsp;: une FAQ.</p><ul><li>un</li><li>deux</li></ul>"
        "<table><tr><td>trois</td><td>quatre</td></tr></table>"
        "<p><strong>Deep</strong>Scopie: <em>bio</em>images</p>"
        '<p><img src=x onerror="alert(1)"> &lt;script&gt;</p>'
        "<script>const secret = 1;</script><STYLE>p { color: red }</STYLE>"
        # An example (the guide's entry in YAML) is not what the page is about.
        '<pre class="highlight"><code>title: {fr: Phototoxicité}</code></pre>'
    )
    record = page_record("en/about/index.html", "en", "About <us>", body)
    parser = _Meta()
    parser.feed(record.document)
    assert (record.path, record.language) == ("en/about/index.html", "en")
    assert parser.filters == ["kind:page"] and parser.meta == {"title": "About <us>"}
    assert '<html lang="en">' in record.document
    # Only the text: no markup of the page reaches the record, and what looked like markup
    # in the text stays text.
    # Blocks and cells are separate words; an inline tag is not a space ("DeepScopie").
    words = "Un site : une FAQ. un deux trois quatre DeepScopie: bioimages &lt;script&gt;"
    assert words in record.document
    assert "<img" not in record.document and "<strong>" not in record.document
    assert "secret" not in record.document and "color" not in record.document
    assert "Phototoxicité" not in record.document


def test_explore_entries_carry_the_facets_and_the_way_groups(base: KnowledgeBase) -> None:
    data = json.loads(entries_json(base, "fr", None))
    cellpose = next(entry for entry in data["entries"] if entry["id"] == "cellpose")
    assert cellpose["task"] == ["segmentation"]
    assert cellpose["way"] == ["gui", "python", "no-programming", "programming"]
    assert cellpose["summary"] == "Segmentation de cellules."
    assert "status" not in cellpose  # no link report: no status facet
    assert data["names"]["way"]["no-programming"] == "Sans programmer"
    assert data["names"]["type"]["tool"] == "Logiciel"


def test_cards_read_a_title_in_its_language_and_say_when_an_address_is_wanted(
    tmp_path: Path,
) -> None:
    """Search's and Explore's cards, as the category pages: a title kept in English is read
    as English on a French page (a screen reader read it with a French voice), and an entry
    without an address says so before the reader opens it (Explore's said nothing)."""
    base = _edited(
        tmp_path,
        "    title: {fr: Cellpose, en: Cellpose}\n    url: https://www.cellpose.org/\n",
        "    title: {fr: Cellpose, en: Cellpose}\n    title_language: en\n    url_needed: true\n",
    )
    assert _parsed(base, "fr/cellpose.html").meta["title_lang"] == "en"
    assert "title_lang" not in _parsed(base, "en/cellpose.html").meta
    assert "title_lang" not in _parsed(base, "fr/care.html").meta
    for language, wanted in (("fr", "Adresse inconnue"), ("en", "Address unknown")):
        data = json.loads(entries_json(base, language, None))
        entries = {entry["id"]: entry for entry in data["entries"]}
        assert entries["cellpose"].get("url_needed") is True
        assert "url_needed" not in entries["care"]
        assert entries["cellpose"].get("title_lang") == ("en" if language == "fr" else None)
        assert data["notices"]["url_needed"] == wanted


def test_the_explore_page_offers_status_only_with_a_report(base: KnowledgeBase) -> None:
    page = render_explore_page(base, "fr", None)
    assert 'data-facet="status"' not in page and "état du lien" not in page.lower()
    assert 'data-facet="task"' in page and 'data-facet="way"' in page
    assert 'data-ds-count-one="{n} ressource"' in page


@pytest.mark.parametrize(
    ("code", "said"), [("fr", "Chaque tag coché restreint"), ("en", "Each tag you tick narrows")]
)
def test_the_explore_page_says_that_each_tag_ticked_narrows_the_list(
    base: KnowledgeBase, code: str, said: str
) -> None:
    # The other facets widen the list (their choices combine with OR): a reader who ticked
    # "nuclei", then "Cellpose", expected more entries and got fewer, without a word why.
    page = render_explore_page(base, code, None)
    note = re.search(r'<p class="ds-explore__note" id="([^"]+)">([^<]*)</p>', page)
    assert note and note.group(2).startswith(said)
    tags = re.search(r'<fieldset data-facet="tag"[^>]*>', page)
    assert tags and f'aria-describedby="{note.group(1)}"' in tags.group()
    assert page.count("ds-explore__note") == 1  # the tags' only


def test_the_same_data_gives_the_same_records_in_every_build(tmp_path: Path) -> None:
    """Readers' browsers keep the index files that did not change: a build must not reorder
    a record's words (Python orders sets differently from one process to the next)."""
    data = copy_base_data(tmp_path)
    text = (data / "resources.yaml").read_text(encoding="utf-8")
    assert "{fr: CARE, en: CARE}" in text  # an entry whose titles differ, and are names
    titled = "{fr: Papiers avec du code, en: Papers with Code}"
    (data / "resources.yaml").write_text(text.replace("{fr: CARE, en: CARE}", titled), "utf-8")
    script = (
        "import hashlib, sys\n"
        "from pathlib import Path\n"
        "from deepscopie.knowledge_base import DataFiles, load_knowledge_base\n"
        "from deepscopie.render.search_records import search_records\n"
        "base = load_knowledge_base(DataFiles.in_folder(Path(sys.argv[1])))\n"
        "documents = ''.join(r.path + r.document for r in search_records(base))\n"
        "print(hashlib.sha256(documents.encode()).hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script, str(data)],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(1, 6)
    }
    assert len(digests) == 1


def test_a_french_card_line_keeps_its_punctuation_with_its_words() -> None:
    # Explore's cards and the search results wrapped "»." or ":" alone onto a line.
    line = summary("Le blog « Biologeek attitude » : des billets sur l'analyse d'images.", "fr")
    assert (
        line
        == "Le blog «\u202fBiologeek attitude\u202f»\u202f: des billets sur l'analyse d'images."
    )
    assert summary("A blog: posts on « images ».", "en") == "A blog: posts on « images »."


def test_a_stop_word_of_the_language_read_uses_no_synonym_group() -> None:
    # "AI" in a group made every French "j'ai" a text about artificial intelligence.
    groups = [["artificial intelligence", "intelligence artificielle", "IA", "AI"]]
    french = Synonyms(groups, ignored={"ai", "de"})
    assert french.added_to("J'ai des images de tailles différentes") == []
    assert "artificial" in french.added_to("Un glossaire de l'IA")
    assert "IA" in Synonyms(groups).added_to("An AI glossary")  # in English, "AI" is a word
