"""The resources a task typed alone opens on in the search: Explore's first for the task."""

from __future__ import annotations

import dataclasses
import json

import pytest

from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.model import Localized, Resource
from deepscopie.render.explore import entries_json
from deepscopie.render.search_leads import LEAD, MOST_LEADS, lead_values, task_leads
from deepscopie.render.search_records import search_index_names, search_records
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def base() -> KnowledgeBase:
    return load_knowledge_base(DataFiles.in_folder(FIXTURES / "base"))


def _tool(base: KnowledgeBase, name: str, **changes: object) -> Resource:
    """A copy of the fixture's Cellpose (a tool that segments, used with or without code)
    named ``name``."""
    cellpose = next(resource for resource in base.resources if resource.id == "cellpose")
    title = Localized.model_validate({"fr": name, "en": name})
    return cellpose.model_copy(update={"id": name.lower(), "title": title, **changes})


def _cited(base: KnowledgeBase, resources: tuple[Resource, ...], *cited: str) -> KnowledgeBase:
    """``base`` with ``resources``, and a question of the FAQ that cites each of ``cited``
    (once for each time it is given)."""
    questions = tuple(
        base.faq[0].model_copy(update={"id": f"question-{at}", "related": (resource,)})
        for at, resource in enumerate(cited)
    )
    return dataclasses.replace(base, resources=resources, faq=questions)


def test_a_task_s_leads_are_the_cited_entries_explore_lists_first(base: KnowledgeBase) -> None:
    # Among the tools that segment, the most cited first (StarDist, cited twice, before
    # Cellpose); what does the task as its second one after what does it first (Labkit,
    # cited more); a paper on the task, cited most of all, after what a reader works with
    # (CARE, no way of working).
    stardist = _tool(base, "StarDist")
    cellpose = _tool(base, "Cellpose")
    labkit = _tool(base, "Labkit", tasks=("annotation", "segmentation"))
    care = next(resource for resource in base.resources if resource.id == "care")
    paper = care.model_copy(update={"tasks": ("segmentation",)})
    cited = ("stardist", "stardist", "cellpose", *["labkit"] * 3, *["care"] * 4)
    every = _cited(base, (paper, labkit, cellpose, stardist), *cited)
    assert task_leads(every, None) == {"segmentation": ("stardist", "cellpose", "labkit")}
    assert MOST_LEADS == 3
    # One that stopped comes after those that are usable, and is no lead: nor what follows.
    old = _tool(base, "Oldseg", status="archived", status_note={"fr": "Arrêté.", "en": "Stopped."})
    stopped = _cited(base, (paper, labkit, old, cellpose, stardist), *cited, *["oldseg"] * 5)
    assert task_leads(stopped, None) == {"segmentation": ("stardist", "cellpose")}


def test_an_entry_no_other_cites_ends_the_leads(base: KnowledgeBase) -> None:
    # First of its task by the data's order only, which is no reason to lift it or those
    # after it above what the question's words find: the task has no leads.
    cellpose, stardist = _tool(base, "Cellpose"), _tool(base, "StarDist")
    assert task_leads(_cited(base, (cellpose, stardist), "stardist"), None) == {
        "segmentation": ("stardist",)
    }
    assert task_leads(_cited(base, (cellpose, stardist)), None) == {}


def test_a_lead_s_search_record_says_its_place_in_each_task_it_leads(base: KnowledgeBase) -> None:
    # search.js asks the question again for the task's leads (the filter LEAD, its values
    # ``<task>-<place>``), in both languages; the filter is no word of the record.
    leads = {"segmentation": ("stardist", "cellpose"), "annotation": ("cellpose",)}
    assert lead_values(leads) == {
        "stardist": ["segmentation-1"],
        "cellpose": ["segmentation-2", "annotation-1"],
    }
    assert search_index_names()["lead"] == LEAD
    assert search_index_names()["most_leads"] == str(MOST_LEADS)
    every = _cited(base, (_tool(base, "Cellpose"),), "cellpose")
    records = [record for record in search_records(every) if "/cellpose." in record.path]
    assert len(records) == 2
    for record in records:
        assert f'data-pagefind-filter="{LEAD}:segmentation-1"' in record.document
        assert "segmentation-1" not in record.words
    care = _cited(base, (_tool(base, "Cellpose"),))
    assert all(f'"{LEAD}:' not in record.document for record in search_records(care))
    # Explore lists a task's leads first for the task typed alone: the same values, in its
    # entries' file of each language.
    for language in ("fr", "en"):
        listed = json.loads(entries_json(every, language, None))["entries"]
        assert {entry["id"]: entry.get("lead") for entry in listed} == {
            "cellpose": ["segmentation-1"]
        }
    assert "lead" not in json.loads(entries_json(care, "fr", None))["entries"][0]


def test_explore_lists_with_nothing_asked_the_usable_first_then_the_most_cited(
    base: KnowledgeBase,
) -> None:
    # The data's order opened Explore on cheat sheets, its first category, and "Bibliothèque
    # Python" on Keras Applications before PyTorch and TensorFlow. Ties stay in the data's
    # order; one that stopped comes after every usable one, however cited.
    old = _tool(base, "Oldseg", status="archived", status_note={"fr": "Arrêté.", "en": "Stopped."})
    first, second, cellpose, stardist = (
        _tool(base, name) for name in ("First", "Second", "Cellpose", "StarDist")
    )
    every = _cited(
        base, (first, old, second, cellpose, stardist), "cellpose", *["stardist"] * 2, "oldseg"
    )
    listed = [entry["id"] for entry in json.loads(entries_json(every, "en", None))["entries"]]
    assert listed == ["stardist", "cellpose", "first", "second", "oldseg"]
