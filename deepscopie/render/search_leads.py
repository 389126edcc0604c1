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
"""

from __future__ import annotations

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.model import Resource
from deepscopie.render.data_files import compact_json
from deepscopie.render.health import LinkHealth
from deepscopie.render.search_jobs import LEADS_FILE
from deepscopie.render.search_names import named_entries, times_cited
from deepscopie.render.search_records import out_of_reach

# As many as the cards a phone shows without scrolling; more would push down what only the
# question's words find.
MOST_LEADS = 3
# After any place in an entry's tasks (explore.js's NOT_WORKED_WITH): what only tells of a
# task (a dataset, a paper) comes after what a reader works with.
NOT_WORKED_WITH = 1000


def task_leads(base: KnowledgeBase, health: LinkHealth | None) -> dict[str, str]:
    """``{task id: the names of its leads, apart by spaces}``: the first resources of the
    task's Explore order, up to MOST_LEADS, while each is usable today, cited by another entry
    and has a one-word name (search.js finds a lead by its name: its own entry); tasks without
    any are left out."""
    named = named_entries(base)
    cited = times_cited(base)

    def explore_order(resource: Resource, task: str) -> tuple[int, bool, int]:
        place = resource.tasks.index(task)
        return (
            place if resource.ways else NOT_WORKED_WITH + place,
            out_of_reach(resource, health),
            -cited[resource.id],
        )

    leads: dict[str, str] = {}
    for task in base.vocabulary.tasks:
        doing = [resource for resource in base.resources if task.id in resource.tasks]
        # (A stable sort: those that tie stay in the data's order, as in Explore.)
        doing.sort(key=lambda resource: explore_order(resource, task.id))
        names: list[str] = []
        for resource in doing[:MOST_LEADS]:
            # (One a reader cannot use today is after every usable one: so are the rest.)
            if not cited[resource.id] or resource.id not in named or out_of_reach(resource, health):
                break
            names.append(named[resource.id].split()[0])
        if names:
            leads[task.id] = " ".join(names)
    return leads


def leads_file(base: KnowledgeBase, health: LinkHealth | None) -> dict[str, str]:
    """``{path in the built site: content}`` of the leads file."""
    return {LEADS_FILE: compact_json(task_leads(base, health))}
