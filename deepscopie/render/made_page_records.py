"""The pages made from the data that a reader looks for by name (the FAQ, Explore, Statistics,
the indexes of tags and types), as search records of their title and what they are for.

Their content is the entries, which search finds themselves: indexed whole, the FAQ page would
be a result for every question's words, and Statistics for every tag's. Not indexed at all, a
reader who typed "FAQ", "foire aux questions" or "statistiques" was told that no entry has
the word, and given nothing. Each is a page of the site (after the entries that have all the
words, see ``deepscopie.search_index``), found by its title, its name in the navigation and
its introduction.
"""

from __future__ import annotations

from deepscopie.escaping import html_text
from deepscopie.render import links
from deepscopie.render.explore import EXPLORE_PAGE
from deepscopie.render.navigation import names_of
from deepscopie.render.search_records import SearchRecord, page_record, page_record_path
from deepscopie.render.statistics import STATISTICS_PAGE
from deepscopie.render.texts import text
from deepscopie.render.typography import typeset

# Each page, and the texts that say what it is (catalogue keys); its names are its
# NAMED_PAGES' (see names_of).
MADE_PAGES = (
    (links.FAQ_PAGE, ("faq_intro",)),
    (EXPLORE_PAGE, ("explore_intro",)),
    (STATISTICS_PAGE, ("statistics_by_category", "statistics_by_type", "statistics_by_language")),
    ("tags/index.md", ("tags_intro",)),
    ("types/index.md", ("types_intro",)),
)


def made_page_records(language: str) -> list[SearchRecord]:
    """The records of the pages made from the data, in ``language``."""

    def said(key: str) -> str:
        return typeset(text(key, language), language)

    records = []
    for page, about in MADE_PAGES:
        title, *others = names_of(page, language)
        body = "".join(f"<p>{html_text(said(key))}</p>" for key in about)
        path = page_record_path(page, language)
        records.append(page_record(path, language, title, body, ", ".join(others)))
    return records
