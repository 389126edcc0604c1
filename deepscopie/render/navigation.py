"""The site's navigation, in the vocabulary's order (MkDocs's ``nav`` format: plain lists)."""

from __future__ import annotations

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.render import links
from deepscopie.render.explore import EXPLORE_PAGE
from deepscopie.render.health import HEALTH_PAGE
from deepscopie.render.propose import PROPOSE_PAGE
from deepscopie.render.statistics import STATISTICS_PAGE

# Section names are in French, the default language; mkdocs.yml's nav_translations gives the
# English ones (the i18n plugin translates them per language).
HOME, CATEGORIES, BROWSE, ABOUT = "Accueil", "Catégories", "Index", "À propos"
CONTRIBUTE, EXPLORE, PROPOSE = "Contribuer", "Explorer", "Proposer une ressource"


def navigation(base: KnowledgeBase, with_link_health: bool = False) -> list[dict[str, object]]:
    """Home, one entry per category, the FAQ, the indexes (and link health), About."""
    browse = ["tags/index.md", "types/index.md", STATISTICS_PAGE]
    browse += [HEALTH_PAGE] if with_link_health else []
    return [
        {HOME: "index.md"},
        {CATEGORIES: [links.category_page(category.id) for category in base.vocabulary.categories]},
        {"FAQ": links.FAQ_PAGE},
        {EXPLORE: EXPLORE_PAGE},
        {BROWSE: browse},
        {ABOUT: "about.md"},
        {CONTRIBUTE: "contribute.md"},
        {PROPOSE: PROPOSE_PAGE},
    ]
