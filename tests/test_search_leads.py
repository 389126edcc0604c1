"""The resources a task typed alone opens on in the search: Explore's first for the task."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.model import Localized, Resource
from deepscopie.render.search_leads import MOST_LEADS, leads_file, task_leads
from deepscopie.render.search_records import search_index_names
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


def test_a_task_s_leads_are_the_cited_tools_explore_lists_first(base: KnowledgeBase) -> None:
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
    assert task_leads(every, None) == {"segmentation": "stardist cellpose labkit"}
    assert MOST_LEADS == 3
    # One that stopped comes after those that are usable, and is no lead: nor what follows.
    old = _tool(base, "Oldseg", status="archived", status_note={"fr": "Arrêté.", "en": "Stopped."})
    stopped = _cited(base, (paper, labkit, old, cellpose, stardist), *cited, *["oldseg"] * 5)
    assert task_leads(stopped, None) == {"segmentation": "stardist cellpose"}


def test_an_entry_no_other_cites_ends_the_leads(base: KnowledgeBase) -> None:
    # First of its task by the data's order only, which is no reason to lift it or those
    # after it above what the question's words find: the task has no leads.
    cellpose, stardist = _tool(base, "Cellpose"), _tool(base, "StarDist")
    assert task_leads(_cited(base, (cellpose, stardist), "stardist"), None) == {
        "segmentation": "stardist"
    }
    assert task_leads(_cited(base, (cellpose, stardist)), None) == {}
    # Nor one without a name of its own, which search.js could not find by its name.
    unnamed = _tool(
        base, "Cellpose", title=Localized.model_validate({"fr": "Un outil", "en": "A tool"})
    )
    assert task_leads(_cited(base, (unnamed, stardist), "cellpose", "stardist"), None) == {}


def test_the_leads_file_is_json_at_the_site_root_where_search_asks_for_it(
    base: KnowledgeBase,
) -> None:
    files = leads_file(_cited(base, (_tool(base, "Cellpose"),), "cellpose"), None)
    assert list(files) == [search_index_names()["leads"]]
    assert json.loads(next(iter(files.values()))) == {"segmentation": "cellpose"}


def test_the_built_site_has_the_leads_file(built_site: Path) -> None:
    # Written by the build (hooks/site.py), from the data of the day: its shape only.
    leads = json.loads((built_site / search_index_names()["leads"]).read_text(encoding="utf-8"))
    assert all(isinstance(names, str) and names for names in leads.values())
