"""The site's pages a reader may name, as search reads them (deepscopie.render.navigation)."""

from __future__ import annotations

from html import unescape
from pathlib import Path

from deepscopie.knowledge_base import DataFiles, load_knowledge_base
from deepscopie.render.navigation import NAMED_PAGES, page_names
from tests.conftest import copy_base_data


def test_each_page_is_named_in_every_language_and_found_at_its_address(tmp_path: Path) -> None:
    base = load_knowledge_base(DataFiles.in_folder(copy_base_data(tmp_path)))
    french = {page["url"]: page for page in page_names("fr", base.vocabulary)}
    english = {page["url"]: page for page in page_names("en", base.vocabulary)}
    # "about" typed on a French page is À propos; the FAQ by its title and its short name.
    assert french["about/"]["title"] == "À propos"
    assert {"À propos", "About"} <= set(french["about/"]["names"])
    assert {"Foire aux questions", "FAQ"} <= set(french["faq/"]["names"])
    assert english["en/faq/"]["title"] == "Frequently asked questions"
    assert "" in french and "en/" in english  # the home page
    # And each category, by its name in each language.
    category = base.vocabulary.categories[0]
    address = f"en/categories/{category.id}/"
    assert english[address]["names"] == [category.name.get("fr"), category.name.get("en")]
    assert len(french) == len(NAMED_PAGES) + len(base.vocabulary.categories)


def test_without_data_the_pages_of_the_site_are_still_named() -> None:
    # A build whose data has problems still shows its pages (their problems).
    assert len(page_names("fr", None)) == len(NAMED_PAGES)


def test_each_named_page_is_built_at_its_address_under_one_of_its_names(built_site: Path) -> None:
    # NAMED_PAGES says which texts name each page: they must be those the built page shows
    # (its <title> is its name in the navigation), else search names a page by a stale title.
    for code, root in (("fr", ""), ("en", "en/")):
        for page in page_names(code, None):
            assert page["url"].startswith(root)
            html = (built_site / page["url"] / "index.html").read_text(encoding="utf-8")
            shown = html.split("<title>", 1)[1].split("</title>", 1)[0].rsplit(" - ", 1)[0]
            assert unescape(shown) in page["names"], (page["url"], shown)
