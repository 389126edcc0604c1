"""Each resource and each FAQ entry as its own search record, in each language.

A reader's search answers with entries, not with the pages that list them: Pagefind indexes
one small HTML document per entry and language (see ``deepscopie.search_index``), whose parts
carry weights (the title over the description over the tags), whose metadata make the result
card (title, type, category, a one-line description, link status, the resource's status and
its code's last activity, with their badges), and whose ``href`` is the
entry's permalink. Words a reader may type for the same idea (``suivi`` for ``tracking``) come
from the vocabulary's synonym groups and are added, with a low weight, to the entries that
use one of them.
"""

from __future__ import annotations

import html
import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache

from deepscopie.escaping import html_attribute, html_text
from deepscopie.folding import fold, name_words, without_elision
from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.languages import Language, site_languages
from deepscopie.model import Category, FaqEntry, Localized, Resource, Term, keywords_in
from deepscopie.render import links
from deepscopie.render.entries import title_language
from deepscopie.render.health import LinkHealth, out_of_reach
from deepscopie.render.maintenance import maintenance_meta
from deepscopie.render.safe_html import markdown_to_safe_html
from deepscopie.render.search_jobs import JOBS_FILE
from deepscopie.render.search_leads import LEAD, MOST_LEADS, lead_values, task_leads
from deepscopie.render.search_names import LONGEST_WORD, NAMES_FILE, named_entries, plugins_of
from deepscopie.render.status import lifecycle_meta
from deepscopie.render.texts import language_names, text
from deepscopie.render.typography import typeset
from deepscopie.render.ways import WAY_GROUPS, group_of, way_group_name, way_groups
from deepscopie.synonyms import PHRASE_WORDS, Reading, Synonyms, language_synonyms

# Pagefind's weights (1 is ordinary text): a word of the title counts most, then the words
# that say what the entry is for (its task, type, tags, keywords), then the description.
TITLE_WEIGHT = 8
FACET_WEIGHT = 2
SYNONYM_WEIGHT = 0.8
SUMMARY_LIMIT = 180
# A card's line is at least this long when the text is (see summary).
SUMMARY_SHORTEST = 50
# The most entries a part of a language's search index holds on average (see index_parts).
PART_SIZE = 2500
# How search.js tells records apart, the one definition (search_index_names gives it to the
# page): Pagefind's filter KIND is PAGE for a hand-written page, LEXICON for a part's words
# (see _lexicon), and none for an entry; a part's index is "<language>-<PART_SUBTAG><n>".
KIND, PAGE, LEXICON = "kind", "page", "lexicon"
# The word that marks the entries that use a negated phrase's group, by the group's index,
# then "x" ("dsnegated43x" does not begin another group's, 430), which search.js searches
# alone (see _record). Not a filter: Pagefind answers a filter without words by fetching
# every index chunk (3.4 MB at 10,000 entries), and fetches every filter's file before the
# first search (17 KB more, 100 ms later).
NEGATED = "dsnegated{group}x"


def negated_mark(group: int) -> str:
    """The word of the entries that use the negated phrases' group ``group``."""
    return NEGATED.format(group=group)


PART_SUBTAG = "x-part"


# Each language's words, for a common word typed wrong (see deepscopie.render.search_words),
# and the fewest letters of a word there and of a word search.js looks a slip of for: a word
# of four letters is one letter from too many others ("côté", "coûte"). (The most letters:
# search_names.LONGEST_WORD.)
WORDS_FILE = "search-words-{language}.json"
# Each language's phrases that its entries say another way (see deepscopie.render.search_phrases).
PHRASES_FILE = "search-phrases-{language}.json"
SHORTEST_WORD = 5


def search_index_names() -> dict[str, str]:
    """The names search.js needs to read the index (set on the search dialog), and the
    files of the entries' names and jobs (see deepscopie.render.search_names and
    deepscopie.render.search_jobs), and the filter of the tasks' leads (see
    deepscopie.render.search_leads)."""
    return {
        "filter": KIND,
        "page": PAGE,
        "lexicon": LEXICON,
        "negated": NEGATED,
        "part": PART_SUBTAG,
        "names": NAMES_FILE,
        "words": WORDS_FILE,
        "phrases": PHRASES_FILE,
        "phrase_words": str(PHRASE_WORDS),
        "shortest_word": str(SHORTEST_WORD),
        "longest_word": str(LONGEST_WORD),
        "jobs": JOBS_FILE,
        "lead": LEAD,
        "most_leads": str(MOST_LEADS),
    }


# Where the entries' records are, in the folder Pagefind indexes (no page of the site is).
ENTRIES_FOLDER = "entries"
# A sentence ends at ".", "!" or "?" after a word (French sets "?" and "!" apart with a
# space), before a capital, a digit or an opening quote.
_SENTENCE_END = re.compile(r"(?:(?<=\w\w[.!?])|(?<=\w\s[!?]))\s+(?=[A-ZÀ-Ý0-9«“\"(])")
# Sanitised HTML (nh3's output) into text: block ends become spaces, other tags go.
_TAG = re.compile(r"<[^>]*>")
# Where a page's blocks and cells begin or end: words on either side are separate words (an
# inline tag, such as </strong>, is not a space).
_BLOCK_EDGE = re.compile(
    r"</?(?:p|br|li|ul|ol|h\d|blockquote|pre|table|tr|td|th|dl|dt|dd|div|section|details|"
    r"summary|figure|figcaption|hr)\b[^>]*>",
    re.IGNORECASE,
)
# A block of code (an example) in a hand-written page.
_CODE_BLOCK = re.compile(r"<pre\b.*?</pre\s*>", re.DOTALL | re.IGNORECASE)
# What a page holds but does not show as text (a hand-written page may have a script).
_NOT_SHOWN = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class SearchRecord:
    """One entry or page in one language: ``path`` is where Pagefind reads it, from the site's
    root (a page's is its own address, ``en/about/index.html``; an entry's is under
    ``entries/``, its card links to its permalink); ``document`` is the HTML it indexes,
    ``words`` the entry's own text there, ``added`` the words its synonym groups gave it
    (see :func:`_lexicon`), which may be of any language, and ``marks`` the marks of the
    negated phrases' groups it uses (see :func:`negated_mark`), which are no words of its."""

    path: str
    document: str
    language: str
    words: str = field(default="", compare=False, repr=False)
    added: str = field(default="", compare=False, repr=False)
    marks: str = field(default="", compare=False, repr=False)


@lru_cache(maxsize=65536)
def plain(markdown: str, language: str) -> str:
    """Contributed Markdown as plain text, from the sanitised HTML the pages show (cached: the
    same descriptions make the pages, the search records and Explore's data)."""
    return visible_text(markdown_to_safe_html(markdown, language))


def visible_text(markup: str) -> str:
    """The words HTML shows, as plain text: blocks and cells apart, inline tags joined (a
    ``</strong>`` is not a space), scripts and styles left out, entities read."""
    shown = _BLOCK_EDGE.sub(" ", _NOT_SHOWN.sub(" ", markup))
    return " ".join(html.unescape(_TAG.sub("", shown)).split())


def summary(
    markdown: str, language: str, limit: int = SUMMARY_LIMIT, *, answer: bool = False
) -> str:
    """The first sentence of a text, as plain text, cut at a word within ``limit`` characters
    (a card's line: search results, Explore, the home page's categories). A first sentence
    shorter than ``SUMMARY_SHORTEST`` says too little alone ("Yes, exactly.", "I have never
    used Cellpose.", an answer's opening): the next ones follow it until it says enough.

    An ``answer`` (an FAQ entry's) also goes on with its next sentences, whole, as long as they
    fit: it often opens with a sentence about the course ("Yes, we will see it in the next
    practical session.") before the fact the reader came for ("It is called early stopping.")."""
    sentences = _SENTENCE_END.split(plain(markdown, language))
    line = sentences[0]
    for sentence in sentences[1:]:
        longer = f"{line} {sentence}"
        fits = answer and len(typeset(longer, language)) <= limit
        if len(line) >= SUMMARY_SHORTEST and not fits:
            break
        line = longer
    # The language's typography, as the entry shows it: a French « » or : is not left alone at
    # the start or end of a card's line. Its no-break spaces also keep the cut below off them.
    line = typeset(line, language)
    if len(line) <= limit:
        return line
    return line[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:\u00a0\u202f") + "…"


# Which synonym groups (their indexes) each entry's text uses, and by which of their words,
# by language, then by entry: "resource/ID" or "faq/ID" (see entry_groups).
EntryGroups = dict[str, dict[str, Reading]]
# Which groups each entry uses, its way of working's too, by language, then by entry (see
# entry_uses): read once for search's marks and phrases and Explore's word filter.
EntryUses = dict[str, dict[str, frozenset[int]]]


def entry_groups(base: KnowledgeBase, only: str | None = None) -> EntryGroups:
    """The synonym groups each entry's text uses in each language (or in ``only``, a code):
    what search gives its record (:meth:`deepscopie.synonyms.Synonyms.added_to`), what
    Explore's word filter reads a word of a group in, and the phrases search looks for the
    entries' own words of (deepscopie.render.search_phrases): one reading of the groups for
    all three."""
    groups: EntryGroups = {}
    for site_language in _languages(only):
        synonyms = _synonyms(base, site_language)
        texts = entry_texts(base, site_language.code)
        groups[site_language.code] = {key: synonyms.reading(text) for key, text in texts.items()}
    return groups


def groups_with_ways(
    base: KnowledgeBase, language: str, used: dict[str, Reading]
) -> dict[str, frozenset[int]]:
    """The synonym groups each entry uses in ``language``, by entry (as ``used``, the base's
    :func:`entry_groups` there, keys them): those its text uses, and a resource's way group's
    name's ("Sans programmer"), which its record says (see _resource) but which is not read
    for the words it is given. Explore's word filter and search's negated phrases read them:
    "no code" found the 3 of 35 tools used without programming that write it."""
    read_in = _synonyms(base, site_languages()[language])
    of_way = {group: read_in.used_by(way_group_name(group, language)) for group in WAY_GROUPS}
    groups = {key: frozenset(reading.groups) for key, reading in used.items()}
    for resource in base.resources:
        key = f"resource/{resource.id}"
        for group in way_groups(resource, base.vocabulary):
            groups[key] |= frozenset(of_way[group])
    return groups


def entry_uses(base: KnowledgeBase, groups: EntryGroups) -> EntryUses:
    """:func:`groups_with_ways` in each language of ``groups`` (the base's
    :func:`entry_groups`)."""
    return {language: groups_with_ways(base, language, used) for language, used in groups.items()}


def entry_texts(base: KnowledgeBase, language: str) -> dict[str, str]:
    """What each entry says in ``language`` as its synonym groups are read, by entry:
    "resource/ID" or "faq/ID" (an FAQ entry's topic, see _faq_topic)."""
    names = _names(base, language)
    texts = {f"resource/{r.id}": _resource_text(r, names, language) for r in base.resources}
    return texts | {f"faq/{e.id}": _faq_topic(e, names, language) for e in base.faq}


def faq_answers(base: KnowledgeBase, language: str) -> list[str]:
    """The FAQ's answers in ``language``, as plain text (those that have one)."""
    return [_faq_answer(entry, language) for entry in base.faq if entry.answer]


def _faq_answer(entry: FaqEntry, language: str) -> str:
    return plain(entry.answer.get(language), language) if entry.answer else ""


def _languages(code: str | None) -> list[Language]:
    """The site's languages, or the one of them whose code is ``code``."""
    languages = site_languages()
    return list(languages) if code is None else [languages[code]]


def _synonyms(base: KnowledgeBase, site_language: Language) -> Synonyms:
    # Read in the entries' language: one of its stop words names nothing there.
    return language_synonyms(base.vocabulary.synonyms, site_language)


def search_records(
    base: KnowledgeBase,
    health: LinkHealth | None = None,
    part_size: int = PART_SIZE,
    groups: EntryGroups | None = None,
    only: str | None = None,
    uses: EntryUses | None = None,
    leads: dict[str, list[str]] | None = None,
) -> list[SearchRecord]:
    """Every resource and FAQ entry, in every language (or in ``only``, a code), each in
    one of the language's index parts (see :func:`index_parts`); ``groups`` and ``uses``:
    the base's :func:`entry_groups` and :func:`entry_uses` in those languages, and
    ``leads``, its :func:`~deepscopie.render.search_leads.lead_values`, if known."""
    named, plugged = named_entries(base), plugins_of(base)
    leads = lead_values(task_leads(base, health)) if leads is None else leads
    groups = entry_groups(base, only) if groups is None else groups
    uses = entry_uses(base, groups) if uses is None else uses
    records = []
    count = len(base.resources) + len(base.faq)
    for site_language in _languages(only):
        language = site_language.code
        synonyms = _synonyms(base, site_language)
        used = groups[language]
        # The negated phrases' groups each entry uses, marked in its record (see _record).
        negated_groups = synonyms.negated_groups()
        said = {key: sorted(its & negated_groups) for key, its in uses[language].items()}
        names = _names(base, language)
        parts = index_parts(language, count, part_size)
        entries = []
        for resource in base.resources:
            text = _resource_text(resource, names, language)
            added = synonyms.added_to(text, used[f"resource/{resource.id}"].groups)
            part = index_part(resource.id, parts)
            said_here = said[f"resource/{resource.id}"]
            leading = leads.get(resource.id)
            record = _resource(
                resource, names, language, part, health, named, plugged, added, said_here, leading
            )
            entries.append(record)
        for entry in base.faq:
            text = _faq_text(entry, names, language)
            added = synonyms.added_to(text, used[f"faq/{entry.id}"].groups)
            part, said_here = index_part(entry.id, parts), said[f"faq/{entry.id}"]
            entries.append(_faq_entry(entry, names, language, part, added, said_here))
        records += entries
        if len(parts) > 1:
            records += _lexicon(language, parts, entries)
        records += [
            _category_intro(c, c.intro, language) for c in base.vocabulary.categories if c.intro
        ]
    return records


def index_parts(language: str, entries: int, part_size: int = PART_SIZE) -> list[str]:
    """The Pagefind indexes that hold a language's ``entries`` (at most ``part_size`` each, on
    average), by the ``<html lang>`` of their records: the language's own (which also holds
    the pages), then private-use variants of it (``en-x-part1``), which Pagefind stems as the
    language.

    Pagefind compares each record that has a searched word with every such record's words:
    its time grows as the square of the matches. At 10,000 entries, the most common word
    ("image", half of the entries) took 130 to 150 ms of the search worker, 250 ms the first
    time; in four parts, 80 and 130 ms (the scoring itself, a quarter). The browser searches
    the parts together (search.js); each part adds requests (its list of records when search
    starts, its chunks of each word searched) and about 60 ms to search's start."""
    if part_size < 1:
        raise ValueError(f"an index part holds at least one entry, not {part_size}")
    count = max(1, -(-entries // part_size))
    return [language, *(f"{language}-{PART_SUBTAG}{number}" for number in range(1, count))]


def _lexicon(language: str, parts: list[str], entries: list[SearchRecord]) -> list[SearchRecord]:
    """A record in each part with every word of the language's entries, which search never
    shows (it has the filter ``kind:lexicon``, search.js leaves it out).

    Pagefind answers a word that no record of an index has with that index's longest word
    which begins it ("de" for "débruitage"): a part without the word would give dozens of
    unrelated entries. With every word in every part, a part without it gives nothing."""
    every = (word for entry in entries for word in f"{entry.words} {entry.added}".split())
    # And the negated phrases' marks (see _record), which no record's words have.
    marks = (mark for entry in entries for mark in entry.marks.split())
    words = " ".join(sorted({*every, *marks}))
    content = (
        f'<span data-pagefind-filter="{KIND}:{LEXICON}" hidden></span><p>{html_text(words)}</p>'
    )
    return [
        SearchRecord(
            f"{_lexicon_folder(language)}/{part}.html",
            _document(part, part, content),
            language,
            words,
        )
        for part in parts
    ]


def _lexicon_folder(language: str) -> str:
    return f"{ENTRIES_FOLDER}/{language}-lexicon"


def is_lexicon(record: SearchRecord) -> bool:
    """Whether ``record`` is a part's words (see :func:`_lexicon`), not an entry."""
    return record.path.startswith(f"{_lexicon_folder(record.language)}/")


def index_part(entry_id: str, parts: list[str]) -> str:
    """Which of ``parts`` holds an entry: chosen by its id, so that an entry stays in its part
    when others are added or removed (the other parts' index files, kept by readers'
    browsers, do not change). Parts hold about as many entries each."""
    return parts[zlib.crc32(entry_id.encode()) % len(parts)]


def _names(base: KnowledgeBase, language: str) -> dict[str, dict[str, str]]:
    """What a reader calls each category, type, tag, task and way of working, by id."""
    vocabulary = base.vocabulary
    lists: dict[str, tuple[Category | Term, ...]] = {
        "category": vocabulary.categories,
        "type": vocabulary.types,
        "tag": vocabulary.tags,
        "task": vocabulary.tasks,
        "way": vocabulary.ways,
    }
    names = {key: {t.id: t.name.get(language) for t in terms} for key, terms in lists.items()}
    # A way's group too ("Sans programmer"): a reader asks for it, and its ways do not say it.
    names["way_group"] = {w.id: way_group_name(group_of(w), language) for w in vocabulary.ways}
    return names


# A short name of a few words, written as one word (see one_word), before what qualifies it.
_NAME_WORDS, _NAME_LETTERS = 3, 20


def one_word(title: str) -> str | None:
    """A title of two or three words as one word, as readers type a name they saw in an
    address or a logo (``Papers with Code`` -> ``paperswithcode``), without what follows the
    name (``ITK-SNAP (3D)`` -> ``itksnap``); None for a single word or a longer title, which
    is not a name typed that way."""
    words = name_words(title)
    joined = "".join(words)
    return joined if 1 < len(words) <= _NAME_WORDS and len(joined) <= _NAME_LETTERS else None


def _resource(
    resource: Resource,
    names: dict[str, dict[str, str]],
    language: str,
    index: str,
    health: LinkHealth | None,
    named: dict[str, str],
    plugged: dict[str, str],
    synonyms: list[str],
    negated: list[int],
    leads: list[str] | None = None,
) -> SearchRecord:
    """``named``, ``plugged``: the resources that are names' own entries, and the plugins
    (see :func:`~deepscopie.render.search_names.plugins_of`), with those names;
    ``synonyms``: the words its synonym groups give it; ``negated``: the negated phrases'
    groups it uses; ``leads``: the tasks it leads (see _record)."""
    kind, category = names["type"][resource.type], names["category"][resource.category]
    tags = _tags(resource, names)
    facets = _facets(resource, names, language)
    # Its way group's name ("Sans programmer"), which its ways' names do not say: not read for
    # synonyms, whose group of that name is large (every tool used without code got its 20
    # words, and a common word's search at 10,000 entries a quarter longer).
    groups = list(dict.fromkeys(names["way_group"][way] for way in resource.ways))
    title = resource.title.get(language)
    description = resource.description.get(language)
    plain_description = plain(description, language)
    meta = {
        "kind": "resource",
        "href": _href(language, links.resource_target(resource)),
        "type": kind,
        "category": category,
        "summary": summary(description, language),
        # The card says it: many titles are translated, and a video in English looked French.
        "languages": language_names(resource.languages, language),
    }
    title_lang = title_language(resource, language)
    if title_lang:  # the card reads the title in its own language
        meta["title_lang"] = title_lang
    status = _status(resource, health, language)
    if status:
        meta["status"] = status
    elif resource.url is None:  # the card says so before the reader opens a dead end
        meta["status"] = text("url_needed", language)
    if out_of_reach(resource, health):
        meta["later"] = "1"
    if resource.id in named:  # the own entry of these names (see named_entries)
        meta["named"] = named[resource.id]
    if resource.id in plugged:  # not shown: what it plugs into (see plugins_of)
        meta["plugs_into"] = plugged[resource.id]
    meta.update(lifecycle_meta(resource, language))
    meta.update(maintenance_meta(resource, health, language))
    # The other language's title too: a name is often typed as published; and typed as one
    # word, as its address often writes it (paperswithcode).
    # In a fixed order: the same data gives the same index, build after build.
    titles = resource.title.texts.values()
    other_titles = [*titles, *(joined for name in titles if (joined := one_word(name)))]
    other_titles = [name for name in dict.fromkeys(other_titles) if name != title]
    return _record(
        f"{language}/{resource.id}",
        language,
        index,
        meta,
        title=title,
        parts=[
            (FACET_WEIGHT, " · ".join([kind, *facets, *groups, *tags, *other_titles])),
            (1, plain_description),
            (1, ", ".join(resource.authors)),  # a book is often asked for by its author
            (0.5, category),
            (NOTE_WEIGHT, _editors_note(resource, language)),
        ],
        synonyms=synonyms,
        negated=negated,
        leads=leads,
    )


def _tags(resource: Resource, names: dict[str, dict[str, str]]) -> list[str]:
    return [names["tag"][tag] for tag in resource.tags]


def _facets(resource: Resource, names: dict[str, dict[str, str]], language: str) -> list[str]:
    """What a resource is for and how it is used, and its keywords, in ``language``."""
    facets = [names["task"][task] for task in resource.tasks]
    facets += [names["way"][way] for way in resource.ways]
    return [*facets, *keywords_in(resource, language)]


def _resource_text(resource: Resource, names: dict[str, dict[str, str]], language: str) -> str:
    """What a resource says in ``language``, as its synonym groups are read in it."""
    title, description = resource.title.get(language), resource.description.get(language)
    facets, tags = _facets(resource, names, language), _tags(resource, names)
    return " ".join([title, plain(description, language), *facets, *tags])


def _faq_tags(entry: FaqEntry, names: dict[str, dict[str, str]], language: str) -> list[str]:
    tags = [names["tag"][tag] for tag in entry.tags]
    tags += keywords_in(entry, language)
    # "FAQ", as the navigation names their page: "FAQ cellpose" is Cellpose's questions.
    return [*tags, text("nav_faq", language)]


def _faq_topic(entry: FaqEntry, names: dict[str, dict[str, str]], language: str) -> str:
    """What an FAQ entry is about in ``language``: its title, question and tags, whose
    synonym groups it is given (not those of every subject its answer touches)."""
    question = plain(entry.question.get(language), language)
    return " ".join([entry.title.get(language), question, *_faq_tags(entry, names, language)])


def _faq_text(entry: FaqEntry, names: dict[str, dict[str, str]], language: str) -> str:
    """What an FAQ entry says in ``language``: its topic and its answer, whose words it is not
    given again."""
    return f"{_faq_topic(entry, names, language)} {_faq_answer(entry, language)}"


def _faq_entry(
    entry: FaqEntry,
    names: dict[str, dict[str, str]],
    language: str,
    index: str,
    synonyms: list[str],
    negated: list[int],
) -> SearchRecord:
    """``synonyms``: the words its synonym groups give it; ``negated``: the negated phrases'
    groups it uses (see _record)."""
    tags = _faq_tags(entry, names, language)
    title = entry.title.get(language)
    answer = entry.answer.get(language) if entry.answer else ""
    line = _answer_line(entry, answer, language) if answer else _open_question(entry, language)
    meta = {
        "kind": "faq",
        "href": _href(language, links.faq_target(entry)),
        "type": text("search_faq_type", language),
        "category": text("faq_title", language),
        "summary": line,
    }
    question = plain(entry.question.get(language), language)
    plain_answer = plain(answer, language)
    return _record(
        f"{language}/{entry.id}",
        language,
        index,
        meta,
        title=title,
        parts=[
            (FACET_WEIGHT, " · ".join(tags)),
            (1, question),
            (1, plain_answer),
            (NOTE_WEIGHT, _editors_note(entry, language)),
        ],
        synonyms=synonyms,
        negated=negated,
    )


# An editors' note is found by search (a reader looking for "star-convex" reaches the entry
# whose note explains it), below the entry's own text.
NOTE_WEIGHT = 0.5


def _answer_line(entry: FaqEntry, answer: str, language: str) -> str:
    """An answer's card line; an answer too short to say much alone ("Probably, yes.") goes
    on with the editors' note that follows it on its page (how to retrain Cellpose)."""
    note = entry.editors_note.get(language) if entry.editors_note else ""
    if note and len(plain(answer, language)) < SUMMARY_SHORTEST:
        answer = f"{answer}\n\n{note}"
    return summary(answer, language, answer=True)


def _open_question(entry: FaqEntry, language: str) -> str:
    """The card's line of a question nobody answered: said so, with the question as asked
    when its title shortens it (what the reader would find behind the card)."""
    asked = summary(entry.question.get(language), language)
    if fold(asked).rstrip(" ?") == fold(entry.title.get(language)).rstrip(" ?"):
        return text("open_question", language)
    return text("open_question_asked", language, q=asked)


def _editors_note(entry: Resource | FaqEntry, language: str) -> str:
    return plain(entry.editors_note.get(language), language) if entry.editors_note else ""


def _record(
    path: str,
    language: str,
    index: str,
    meta: dict[str, str],
    title: str,
    parts: list[tuple[float, str]],
    synonyms: list[str],
    negated: list[int],
    leads: list[str] | None = None,
) -> SearchRecord:
    """The HTML document Pagefind indexes for one entry (every value escaped), in the index
    ``index`` (see :func:`index_parts`); what its result card shows in the language's
    typography.

    ``negated``: the groups of negated phrases it uses (indexes, see
    :meth:`deepscopie.synonyms.Synonyms.negated_phrases`), each said by its mark
    (:func:`negated_mark`), which search.js reads a question's negated phrase by; ``leads``:
    its values of the filter LEAD, the tasks it leads (see deepscopie.render.search_leads)."""
    title = typeset(title, language)
    meta = {
        name: value
        if name in ("kind", "href", "named", "plugs_into", "later")
        else typeset(value, language)
        for name, value in meta.items()
    }
    hidden_meta = "".join(
        f'<span data-pagefind-meta="{html_attribute(name)}" hidden>{html_text(value)}</span>'
        for name, value in meta.items()
    )
    # (Not indexed: a filter's value is no word of the record.)
    hidden_meta += "".join(
        f'<span data-pagefind-filter="{LEAD}:{html_attribute(value)}" hidden></span>'
        for value in leads or []
    )
    marks = " ".join(negated_mark(group) for group in negated)
    # Indexed without their elided words, as search.js reads a question: Pagefind indexed
    # "d'apprentissage" whole too, and a French reader's "DAPI", stemmed "dap", found the
    # 59 entries that say "d'apprentissage" (or "d'API") before those of DAPI.
    body = "".join(
        f'<p data-pagefind-weight="{weight}">{html_text(without_elision(words))}</p>'
        for weight, words in parts
        if words
    )
    added = without_elision(" ".join(synonyms))
    if added:
        body += f'<p data-pagefind-weight="{SYNONYM_WEIGHT}">{html_text(added)}</p>'
    if marks:  # (not among its words: not offered for a word typed wrong)
        body += f"<p>{html_text(marks)}</p>"
    # The title searched as the text is; Pagefind searches the metadata too, and lifts a
    # record by its title's words. Shown as written ("shown", search.js), when that differs.
    searched_title = without_elision(title)
    if searched_title != title:
        hidden_meta += f'<span data-pagefind-meta="shown" hidden>{html_text(title)}</span>'
    content = (
        f"<div data-pagefind-ignore>{hidden_meta}</div>"
        f'<h1 data-pagefind-meta="title" data-pagefind-weight="{TITLE_WEIGHT}">'
        f"{html_text(searched_title)}</h1>{body}"
    )
    words = without_elision(" ".join([title, *(text for _, text in parts)]))
    document = _document(index, title, content)
    path = f"{ENTRIES_FOLDER}/{path}.html"
    return SearchRecord(path, document, language, words, added, marks)


def _document(index: str, title: str, content: str) -> str:
    """The HTML file Pagefind reads for one record: ``content`` (HTML, escaped by the caller)
    is what it indexes, and its ``<html lang>``, ``index``, the index that holds it."""
    return (
        f'<!doctype html><html lang="{html_attribute(index)}"><head><meta charset="utf-8">'
        f"<title>{html_text(title)}</title></head><body><main data-pagefind-body>"
        f"{content}</main></body></html>"
    )


def _href(language: str, target: str) -> str:
    """An entry's permalink from the site's root (``en/categories/software/#cellpose``)."""
    return site_languages()[language].root + links.built_url(target)


def _status(resource: Resource, health: LinkHealth | None, language: str) -> str | None:
    """The link's state in words, when the link report knows the address."""
    if health is None or resource.url is None or resource.url not in health.records:
        return None
    if health.broken(resource.url):
        return text("status_broken", language)
    return text(f"status_{health.records[resource.url].klass}", language)


def _category_intro(category: Category, intro: Localized, language: str) -> SearchRecord:
    """A category's introduction, which holds advice of its own (how to choose a GPU), as a
    page of the site: found by its words, after the entries ("acheter un GPU")."""
    path = page_record_path(links.category_page(category.id), language)
    body = markdown_to_safe_html(intro.get(language), language)
    return page_record(path, language, category.name.get(language), body)


def page_record_path(page: str, language: str) -> str:
    """Where the record of ``page`` (``about.md``) in ``language`` goes: the built page's own
    address from the site's root (``en/about/index.html``), which a result links to."""
    return f"{site_languages()[language].root}{links.built_url(page)}index.html"


# Pagefind's weight of a heading <h1>, a page's title.
PAGE_TITLE_WEIGHT = 7


def page_record(
    path: str, language: str, title: str, body_html: str, also_called: str = ""
) -> SearchRecord:
    """A hand-written page (About, Contribute…) as a search record: its title and its text,
    at its own address (``path``, from the site's root). ``body_html`` is the page's Markdown
    as HTML; only its text is kept, without its blocks of code: the guide's examples of an
    entry ("phototoxicité") are not what it is about, and made it a result for them.
    ``also_called``: its other names, which count as its title does (the navigation's "FAQ"
    of "Foire aux questions", which other pages say more often; "mots-clés" for the tags)."""
    text_of_page = visible_text(_CODE_BLOCK.sub(" ", body_html))
    # Weighed as Pagefind weighs the title, an <h1>.
    other_name = f'<p data-pagefind-weight="{PAGE_TITLE_WEIGHT}">{html_text(also_called)}</p>'
    content = (
        f'<span data-pagefind-filter="{KIND}:{PAGE}" hidden></span>'
        f'<h1 data-pagefind-meta="title">{html_text(title)}</h1>'
        f"{other_name if also_called else ''}<p>{html_text(text_of_page)}</p>"
    )
    return SearchRecord(path, _document(language, title, content), language)
