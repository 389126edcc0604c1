"""What each resource does and how it is used, for the search to find what does the job of a
tool a reader wants another of ("alternative à ilastik", "équivalent de trackmate").

search.js searches the tool's first task by its name, and keeps the entries that have that
task and are of the tool's type or used some way too (see withAlternatives). It reads the
tasks and ways of working here, in one file for the site, fetched by such a question only.
Not in the records: Pagefind makes every meta's text searchable ("cellpose langage" found
Cellpose through a way's name), and a filter's files are fetched by every first search (30 KB
more, and 20 to 30 ms, at 10,000 entries).
"""

from __future__ import annotations

from deepscopie.folding import without_accents
from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.languages import Language
from deepscopie.model import VocabularyFile
from deepscopie.render.data_files import compact_json
from deepscopie.synonyms import language_synonyms

JOBS_FILE = "search-jobs.json"


def search_jobs(base: KnowledgeBase) -> dict[str, list[str]]:
    """``{resource id: [its tasks, its ways of working]}``, each as ids apart by spaces (the
    first task first), for the resources that have a task."""
    return {
        resource.id: [" ".join(resource.tasks), " ".join(resource.ways)]
        for resource in base.resources
        if resource.tasks
    }


def jobs_file(base: KnowledgeBase) -> dict[str, str]:
    """``{path in the built site: content}`` of the jobs file."""
    return {JOBS_FILE: compact_json(search_jobs(base))}


def task_words(vocabulary: VocabularyFile, language: Language) -> dict[str, str]:
    """``{task id: the words that name it, folded, apart by spaces}``: the words of one piece
    (not the phrases) of the synonym groups its id and the first word of each of its names use
    ("annotation", "annoter", "labelling"…), but the language's stop words. A question for
    another tool that says the job it wants ("autre logiciel d'annotation que napari") is
    answered with what does that job, not the tool's own first task (napari's is to view)."""
    synonyms = language_synonyms(vocabulary.synonyms, language)
    words = {}
    for task in vocabulary.tasks:
        names = [name.split()[0] for name in task.name.texts.values() if name.split()]
        groups = synonyms.used_by(" ".join([task.id.replace("-", " "), *names]))
        # As search.js folds a question's word; a word of one piece ("ground-truth" gave
        # "ground", and "data-augmentation" "data").
        folded = (
            without_accents(word.strip()) for index in groups for word in synonyms.groups[index]
        )
        named = {word for word in folded if word.isalnum() and word not in language.stop_word_set}
        if named:
            words[task.id] = " ".join(sorted(named))
    return words
