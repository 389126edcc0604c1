"""The names the search puts a mistyped word right to: the resources' one-word names."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.languages import site_languages
from deepscopie.model import Localized, Term
from deepscopie.render.search_jobs import JOBS_FILE, jobs_file, search_jobs, task_words
from deepscopie.render.search_names import (
    LONGEST_WORD,
    NAMES_FILE,
    named_entries,
    names_file,
    plugins_of,
    search_names,
    times_cited,
)
from deepscopie.render.search_records import search_index_names
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def base() -> KnowledgeBase:
    return load_knowledge_base(DataFiles.in_folder(FIXTURES / "base"))


def test_names_are_the_one_word_names_of_resources(base: KnowledgeBase) -> None:
    # Resources "Cellpose" and "CARE", each as a reader types it and as it is written; not
    # the tags' words ("segmentation", "Python"), common words a slip is rarely near.
    assert search_names(base) == {"care": "CARE", "cellpose": "Cellpose"}


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("StarDist for Fiji", {}),
        ("ITK", {}),
        ("Omnipose: a tool", {"omnipose": "Omnipose"}),
        ("X" * (LONGEST_WORD + 1), {}),
    ],
)
def test_a_title_of_several_words_of_three_letters_or_too_long_to_be_typed_is_no_name(
    base: KnowledgeBase, title: str, names: dict[str, str]
) -> None:
    # "StarDist for Fiji" is not typed as one word; "itk" is one letter from too many words;
    # comparing a reader's word with one of thousands of letters froze the page.
    titled = base.resources[0].model_copy(
        update={"title": Localized.model_validate({"fr": title, "en": title})}
    )
    one = dataclasses.replace(base, resources=(titled,))
    assert search_names(one) == names


def test_the_names_file_is_json_at_the_site_root(base: KnowledgeBase) -> None:
    files = names_file(base)
    assert list(files) == [NAMES_FILE] and "/" not in NAMES_FILE
    assert json.loads(files[NAMES_FILE]) == search_names(base)


def test_a_tag_that_names_a_product_is_a_name(base: KnowledgeBase) -> None:
    # "QuPath" (a capital inside: a product's name) has no entry of its own, and is typed
    # wrong as often as any tool; "Débutants" is a common word.
    tag = base.vocabulary.tags[0]
    tags = tuple(
        tag.model_copy(update={"id": f"t{i}", "name": Localized.model_validate({"fr": n, "en": n})})
        for i, n in enumerate(["QuPath", "Débutants"])
    )
    vocabulary = base.vocabulary.model_copy(update={"tags": tags})
    names = search_names(dataclasses.replace(base, vocabulary=vocabulary))
    assert names["qupath"] == "QuPath" and "debutants" not in names


def test_a_plugin_plugs_into_the_resources_its_tags_name(base: KnowledgeBase) -> None:
    # "segmentation sans fiji" kept Labkit and MorphoLibJ, Fiji plugins: search.js and
    # Explore leave a plugin out with what it plugs into, which its tags name.
    cellpose = next(r for r in base.resources if r.id == "cellpose")
    plugin = cellpose.model_copy(
        update={
            "id": "cellpose-helper",
            "title": Localized.model_validate({"fr": "Aide à la segmentation", "en": "Helper"}),
            "tags": ("segmentation", "cellpose"),
            "ways": ("plugin",),
        }
    )
    tool = plugin.model_copy(update={"id": "another-tool", "ways": ("gui",)})
    tag = base.vocabulary.tags[0].model_copy(update={"id": "cellpose"})
    vocabulary = base.vocabulary.model_copy(update={"tags": (*base.vocabulary.tags, tag)})
    both = dataclasses.replace(base, resources=(cellpose, plugin, tool), vocabulary=vocabulary)
    # Only a plugin's tags, and only those that name a resource ("segmentation" does not).
    assert plugins_of(both) == {"cellpose-helper": "cellpose"}


def test_a_name_s_own_entry_is_the_one_titled_with_the_name_alone(base: KnowledgeBase) -> None:
    # "installer cellpose" brings Cellpose's own entry among the first results (search.js),
    # not the talk about it; the talk is the name's entry only when nothing else is.
    cellpose = next(r for r in base.resources if r.title.get("en") == "Cellpose")
    talk = cellpose.model_copy(
        update={
            "id": "cellpose-talk",
            "title": Localized.model_validate(
                {"fr": "Cellpose : l'exposé", "en": "Cellpose: the talk"}
            ),
        }
    )
    both = dataclasses.replace(base, resources=(talk, cellpose))
    assert named_entries(both) == {cellpose.id: "cellpose"}
    # Alone, it is, unless a tag is the name (a tool many entries are about or used with):
    # it is then one of them. "Fiji: from ROIs to a label mask", an update site of Fiji,
    # came first for a question of names ("fiji deepimagej"), before the entry with both.
    alone = dataclasses.replace(base, resources=(talk,))
    assert named_entries(alone) == {"cellpose-talk": "cellpose"}
    tag = base.vocabulary.tags[0].model_copy(update={"id": "cellpose"})
    vocabulary = base.vocabulary.model_copy(update={"tags": (*base.vocabulary.tags, tag)})
    tagged = dataclasses.replace(alone, vocabulary=vocabulary)
    assert named_entries(tagged) == {}
    # Unless the editors named the entry after it ("Omnipose: a high-precision…"); and
    # qualified in parentheses, it is the thing itself ("Labkit (2D and 3D)").
    paper = talk.model_copy(update={"id": "cellpose"})
    assert named_entries(dataclasses.replace(tagged, resources=(paper,))) == {
        "cellpose": "cellpose"
    }
    in_parentheses = talk.model_copy(
        update={"title": Localized.model_validate({"fr": "Cellpose (2D)", "en": "Cellpose (2D)"})}
    )
    assert named_entries(dataclasses.replace(tagged, resources=(in_parentheses,))) == {
        "cellpose-talk": "cellpose"
    }


def test_a_resource_is_cited_by_the_entries_tagged_with_its_name_and_the_questions_on_it(
    base: KnowledgeBase,
) -> None:
    # Explore puts what the knowledge base cites most first among the entries that tie
    # ("Segmenter": Cellpose, StarDist and ilastik before ITK-SNAP, first in the data).
    cellpose = next(r for r in base.resources if r.id == "cellpose")
    care = next(r for r in base.resources if r.id == "care")
    tag = base.vocabulary.tags[0].model_copy(update={"id": "cellpose"})
    vocabulary = base.vocabulary.model_copy(update={"tags": (*base.vocabulary.tags, tag)})
    # Its own tag on itself is no citation; a paper and a question tagged with it are, and
    # a question that names it among its related resources.
    own = cellpose.model_copy(update={"tags": (*cellpose.tags, "cellpose")})
    paper = care.model_copy(update={"tags": ("cellpose",)})
    why, gpu = base.faq
    tagged_question = why.model_copy(update={"tags": ("cellpose",)})
    related_question = gpu.model_copy(update={"related": ("cellpose", "care")})
    cited = dataclasses.replace(
        base,
        vocabulary=vocabulary,
        resources=(own, paper),
        faq=(tagged_question, related_question),
    )
    assert times_cited(cited) == {"cellpose": 3, "care": 1}
    # A tag is no resource's when no entry is that resource's own ("Fiji", cited by its
    # plugins, has none): nothing is counted.
    assert times_cited(dataclasses.replace(cited, resources=(paper,), faq=())) == {}


def test_the_jobs_file_says_what_each_resource_does_and_how_it_is_used(
    base: KnowledgeBase,
) -> None:
    # search.js finds what does a tool's job by its first task, and keeps what is used some
    # way as the tool is ("alternative à ilastik"); a resource without a task is no one's
    # alternative (CARE, a paper here).
    assert search_jobs(base) == {"cellpose": ["segmentation", "gui python"]}
    # One file at the site's root, where search.js asks for it (the search dialog's names).
    assert list(jobs_file(base)) == [JOBS_FILE] == [search_index_names()["jobs"]]
    assert "/" not in JOBS_FILE


def test_a_task_is_named_by_the_words_of_its_synonym_groups(base: KnowledgeBase) -> None:
    # "autre logiciel d'annotation que napari" names the job wanted: the words of the groups
    # a task's id or names use, folded as search.js folds a question's, of one piece (not
    # "ground" of "ground-truth"), without the language's stop words; a task no group names
    # has none.
    vocabulary = base.vocabulary.model_copy(
        update={
            "tasks": [
                *base.vocabulary.tasks,
                Term(id="annotation", name=Localized.of({"fr": "Annoter", "en": "Annotate"})),
            ],
            "synonyms": (
                *base.vocabulary.synonyms,
                ("annotation", "Étiquetage", "ground-truth", "le"),
            ),
        }
    )
    french = site_languages()["fr"]
    assert task_words(vocabulary, french) == {
        "tracking": "suivi tracking",
        "annotation": "annotation etiquetage",
    }


def test_the_built_site_has_the_jobs_file(built_site: Path) -> None:
    # Written by the build (hooks/site.py), from the data of the day: its shape only.
    jobs = json.loads((built_site / JOBS_FILE).read_text(encoding="utf-8"))
    assert jobs and all(
        isinstance(tasks, str) and tasks and isinstance(ways, str) for tasks, ways in jobs.values()
    )
