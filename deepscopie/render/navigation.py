"""The site's navigation, in the vocabulary's order (MkDocs's ``nav`` format: plain lists)."""

from __future__ import annotations

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.render import links

# Section names are in French, the default language; mkdocs.yml's nav_translations gives the
# English ones (the i18n plugin translates them per language).
HOME, CATEGORIES, BROWSE, ABOUT = "Accueil", "Catégories", "Index", "À propos"


def navigation(base: KnowledgeBase) -> list[dict[str, object]]:
    """Home, one entry per category, the FAQ, the tag and type indexes, About."""
    return [
        {HOME: "index.md"},
        {CATEGORIES: [links.category_page(category.id) for category in base.vocabulary.categories]},
        {"FAQ": links.FAQ_PAGE},
        {BROWSE: ["tags/index.md", "types/index.md"]},
        {ABOUT: "about.md"},
    ]
