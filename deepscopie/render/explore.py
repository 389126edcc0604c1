"""The Explore page: every resource, with the facets a script filters on.

The page holds the filters; the entries come from a data file beside it (``entries.json``),
which ``assets/javascripts/explore.js`` fetches, filters (AND between facets, OR within one
but the tags, with counts next to each choice and a text filter as you type) and shows a
batch at a time.
As HTML, 10,000 entries would weigh about 10 MB per language; as data, the page stays light
and only the entries shown become elements. The state is kept in the address
(``?type=tool&tag=segmentation``) so a view can be shared. Without JavaScript the page points
to the category pages, which list every resource.
"""

from __future__ import annotations

from collections import Counter

from deepscopie.escaping import html_attribute, html_text
from deepscopie.folding import without_accents
from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.languages import site_languages
from deepscopie.model import STATUSES, Resource, keywords_in
from deepscopie.render import links, markup
from deepscopie.render.data_files import compact_json
from deepscopie.render.entries import title_language
from deepscopie.render.health import LinkHealth, out_of_reach
from deepscopie.render.maintenance import STATES, activity_text, maintenance_of, state_label
from deepscopie.render.search_leads import lead_values, listed_order, task_leads
from deepscopie.render.search_names import plugins_of, times_cited
from deepscopie.render.search_records import (
    EntryGroups,
    EntryUses,
    entry_groups,
    entry_uses,
    groups_with_ways,
    summary,
)
from deepscopie.render.status import status_label
from deepscopie.render.texts import language_name
from deepscopie.render.texts import text as untypeset_text
from deepscopie.render.typography import typeset
from deepscopie.render.ways import WAY_GROUPS, group_of, way_group_name, way_groups
from deepscopie.synonyms import Reading

EXPLORE_PAGE = "explore.md"


def explore_address(query: str, from_page: str) -> str:
    """The Explore page filtered by ``query`` (``tag=nuclei``), as a link written in
    ``from_page``."""
    return f"{links.href(EXPLORE_PAGE, from_page)}?{query}"


def text(key: str, language: str, **values: object) -> str:
    """An interface text of the page, in the language's typography (then placed in HTML)."""
    return typeset(untypeset_text(key, language, **values), language)


# The data file, next to each language's Explore page (so the page fetches it by a relative
# address under any sub-path).
ENTRIES_FILE = "entries.json"
# How many entries are shown at first and at each "show more": enough to fill a wide screen
# several times, few enough to render in a frame.
BATCH = 200


# The way-of-working facet offers each way, and both groups at once: a reader who does not
# program ticks one box rather than three.
SORTS = ("relevance", "title", "added", "year")
# The facets whose choices an entry must all have: free tags, which a reader adds to narrow
# ("noyaux" then "cellpose", or a card's tag pressed). Within any other facet a choice adds
# its entries (a task or another, a type or another: an entry has one type).
EVERY_CHOICE = frozenset({"tag"})
# The facets of what a reader wants to do and how, open from the start.
READERS_FACETS = frozenset({"task", "way"})


def render_explore_page(base: KnowledgeBase, language: str, health: LinkHealth | None) -> str:
    """The filters and an empty list that explore.js fills, as HTML in the page's Markdown."""
    vocabulary, resources = base.vocabulary, base.resources
    names = facet_names(base, language, health)
    used = _used(resources, health)
    # Each group counts once per resource that has one of its ways.
    used["way"] += Counter(group for r in resources for group in way_groups(r, vocabulary))
    # A way of working is shown under its group (no programming, with code).
    ways = {way.id for way in vocabulary.ways}
    fieldsets = "".join(
        _fieldset(
            name,
            text(f"explore_{name}", language),
            list(options.items()),
            used[name],
            ways if name == "way" else set(),
            text(f"explore_every_{name}", language) if name in EVERY_CHOICE else "",
        )
        for name, options in names.items()
        if name != "status" or health is not None
        if name != "maintenance" or used["maintenance"]
    )
    category_links = " · ".join(
        markup.link(
            c.name.get(language),
            links.href(links.category_page(c.id), EXPLORE_PAGE),
            language=language,
        )
        for c in vocabulary.categories
    )
    count = text("explore_count", language, n=f"<span data-ds-count>{len(resources)}</span>")
    attributes = {
        "data-ds-entries": ENTRIES_FILE,
        "data-ds-batch": str(BATCH),
        "data-ds-more-text": text("explore_more", language),
        "data-ds-more-last-text": text("explore_more_last", language),
        "data-ds-more-last-one-text": text("explore_more_last_one", language),
        "data-ds-failed-text": text("explore_failed", language),
        "data-ds-count-one": text("explore_count_one", language),
        "data-ds-count-other": text("explore_count", language),
        "data-ds-adds-text": text("explore_adds", language),
        "data-ds-search-site-text": text("explore_search_site", language),
        "data-ds-empty-text": text("explore_empty", language),
        "data-ds-empty-words-text": text("explore_empty_words", language),
        "data-ds-empty-words-together-text": text("explore_empty_words_together", language),
        "data-ds-empty-words-many-text": text("explore_empty_words_many", language),
        "data-ds-near-name-text": text("explore_near_name", language),
        "data-ds-remove-text": text("explore_remove", language),
        "data-ds-words-text": text("explore_words", language),
        "data-ds-no-year-text": text("explore_no_year", language),
        "data-ds-way-out-text": text("explore_way_out", language),
        "data-ds-another-text": text("explore_another", language),
        "data-ds-unknown-one": text("explore_unknown_one", language),
        "data-ds-unknown-other": text("explore_unknown", language),
        "data-ds-unknown-more-one": text("explore_unknown_more_one", language),
        "data-ds-unknown-more-other": text("explore_unknown_more", language),
    }
    rendered = " ".join(f'{name}="{html_attribute(value)}"' for name, value in attributes.items())
    intro = text("explore_intro", language)
    if health is not None:
        intro += " " + text("explore_intro_status", language)
    sorts = "".join(
        f'<option value="{key}">{html_text(text(f"explore_sort_{key}", language))}</option>'
        for key in _useful_sorts(base.resources)
    )
    return (
        f"{links.not_searched('toc')}# {text('explore_title', language)}\n\n"
        f"{intro}\n\n"
        f'<div class="ds-explore" id="ds-explore" data-ds-explore {rendered}>\n'
        # The entries asked for as the page is read, not once its scripts have run (200 ms
        # later at 10,000 entries on a laptop, more on a phone), by a request explore.js
        # takes over: a <link rel="preload"> is fetched twice by Safari, whose readers would
        # download the list twice. (A rejection is explore.js's to say; none unhandled here.)
        "<script>window.deepscopieEntries = "
        "fetch(document.currentScript.parentElement.dataset.dsEntries);"
        " window.deepscopieEntries.catch(() => {});</script>\n"
        # Shown without JavaScript, and when the entries cannot be fetched (explore.js hides it
        # or changes its first words).
        f'<p class="ds-explore__fallback" data-ds-fallback><span data-ds-why>'
        f"{text('explore_noscript', language)}</span> {category_links}</p>\n"
        # The count, the sort and (on a phone) the filters' button stay in view while the
        # reader scrolls: ticking a box always shows what it changed.
        f'<div class="ds-explore__bar" data-ds-bar hidden>'
        # The filters' button beside the count: on a phone the bar then takes two lines, not
        # three (the sort goes under them).
        f'<p class="ds-explore__count" role="status" aria-live="polite" tabindex="-1">{count}</p>'
        # Why the list is empty, said when it empties ("0 ressource" alone was spoken): a
        # region of its own, always in the page, as one that appears is not always spoken.
        f'<p class="ds-explore__why" role="status" data-ds-spoken-why></p>'
        # Shown from the first paint where scripting is on (see the CSS), working once the
        # entries have arrived: disabled and closed until then (explore.js).
        f'<button type="button" class="md-button ds-explore__toggle" data-ds-toggle '
        f'aria-controls="ds-explore-filters" aria-expanded="false" disabled>'
        f"{html_text(text('explore_filters', language))}</button>"
        f'<label class="ds-explore__sort">{html_text(text("explore_sort", language))} '
        f'<select name="sort" data-ds-sort>{sorts}</select></label></div>\n'
        # Where scripting is on, shown from the first paint with its field of words, which
        # works once the entries have arrived (explore.js); the facets are a panel of their
        # own, folded on a phone: the field stays in view there, over the list (it was in the
        # folded panel, where a reader with words to type did not look).
        f'<form class="ds-explore__filters" data-ds-form hidden>'
        # Seen once it has the focus: the keyboard's way past the facets to the results (69
        # tabs from the words' field to the first, with the tags open).
        f'<button type="button" class="md-button ds-explore__skip" data-ds-skip>'
        f"{html_text(text('explore_skip', language))}</button>"
        f'<label class="ds-explore__search">{text("explore_search", language)} '
        f'<input type="search" name="q" autocomplete="off" disabled></label>'
        f'<div class="ds-explore__panel" id="ds-explore-filters" data-ds-filters hidden>'
        f"{fieldsets}"
        f'<button type="reset" class="md-button">{text("explore_clear", language)}</button>'
        # On a phone, the list is under the filters' panel: this closes it and goes there.
        f'<button type="button" class="md-button ds-explore__show" '
        f"data-ds-show>{html_text(text('explore_show', language))}</button>"
        f"</div></form>\n"
        # The filters set, each a button that removes it: on a phone they are in a folded
        # panel, and a shared address showed "Filters (2)" alone (explore.js). Under the
        # words' field, as the empty result is: on a phone each appears as words are typed,
        # and, above the field, pushed it down under the keyboard (a reader's review).
        f'<div class="ds-explore__chips" data-ds-chips hidden></div>\n'
        # An empty result says so, with a way out (beside the filters on a wide screen).
        f'<div class="ds-explore__empty" data-ds-empty hidden>'
        f"<p data-ds-empty-text>{html_text(text('explore_empty', language))}</p>"
        # Filters that together find nothing: what taking each one off would show.
        f'<ul class="ds-explore__ways" data-ds-ways hidden></ul>'
        # For typed words that no entry has, the name they may stand for ("celpose").
        f'<button type="button" class="md-button" data-ds-near-name hidden>'
        f"</button>"
        f'<button type="button" class="md-button" data-ds-undo>'
        f"{html_text(text('explore_undo', language))}</button>"
        # ...and, for typed words, the header's search, which searches the FAQ too.
        f'<button type="button" class="md-button" data-ds-search-site hidden></button></div>\n'
        f'<ul class="ds-explore__list" data-ds-list></ul>\n'
        f'<div class="ds-explore__foot">'
        f'<button type="button" class="md-button ds-explore__more" data-ds-more hidden></button>'
        # Typed words that found resources may be answered by the FAQ, which Explore does not
        # list ("fonction de coût" found one resource, and the way to the header's search,
        # which has the FAQ, showed only when nothing matched: a reader's review).
        f'<button type="button" class="md-button" data-ds-search-site-foot hidden></button>'
        "</div>\n"
        "</div>\n"
    )


def facet_names(
    base: KnowledgeBase, language: str, health: LinkHealth | None
) -> dict[str, dict[str, str]]:
    """Each facet's values and what a reader calls them, in the order the filters show them."""
    vocabulary = base.vocabulary
    # Each group, then its ways.
    ways = {
        value: name
        for group in WAY_GROUPS
        for value, name in [
            (group, way_group_name(group, language)),
            *((w.id, w.name.get(language)) for w in vocabulary.ways if group_of(w) == group),
        ]
    }
    names = {
        "task": {t.id: t.name.get(language) for t in vocabulary.tasks},
        "way": ways,
        "category": {c.id: c.name.get(language) for c in vocabulary.categories},
        "type": {t.id: t.name.get(language) for t in vocabulary.types},
        "tag": {t.id: t.name.get(language) for t in vocabulary.tags},
        "language": {code: language_name(code, language) for code in _languages(base.resources)},
        "lifecycle": {status: status_label(status, language) for status in STATUSES},
    }
    if health is not None:
        classes = sorted({record.klass for record in health.records.values()})
        names["status"] = {
            k: untypeset_text(f"status_{k}", language) for k in [*classes, "unchecked"]
        }
        names["maintenance"] = {state: state_label(state, language) for state in STATES}
    # In the language's typography: they are shown as they are (filters and cards).
    return {
        facet: {value: typeset(name, language) for value, name in values.items()}
        for facet, values in names.items()
    }


def entries_files(
    base: KnowledgeBase,
    health: LinkHealth | None,
    groups: EntryGroups | None = None,
    uses: EntryUses | None = None,
    cited: Counter[str] | None = None,
    leads: dict[str, list[str]] | None = None,
) -> dict[str, str]:
    """``{path in the built site: content}`` of each language's ``entries.json``;
    ``groups``, ``uses``, ``cited`` and ``leads``: the base's :func:`entry_groups`,
    :func:`entry_uses`, :func:`~deepscopie.render.search_names.times_cited` and
    :func:`~deepscopie.render.search_leads.lead_values`, if known."""
    groups = entry_groups(base) if groups is None else groups
    uses = entry_uses(base, groups) if uses is None else uses
    # (The same in every language: read once.)
    cited = times_cited(base) if cited is None else cited
    leads = lead_values(task_leads(base, health, cited)) if leads is None else leads
    return {
        f"{language.root}explore/{ENTRIES_FILE}": entries_json(
            base, language.code, health, groups[language.code], uses[language.code], cited, leads
        )
        for language in site_languages()
    }


def entries_json(
    base: KnowledgeBase,
    language: str,
    health: LinkHealth | None,
    groups: dict[str, Reading] | None = None,
    uses: dict[str, frozenset[int]] | None = None,
    cited: Counter[str] | None = None,
    leads: dict[str, list[str]] | None = None,
) -> str:
    """The entries of one language's Explore page, in
    :func:`~deepscopie.render.search_leads.listed_order`, the names of the facets' values
    (``names``: what a card shows) and the vocabulary's synonym groups (``synonyms``: a word
    typed in the text filter stands for its group).

    Each entry: ``id``, ``title`` (``title_lang``: its language, when not the page's),
    ``href`` (relative to the Explore page), ``url_needed`` (no address yet), ``later`` (not
    usable today, see :func:`~deepscopie.render.health.out_of_reach`), ``summary`` (the
    description's first sentence), ``added`` (ISO date), ``year``, the facet values (``task``,
    ``way``, ``category``, ``type``, ``tag``, ``language``, ``status`` of the link with a link
    report, ``lifecycle`` of the resource: active, archived…, ``maintenance`` of its code:
    recent, inactive, archived, with ``activity``, its date, when known; lists where several
    apply), ``plugs_into`` (a plugin: the names of what it plugs into), ``cited`` (how many
    other entries cite it, see :func:`~deepscopie.render.search_names.times_cited`),
    ``lead`` (the tasks it leads, with its place, see
    :func:`~deepscopie.render.search_leads.lead_values`: first for a task typed alone),
    ``text``, the words the text filter looks in, lower case without accents (explore.js
    adds the names of the entry's facet values in the page's language), and
    ``groups``, the synonym groups (indexes in ``synonyms``) its text uses, as search reads
    them (:func:`deepscopie.render.search_records.entry_groups`; ``groups`` here, if known):
    a word typed finds the entries that use one of its groups. ``cited`` and ``leads``: the
    base's :func:`~deepscopie.render.search_names.times_cited` and
    :func:`~deepscopie.render.search_leads.lead_values`, if known.
    """
    used = entry_groups(base, language)[language] if groups is None else groups
    # With the groups a way group's name uses ("Without programming": "no code" asks for
    # it), which explore.js adds to their text, not its synonyms.
    uses = groups_with_ways(base, language, used) if uses is None else uses
    plugged = plugins_of(base)
    cited = times_cited(base) if cited is None else cited
    leads = lead_values(task_leads(base, health, cited)) if leads is None else leads
    entries = []
    for resource in listed_order(base, health, cited):
        ways = way_groups(resource, base.vocabulary)
        entry: dict[str, object] = {
            "id": resource.id,
            "title": typeset(resource.title.get(language), language),
            # A title kept as published in another language, read in its own.
            "title_lang": title_language(resource, language),
            "href": links.href(links.resource_target(resource), EXPLORE_PAGE),
            # Said on the card, as search's does, before the reader opens an entry without
            # a link to the resource.
            "url_needed": resource.url_needed or None,
            # Not usable today (stopped, or its link broken): after the others it ties with.
            "later": True if out_of_reach(resource, health) else None,
            "summary": summary(resource.description.get(language), language),
            "added": resource.added.isoformat(),
            "year": resource.year,
            "task": list(resource.tasks),
            # (Once each: a way whose id were a group's would be counted twice in Explore.)
            "way": list(dict.fromkeys([*resource.ways, *sorted(ways)])),
            "category": resource.category,
            "type": resource.type,
            "tag": list(resource.tags),
            # What it plugs into: left out with it (see plugins_of).
            "plugs_into": plugged.get(resource.id),
            # How many other entries cite it: first among those that tie (see times_cited).
            "cited": cited[resource.id] or None,
            # The tasks it leads: first for a task typed alone (see search_leads).
            "lead": leads.get(resource.id),
            "language": list(resource.languages),
            "lifecycle": resource.status,
            **_maintenance(resource, health, language),
            "text": without_accents(
                " ".join(
                    [
                        *resource.title.texts.values(),
                        resource.description.get(language),
                        *resource.tags,
                        *keywords_in(resource, language),
                        *resource.authors,
                    ]
                )
            ),
        }
        entry["groups"] = sorted(uses[f"resource/{resource.id}"])
        if health is not None:
            entry["status"] = _status(resource, health)
        # Empty values are left out (explore.js reads them as empty): 10,000 entries weigh less.
        entries.append({key: value for key, value in entry.items() if value not in (None, [])})
    names = facet_names(base, language, health)
    # The vocabulary's synonym groups, which the text filter reads as the header's search does.
    synonyms = [list(group) for group in base.vocabulary.synonyms]
    # What a card says of an entry beside its facets' values.
    notices = {"url_needed": typeset(untypeset_text("url_needed", language), language)}
    return compact_json(
        {"names": names, "notices": notices, "synonyms": synonyms, "entries": entries}
    )


def _useful_sorts(resources: tuple[Resource, ...]) -> list[str]:
    """The orders that order something: by date added or by year only when the entries have
    more than one (today's all share one date added, and that order was the default one)."""
    varied = {
        "added": len({r.added for r in resources}) > 1,
        "year": len({r.year for r in resources if r.year}) > 1,
    }
    return [key for key in SORTS if varied.get(key, True)]


def _fieldset(
    name: str,
    legend: str,
    options: list[tuple[str, str]],
    used: Counter[str],
    nested: set[str],
    note: str = "",
) -> str:
    """A facet's choices; those of ``nested`` (ways of working, under their group) indented.
    ``note``: what its choices do together, when each narrows the list (EVERY_CHOICE): the
    others widen it, and a reader who ticked a second tag expected more entries, not fewer."""
    sub = ' class="ds-explore__sub"'
    boxes = "".join(
        f"<label{sub if value in nested else ''}>"
        f'<input type="checkbox" name="{name}" value="{html_attribute(value)}"> '
        f'{html_text(label)} <span class="ds-explore__n" data-ds-n>{used[value]}</span>'
        '<span class="ds-hidden-legend" data-ds-n-said></span></label>'
        for value, label in options
        if used[value]
    )
    # Collapsible, so that on a phone the results are not pushed far below the filters; the
    # reader's own two start open, what to do (readers come with a task) and how to work
    # (folded, "Sans programmer" went unseen: a reader's review took six taps to reach it on
    # a phone), and explore.js opens any other that the address uses.
    opened = " open" if name in READERS_FACETS else ""
    every = " data-ds-every" if name in EVERY_CHOICE else ""
    title = html_text(legend)
    note_id = f"ds-explore-note-{name}"
    said = f'<p class="ds-explore__note" id="{note_id}">{html_text(note)}</p>' if note else ""
    described = f' aria-describedby="{note_id}"' if note else ""
    return (
        f'<details class="ds-explore__facet"{opened}><summary>{title}</summary>{said}'
        f'<fieldset data-facet="{name}"{every}{described}>'
        f'<legend class="ds-hidden-legend">{title}</legend>'
        f"{boxes}</fieldset></details>"
    )


def _used(resources: tuple[Resource, ...], health: LinkHealth | None) -> dict[str, Counter[str]]:
    statuses = Counter(_status(r, health) for r in resources)
    return {
        "task": Counter(task for r in resources for task in r.tasks),
        "way": Counter(way for r in resources for way in r.ways),
        "category": Counter(r.category for r in resources),
        "type": Counter(r.type for r in resources),
        "tag": Counter(tag for r in resources for tag in r.tags),
        "language": Counter(code for r in resources for code in r.languages),
        "status": statuses,
        "lifecycle": Counter(r.status for r in resources),
        "maintenance": Counter(
            known.state for r in resources if (known := maintenance_of(r, health)) is not None
        ),
    }


def _maintenance(resource: Resource, health: LinkHealth | None, language: str) -> dict[str, str]:
    """The state of the resource's code and its last activity, when known."""
    known = maintenance_of(resource, health)
    if known is None:
        return {}
    return {
        "maintenance": known.state,
        "activity": typeset(activity_text(known, language), language),
    }


def _status(resource: Resource, health: LinkHealth | None) -> str:
    """The class of the resource's link in the report, or ``unchecked``."""
    record = health.records.get(resource.url) if health and resource.url else None
    return record.klass if record else "unchecked"


def _languages(resources: tuple[Resource, ...]) -> list[str]:
    return [code for code, _ in Counter(c for r in resources for c in r.languages).most_common()]
