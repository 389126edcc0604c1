"""The site's navigation, in the vocabulary's order (MkDocs's ``nav`` format: plain lists),
its section names in the language being built."""

from __future__ import annotations

from typing import NamedTuple, TypedDict

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.languages import site_languages
from deepscopie.model import VocabularyFile
from deepscopie.render import links
from deepscopie.render.explore import EXPLORE_PAGE
from deepscopie.render.health import HEALTH_PAGE
from deepscopie.render.propose import PROPOSE_PAGE
from deepscopie.render.statistics import STATISTICS_PAGE
from deepscopie.render.texts import text
from deepscopie.render.typography import typeset


def navigation(
    base: KnowledgeBase, language: str, with_link_health: bool = False
) -> list[dict[str, object]]:
    """Home, one entry per category, the FAQ, the indexes (and link health), About."""
    browse = ["tags/index.md", "types/index.md", STATISTICS_PAGE]
    browse += [HEALTH_PAGE] if with_link_health else []

    def name(key: str) -> str:
        return typeset(text(key, language), language)

    return [
        {name("nav_home"): "index.md"},
        {
            name("nav_categories"): [
                links.category_page(category.id) for category in base.vocabulary.categories
            ]
        },
        {name("nav_faq"): links.FAQ_PAGE},
        {name("nav_explore"): EXPLORE_PAGE},
        {name("nav_browse"): browse},
        {name("nav_about"): "about.md"},
        {name("nav_contribute"): "contribute.md"},
        {name("nav_propose"): PROPOSE_PAGE},
    ]


class PageNaming(NamedTuple):
    """The catalogue texts that name a page a reader may look for by name."""

    title: str  # its title
    navigation: str | None  # its name in the navigation, when that is another
    # Other names readers give it ("mots-clés" for the tags), commas between them: see
    # other_names.
    other_names: str


# The pages a reader may look for by name.
NAMED_PAGES = {
    "index.md": PageNaming("nav_home", None, "page_also_home"),
    links.FAQ_PAGE: PageNaming("faq_title", "nav_faq", "page_also_faq"),
    EXPLORE_PAGE: PageNaming("explore_title", None, "page_also_explore"),
    "tags/index.md": PageNaming("tags_title", None, "page_also_tags"),
    "types/index.md": PageNaming("types_title", None, "page_also_types"),
    STATISTICS_PAGE: PageNaming("statistics_title", None, "page_also_statistics"),
    "about.md": PageNaming("nav_about", None, "page_also_about"),
    "contribute.md": PageNaming("nav_contribute", None, "page_also_contribute"),
    PROPOSE_PAGE: PageNaming("nav_propose", None, "page_also_propose"),
}


def names_of(page: str, language: str) -> list[str]:
    """What readers call ``page`` (one of NAMED_PAGES) in ``language``, in its typography:
    its title first, then its name in the navigation and its other names, each once."""
    naming = NAMED_PAGES[page]
    keys = [naming.title, *([naming.navigation] if naming.navigation else [])]
    names = [text(key, language) for key in keys]
    names += text(naming.other_names, language).split(",")
    typeset_names = [typeset(name.strip(), language) for name in names if name.strip()]
    return list(dict.fromkeys(typeset_names))


class PageName(TypedDict):
    """A page of the site as search names it."""

    url: str  # from the site's root
    title: str  # in the page's language
    names: list[str]  # in every language of the site


def page_names(language: str, vocabulary: VocabularyFile | None) -> list[PageName]:
    """The site's pages a reader may name ("FAQ", "statistiques", a category), for search:
    each page's address from the site's root, its title in ``language``, and its names in
    every language of the site ("about" typed on a French page is À propos)."""
    languages = site_languages()
    root = languages[language].root
    pages: list[PageName] = []
    for page in NAMED_PAGES:
        names = [name for code in languages.codes for name in names_of(page, code)]
        url = f"{root}{links.built_url(page)}"
        pages.append({"url": url, "title": names_of(page, language)[0], "names": names})
    for category in vocabulary.categories if vocabulary is not None else []:
        pages.append(
            {
                "url": f"{root}{links.built_url(links.category_page(category.id))}",
                "title": typeset(category.name.get(language), language),
                "names": [category.name.get(code) for code in languages.codes],
            }
        )
    return pages
