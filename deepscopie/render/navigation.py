"""The site's navigation, in the vocabulary's order (MkDocs's ``nav`` format: plain lists),
its section names in the language being built."""

from __future__ import annotations

from deepscopie.knowledge_base import KnowledgeBase
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
