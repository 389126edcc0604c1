"""What every page's templates (overrides/) need of a language beside its texts: the language
itself, the search form, and the search dialog's words, index names and words searched as
others. One definition for the site's hook and for bench/build.py's baseline, which builds the
same templates without the data (it broke when the templates needed one more of them)."""

from __future__ import annotations

from deepscopie.languages import site_languages
from deepscopie.model import VocabularyFile
from deepscopie.render.asking_words import asking_word_lists
from deepscopie.render.navigation import page_names
from deepscopie.render.pages import render_search_form
from deepscopie.render.search_jobs import task_words
from deepscopie.render.search_records import search_index_names
from deepscopie.render.searched_as import searched_as
from deepscopie.render.texts import search_texts


def template_globals(language: str, vocabulary: VocabularyFile | None) -> dict[str, object]:
    """The templates' variables for pages in ``language`` (a code: "fr"), with what search
    needs of the ``vocabulary`` (none: a site without data, or data with problems)."""
    return {
        "site_language": site_languages()[language],
        "site_word_lists": word_lists(language, vocabulary),
        "search_form": render_search_form,
        # The search dialog's words (overrides/partials/deepscopie-search.html), escaped there.
        "search_texts": search_texts(language),
        "search_index_names": search_index_names(),
        # The pages a reader may name, which search shows first when named.
        "page_names": page_names(language, vocabulary),
        # What each task is called ({id: name}): search looks for what does the job of a tool
        # a reader wants another of by its task's name (see deepscopie.render.search_jobs).
        "task_names": {task.id: task.name.get(language) for task in vocabulary.tasks}
        if vocabulary is not None
        else {},
        # The words that name each task ({id: words}): a question for another tool may say
        # the job it wants done.
        "task_words": task_words(vocabulary, site_languages()[language])
        if vocabulary is not None
        else {},
        # What search looks for instead of words its stemmer misreads ({typed: searched}).
        "searched_as": searched_as(vocabulary, site_languages()[language]),
    }


def word_lists(language: str, vocabulary: VocabularyFile | None) -> dict[str, str]:
    """The lists of words search reads on the pages of ``language`` (see
    :meth:`deepscopie.languages.Languages.word_lists`), and those of the ``vocabulary`` by
    which it reads how a reader asks for entries (see
    :func:`deepscopie.render.asking_words.asking_word_lists`)."""
    lists = site_languages().word_lists(language)
    if vocabulary is None:
        return lists
    return {**lists, **asking_word_lists(vocabulary, site_languages()[language])}
