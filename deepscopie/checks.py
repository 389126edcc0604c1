"""Checks across entries: what a single entry's schema cannot see.

Each check is a small function that returns the problems it finds; the loader
runs them all and reports everything at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from deepscopie.folding import name_words, question_words, squashed
from deepscopie.languages import site_languages
from deepscopie.markdown_links import links_in
from deepscopie.model import (
    SLUG_PATTERN,
    FaqEntry,
    Localized,
    Resource,
    VocabularyFile,
    keywords_in,
)
from deepscopie.problems import Message, Problem, msg
from deepscopie.render import links
from deepscopie.suggest import hint_message
from deepscopie.synonyms import language_synonyms, places_of
from deepscopie.urls import normalise_url, url_problems
from deepscopie.yaml_source import Loc, SourceMap

T = TypeVar("T")
_SLUG = re.compile(SLUG_PATTERN)


@dataclass(frozen=True)
class Located(Generic[T]):
    """An object with its path in the data file it came from."""

    loc: Loc
    item: T


def check_unique_ids(
    entries: Iterable[Located[Resource] | Located[FaqEntry]], source: SourceMap
) -> list[Problem]:
    """An id is a permalink: two entries cannot share one."""
    problems = []
    first: dict[str, Loc] = {}
    for entry in entries:
        loc = (*entry.loc, "id")
        key = entry.item.id.casefold()
        if key in first:
            line = source.value_position(first[key]).line
            message = msg("duplicate-id", id=entry.item.id, line=line)
            problems.append(source.problem(loc, message, "duplicate-id"))
        else:
            first[key] = loc
        if links.is_reserved_anchor(entry.item.id):
            problems.append(source.problem(loc, _reserved(entry.item.id, "anchor"), "reserved-id"))
    return problems


def check_ids_across_files(
    resources: Iterable[Located[Resource]],
    faq: Iterable[Located[FaqEntry]],
    resource_source: SourceMap,
    faq_source: SourceMap,
) -> list[Problem]:
    """A question of the FAQ cannot take a resource's id: search tells entries apart by their
    id, and the question's result took the resource's place."""
    resource_ids = {entry.item.id.casefold(): entry.loc for entry in resources}
    problems = []
    for entry in faq:
        taken = resource_ids.get(entry.item.id.casefold())
        if taken is None:
            continue
        line = resource_source.value_position((*taken, "id")).line
        message = msg(
            "duplicate-id.resource", id=entry.item.id, file=resource_source.path.name, line=line
        )
        problems.append(faq_source.problem((*entry.loc, "id"), message, "duplicate-id"))
    return problems


def _reserved(id_: str, what: str) -> Message:
    if what == "anchor":
        return msg(
            "reserved-id.anchor",
            id=id_,
            section=links.SECTION_PREFIX,
            interface=links.INTERFACE_PREFIX,
        )
    if what == "section":
        return msg("reserved-id.section", id=id_)
    return msg("reserved-id.page", id=id_)


def check_unique_urls(resources: Iterable[Located[Resource]], source: SourceMap) -> list[Problem]:
    """The same page listed twice, once scheme, www, slashes and tracking are set aside."""
    problems = []
    first: dict[str, tuple[str, Loc]] = {}
    for entry in resources:
        for loc, url in _resource_addresses(entry):
            key = normalise_url(url)
            if key in first and first[key][0] != entry.item.id:
                owner, owner_loc = first[key]
                line = source.value_position(owner_loc).line
                message = msg("duplicate-url", owner=owner, line=line)
                problems.append(source.problem(loc, message, "duplicate-url"))
            first.setdefault(key, (entry.item.id, loc))
    return problems


def check_resource_urls(resources: Iterable[Located[Resource]], source: SourceMap) -> list[Problem]:
    """Every address of a resource, including those inside its description and note."""
    problems = []
    for entry in resources:
        addresses = list(_resource_addresses(entry))
        if entry.item.repository is not None:
            addresses.append(((*entry.loc, "repository"), entry.item.repository))
        for field, text in entry.item.markdown_texts():
            addresses += _text_addresses((*entry.loc, field), text)
        problems += _url_problems(addresses, source)
    return problems


def check_faq_urls(faq: Iterable[Located[FaqEntry]], source: SourceMap) -> list[Problem]:
    """Every address inside questions, answers and editors' notes."""
    problems = []
    for entry in faq:
        addresses = []
        for field, text in entry.item.markdown_texts():
            addresses += _text_addresses((*entry.loc, field), text)
        problems += _url_problems(addresses, source)
    return problems


def check_resource_vocabulary(
    resources: Iterable[Located[Resource]], vocabulary: VocabularyFile, source: SourceMap
) -> list[Problem]:
    """Categories, sub-categories, types and tags must exist in data/vocabulary.yaml."""
    categories = {c.id: {s.id for s in c.subcategories} for c in vocabulary.categories}
    types = [t.id for t in vocabulary.types]
    problems = []
    for entry in resources:
        item, loc = entry.item, entry.loc
        # (an entry checked with a wrong category or type has None there: reported already)
        if item.category is None:
            pass
        elif item.category not in categories:
            problems.append(
                _unknown(
                    source,
                    (*loc, "category"),
                    "category",
                    item.category,
                    list(categories),
                    "unknown-category",
                )
            )
        else:
            subcategories = sorted(categories[item.category])
            if item.subcategory is not None and item.subcategory not in subcategories:
                problems.append(
                    _unknown(
                        source,
                        (*loc, "subcategory"),
                        "sub-category",
                        item.subcategory,
                        subcategories,
                        "unknown-subcategory",
                        where=item.category,
                    )
                )
        for i, place in enumerate(item.also_in):
            category, _, subcategory = place.partition("/")
            known = category in categories and (
                not subcategory or subcategory in categories[category]
            )
            if not known:
                choices = [
                    f"{c}/{s}" for c, subs in categories.items() for s in sorted(subs)
                ] + list(categories)
                problems.append(
                    _unknown(
                        source, (*loc, "also_in", i), "category", place, choices, "unknown-category"
                    )
                )
        if item.type is not None and item.type not in types:
            problems.append(
                _unknown(source, (*loc, "type"), "type", item.type, types, "unknown-type")
            )
        problems += _check_tags(item.tags, (*loc, "tags"), vocabulary, source)
        problems += _check_facets(entry, vocabulary, source)
    return problems


def _check_facets(
    entry: Located[Resource], vocabulary: VocabularyFile, source: SourceMap
) -> list[Problem]:
    """Tasks and ways of working exist, and a type that requires them has them."""
    item, loc = entry.item, entry.loc
    problems = []
    facets = {
        "tasks": ("task", item.tasks, [t.id for t in vocabulary.tasks], "what it is for"),
        "ways": ("way of working", item.ways, [w.id for w in vocabulary.ways], "how one uses it"),
    }
    for field, (what, values, known, _) in facets.items():
        problems += [
            _unknown(source, (*loc, field, i), what, value, known, "unknown-facet")
            for i, value in enumerate(values)
            if value not in known
        ]
    kind = next((t for t in vocabulary.types if t.id == item.type), None)
    for field in kind.requires if kind else ():
        _, values, known, _ = facets[field]
        if not values:
            message = msg(
                "missing-facet",
                type=item.type,
                field=field,
                question=msg(f"facet-question.{field}"),
                examples=", ".join(known[:4]),
            )
            problems.append(source.problem(loc, message, "missing-facet"))
    return problems


def check_faq_references(
    faq: Iterable[Located[FaqEntry]],
    resource_ids: set[str],
    vocabulary: VocabularyFile | None,
    source: SourceMap,
) -> list[Problem]:
    """Related resources must exist; tags must be in the vocabulary."""
    problems = []
    for entry in faq:
        for i, related in enumerate(entry.item.related):
            if related not in resource_ids:
                loc = (*entry.loc, "related", i)
                problems.append(
                    _unknown(
                        source,
                        loc,
                        "resource id",
                        related,
                        sorted(resource_ids),
                        "unknown-resource",
                    )
                )
        if vocabulary is not None:
            problems += _check_tags(entry.item.tags, (*entry.loc, "tags"), vocabulary, source)
    return problems


def check_replacements(
    resources: Iterable[Located[Resource]], resource_ids: set[str], source: SourceMap
) -> list[Problem]:
    """``replaced_by`` names another resource that exists, or an acceptable address."""
    problems = []
    for entry in resources:
        target = entry.item.replaced_by
        if target is None:
            continue
        loc = (*entry.loc, "replaced_by")
        if entry.item.replacement_address is not None:
            problems += _url_problems([(loc, target)], source)
        elif target == entry.item.id:
            message = msg("replaced-by.itself")
            problems.append(source.problem(loc, message, "replaced-by"))
        elif not _SLUG.fullmatch(target):
            message = msg("replaced-by.neither", target=target)
            problems.append(source.problem(loc, message, "replaced-by"))
        elif target not in resource_ids:
            problems.append(
                _unknown(
                    source, loc, "resource id", target, sorted(resource_ids), "unknown-resource"
                )
            )
    return problems


def check_vocabulary(vocabulary: VocabularyFile, source: SourceMap) -> list[Problem]:
    """Ids within each list of the vocabulary are unique."""
    problems = []
    lists: list[tuple[str | Message, Iterable[tuple[Loc, str]]]] = [
        (
            "categories",
            (((("categories", i, "id")), c.id) for i, c in enumerate(vocabulary.categories)),
        ),
        ("types", ((("types", i, "id"), t.id) for i, t in enumerate(vocabulary.types))),
        ("tags", ((("tags", i, "id"), t.id) for i, t in enumerate(vocabulary.tags))),
        ("tasks", ((("tasks", i, "id"), t.id) for i, t in enumerate(vocabulary.tasks))),
        ("ways", ((("ways", i, "id"), t.id) for i, t in enumerate(vocabulary.ways))),
        (
            "FAQ topics",
            ((("faq_topics", i, "id"), t.id) for i, t in enumerate(vocabulary.faq_topics)),
        ),
    ]
    for i, category in enumerate(vocabulary.categories):
        subs = (
            (("categories", i, "subcategories", j, "id"), s.id)
            for j, s in enumerate(category.subcategories)
        )
        lists.append((msg("list.subcategories", category=category.id), subs))
    for what, ids in lists:
        seen: dict[str, Loc] = {}
        for loc, id_ in ids:
            if id_.casefold() in seen:
                line = source.value_position(seen[id_.casefold()]).line
                named = what if isinstance(what, Message) else msg(f"list.{what.replace(' ', '-')}")
                message = msg("duplicate-id.vocabulary", id=id_, what=named, line=line)
                problems.append(source.problem(loc, message, "duplicate-id"))
            seen.setdefault(id_.casefold(), loc)
            # Categories, types and tags are pages (categories/<id>/), sub-categories anchors
            # made with section_anchor: only a page named like a folder's index can collide.
            if what in {"categories", "types", "tags"} and links.is_reserved_page_name(id_):
                problems.append(source.problem(loc, _reserved(id_, "page"), "reserved-id"))
    # Ids whose anchor the page already gives a section of its own.
    for i, category in enumerate(vocabulary.categories):
        for j, sub in enumerate(category.subcategories):
            if sub.id.casefold() == links.TITLE_SECTION:
                loc = ("categories", i, "subcategories", j, "id")
                problems.append(source.problem(loc, _reserved(sub.id, "section"), "reserved-id"))
    for i, topic in enumerate(vocabulary.faq_topics):
        if topic.id.casefold() == links.OTHER_TOPIC:
            loc = ("faq_topics", i, "id")
            problems.append(source.problem(loc, _reserved(topic.id, "section"), "reserved-id"))
        problems += _check_tags(topic.tags, ("faq_topics", i, "tags"), vocabulary, source)
    problems += _check_searched_as(vocabulary, source)
    problems += _check_filler_phrases(vocabulary, source)
    problems += _check_request_words(vocabulary, source)
    for i, category in enumerate(vocabulary.categories):
        for field, text in category.markdown_texts():
            problems += _url_problems(_text_addresses(("categories", i, field), text), source)
    return problems


def _check_searched_as(vocabulary: VocabularyFile, source: SourceMap) -> list[Problem]:
    """A word searched instead of another means the same, and every entry that uses the word
    typed has it: both are in one synonym group (search adds a group's words to the entries
    that use one of them)."""
    if vocabulary.searched_as is None:
        return []
    problems = []
    for site_language in site_languages():
        language = site_language.code
        pairs = vocabulary.searched_as.get(language)
        # Words compared as search.js looks them up (bare: "fine-tune" is "finetune").
        typed_words = {squashed(typed) for typed in pairs}
        stop_words = site_language.stop_word_set
        # The groups as the language's records get them (search_records): a stop word or a
        # false friend there gives no group.
        synonyms = language_synonyms(vocabulary.synonyms, site_language)
        for typed, searched in pairs.items():
            if squashed(typed) == squashed(searched):
                variant = "same"  # it would change nothing
            elif squashed(searched) in stop_words:
                variant = "stop-word"  # left out of a question, it would find every entry
            elif squashed(searched) in typed_words:
                variant = "chain"  # searched as typed, not as the word it stands for
            elif not synonyms.gives(typed, searched):
                variant = "group"
            else:
                continue
            message = msg(f"searched-as.{variant}", typed=typed, searched=searched)
            problems.append(
                source.problem(("searched_as", language, typed), message, "searched-as")
            )
    return problems


def _check_filler_phrases(vocabulary: VocabularyFile, source: SourceMap) -> list[Problem]:
    """A synonym that says a language's filler phrase ("du coup", "I was wondering"): search
    leaves that phrase out of a question (filler_words, deepscopie/catalogues/languages.yaml),
    and would never read the synonym whole."""
    problems = []
    fillers = [one for language in site_languages() for one in language.filler_phrases.items()]
    for i, group in enumerate(vocabulary.synonyms):
        for j, member in enumerate(group):
            words = question_words(member)
            said = [(len(filler), phrase) for phrase, filler in fillers if places_of(filler, words)]
            if said:
                message = msg("synonym-filler", member=member, filler=max(said)[1])
                problems.append(source.problem(("synonyms", i, j), message, "synonym-filler"))
    return problems


def _check_request_words(vocabulary: VocabularyFile, source: SourceMap) -> list[Problem]:
    """A synonym that is only a word by which a reader asks to be shown what follows ("list",
    "la liste"; request_words, deepscopie/catalogues/languages.yaml), stop words aside: search
    leaves that word out of a question that says anything else, and keeps it only in a
    phrase of several words (see Synonyms.phrases_saying)."""
    readings = []
    for language in site_languages():
        synonyms = language_synonyms(vocabulary.synonyms, language)
        readings.append((synonyms, set(synonyms.read_as_asked(language.request_words))))
    problems = []
    for i, group in enumerate(vocabulary.synonyms):
        for j, member in enumerate(group):
            for synonyms, requests in readings:
                words = synonyms.read_as_asked(member)
                if len(words) == 1 and words[0] in requests:
                    message = msg("synonym-request", member=member)
                    problems.append(source.problem(("synonyms", i, j), message, "synonym-request"))
                    break
    return problems


def _check_tags(
    tags: tuple[str, ...], loc: Loc, vocabulary: VocabularyFile, source: SourceMap
) -> list[Problem]:
    known = [t.id for t in vocabulary.tags]
    known_set = set(known)
    return [
        _unknown(source, (*loc, i), "tag", tag, known, "unknown-tag")
        for i, tag in enumerate(tags)
        if tag not in known_set
    ]


def _unknown(
    source: SourceMap, loc: Loc, what: str, value: str, known: list[str], rule: str, where: str = ""
) -> Problem:
    """``unknown tag 'segmentaton': did you mean 'segmentation'?`` (or the short list allowed)."""
    return source.problem(loc, unknown_message(what, value, known, where), rule)


def unknown_message(what: str, value: str, known: list[str], category: str = "") -> Message:
    """What validation says of a name that is not in the vocabulary (or not a resource id);
    ``what`` names the kind of name (``tag``, ``sub-category``…, a key of the catalogue)."""
    name = msg(f"what.{what.replace(' ', '-')}")
    hint = hint_message(value, known)
    if category:
        return msg("unknown.in-category", what=name, value=value, category=category, hint=hint)
    return msg("unknown", what=name, value=value, hint=hint)


def _resource_addresses(entry: Located[Resource]) -> Iterator[tuple[Loc, str]]:
    if entry.item.url is not None:
        yield (*entry.loc, "url"), entry.item.url
    for i, link in enumerate(entry.item.links):
        yield (*entry.loc, "links", i, "url"), link.url


def _text_addresses(loc: Loc, text: Localized | None) -> list[tuple[Loc, str]]:
    if text is None:  # a wrong text of an entry checked with its other fields
        return []
    return [((*loc, lang), url) for lang, value in text.texts.items() for url in links_in(value)]


def _url_problems(addresses: Iterable[tuple[Loc, str]], source: SourceMap) -> list[Problem]:
    problems = []
    for loc, url in addresses:
        in_text = loc[-1] in site_languages().codes  # a link inside Markdown: say which one
        for message, rule in url_problems(url):
            problems.append(
                source.problem(
                    loc, msg("url-in-text", url=url, problem=message) if in_text else message, rule
                )
            )
    return problems


def check_keyword_names(
    resources: Iterable[Located[Resource]],
    faq: Iterable[Located[FaqEntry]],
    resource_source: SourceMap,
    faq_source: SourceMap,
) -> list[Problem]:
    """A keyword is never another resource's name (accents and case aside): a reader who
    types a name must find that resource first, not an entry that claims it."""
    resources = list(resources)
    owners: dict[str, str] = {}
    for resource in resources:
        title = getattr(resource.item, "title", None)  # a partly valid entry may have none
        for name in title.texts.values() if title is not None else ():
            # The whole title and the name it starts with ("ITK-SNAP" of "ITK-SNAP (3D)"),
            # however they are spaced or hyphenated.
            owners.setdefault(squashed(name), resource.item.id)
            owners.setdefault("".join(name_words(name)), resource.item.id)
    located: list[tuple[Located[Resource] | Located[FaqEntry], SourceMap]] = [
        *((resource, resource_source) for resource in resources),
        *((entry, faq_source) for entry in faq),
    ]
    problems = []
    for entry, source in located:
        for language in site_languages().codes:
            for i, keyword in enumerate(keywords_in(entry.item, language)):
                owner = owners.get(squashed(keyword))
                if owner is not None and owner != entry.item.id:
                    loc = (*entry.loc, "keywords", language, i)
                    message = msg("keyword-name", keyword=keyword, owner=owner)
                    problems.append(source.problem(loc, message, "keyword-name"))
    return problems
