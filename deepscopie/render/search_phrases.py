"""The phrases readers type for an idea that the entries say another way, for the search to
show first the entries that say it their way too ("apprentissage profond": the French entries
say "deep learning").

Every entry that uses a synonym group is given its words (deepscopie.synonyms), so a phrase
of the group finds them all; but its words count there at a synonym's weight, while an entry
that happens to say "apprentissage" and "profonds" apart counts them as its own, and came
first. A question that is only such phrases shows first the entries that also have the words
the entries use for the idea, ranked by their own text, then the others (search.js,
usualWords): the same entries, in another order. One file per language (its entries say
things their own way), fetched when the reader heads for the search, as the names are.

The file also holds the phrases that open with a negating word ("sans annotation", "no GPU"),
with their groups: a question that says one asks for the entries that use its group (each
has its group's mark in its record), not for those with its words apart (search.js,
negatedPhrasesIn); and how many entries the language has, by which search.js weighs how
rare a word is.
"""

from __future__ import annotations

from collections.abc import Iterable

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.languages import site_languages
from deepscopie.render.data_files import compact_json
from deepscopie.render.search_records import (
    PHRASES_FILE,
    EntryGroups,
    EntryUses,
    entry_uses,
    faq_answers,
)
from deepscopie.synonyms import language_synonyms


def _used(phrases: dict[str, list[int]], uses: Iterable[frozenset[int]]) -> dict[str, list[int]]:
    """The ``phrases`` of the groups that an entry uses (``uses``: each entry's groups), with
    those groups: a question is not read by a phrase that no entry has."""
    used = frozenset().union(*uses)
    kept = {key: [group for group in groups if group in used] for key, groups in phrases.items()}
    return {key: groups for key, groups in kept.items() if groups}


def phrases_files(
    base: KnowledgeBase, groups: EntryGroups, uses: EntryUses | None = None
) -> dict[str, str]:
    """``{path in the built site: content}`` of each language's phrases file: ``usual``,
    ``{phrase as search.js reads a question: the words its entries use}`` (see
    :meth:`deepscopie.synonyms.Synonyms.usual_forms`), read in the entries' texts as
    ``groups`` (the base's :func:`deepscopie.render.search_records.entry_groups`, in each
    language) read them, and in the FAQ's answers: a phrase one says is found by its own
    words; ``negated``, ``{phrase as search.js reads a question: its groups}`` (see
    :meth:`deepscopie.synonyms.Synonyms.negated_phrases`); ``entries``, how many entries
    the language has. ``uses``: the base's :func:`deepscopie.render.search_records.entry_uses`,
    if known."""
    uses = entry_uses(base, groups) if uses is None else uses
    files = {}
    for code, readings in groups.items():
        synonyms = language_synonyms(base.vocabulary.synonyms, site_languages()[code])
        said = [reading.said for reading in readings.values()]
        said += [synonyms.reading(answer).said for answer in faq_answers(base, code)]
        files[PHRASES_FILE.format(language=code)] = compact_json(
            {
                "usual": synonyms.usual_forms(said),
                "negated": _used(synonyms.negated_phrases(), uses[code].values()),
                "entries": len(base.resources) + len(base.faq),
            }
        )
    return files
