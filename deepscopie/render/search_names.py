"""The names of the entries, for the search to put right a name typed wrong ("celpose").

Pagefind has no typo tolerance: a word that no entry has is searched as the longest beginning
of it that some entry has ("cel"), so a tool's name typed wrong finds anything but the tool.
search.js compares a question's words with these names (one file for the site, fetched at the
first search) and, when a word near a name is in no entry, searches that name instead.
"""

from __future__ import annotations

import json

from deepscopie.folding import name_words
from deepscopie.knowledge_base import KnowledgeBase

NAMES_FILE = "search-names.json"
# A word of three letters is one letter away from too many others.
SHORTEST_NAME = 4


def search_names(base: KnowledgeBase) -> list[str]:
    """The one-word names of the resources (``cellpose``, ``trackmate``) and of the tags
    (``fiji``, ``segmentation``), lower case without accents, in either language."""
    titles = [text for resource in base.resources for text in resource.title.texts.values()]
    tags = [text for tag in base.vocabulary.tags for text in tag.name.texts.values()]
    names = set()
    for name in [*titles, *tags]:
        words = name_words(name)
        if len(words) == 1 and len(words[0]) >= SHORTEST_NAME:
            names.add(words[0])
    return sorted(names)


def names_file(base: KnowledgeBase) -> dict[str, str]:
    """``{path in the built site: content}`` of the names file."""
    return {NAMES_FILE: json.dumps(search_names(base), ensure_ascii=False, separators=(",", ":"))}
