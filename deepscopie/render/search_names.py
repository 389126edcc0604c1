"""The names of the resources, for the search to put right a name typed wrong ("celpose").

Pagefind has no typo tolerance: a word that no entry has is searched as the longest beginning
of it that some entry has ("cel"), so a tool's name typed wrong finds anything but the tool.
search.js compares a question's words with these names (one file for the site, fetched at the
first search) and, when a word one or two letters from a name is in no entry, searches that
name instead, and offers the question as typed. Only the resources' own names: the words of
tags and of the text are common words, and a word near them ("planes", "tracing") is more
often another word than a slip.
"""

from __future__ import annotations

import re
from collections import Counter

from deepscopie.folding import name_of, name_words, qualified_after_colon
from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.render.data_files import compact_json

NAMES_FILE = "search-names.json"
_INNER_CAPITAL = re.compile(r"[^\W_][A-Z]")
# A word of three letters is one letter away from too many others.
SHORTEST_NAME = 4
# The most letters of a name or word search.js compares with a reader's: no reader types a
# longer one, and comparing two words takes the product of their lengths (a contributed
# title of one 20,000-letter word froze the reader's page for seconds).
LONGEST_WORD = 30
# The way of working of an entry that plugs into an application (data/vocabulary.yaml).
PLUGIN = "plugin"


def search_names(base: KnowledgeBase) -> dict[str, str]:
    """``{name lower case without accents: the name as written}`` of the resources whose
    title, in either language, starts with a name of one word (``cellpose: Cellpose``,
    ``omnipose: Omnipose`` of ``Omnipose: a high-precision…``), and of the tags that name a
    product (``qupath: QuPath``).
    """
    titles = [text for resource in base.resources for text in resource.title.texts.values()]
    # A tag that names a product, as its inner capital shows ("QuPath", "PyTorch"; not
    # "Débutants"): a tool many entries use, with no entry of its own.
    products = [
        text
        for tag in base.vocabulary.tags
        for text in tag.name.texts.values()
        if _INNER_CAPITAL.search(text)
    ]
    names: dict[str, str] = {}
    for name in [*titles, *products]:
        word = _one_word_name(name)
        if word is not None:
            names.setdefault(word, name_of(name))
    return dict(sorted(names.items()))


def plugins_of(base: KnowledgeBase) -> dict[str, str]:
    """``{resource id: the names of the applications it plugs into}``, apart by spaces, of
    the plugins (way ``plugin``) whose tags name one (``fiji`` of Labkit: an entry's tags name
    its application, data/vocabulary.yaml). A question that leaves an application out leaves
    its plugins with it (search.js, Explore): "segmentation sans fiji" kept Labkit and
    MorphoLibJ, Fiji plugins, and said "Hors « Fiji »"."""
    names = search_names(base)
    plugged: dict[str, str] = {}
    for resource in base.resources:
        if PLUGIN not in resource.ways:
            continue
        into = [name for tag in resource.tags if (name := tag.replace("-", "")) in names]
        if into:
            plugged[resource.id] = " ".join(into)
    return plugged


def _one_word_name(title: str) -> str | None:
    """The name of one word a title starts with, lower case without accents (``cellpose`` of
    ``Cellpose: the talk``); None when it is more words, too short to be told from a slip, or
    too long to be typed."""
    words = name_words(title)
    fits = len(words) == 1 and SHORTEST_NAME <= len(words[0]) <= LONGEST_WORD
    return words[0] if fits else None


def named_entries(base: KnowledgeBase) -> dict[str, str]:
    """``{resource id: its names}`` for the resources that are a one-word name's own entry: the
    one titled with the name alone (in either language), else the first titled with the name
    and what qualifies it (``Labkit (2D and 3D)``, ``Omnipose: a high-precision…``, see
    name_of). "Cellpose: the talk" is not Cellpose's own entry when "Cellpose" is there.
    search.js puts a name's own entry among the first results of a question that names it
    among other words, and first for a question of names alone.

    A title that goes on after a colon is not the name's own when a tag is the name (a tool
    that many entries are about, or used with) and the entry's id is not (``omnipose``):
    it is one of those entries, "Fiji: from ROIs to a label mask" an update site of Fiji,
    which came before deepImageJ for "fiji deepimagej" although deepImageJ is the entry with
    both words."""
    tagged = {tag.id.replace("-", "") for tag in base.vocabulary.tags}
    exact: dict[str, str] = {}
    qualified: dict[str, str] = {}
    for resource in base.resources:
        for title in resource.title.texts.values():
            word = _one_word_name(title)
            if word is None:
                continue
            one_of_many = word in tagged and resource.id.replace("-", "") != word
            if qualified_after_colon(title) and one_of_many:
                continue
            own = exact if name_of(title) == title.strip() else qualified
            own.setdefault(word, resource.id)
    named: dict[str, list[str]] = {}
    for name, owner in sorted({**qualified, **exact}.items()):
        named.setdefault(owner, []).append(name)
    # A resource may have a name per language: they are given together, apart by spaces.
    return {owner: " ".join(names) for owner, names in named.items()}


def times_cited(base: KnowledgeBase) -> Counter[str]:
    """``{resource id: how many other entries cite it}``: the resources and FAQ entries tagged
    with a name it is the own entry of (:func:`named_entries`: the tag ``cellpose`` of a talk,
    a dataset, a plugin), and the FAQ entries that name it among their related resources.
    What the knowledge base says most about comes first among the entries that tie for a
    reader's filters ("Segmenter": ITK-SNAP, first in the data, came before Cellpose,
    StarDist and ilastik, whom a biologist looks for)."""
    owners = {name: owner for owner, names in named_entries(base).items() for name in names.split()}
    cited: Counter[str] = Counter()
    tagged: list[tuple[str, tuple[str, ...]]] = [
        *((resource.id, resource.tags) for resource in base.resources),
        *((question.id, question.tags) for question in base.faq),
    ]
    for citing, tags in tagged:
        for tag in tags:
            owner = owners.get(tag.replace("-", ""))
            if owner is not None and owner != citing:
                cited[owner] += 1
    for question in base.faq:
        cited.update(question.related)
    return cited


def names_file(base: KnowledgeBase) -> dict[str, str]:
    """``{path in the built site: content}`` of the names file."""
    return {NAMES_FILE: compact_json(search_names(base))}
