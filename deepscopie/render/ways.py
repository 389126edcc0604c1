"""How a reader works with a resource: without programming or with code, the two groups of
the vocabulary's ways of working (each way says whether it needs programming). Explore
offers each group as one choice, and search finds a resource by its group's name ("sans
programmer", "with code"), which its ways' own names do not say ("Application graphique")."""

from __future__ import annotations

from deepscopie.model import Resource, VocabularyFile, Way
from deepscopie.render.texts import text

NO_PROGRAMMING, PROGRAMMING = "no-programming", "programming"
WAY_GROUPS = (NO_PROGRAMMING, PROGRAMMING)


def group_of(way: Way) -> str:
    """The group of a way of working."""
    return PROGRAMMING if way.programming else NO_PROGRAMMING


def way_groups(resource: Resource, vocabulary: VocabularyFile) -> set[str]:
    """Whether ``resource`` can be used without programming, with code, or both."""
    groups = {way.id: group_of(way) for way in vocabulary.ways}
    return {groups[way] for way in resource.ways}


def way_group_name(group: str, language: str) -> str:
    """What a reader calls a group, as typed (not typeset)."""
    return text(f"way_{group.replace('-', '_')}", language)
