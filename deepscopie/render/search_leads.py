"""The resources a task typed alone opens on in the search ("segmenter", "outil de
segmentation"): those the Explore page lists first for that task's box, as far as the
knowledge base cites them.

Pagefind ranks the entries that say a word most, so "Segmenter" opened on two papers with
"segmentation" in their titles, and Cellpose came seventh: a biologist who types a task looks
for the tools that do it. Explore already orders a task's entries for that reader (explore.js,
``ordered``: the entries that are worked with, by the place of the task among theirs, the usable
before the others, then the most cited). The first of them that other entries cite lead the
search's cards too, so that both say the same; one that no entry cites is first of its task by
the data's order only, which is no reason to move it above what the search found.

Each lead's search record has the filter LEAD with the value ``<task id>-<place>``
(``segmentation-1``): search.js searches the task's words again with that filter, which
costs no other word's index, and shows first, in their places, the leads the question found.
(A file of leads to look up by name cost three more searches and their words' index, 250 KB
at 10,000 entries; the filter without words, every entry's filters, 3.4 MB.) Explore's
entries file has the same values (``lead``), for a task typed in its text box.
"""

from __future__ import annotations

from collections import Counter

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.model import Resource
from deepscopie.render.health import LinkHealth, out_of_reach
from deepscopie.render.search_names import times_cited

# The Pagefind filter of the leads (search_index_names gives it to search.js).
LEAD = "lead"
# As many as the cards a phone shows without scrolling; more would push down what only the
# question's words find.
MOST_LEADS = 3
# After any place in an entry's tasks (explore.js's NOT_WORKED_WITH): what only tells of a
# task (a dataset, a paper) comes after what a reader works with.
NOT_WORKED_WITH = 1000


def listed_order(
    base: KnowledgeBase, health: LinkHealth | None, cited: Counter[str]
) -> list[Resource]:
    """The resources as Explore lists them with no words typed and no task ticked: those a
    reader can use today first, then the most cited by other entries, then in the data's
    order. The data's order alone opened the list on cheat sheets (its first category), and
    "Bibliothèque Python" on Keras Applications, before PyTorch and TensorFlow (a reader's
    review). Explore's entries file is in this order, which explore.js keeps as it is
    (sorting 10,000 entries at each change of the filters), and its other orders, a task's
    leads too, break their ties in it (stable sorts)."""
    return sorted(base.resources, key=lambda r: (out_of_reach(r, health), -cited[r.id]))


def task_leads(
    base: KnowledgeBase, health: LinkHealth | None, cited: Counter[str] | None = None
) -> dict[str, tuple[str, ...]]:
    """``{task id: its leads' ids, in order}``: the first resources of the task's Explore
    order, up to MOST_LEADS, while each is usable today and cited by another entry; tasks
    without any are left out. ``cited``: the base's times_cited, if known."""
    cited = times_cited(base) if cited is None else cited

    def task_place(resource: Resource, task: str) -> int:
        place = resource.tasks.index(task)
        return place if resource.ways else NOT_WORKED_WITH + place

    doing: dict[str, list[Resource]] = {task.id: [] for task in base.vocabulary.tasks}
    # (In one pass: 10,000 entries took 0.1 s per task. In Explore's first order, which
    # breaks the ties of a task's places: the usable, then the most cited.)
    for resource in listed_order(base, health, cited):
        for task_id in resource.tasks:
            if task_id in doing:  # (the vocabulary's tasks: validated data has no other)
                doing[task_id].append(resource)
    leads: dict[str, tuple[str, ...]] = {}
    for task, resources in doing.items():
        # (A stable sort: those that tie stay in Explore's first order, as in Explore.)
        first = sorted(resources, key=lambda resource: task_place(resource, task))[:MOST_LEADS]
        ids: list[str] = []
        for resource in first:
            # (One a reader cannot use today is after every usable one: so are the rest.)
            if not cited[resource.id] or out_of_reach(resource, health):
                break
            ids.append(resource.id)
        if ids:
            leads[task] = tuple(ids)
    return leads


def lead_values(leads: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """``{resource id: its values of the filter LEAD}``, one for each task it leads, with its
    place there from 1 (``["segmentation-1"]``)."""
    values: dict[str, list[str]] = {}
    for task, ids in leads.items():
        for place, resource in enumerate(ids, start=1):
            values.setdefault(resource, []).append(f"{task}-{place}")
    return values
