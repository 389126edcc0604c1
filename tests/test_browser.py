"""The site in a real browser (Debian's Chromium, driven by Playwright), served under a sub-path
as GitLab Pages serves it. In CI (CI=true) a missing browser fails instead of skipping."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Iterator
from typing import Any, cast
from urllib.parse import quote, urlsplit

import pytest

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import Browser, Locator, Page, Response, Route, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from deepscopie.folding import without_accents
from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.local_server import served_under
from deepscopie.model import FaqEntry, Resource
from deepscopie.precompress import precompress
from deepscopie.render.search_names import times_cited
from tests.browser import SUB_PATH, Watched, on_a_phone
from tests.conftest import REPO, build_site, copy_project

# The search's status line: how many entries, the words said absent, a name put right.
SEARCH_STATUS = "#ds-search [data-ds-status]"
ENTRY_CARDS = "#ds-search .ds-result:not(.ds-result--page)"
# Explore's chips of the filters set (not the one that takes them all off).
FILTER_CHIPS = "[data-ds-chips] button:not([data-ds-clear-all])"


def _search(page: Page, query: str) -> list[str]:
    """Open the header's search, type ``query``; return the result links, in order."""
    page.keyboard.press("/")
    field = page.locator("#ds-search [data-ds-input]")
    expect(field).to_be_focused()
    field.fill(query)
    # The entries are shown first (data-ds-query), the hand-written pages after (data-ds-done).
    expect(page.locator("#ds-search [data-ds-results]")).to_have_attribute("data-ds-done", query)
    links = page.locator("#ds-search [data-ds-results] a").all()
    return [str(link.get_attribute("href")) for link in links]


def _status_numbers(page: Page) -> list[str]:
    """The numbers the search's status says (its counts), in order."""
    return re.findall(r"\d+", page.locator(SEARCH_STATUS).inner_text())


def _search_ids(page: Page, query: str) -> list[str]:
    """Search ``query`` (see _search); return the entries' ids of the results, in order."""
    return [link.rsplit("#", 1)[-1] for link in _search(page, query)]


def _entry_cards(page: Page, url: str, query: str) -> list[Locator]:
    """Open ``url``, search ``query``; the entry cards shown, in order."""
    page.goto(url)
    assert _search(page, query)
    return page.locator(ENTRY_CARDS).all()


def _result_titles(page: Page) -> list[str]:
    """The titles of the entry cards the search shows, in order."""
    return [
        title.strip() for title in page.locator("#ds-search .ds-result__title").all_inner_texts()
    ]


@pytest.fixture(scope="module")
def split_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site with each language's entries indexed in parts of 40 (extra.search.part_size):
    how a list of thousands of entries is indexed; published as `make pages` does, with
    compressed copies, and served as GitLab Pages serves them."""
    project = copy_project(tmp_path_factory.mktemp("split"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "part_size: 2500" in text
    config.write_text(text.replace("part_size: 2500", "part_size: 40"), encoding="utf-8")
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    precompress(project / "site")
    with served_under(project / "site", SUB_PATH) as url:
        yield url


# (A negated phrase is had by the entries of its filter: see negatedPhrasesIn in search.js.)
SPLIT_QUERIES = {
    "": [
        "stardist",
        "débruitage",
        "segmentation",
        "noyaux sans programmer",
        "entraîner sans annotations",
    ],
    "en/": [
        "stardist",
        "denoising",
        "segmentation",
        "nuclei without programming",
        "train without labels",
    ],
}


@pytest.mark.parametrize("start", ["", "en/"], ids=["french", "english"])
def test_entries_indexed_in_parts_are_searched_together(
    watched: Watched, site_url: str, split_site_url: str, start: str
) -> None:
    """Search finds in the parts of a long list what it finds in one index: as many
    entries, the same ones when all are shown, and a resource typed by name first; and the
    same whether Pagefind's files come compressed (GitLab Pages, the parts) or not."""
    page = watched.page
    inflated_by_browser: list[str] = []

    def sent_compressed(response: Response) -> None:
        if "/pagefind/" in response.url and response.headers.get("content-encoding") == "gzip":
            inflated_by_browser.append(response.url)

    page.on("response", sent_compressed)
    answers: dict[str, list[tuple[str, str, object]]] = {}
    for url in (site_url, split_site_url):
        page.goto(f"{url}{start}")
        answers[url] = []
        for query in [*SPLIT_QUERIES[start], "cellpose"]:
            links = _search(page, query)
            status = page.locator(SEARCH_STATUS).inner_text()
            shown = [link for link in links if "#" in link]
            count = int(re.sub(r"\D", "", status) or 0)
            answers[url].append((query, status, set(shown) if count <= 10 else len(shown)))
            if query == "cellpose":
                answers[url].append((query, "first", shown[0]))
            page.keyboard.press("Escape")
    assert any("-x-part" in request for request in watched.requests), "no part was searched"
    assert any(url.endswith(".pf_index") for url in inflated_by_browser)
    assert not any(url.startswith(site_url) for url in inflated_by_browser)
    assert answers[split_site_url] == answers[site_url]
    assert watched.errors == []


def test_the_language_switcher_opens_the_same_page_in_the_other_language(
    watched: Watched, site_url: str
) -> None:
    page = watched.page
    page.goto(f"{site_url}categories/software/")
    expect(page.locator("h1")).to_contain_text("Outils et logiciels par thème")
    page.locator(
        ".md-select button"
    ).first.focus()  # the selector opens on focus, as with a keyboard
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(f"{site_url}en/categories/software/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_contain_text("Tools and software by theme")
    # And back from the English home page to the French one.
    page.goto(f"{site_url}en/")
    page.locator(".md-select button").first.focus()
    page.locator('a.md-select__link[hreflang="fr"]').click()
    page.wait_for_url(site_url)
    expect(page.locator("html")).to_have_attribute("lang", "fr")


@pytest.mark.parametrize("start", ["", "en/"], ids=["french", "english"])
def test_search_answers_with_entry_cards_in_the_readers_language(
    watched: Watched, site_url: str, start: str
) -> None:
    page = watched.page
    page.goto(f"{site_url}{start}")
    links = _search(page, "cellpose")
    path = urlsplit(site_url).path
    english = [link for link in links if link.startswith(f"{path}en/")]
    assert english == (links if start else []), "results in the other language"
    first = page.locator("#ds-search .ds-result").first
    # A card: the entry's title, its type, category and language, one line of description.
    expect(first.locator(".ds-result__title")).to_have_text("Cellpose")
    expect(first.locator(".ds-result__where")).to_contain_text("·")
    expect(first.locator(".ds-result__where")).to_contain_text("English" if start else "anglais")
    expect(first.locator(".ds-result__summary")).not_to_be_empty()
    assert all("#" in link for link in links[:3]), "the first results are not entries"


@pytest.mark.parametrize("start", ["", "en/about/"], ids=["french-home", "english-page"])
def test_search_at_an_address_with_a_doubled_slash_loads_from_the_site_only(
    watched: Watched, site_url: str, start: str
) -> None:
    # "https://host//deepscopie/" (a link written with one slash too many) serves the same
    # page; the search's own files, found from its script's address, then began with "//",
    # which a browser reads as another host ("deepscopie"): search failed, and a crafted
    # address could have had it load script from anywhere.
    parts = urlsplit(site_url)
    page = watched.page
    page.goto(f"{parts.scheme}://{parts.netloc}/{parts.path}{start}")
    assert _search_ids(page, "stardist")[0].startswith("stardist")
    hosts = {urlsplit(address).netloc for address in watched.requests}
    assert hosts == {parts.netloc}, hosts


def test_filters_keep_their_state_in_an_address_with_a_doubled_slash(
    watched: Watched, site_url: str
) -> None:
    # The address without its query was written from the page's path, "//deepscopie/…":
    # another host to the browser, which refused to change the address (an error, the
    # filter's state lost on a reload).
    parts = urlsplit(site_url)
    doubled = f"{parts.scheme}://{parts.netloc}/{parts.path}"
    page = watched.page
    page.goto(f"{doubled}faq/")
    box = page.locator("[data-ds-open-only]")
    box.check()
    expect(page).to_have_url(f"{doubled}faq/?open")
    box.uncheck()
    expect(page).to_have_url(f"{doubled}faq/")
    _open_explore(page, f"{doubled}explore/?way=no-programming")
    chip = page.locator(FILTER_CHIPS).first
    chip.click()
    expect(page).to_have_url(f"{doubled}explore/")
    assert watched.errors == []


def _assert_clear_of_back_to_top(page: Page, heading: Locator) -> None:
    """Material's "back to top" button, shown, covers no part of ``heading``."""
    page.evaluate("document.querySelector('.md-top').hidden = false")
    heading_box, button_box = heading.bounding_box(), page.locator(".md-top").bounding_box()
    assert heading_box and button_box
    apart_vertically = (
        heading_box["y"] >= button_box["y"] + button_box["height"]
        or button_box["y"] >= heading_box["y"] + heading_box["height"]
    )
    apart_horizontally = (
        heading_box["x"] >= button_box["x"] + button_box["width"]
        or button_box["x"] >= heading_box["x"] + heading_box["width"]
    )
    assert apart_vertically or apart_horizontally, (heading_box, button_box)


@pytest.mark.parametrize("start", ["", "en/"], ids=["french", "english"])
def test_arrow_keys_and_enter_open_an_entry_which_is_highlighted(
    watched: Watched, site_url: str, start: str
) -> None:
    page = watched.page
    page.goto(f"{site_url}{start}")
    _search(page, "stardist")
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate("document.activeElement.href")
    assert chosen.endswith("#stardist")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.href") == chosen
    page.keyboard.press("Enter")
    page.wait_for_url(chosen)
    expect(page.locator("#ds-search")).not_to_be_visible()
    heading = page.locator("h3#stardist")
    expect(heading).to_be_in_viewport()
    expect(heading).to_have_class(re.compile("ds-targeted"))
    # Its description is highlighted with it, the next entry is not.
    expect(heading.locator("xpath=following-sibling::*[1]")).to_have_class(
        re.compile("ds-targeted")
    )
    expect(page.locator(".ds-targeted h3, h3.ds-targeted")).to_have_count(1)
    # ...clear of Material's "back to top" button, which shows when the page moves up a little
    # as it settles, and hid the entry's title.
    _assert_clear_of_back_to_top(page, heading)
    # Beside the text (a wide screen), the table of contents marks that entry, not the one
    # before it (Material marks a heading once it is near the top).
    toc = page.locator(".md-nav--secondary .md-nav__link--active")
    expect(toc.first).to_have_attribute("href", re.compile("#stardist$"))


@pytest.mark.parametrize("start", ["", "en/"], ids=["french", "english"])
def test_escape_gives_the_focus_back(watched: Watched, site_url: str, start: str) -> None:
    page = watched.page
    page.goto(f"{site_url}{start}")
    page.locator(".ds-search-open").focus()
    page.keyboard.press("Enter")
    field = page.locator("#ds-search [data-ds-input]")
    expect(field).to_be_focused()
    # One Escape, with a question typed (a search field's own Escape would only empty it),
    # and the question is there again at the next opening.
    page.keyboard.type("cellpose")
    page.keyboard.press("Escape")
    expect(page.locator("#ds-search")).not_to_be_visible()
    expect(page.locator(".ds-search-open")).to_be_focused()
    page.keyboard.press("Enter")
    expect(field).to_have_value("cellpose")
    # Opened with "/" while nothing had the focus: back on the search button, not the page's
    # start, where the next Tab began again.
    page.keyboard.press("Escape")
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("/")
    expect(field).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator(".ds-search-open")).to_be_focused()


@pytest.mark.parametrize(
    ("start", "query"),
    [("", "contribuer"), ("", "segmentation"), ("en/", "segmentation"), ("en/", "GPU")],
)
def test_no_page_outranks_a_matching_entry(
    watched: Watched, site_url: str, start: str, query: str
) -> None:
    page = watched.page
    page.goto(f"{site_url}{start}")
    _search(page, query)
    kinds = page.eval_on_selector_all(
        "#ds-search .ds-result",
        "items => items.map(item => item.classList.contains('ds-result--page') ? 'page' : 'entry')",
    )
    if "entry" in kinds:
        assert kinds == sorted(kinds), f"a page before an entry for {query!r}: {kinds}"


def test_search_says_when_nothing_matches(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(site_url)
    _search(page, "qqqq")
    expect(page.locator(SEARCH_STATUS)).to_contain_text("Aucune entrée")


def test_french_search_copes_with_accents_plurals_and_elision(
    watched: Watched, site_url: str
) -> None:
    page = watched.page
    page.goto(site_url)
    assert any(link.endswith("#nucleaizer") for link in _search(page, "noyau"))
    page.keyboard.press("Escape")
    unaccented = _search(page, "modele")
    page.keyboard.press("Escape")
    assert set(unaccented[:3]) & set(_search(page, "modèle")[:3])
    page.keyboard.press("Escape")
    assert _search(page, "l'annotation")[:1] != []


def test_a_french_plural_in_os_finds_the_entries_that_say_the_singular(
    watched: Watched, site_url: str
) -> None:
    # Pagefind's French stemmer keeps "vidéos" whole and "vidéo" as is: "vidéos annotation"
    # missed the annotation tools' video, which says "vidéo" only (and is not in the videos'
    # category, whose address said "videos").
    page = watched.page
    page.goto(site_url)
    found = _search_ids(page, "vidéos annotation")[:3]
    assert "annotation-tools-video" in found, found
    # A name typed wrong that ends so is still put right from the letters typed.
    page.keyboard.press("Escape")
    assert _search(page, "knsosos")[:2] and _result_titles(page)[0].startswith("KNOSSOS")


def test_a_french_plural_in_aux_on_the_english_pages_finds_what_its_singular_finds(
    watched: Watched, site_url: str
) -> None:
    # French labs type the field's French words on the English pages, where the synonym
    # groups give the entries "noyau": "segmentation des noyaux" found 3 entries, none of
    # the nucleus tools.
    page = watched.page
    page.goto(f"{site_url}en/")
    by_the_singular = _search_ids(page, "noyau")
    page.keyboard.press("Escape")
    assert by_the_singular and _search_ids(page, "noyaux") == by_the_singular
    assert watched.errors == []


@pytest.mark.parametrize(
    ("feminine", "masculine"),
    [
        ("images annotées", "images annotés"),
        ("mes images sont bruitées", "mes images sont bruités"),
        ("réseau entraînée", "réseau entraîné"),
        # A verb no entry writes, which a synonym group gives them ("étiqueter").
        ("données étiquetées", "données étiquetés"),
        # Typed without accents.
        ("cellules segmentees", "cellules segmentes"),
    ],
)
def test_a_french_participle_finds_the_same_entries_whatever_its_gender(
    watched: Watched, site_url: str, feminine: str, masculine: str
) -> None:
    # Pagefind's French stemmer cuts "annotées" to "annote", which begins none of "annoté",
    # "annotation", "annoter": "images annotées" found 9 entries, "images annotés" 54, and
    # "bruitées" missed CARE.
    page = watched.page
    page.goto(site_url)
    masculine_found = _search_ids(page, masculine)
    counted = _status_numbers(page)
    page.keyboard.press("Escape")
    assert _search_ids(page, feminine) == masculine_found
    assert _status_numbers(page) == counted
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "plural", "singular"),
    [
        ("", "GPUs", "GPU"),
        ("en/", "GPUs", "GPU"),
        ("", "ROIs", "ROI"),
        # In lower case, the vocabulary's acronyms (deepscopie.render.searched_as).
        ("en/", "gpus", "GPU"),
        ("", "gpus", "GPU"),
    ],
    ids=["french-u", "english-u", "french-i", "english-lower-case", "french-lower-case"],
)
def test_a_plural_the_stemmer_keeps_whole_finds_what_its_singular_finds(
    watched: Watched, site_url: str, root: str, plural: str, singular: str
) -> None:
    # Pagefind's stemmers keep the "s" after u (and, in French, after a, i and o) while they
    # keep the singular as is: "GPUs" found 2 entries of the 11 that say "GPU".
    page = watched.page
    page.goto(f"{site_url}{root}")
    status = page.locator(SEARCH_STATUS)
    by_singular = _search(page, singular)
    said = status.inner_text()
    page.keyboard.press("Escape")
    assert _search(page, plural) == by_singular
    expect(status).to_have_text(said)
    # Not a short word's final s: "trous" searched as "trou" was every entry that says
    # "trouver".
    if not root:
        page.keyboard.press("Escape")
        _search(page, "trous dans les masques")
        cards = page.locator("#ds-search .ds-result").all_inner_texts()[:3]
        assert any("trous" in card for card in cards), cards
    assert watched.errors == []


def test_a_card_does_not_say_it_lacks_a_word_its_title_has(watched: Watched, site_url: str) -> None:
    # Pagefind indexes "LabelsToROIs" as one word, which "ROIs" does not begin: its card said
    # "Manquant : « ROIs »" under its own title.
    page = watched.page
    page.goto(site_url)
    _search(page, "les ROIs dans Fiji")
    card = page.locator("#ds-search .ds-result").filter(has_text="LabelsToROIs")
    expect(card).to_have_count(1)
    expect(card.locator(".ds-result__lacks")).to_have_count(0)
    # A word inside a longer one is not had: PyTorch's card lost "Missing: “RAM”" ("ram" is
    # in "programming").
    page.goto(f"{site_url}en/")
    _search(page, "pytorch RAM")
    card = page.locator("#ds-search .ds-result").filter(has_text="PyTorch").first
    expect(card.locator(".ds-result__lacks")).to_contain_text("RAM")
    # Nor a word's beginning: "trac" of "tracking" begins "tracer", which the talk's synonym
    # groups give it.
    page.keyboard.press("Escape")
    _search(page, "tracking stardist")
    card = page.locator("#ds-search .ds-result").filter(has_text="StarDist: the talk").first
    expect(card.locator(".ds-result__lacks")).to_contain_text("tracking")
    assert watched.errors == []


def test_a_word_the_stemmer_takes_for_another_is_searched_in_its_own_sense(
    watched: Watched, site_url: str
) -> None:
    # Pagefind stems "formation" (a course, in French) as "format": file formats came first.
    page = watched.page
    page.goto(site_url)
    _search(page, "formations")
    kinds = page.locator("#ds-search .ds-result__where").all_inner_texts()[:3]
    assert kinds and kinds[0].startswith("Cours"), kinds
    assert not any(kind.startswith("Format de fichier") for kind in kinds), kinds
    # Beside other words too, the courses' type is asked for: "formation deep learning"
    # had no course among its first three results (a paper first: "cours", its stem
    # "cour", begins the "courbe" of ROC curves).
    page.keyboard.press("Escape")
    _search(page, "formation deep learning")
    kinds = page.locator("#ds-search .ds-result__where").all_inner_texts()[:3]
    assert any(kind.startswith("Cours") for kind in kinds), kinds
    # And in English, "visualization" (stemmed "visual", visual transformers): viewers first.
    page.goto(f"{site_url}en/")
    first = _search_ids(page, "visualization")[:5]
    assert "napari" in first, first
    assert "survey-visual-transformers" not in first, first
    # A language of one letter, which Pagefind read as every word that begins with "r".
    page.keyboard.press("Escape")
    found = _search_ids(page, "deep learning in R")[:3]
    assert "r-language" in found, found


@pytest.mark.parametrize(
    ("root", "question", "answers"),
    [
        ("", "partager mes images avec un collègue", {"omero", "cytomine"}),
        ("en/", "share my images with a colleague", {"omero", "cytomine"}),
        # "too", "cant", "anything" only say how much: Noise2Void came after the FAQ entries
        # that happen to say them.
        ("en/", "my images are too noisy cant see anything", {"noise2void", "care"}),
    ],
    ids=["french", "english", "english-how-much"],
)
def test_a_question_in_a_reader_s_words_finds_its_entries_whatever_its_little_words(
    watched: Watched, site_url: str, root: str, question: str, answers: set[str]
) -> None:
    # Pagefind requires every word: "mes", "avec", "un" would leave only the entries that
    # happen to say them, and rank first those that say most of them.
    page = watched.page
    page.goto(f"{site_url}{root}")
    first = _search_ids(page, question)[:3]
    assert answers & set(first), first


def test_the_french_search_reads_the_english_little_words_french_readers_type(
    watched: Watched, site_url: str
) -> None:
    # French labs speak the field in English: "out" of "CUDA out of memory" began "outils",
    # every tool's category, and "of" is in the French entries that synonyms give English.
    page = watched.page
    page.goto(site_url)
    asked = _search_ids(page, "erreur CUDA out of memory")
    page.keyboard.press("Escape")
    assert asked == _search_ids(page, "erreur CUDA memory")
    expect(page.locator(SEARCH_STATUS)).not_to_contain_text(re.compile(r"\bout\b"))


@pytest.mark.parametrize(
    ("root", "question", "either"),
    [
        ("", "napari ou ilastik", ("napari", "ilastik")),
        ("en/", "ilastik vs. Cellpose", ("ilastik", "cellpose")),
        ("", "cellpose/stardist", ("cellpose", "stardist")),  # a slash joins them too
    ],
    ids=["french", "english", "slash"],
)
def test_a_question_that_asks_for_either_of_two_tools_finds_both(
    watched: Watched, site_url: str, root: str, question: str, either: tuple[str, str]
) -> None:
    # Pagefind requires every word: "ou" left out, only the entries that name both came,
    # and neither of the two asked for.
    page = watched.page
    page.goto(f"{site_url}{root}")
    first = _search_ids(page, question)[:3]
    named = [name for name in either if name in first]
    assert named == list(either), first
    # Each tool's own entry first, before the entries that mention both: Enter opens one.
    assert set(first[:2]) == set(either), first
    # A side of two letters alone would be every word that begins with them: "2D ou 3D"
    # is searched whole, as "2D 3D".
    page.keyboard.press("Escape")
    whole = _search(page, "2D 3D")
    page.keyboard.press("Escape")
    assert _search(page, "2D or 3D" if root else "2D ou 3D") == whole


@pytest.mark.parametrize(
    ("root", "question"), [("", "cellpose ou stardist"), ("en/", "cellpose vs stardist")]
)
def test_two_tools_asked_between_are_followed_by_what_names_both(
    watched: Watched, site_url: str, root: str, question: str
) -> None:
    # A reader choosing between two tools: after each one's own entry, the entries that
    # name both (what compares them). Taken in turn with each tool's other entries, the
    # FAQ's answer on what sets Cellpose and StarDist apart came sixth, after Cellpose's
    # dataset and StarDist's plugin.
    page = watched.page
    page.goto(f"{site_url}{root}")
    either = ["cellpose", "stardist"]
    found = _search_ids(page, question)
    assert set(found[:2]) == set(either), found
    page.keyboard.press("Escape")
    # The entries with both words, as the search counts them for the two words alone.
    both_words = _search_ids(page, " ".join(either))
    with_both = int(_status_numbers(page)[0])
    naming_both = [entry for entry in both_words[:with_both] if entry not in either][:3]
    assert len(naming_both) >= 2, both_words
    assert set(found[2 : 2 + len(naming_both)]) == set(naming_both), (found, naming_both)


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
@pytest.mark.parametrize("start", ["", "categories/fiji-plugins/"], ids=["other-page", "same-page"])
def test_back_from_a_result_shows_the_results_with_it_in_focus(
    watched: Watched, site_url: str, root: str, start: str
) -> None:
    # Back from a result, the page came back without the search: a reader comparing results
    # opened it again for each, and looked for where they were. The result may be on the page
    # the search was opened from ("StarDist for Fiji" from the Fiji plugins).
    page = watched.page
    page.goto(f"{site_url}{root}{start}")
    _search(page, "stardist")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate("document.activeElement.href")
    assert chosen.endswith("#stardist-fiji")
    page.keyboard.press("Enter")
    page.wait_for_url(chosen)
    expect(page.locator("#ds-search")).not_to_be_visible()
    page.go_back()
    expect(page).to_have_url(f"{site_url}{root}{start}")
    expect(page.locator("#ds-search [data-ds-input]")).to_have_value("stardist")
    expect(page.locator('#ds-search [data-ds-results] a[href$="#stardist-fiji"]')).to_be_focused()
    page.keyboard.press("ArrowDown")  # the next result, one key away
    assert page.evaluate("document.activeElement.closest('[data-ds-results]') !== null")
    assert page.evaluate("document.activeElement.href") != chosen
    # Only the way back reopens it: the page shown again (a reload) is the page alone, even
    # with a result kept that was never left for (its navigation stopped).
    page.keyboard.press("Escape")
    page.evaluate(
        "href => history.replaceState({ dsOpenedResult: { question: 'stardist', href } }, '')",
        chosen,
    )
    page.reload()
    expect(page.locator(".ds-search-open")).to_be_visible()
    expect(page.locator("#ds-search")).not_to_be_visible()
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_back_closes_the_search_on_a_phone_and_leaves_the_page_as_it_was(
    browser: Browser, site_url: str, root: str
) -> None:
    # The search fills a phone's screen, and Back closed the page under it instead: the
    # question went, and Explore's filters with it.
    errors: list[str] = []
    with on_a_phone(browser) as page:
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{site_url}{root}faq/")
        explore = f"{site_url}{root}explore/?task=segmentation"
        page.goto(explore)
        _search(page, "cellpose")
        page.go_back()
        expect(page.locator("#ds-search")).not_to_be_visible()
        expect(page).to_have_url(explore)
        expect(page.locator('input[name="task"][value="segmentation"]')).to_be_checked()
        # Opened again, the question is there; closed another way (Escape, its button), it leaves
        # no step behind: the next Back leaves the page.
        for close in ("Escape", "button"):
            page.keyboard.press("/")
            expect(page.locator("#ds-search [data-ds-input]")).to_have_value("cellpose")
            if close == "Escape":
                page.keyboard.press("Escape")
            else:
                page.locator(".ds-search__close").click()
            expect(page.locator("#ds-search")).not_to_be_visible()
            page.wait_for_timeout(100)  # the entry taken back (history.back is not at once)
        # Back from a result opened: the search again; then Back closes it, on the page.
        links = _search(page, "stardist")
        page.locator("#ds-search .ds-result a").first.click()
        page.wait_for_url(re.compile("#"))
        page.go_back()
        expect(page.locator("#ds-search")).to_be_visible()
        expect(page.locator("#ds-search [data-ds-input]")).to_have_value("stardist")
        assert links
        page.go_back()
        expect(page.locator("#ds-search")).not_to_be_visible()
        expect(page).to_have_url(explore)
        # Reloaded while open: open again, and Back closes it.
        page.keyboard.press("/")
        page.reload()
        expect(page.locator("#ds-search")).to_be_visible()
        page.go_back()
        expect(page.locator("#ds-search")).not_to_be_visible()
        expect(page).to_have_url(explore)
        page.go_back()
        expect(page).to_have_url(f"{site_url}{root}faq/")
        # A result at the very address shown: its entry brought into view, and the next Back
        # leaves the page (it stayed on it, showing nothing new).
        at = f"{site_url}{root}categories/software/#cellpose"
        page.goto(at)
        page.evaluate("window.scrollTo(0, 0)")
        expect(page.locator("#cellpose")).not_to_be_in_viewport()
        _search(page, "cellpose")
        page.locator('#ds-search .ds-result a[href$="/software/#cellpose"]').first.click()
        expect(page.locator("#ds-search")).not_to_be_visible()
        expect(page).to_have_url(at)
        expect(page.locator("#cellpose")).to_be_in_viewport()
        page.go_back()
        expect(page).to_have_url(f"{site_url}{root}faq/")
    assert errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_on_a_phone_the_search_closed_on_a_page_opened_at_an_entry_gives_the_focus_back(
    browser: Browser, site_url: str, root: str
) -> None:
    # The step back that closes the search took the focus to the page's start when the
    # address had an anchor (a result or a shared link had opened it): a keyboard or screen
    # reader's place was lost, on the page where they had landed.
    with on_a_phone(browser) as page:
        page.goto(f"{site_url}{root}categories/software/#cellpose")
        opener = page.locator(".ds-search-open")
        for close in ("Back", "Escape", "button"):
            opener.focus()
            page.keyboard.press("Enter")
            expect(page.locator("#ds-search")).to_be_visible()
            if close == "Escape":
                page.keyboard.press("Escape")
            elif close == "Back":  # the phone's own way out of a screen
                page.go_back()
            else:
                page.locator(".ds-search__close").click()
            expect(page.locator("#ds-search")).not_to_be_visible()
            page.wait_for_timeout(200)  # the step back (history.back is not at once)
            expect(opener).to_be_focused()
            expect(page.locator("#cellpose")).to_be_in_viewport()
        # A result at that very address: the browser goes to it, and the focus stays there.
        _search(page, "cellpose")
        page.locator('#ds-search .ds-result a[href$="/software/#cellpose"]').first.click()
        expect(page.locator("#ds-search")).not_to_be_visible()
        page.wait_for_timeout(200)
        expect(opener).not_to_be_focused()
        expect(page.locator("#cellpose")).to_be_in_viewport()


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_back_from_one_of_more_results_shows_it_again_in_focus(
    watched: Watched, site_url: str, root: str
) -> None:
    # A result opened after "more results" came back as the first ten, the focus in the field.
    page = watched.page
    page.goto(f"{site_url}{root}")
    _search(page, "segmentation")
    cards = page.locator("#ds-search .ds-results:not(.ds-results--pages) > .ds-result")
    expect(cards).to_have_count(10)
    page.locator("#ds-search .ds-results__more").click()
    expect(cards.nth(13)).to_be_visible()
    link = cards.nth(13).locator("a")
    chosen = str(link.evaluate("a => a.href"))
    link.click()
    page.wait_for_url(chosen)
    page.go_back()
    focused = page.locator("#ds-search [data-ds-results] a:focus")
    expect(focused).to_have_count(1)
    assert focused.evaluate("a => a.href") == chosen
    assert cards.count() >= 14
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_a_result_at_the_address_shown_closes_the_search_for_good(
    watched: Watched, site_url: str, root: str
) -> None:
    # On StarDist's entry, its result opened the same address: no new history entry, the
    # kept result stayed on the one shown, and the search came back at once.
    page = watched.page
    page.goto(f"{site_url}{root}categories/software/#stardist")
    _search(page, "stardist")
    same = page.locator('#ds-search [data-ds-results] a[href$="#stardist"]').first
    expect(same).to_have_attribute("href", re.compile("software/#stardist$"))
    same.click()
    expect(page.locator("#ds-search")).not_to_be_visible()
    page.wait_for_timeout(300)  # what would reopen it comes at once (popstate)
    expect(page.locator("#ds-search")).not_to_be_visible()
    expect(page).to_have_url(f"{site_url}{root}categories/software/#stardist")
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_the_question_is_there_again_after_opening_a_result(
    watched: Watched, site_url: str, root: str
) -> None:
    # On the page of a result, the search opened empty: a reader going on to the next result
    # typed the question anew. (Back, it is open again: see the test above.)
    page = watched.page
    page.goto(f"{site_url}{root}")
    links = _search(page, "cellpose")
    page.locator("#ds-search [data-ds-results] a").nth(2).click()
    expect(page).to_have_url(re.compile(re.escape(links[2].split("#")[0])))
    expect(page.locator("#ds-search")).not_to_be_visible()
    page.keyboard.press("/")
    field = page.locator("#ds-search [data-ds-input]")
    expect(field).to_have_value("cellpose")
    results = page.locator("#ds-search [data-ds-results]")
    expect(results).to_have_attribute("data-ds-done", "cellpose")
    # Selected: what the reader types next replaces it.
    page.keyboard.type("napari")
    expect(field).to_have_value("napari")
    expect(results).to_have_attribute("data-ds-done", "napari")
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "begun", "named"), [("", "cellpos", "cellpose"), ("en/", "stardis", "stardist")]
)
def test_a_name_being_typed_finds_its_tool_first(
    watched: Watched, site_url: str, root: str, begun: str, named: str
) -> None:
    # "cellpos": Cellpose came fifth, after its dataset, talks and tutorial.
    page = watched.page
    page.goto(f"{site_url}{root}")
    assert _search(page, begun)[0].rsplit("#", 1)[-1] == named
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "first"),
    [
        ("", "cellpose 3", ["cellpose"]),
        ("", "cellpose 2", ["cellpose-2-tutorial", "cellpose"]),
        ("en/", "stardist v2", ["stardist"]),
    ],
    ids=["french-no-such-version", "french-version-titled", "english"],
)
def test_a_tool_s_name_and_a_version_find_the_tool_first(
    watched: Watched, site_url: str, root: str, question: str, first: list[str]
) -> None:
    # "cellpose 3" had Cellpose's dataset first (its title and text say "3" and "Cellpose"
    # most), and "cellpose 2" the tutorial of Cellpose 2.0 sixth.
    page = watched.page
    page.goto(f"{site_url}{root}")
    assert _search_ids(page, question)[: len(first)] == first
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "mistyped", "named", "real_word"),
    [
        ("", "celpose", "cellpose", "images"),
        ("en/", "ilastick", "ilastik", "imagej"),
        # In pieces: Pagefind found the entries of "cell" and "pose", not Cellpose's.
        ("en/", "cell pose", "cellpose", "images"),
        ("", "track mate", "trackmate", "images"),
    ],
    ids=["french", "english", "english-in-pieces", "french-in-pieces"],
)
def test_a_tool_s_name_typed_wrong_finds_the_tool(
    watched: Watched, site_url: str, root: str, mistyped: str, named: str, real_word: str
) -> None:
    # Pagefind has no typo tolerance: "celpose" was searched as "cel" (every cell).
    page = watched.page
    page.goto(f"{site_url}{root}")
    first = _search_ids(page, mistyped)[:1]
    assert first == [named]
    status = page.locator(SEARCH_STATUS)
    written = re.compile(named, re.IGNORECASE)  # shown as written: "Cellpose"
    expect(status).to_contain_text(written)
    # The question as typed is one click away, on a line of its own: run on after "7
    # entries", it read as one sentence.
    offer, said = status.locator("button").bounding_box(), status.bounding_box()
    assert offer and said and offer["x"] == said["x"] and offer["y"] > said["y"] + 4
    status.locator("button").click()
    expect(status).not_to_contain_text(written)
    expect(status.locator("button")).to_have_count(0)
    # A word that entries have, however near a name, is searched as typed.
    page.keyboard.press("Escape")
    _search(page, real_word)
    expect(status).not_to_contain_text("«" if not root else "“")
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "typed", "said"),
    [
        ("", "noyeaux", "Aucune entrée ne contient « noyeaux ». Résultats pour « noyaux »"),
        ("en/", "anotation", "No entry has “anotation”. Results for “annotation”"),
    ],
    ids=["french", "english"],
)
def test_a_word_typed_wrong_that_finds_nothing_shows_the_entries_word(
    watched: Watched, site_url: str, root: str, typed: str, said: str
) -> None:
    # "anotation" showed nothing but "did you mean “annotation”?": a tap more for every slip.
    page = watched.page
    page.goto(f"{site_url}{root}")
    assert _search(page, typed)
    status = page.locator(SEARCH_STATUS)
    expect(status).to_contain_text(_any_spaces(said))
    expect(status.get_by_role("button")).to_have_count(0)
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "typed", "offered"),
    [("", "noyeaux de levure", "noyaux de levure"), ("en/", "anotation yeast", "annotation yeast")],
)
def test_the_arrow_keys_reach_what_the_status_offers_when_nothing_is_found(
    watched: Watched, site_url: str, root: str, typed: str, offered: str
) -> None:
    # "noyeaux" found nothing and offered "noyaux": the arrows did nothing, and the offer
    # was reached only by tabbing past the close button.
    page = watched.page
    page.goto(f"{site_url}{root}")
    assert _search(page, typed) == []
    page.keyboard.press("ArrowDown")
    offer = page.locator("#ds-search [data-ds-status] button")
    expect(offer).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#ds-search [data-ds-input]")).to_have_value(offered)
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"])
def test_a_slip_nearer_a_common_word_than_a_name_is_not_put_right_to_the_name(
    watched: Watched, site_url: str, root: str
) -> None:
    # "annotatoin" was searched as "AnnotatorJ" (two letters away), one entry, where the
    # reader meant "annotation" (one away), forty entries.
    page = watched.page
    page.goto(f"{site_url}{root}")
    links = _search(page, "annotatoin")
    status = page.locator(SEARCH_STATUS)
    expect(status).not_to_contain_text("AnnotatorJ")
    assert len([link for link in links if "#" in link]) >= 10, links
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "absent_said"),
    [
        ("", "levure axolotl noyaux", "Aucune entrée ne contient « levure » ni « axolotl »."),
        ("en/", "zebrafish axolotl nuclei", "No entry has “zebrafish” or “axolotl”."),
    ],
    ids=["french", "english"],
)
def test_several_words_no_entry_has_are_said_each_apart(
    watched: Watched, site_url: str, root: str, question: str, absent_said: str
) -> None:
    # "Aucune entrée ne contient « czi lif »" read as one phrase searched, not two words.
    page = watched.page
    page.goto(f"{site_url}{root}")
    assert _search(page, question)  # the other word's entries
    expect(page.locator(SEARCH_STATUS)).to_contain_text(_typeset_quotes(absent_said))
    assert watched.errors == []


def test_a_french_word_is_not_found_in_the_elided_words_of_other_entries(
    watched: Watched, site_url: str, real_data: KnowledgeBase
) -> None:
    # "DAPI", stemmed "dap" in French, found "d'apprentissage" and "d'API" first: the
    # learning-rate question, scikit-learn, ngrok (a reader's review).
    page = watched.page
    page.goto(site_url)
    found = _search_ids(page, "DAPI")
    # Those that say neither it nor what it stains, but an elided word that begins so.
    elided = re.compile(r"\b[dl]['’]ap")
    entries: list[Resource | FaqEntry] = [*real_data.resources, *real_data.faq]
    unrelated = {
        entry.id
        for entry in entries
        if elided.search(text := repr(entry).casefold())
        and not re.search(r"dapi|noyau|nucle", text)
    }
    assert found and unrelated and not set(found[:5]) & unrelated, found
    # ...and a title is shown with its elided words, which it is searched without.
    _search(page, "taux d'apprentissage")
    titles = page.locator("#ds-search .ds-result__title").all_inner_texts()
    assert any(re.search(r"taux d['’]apprentissage", title) for title in titles), titles
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question"),
    [
        (
            "",
            "Bonjour, je travaille sur des noyaux marqués acquis au confocal et je ne sais pas"
            " quel outil utiliser sans GPU, que me conseillez-vous ?",
        ),
        (
            "en/",
            "Hi, I image dividing cells every five minutes for two days and I'd like to follow"
            " each one, ideally without writing code, what would you recommend?",
        ),
    ],
    ids=["french", "english"],
)
def test_a_long_question_s_cards_do_not_list_the_reader_s_own_words(
    watched: Watched, site_url: str, root: str, question: str
) -> None:
    # Every card of a pasted question said it lacked "travaille", "sais", "conseillez-vous"
    # (a reader's review); the status says the entries have part of the words.
    page = watched.page
    page.goto(f"{site_url}{root}")
    _search(page, question)
    expect(page.locator(SEARCH_STATUS)).to_contain_text(re.compile(r"\d"))
    assert page.locator("#ds-search .ds-result").count() > 0
    expect(page.locator("#ds-search .ds-result__lacks")).to_have_count(0)
    # A short question's cards still say it, but no number ("2.00" of a pasted error).
    _search(page, "CUDA out of memory 2.00 GiB")
    lacks = page.locator("#ds-search .ds-result__lacks").all_inner_texts()
    assert lacks and not any(re.search(r"\d", line) for line in lacks), lacks
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "lacks"),
    [
        ("", "segmenter des noyaux sans programmer", "Manquant"),
        ("en/", "segment nuclei without programming", "Missing"),
    ],
    ids=["french", "english"],
)
def test_an_entry_with_only_some_of_the_words_says_which_it_lacks(
    watched: Watched, site_url: str, root: str, question: str, lacks: str
) -> None:
    # "5 entries with all the words, 98 with some of them": which were which, the cards did
    # not say, and StarDist (Python) read as an answer to "without programming".
    page = watched.page
    page.goto(f"{site_url}{root}")
    _search(page, question)
    status = page.locator(SEARCH_STATUS).inner_text()
    whole = int(re.search(r"\d+", status).group())  # type: ignore[union-attr]
    cards = page.locator("#ds-search .ds-results > .ds-result")
    said = [card.locator(".ds-result__lacks").all_inner_texts() for card in cards.all()]
    assert all(not lines for lines in said[:whole]), said
    assert any(said[whole:]), said
    # Each word, or a phrase of them the question says as one (see the next test).
    asked = question.split()
    runs = {
        " ".join(asked[start:end])
        for start in range(len(asked))
        for end in range(start + 1, len(asked) + 1)
    }
    words = {_typeset_quotes(f"« {run} »") for run in runs} | {f"“{run}”" for run in runs}
    for lines in said[whole:]:
        for line in lines:
            assert line.startswith(f"{lacks}"), line
            named = re.split(r"\s*:\s*", line, maxsplit=1)[1].split(", ")
            assert named and all(word in words for word in named), line
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "lacked"),
    [
        ("", "entraîner un modèle sans annotations", "« sans annotations »"),
        ("en/", "train a model without labels", "“without labels”"),
    ],
    ids=["french", "english"],
)
def test_a_negated_phrase_finds_what_it_means_not_its_words_apart(
    watched: Watched, site_url: str, root: str, question: str, lacked: str
) -> None:
    # "sans annotations" is what the entries that use its group say (Noise2Void learns from
    # noisy images alone), not "sans" and "annotation" apart: the annotation tools have
    # "annotation", and "sans" in their way of working ("Sans programmer"), and came first.
    page = watched.page
    page.goto(f"{site_url}{root}")
    assert _search_ids(page, question)[0] == "noise2void"
    titles = " ".join(_result_titles(page)[:3]).lower()
    assert "annot" not in titles and "label" not in titles, titles
    # The others are said to lack the phrase, whole.
    lacks = page.locator("#ds-search .ds-result__lacks").all_inner_texts()
    assert any(_typeset_quotes(lacked) in line for line in lacks), lacks
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question"), [("", "sans python"), ("en/", "no python")], ids=["french", "english"]
)
def test_programming_named_by_its_language_and_negated_finds_the_tools_used_without(
    watched: Watched, site_url: str, root: str, question: str
) -> None:
    # "no python" opened on ZeroCostDL4Mic's notebooks and Theano, a Python library.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?way=no-programming")
    without_programming = _visible_ids(page)
    page.goto(f"{site_url}{root}")
    first = _search_ids(page, question)[:3]
    assert set(first) <= without_programming, first
    assert watched.errors == []


def test_a_question_of_filler_phrases_alone_is_read_whatever_its_marks(
    watched: Watched, site_url: str
) -> None:
    # French puts a space before "?": its words left out, "?" alone was searched, and
    # Explore showed every entry for "quelqu'un sait ?".
    page = watched.page
    _open_explore(page, f"{site_url}explore/")
    assert _typed_in_explore(page, "quelqu'un sait ?") == _typed_in_explore(page, "quelqu'un sait")
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question"),
    [("", "stardist sans coder"), ("en/", "deep learning for microscopy without coding")],
    ids=["french", "english"],
)
def test_a_negated_phrase_beside_a_name_keeps_the_name_s_entries_first(
    watched: Watched, site_url: str, root: str, question: str
) -> None:
    # The rarer word leads: StarDist's plugins, then its other entries, before the other
    # tools used without code (EPySeg came first). And a word of the phrase is not said to
    # be in no entry because the entries shown use the phrase's group without it ("No entry
    # has “coding”").
    page = watched.page
    page.goto(f"{site_url}{root}")
    ids = _search_ids(page, question)
    if "stardist" in question:
        assert all(id.startswith("stardist") for id in ids[:2]), ids
    expect(page.locator(SEARCH_STATUS)).not_to_contain_text("coding")
    expect(page.locator(SEARCH_STATUS)).not_to_contain_text("coder")
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question"),
    [("", "au lieu de ilastik pour noyaux"), ("en/", "something like ilastik but faster")],
    ids=["french", "english"],
)
def test_a_card_does_not_say_it_lacks_the_tool_another_of_which_is_asked_for(
    watched: Watched, site_url: str, root: str, question: str
) -> None:
    # "au lieu de ilastik pour noyaux": Cellpose, nucleAIzer and StarDist each said they
    # lacked "ilastik".
    page = watched.page
    page.goto(f"{site_url}{root}")
    _search(page, question)
    said = page.locator("#ds-search .ds-result__lacks").all_inner_texts()
    assert not any("ilastik" in line for line in said), said
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "absent", "kept", "named"),
    [
        (
            "",
            "celpose levure",
            "Aucune entrée ne contient « levure »",
            "Résultats pour « Cellpose » :",
            "cellpose",
        ),
        (
            "en/",
            "zebrafish ilastick",
            "No entry has “zebrafish”",
            "Results for “ilastik”:",
            "ilastik",
        ),
    ],
    ids=["french", "english"],
)
def test_a_word_no_entry_has_is_said_beside_a_name_put_right(
    watched: Watched, site_url: str, root: str, question: str, absent: str, kept: str, named: str
) -> None:
    # "celpose levure" was searched as "cellpose levure": Pagefind, which has no "levure",
    # searched a beginning of it, and the status said "results for Cellpose levure" of
    # entries that say nothing of yeast.
    page = watched.page
    page.goto(f"{site_url}{root}")
    first = _search_ids(page, question)[:1]
    assert first == [named]
    status = page.locator(SEARCH_STATUS)
    expect(status).to_contain_text(_any_spaces(absent))
    expect(status).to_contain_text(_any_spaces(kept))
    # The question as typed is still one click away.
    expect(status.get_by_role("button")).to_have_count(1)
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "replaced", "control", "wanted"),
    [
        ("", "remplacer google colab", "google-colab", "gimp au lieu de photoshop", "gimp"),
        (
            "en/",
            "labelimg online alternative",
            "labelimg",
            "julia instead of python",
            "deep-learning-with-julia",
        ),
    ],
    ids=["french", "english"],
)
def test_a_question_for_an_alternative_does_not_open_on_what_it_replaces(
    watched: Watched,
    site_url: str,
    root: str,
    question: str,
    replaced: str,
    control: str,
    wanted: str,
) -> None:
    # "remplacer google colab": Google Colab's own entry, which has every word, came first.
    page = watched.page
    page.goto(f"{site_url}{root}")
    found = _search_ids(page, question)
    assert replaced not in found[:3] and found[3] == replaced, found
    # What the reader wants instead, named before "instead", keeps its place.
    page.keyboard.press("Escape")
    assert _search(page, control)[0].rsplit("#", 1)[-1] == wanted
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "tool", "asking"),
    [
        ("", "alternative à cellpose", "cellpose", "alternative"),
        ("en/", "cellpose alternative", "cellpose", "alternative"),
        ("en/", "instead of ilastik", "ilastik", "instead"),
    ],
)
def test_a_question_for_an_alternative_to_a_tool_opens_on_other_tools(
    watched: Watched, site_url: str, root: str, question: str, tool: str, asking: str
) -> None:
    # "alternative to cellpose" gave Cellpose's talk, dataset and tutorial first (their titles
    # name it), and said "No entry has “alternative”" above them; "instead of ilastik" gave
    # "Simulating images instead of annotating them?" first, for its "instead".
    page = watched.page
    page.goto(f"{site_url}{root}")
    found = _search_ids(page, question)
    first = [title.lower() for title in _result_titles(page)[:3]]
    assert not any(tool in title or asking in title for title in first), first
    assert found[3] == tool, found
    expect(page.locator(SEARCH_STATUS)).not_to_contain_text(asking)
    assert watched.errors == []


@pytest.fixture(scope="module")
def real_data() -> KnowledgeBase:
    return load_knowledge_base(DataFiles.in_folder(REPO / "data"))


@pytest.mark.parametrize(
    ("root", "question", "tool"),
    [
        ("", "équivalent de trackmate", "trackmate"),
        ("", "alternative à ilastik", "ilastik"),
        ("en/", "instead of labelimg", "labelimg"),
        ("en/", "alternative to mnist", "mnist"),
        # "au lieu de" was searched "au lieux de", and "lieux" required: three review papers.
        ("", "quoi utiliser au lieu de knossos", "knossos"),
        # The name put right: "alternative" was lost.
        ("", "alternative a ilastk", "ilastik"),
        # A word of the question that no alternative has ("truc") left none.
        ("", "un truc comme cellpose", "cellpose"),
        # A name of two words, which has no one-word name.
        ("", "alternative à tissue analyzer", "tissue-analyzer"),
        # A "?" apart is no word of the question.
        ("", "alternative à ilastik ?", "ilastik"),
    ],
)
def test_a_question_for_another_tool_opens_on_entries_that_do_its_job(
    watched: Watched, site_url: str, real_data: KnowledgeBase, root: str, question: str, tool: str
) -> None:
    # "alternative à ilastik" gave the image.sc forum, the Model Zoo and HDF5 first (they
    # mention ilastik), "équivalent de trackmate" TrackMate alone.
    page = watched.page
    page.goto(f"{site_url}{root}")
    found = _search_ids(page, question)
    resources = {resource.id: resource for resource in real_data.resources}
    named = resources[tool]
    assert tool in found[1:4], found
    before = [resources[one] for one in found[: found.index(tool)]]
    # What comes first does its job (its first task), and is of its kind: software for
    # software (TrackMate, a plugin, has ilastik), a dataset for a dataset.
    for other in before:
        assert named.tasks[0] in other.tasks, (other.id, other.tasks)
        assert other.type == named.type or (named.ways and other.ways), (other.id, other.type)
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "excluded", "job"),
    [
        ("", "segmentation sans napari", "napari", "segmentation"),
        ("en/", "segmentation without napari", "napari", "segmentation"),
        ("", "annoter sauf labelimg", "labelimg", "annotation"),
        ("en/", "tracking but not trackmate", "trackmate", "tracking"),
        # A not word after the job or the thing wanted in its place.
        ("en/", "cell segmentation not cellpose", "cellpose", "segmentation"),
        ("", "segmentation pas cellpose", "cellpose", "segmentation"),
        ("en/", "annotation tool not fiji", "fiji", "annotation"),
        ("", "segmenter des noyaux mais pas avec fiji", "fiji", "segmentation"),
        ("en/", "segmentation -napari", "napari", "segmentation"),
        # A not word first: Cellpose's and napari's entries came first.
        ("", "pas de cellpose pour la segmentation", "cellpose", "segmentation"),
        ("en/", "no napari for segmentation", "napari", "segmentation"),
    ],
)
def test_a_tool_a_question_excludes_does_not_open_its_results(
    watched: Watched,
    site_url: str,
    real_data: KnowledgeBase,
    root: str,
    question: str,
    excluded: str,
    job: str,
) -> None:
    # "segmentation sans napari" opened on napari: "sans" and "napari" were both searched,
    # and only napari's entry had both (the status said none had every word).
    page = watched.page
    page.goto(f"{site_url}{root}")
    status = page.locator(SEARCH_STATUS)
    found = _search_ids(page, question)
    resources = {resource.id: resource for resource in real_data.resources}
    # Left out, and said to be.
    assert excluded not in found, found
    assert job in resources[found[0]].tasks, found
    expect(status).not_to_contain_text(re.compile("aucune ne les a tous|none has them all"))
    expect(status).to_contain_text(re.compile(rf"(Hors|Leaving out) .{{1,2}}{excluded}", re.I))
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "excluded"),
    [
        ("", "segmentation sans cellpose", "cellpose"),
        ("en/", "segmentation without cellpose", "cellpose"),
        ("", "segmentation sans fiji", "fiji"),
    ],
)
def test_a_tool_a_question_excludes_stays_out_of_more_results(
    watched: Watched,
    site_url: str,
    real_data: KnowledgeBase,
    root: str,
    question: str,
    excluded: str,
) -> None:
    # Only the first ten cards were read for the tool: its talk, its dataset and its FAQ
    # entries came under "more results". Its plugins go with it: "sans fiji" kept Labkit
    # and MorphoLibJ, Fiji plugins (those that plug into it alone: each entry's tags name
    # its applications).
    page = watched.page
    names = _resource_names(page, site_url)
    plugins = {
        r.id
        for r in real_data.resources
        if "plugin" in r.ways and set(r.tags) & names == {excluded}
    }
    page.goto(f"{site_url}{root}")
    _search(page, question)
    more = page.locator("#ds-search .ds-results__more")
    while more.count():
        shown = page.locator(ENTRY_CARDS).count()
        more.click()
        page.wait_for_function(
            "n => document.querySelectorAll('#ds-search .ds-result:not(.ds-result--page)').length > n"
            " || !document.querySelector('#ds-search .ds-results__more')",
            arg=shown,
        )
    titles = _result_titles(page)
    assert len(titles) > 10, titles
    assert not [title for title in titles if excluded in title.lower()], titles
    shown = page.eval_on_selector_all(f"{ENTRY_CARDS} a", "links => links.map(link => link.href)")
    assert not {str(link).rsplit("#", 1)[-1] for link in shown} & plugins
    # ...and out of the count, which was of them all (41 entries said, 34 shown).
    counted = _status_numbers(page)
    assert counted == [str(page.locator(ENTRY_CARDS).count())], counted
    assert watched.errors == []


def test_more_results_pressed_twice_at_once_shows_the_next_cards_once(
    watched: Watched, site_url: str
) -> None:
    # The second press fetched the same ten cards while the first was fetching them: ten came
    # twice, and the ten after them never.
    page = watched.page
    page.goto(f"{site_url}en/")
    _search(page, "segmentation")
    page.locator("#ds-search .ds-results__more").evaluate(
        "button => { button.click(); button.click(); }"
    )
    expect(page.locator(ENTRY_CARDS)).to_have_count(20)
    page.wait_for_timeout(500)  # a second batch, had it been fetched, would be there by now
    links = [str(link.get_attribute("href")) for link in page.locator(f"{ENTRY_CARDS} a").all()]
    assert len(links) == len(set(links)) == 20, links
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "wanted", "excluded"),
    [
        ("", "cellpose mais pas napari", "cellpose", "napari"),
        ("en/", "cellpose not napari", "cellpose", "napari"),
    ],
)
def test_a_tool_excluded_beside_the_one_asked_for_comes_after_it(
    watched: Watched, site_url: str, root: str, question: str, wanted: str, excluded: str
) -> None:
    page = watched.page
    page.goto(f"{site_url}{root}")
    found = _search_ids(page, question)
    assert found[0] == wanted, found
    assert excluded not in found, found
    # A negation apart from the name excludes nothing: the reader asks about both.
    page.keyboard.press("Escape")
    found = _search_ids(page, "cellpose ne marche pas avec napari")
    assert {"cellpose", "napari"} <= set(found[:3]), found
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question"),
    [("", "alternative à napari sans fiji"), ("en/", "alternative to napari without fiji")],
)
def test_a_tool_excluded_beside_one_another_is_asked_for_leaves_both_out(
    watched: Watched, site_url: str, root: str, question: str
) -> None:
    # The exclusion was read as what the reader wants another of: napari came first.
    page = watched.page
    page.goto(f"{site_url}{root}")
    _search(page, question)
    titles = _result_titles(page)[:3]
    assert titles and not any(re.search("napari|fiji", title, re.I) for title in titles), titles
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question"),
    [
        ("", "sans napari ni fiji"),
        ("en/", "without napari or fiji"),
        ("en/", "neither napari nor fiji"),
    ],
)
def test_every_tool_a_question_excludes_is_left_out_of_its_first_results(
    watched: Watched, site_url: str, root: str, question: str
) -> None:
    # The second was taken for the tool wanted: Fiji's entries came first.
    page = watched.page
    page.goto(f"{site_url}{root}")
    _search(page, question)
    titles = _result_titles(page)[:3]
    assert titles and not any(re.search("napari|fiji", title, re.I) for title in titles), titles
    # Nothing else asked: counted as the alternatives they are, not as entries lacking words.
    expect(page.locator(SEARCH_STATUS)).not_to_contain_text(
        re.compile("avec tous les mots|with all the words|aucune ne|none has")
    )
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question"),
    [
        ("en/", "alternative to cellpose for bacteria"),
        ("", "alternative à cellpose pour les bactéries"),
    ],
)
def test_another_tool_asked_for_with_a_need_opens_on_the_entry_that_has_it(
    watched: Watched, site_url: str, real_data: KnowledgeBase, root: str, question: str
) -> None:
    # Only software was kept as Cellpose's alternatives: Omnipose, a paper and the one entry
    # on bacteria, was left out for three tools that lack the word. A paper that gives a tool
    # says how it is used (its ways), and is then of the kind asked for; found with the
    # question's other words, it comes first.
    page = watched.page
    page.goto(f"{site_url}{root}")
    found = _search_ids(page, question)
    resources = {resource.id: resource for resource in real_data.resources}
    assert found[0] == "omnipose", found
    assert resources[found[0]].ways, "a paper that gives a tool says how it is used"
    assert "cellpose" in found[1:4], found
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question"),
    [
        ("", "plus rapide qu'ilastik"),
        ("", "un logiciel plus fluide que ilastik"),
        ("en/", "anything faster than ilastik"),
        ("en/", "something quicker than ilastik"),
    ],
)
def test_the_quality_asked_of_another_tool_ranks_its_alternatives(
    watched: Watched, site_url: str, root: str, question: str
) -> None:
    # "anything faster than ilastik" gave ilastik itself; the comparative, searched as the
    # reader's need, puts first the alternative that says it (Labkit: "fluide").
    page = watched.page
    page.goto(f"{site_url}{root}")
    found = _search_ids(page, question)
    assert found[0] == "labkit", found
    assert found[3] == "ilastik", found
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "tool", "task"),
    [
        ("", "je cherche un autre logiciel d'annotation que napari", "napari", "annotation"),
        ("en/", "looking for an annotation tool other than napari", "napari", "annotation"),
        ("en/", "something else than labelimg", "labelimg", "annotation"),
        # "que" of a clause: alternatives to ilastik, for its own job.
        ("", "alternative à ilastik que je peux utiliser sans GPU", "ilastik", None),
        # A task's word elsewhere in the question ("train") does not change the job.
        ("en/", "an alternative to stardist that I can train on my own images", "stardist", None),
        # "than" after other words than a name: Cellpose's own entries, no alternatives.
        ("en/", "I have other images than the ones cellpose was trained on", "cellpose", ""),
        # A word that likens, right before the name or a stop word before it...
        ("", "un outil similaire à ilastik", "ilastik", None),
        ("", "un truc genre labelimg", "labelimg", None),
        ("en/", "something like labelimg", "labelimg", None),
        # ...and not before other words, nor after other than a thing to use: no other tool
        # asked for.
        ("en/", "I'd like to train stardist", "stardist", ""),
        ("en/", "images similar to those of cellpose", "cellpose", ""),
        ("en/", "it looks like cellpose merges touching nuclei", "cellpose", ""),
        ("", "des images similaires à cellpose", "cellpose", ""),
        # A word that says better, with no resource named before it...
        ("", "il y a mieux que ilastik ?", "ilastik", None),
        ("", "plus rapide que ilastik", "ilastik", None),
        ("", "plus rapide qu'ilastik", "ilastik", None),
        ("en/", "anything faster than ilastik", "ilastik", None),
        ("en/", "is there something better than ilastik", "ilastik", None),
        # ...and after one: both asked about.
        ("en/", "is stardist better than cellpose", "cellpose", ""),
    ],
    ids=[
        "french-autre-que",
        "english-other-than",
        "english-else-than",
        "french-que-of-a-clause",
        "english-task-word-elsewhere",
        "english-other-words",
        "french-similaire-a",
        "french-genre",
        "english-like",
        "english-like-to",
        "english-similar-to-other-words",
        "english-looks-like",
        "french-images-similaires",
        "french-mieux-que",
        "french-plus-que",
        "french-plus-qu-elided",
        "english-comparative-than",
        "english-better-than",
        "english-one-better-than-another",
    ],
)
def test_a_tool_other_than_one_named_opens_on_entries_that_do_the_job_asked(
    watched: Watched,
    site_url: str,
    real_data: KnowledgeBase,
    root: str,
    question: str,
    tool: str,
    task: str | None,
) -> None:
    # "autre logiciel d'annotation que napari" gave napari first or second (the words after
    # "autre" were taken for what the reader wants another of), and "other" asks for nothing.
    # The job is the one the question names, not napari's own (to view). A first reading took
    # any "que" or "than" after a word asking for another ("alternative à ilastik que je peux
    # utiliser sans GPU" gave ilastik first), and a task's word anywhere for the job ("train"
    # made ZeroCostDL4Mic and ngrok StarDist's alternatives).
    page = watched.page
    page.goto(f"{site_url}{root}")
    found = _search_ids(page, question)
    if task == "":  # no other tool asked for
        assert tool in found[:2], found
        assert watched.errors == []
        return
    resources = {resource.id: resource for resource in real_data.resources}
    job = task or resources[tool].tasks[0]
    # Three that do the job, then the tool named.
    assert tool in found and found.index(tool) == 3, found
    for other in found[:3]:
        assert job in resources[other].tasks, (other, resources[other].tasks)
    assert watched.errors == []


def test_alternatives_are_counted_as_entries_and_need_their_file_to_be_shown(
    watched: Watched, site_url: str
) -> None:
    # The count said "3 with all the words" of alternatives that have none of them ("truc").
    page = watched.page
    page.goto(site_url)
    assert _search(page, "alternative à ilastik")
    expect(page.locator(SEARCH_STATUS)).to_have_text(re.compile(r"^\d+ entrées$"))
    page.keyboard.press("Escape")
    assert _search(page, "un truc comme cellpose")
    # (That no entry has "truc", said either way.)
    said = _any_spaces_pattern("aucune ne les a tous|Aucune entrée ne contient « truc »")
    expect(page.locator(SEARCH_STATUS)).to_contain_text(said)
    # Without what each entry does (a file that cannot be read): the question's own results.
    page.route("**/search-jobs.json", lambda route: route.fulfill(status=200, body="<html>"))
    page.goto(f"{site_url}en/")
    found = _search_ids(page, "alternative to ilastik")
    assert "ilastik" in found[:4], found
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "said"),
    [
        ("", "apprentissage profond", "deep learning"),
        ("", "l'apprentissage en profondeur", "deep learning"),
        ("en/", "repair an image", "restoration"),
    ],
)
def test_a_phrase_the_entries_say_another_way_finds_those_that_say_it(
    watched: Watched, site_url: str, root: str, question: str, said: str
) -> None:
    # The French entries say "deep learning": "apprentissage profond" opened on papers that
    # say "apprentissage" and "profonds" apart, and no entry about deep learning came among
    # the first three.
    _entry_cards(watched.page, f"{site_url}{root}", question)
    titles = [re.sub(r"[\s-]+", " ", title.lower()) for title in _result_titles(watched.page)]
    assert any(said in title for title in titles[:2]), titles[:3]
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question"), [("", "région de l'image"), ("en/", "repair an image")]
)
def test_a_phrase_the_entries_say_another_way_orders_the_same_entries(
    watched: Watched, site_url: str, root: str, question: str
) -> None:
    # The entries' own words were required too: "région de l'image" said "3 entries with
    # all the words, 106 with some" instead of 12 entries, all of which have every word.
    page = watched.page
    _entry_cards(page, f"{site_url}{root}", question)
    said = page.locator(SEARCH_STATUS).inner_text()
    # Without the file (a broken copy of it): the words as typed.
    page.route("**/search-phrases-*.json", lambda route: route.fulfill(status=200, body="<html>"))
    _entry_cards(page, f"{site_url}{root}", question)
    expect(page.locator(SEARCH_STATUS)).to_have_text(said)
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "word"),
    [
        ("", "le modèle ne converge jamais", "jamais"),
        ("en/", "works on my images but fails on new data", "but"),
    ],
)
def test_a_card_never_says_it_lacks_a_word_that_names_nothing(
    watched: Watched, site_url: str, root: str, question: str, word: str
) -> None:
    # "Missing: “but”" on the cards of "works on my images but fails on new data": the word
    # is searched (it changes what is asked), but no entry is about it.
    page = watched.page
    page.goto(f"{site_url}{root}")
    assert _search(page, question)
    lacks = page.locator("#ds-search .ds-result__lacks").all_inner_texts()
    assert lacks, "some cards lack words of the question"
    assert not [line for line in lacks if re.search(rf"\b{word}\b", line)], lacks
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "type_name"),
    [
        ("", "cours deep learning", "Cours"),
        ("", "livres deep learning", "Livre"),
        ("en/", "deep learning course", "Course"),
        ("en/", "nuclei datasets", "Dataset"),
    ],
)
def test_a_question_naming_a_type_shows_an_entry_of_that_type_among_the_first_three(
    watched: Watched, site_url: str, root: str, question: str, type_name: str
) -> None:
    # "cours deep learning" opened on a paper titled "deep-learning-based" (its "courbe" was
    # taken for a longer "cours"), and the one course came fourth. The first entry of the
    # type named, among those with every word (no "Missing" line), comes third at most,
    # and a card that lacks a word is never lifted above one that has them all.
    cards = _entry_cards(watched.page, f"{site_url}{root}", question)
    types = [card.locator(".ds-result__where").inner_text().split(" · ")[0] for card in cards]
    complete = [card.locator(".ds-result__lacks").count() == 0 for card in cards]
    assert type_name in types[:3], types
    assert complete == sorted(complete, reverse=True), complete
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "names"),
    [
        ("", "napari ou fiji tutoriel", ("napari", "fiji")),
        ("en/", "napari or fiji tutorial", ("napari", "fiji")),
    ],
)
def test_a_type_named_in_a_question_of_alternatives_lifts_no_entry_of_neither(
    watched: Watched, site_url: str, root: str, question: str, names: tuple[str, ...]
) -> None:
    # Each side's entries counted as having every word: "napari or fiji tutorial" lifted
    # Cellpose's tutorial, which names neither, to the third card.
    for card in _entry_cards(watched.page, f"{site_url}{root}", question)[:3]:
        text = card.inner_text().lower()
        assert any(name in text for name in names), text
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "tool"),
    [
        ("en/", "I'd like to train stardist on my images", "stardist"),
        ("en/", "my nuclei touch each other and StarDist merges them", "stardist"),
        ("", "des images similaires à celles de cellpose", "cellpose-dataset"),
        ("en/", "images similar to those of cellpose", "cellpose-dataset"),
        # A word of degree before other words than a quality, an adverb, a better word
        # before other words than "que": that tool.
        ("", "plus de noyaux que cellpose n'en trouve", "cellpose"),
        ("", "de plus, est-ce que cellpose gère la 3D ?", "cellpose"),
        ("", "j'aimerais mieux comprendre ce que cellpose fait", "cellpose"),
        ("en/", "more nuclei than stardist detects", "stardist"),
        ("en/", "how much more memory than cellpose does stardist need", "cellpose"),
        # A negation that excludes nothing: "pas" negates a verb far more often than it
        # excludes a tool ("je ne connais pas napari" showed NN-SVG, ITK-SNAP and OMERO).
        ("", "je ne connais pas napari", "napari"),
        ("", "pourquoi pas napari ?", "napari"),
        ("", "tutoriel pas à pas cellpose", "cellpose"),
        ("", '"sans napari"', "napari"),
        ("en/", "why not napari", "napari"),
        # What follows the name excluded is not excluded with it.
        ("", "segmentation sans napari dans fiji", "stardist-fiji"),
        ("en/", "segmentation without napari in fiji", "stardist-fiji"),
    ],
)
def test_a_word_that_only_may_ask_for_another_keeps_the_tool_named_first(
    watched: Watched, site_url: str, root: str, question: str, tool: str
) -> None:
    # "like", "other" and "similar" asked for another: StarDist's alternatives came first for
    # a reader who wants to train StarDist; "celles" was searched, and Cellpose's dataset came
    # fifth.
    page = watched.page
    page.goto(f"{site_url}{root}")
    found = _search_ids(page, question)
    assert tool in found[:3], found
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "opening", "answers"),
    [
        ("", "quelle méthode pour débruiter", "Quel", {"noise2void", "care"}),
        ("en/", "what is a neural network", "What", {"cheatography-neural-networks", "cs231n"}),
    ],
    ids=["french", "english"],
)
def test_the_word_that_opens_a_question_draws_no_faq_title_that_opens_with_it(
    watched: Watched, site_url: str, root: str, question: str, opening: str, answers: set[str]
) -> None:
    # Required, "quelle" gave "Quel classifieur après des features profondes ?" first, and
    # "what" "What batch size should I choose?".
    page = watched.page
    page.goto(f"{site_url}{root}")
    first = _search_ids(page, question)[:3]
    assert answers & set(first), first
    assert not [title for title in _result_titles(page)[:3] if title.startswith(opening)]


@pytest.mark.parametrize(
    ("root", "typed", "first", "never"),
    [
        # A slip: "cel"'s results, then "no entry has celp…", came before the correction.
        ("", "celpose", "Cellpose", "ne contient"),
        # A word being typed: "augmenta" is one letter from Augmend, and was put right.
        ("en/", "augmentation", "", "Augmend"),
    ],
    ids=["slip", "word-being-typed"],
)
def test_a_question_typed_key_by_key_is_shown_as_typed_or_put_right_never_half_way(
    watched: Watched, site_url: str, root: str, typed: str, first: str, never: str
) -> None:
    page = watched.page
    page.goto(f"{site_url}{root}")
    page.keyboard.press("/")
    # Every status the reader sees while typing.
    page.evaluate(
        """() => {
          const status = document.querySelector("#ds-search [data-ds-status]");
          window.dsSeen = [];
          new MutationObserver(() => window.dsSeen.push(status.textContent))
            .observe(status, { childList: true, characterData: true, subtree: true });
        }"""
    )
    page.locator("#ds-search [data-ds-input]").press_sequentially(typed, delay=60)
    results = page.locator("#ds-search [data-ds-results]")
    expect(results).to_have_attribute("data-ds-done", typed)
    seen = page.evaluate("window.dsSeen")
    assert not [status for status in seen if never in status], seen
    if first:
        titles = page.locator("#ds-search .ds-result__title").all_inner_texts()
        assert titles and titles[0].startswith(first), titles
    assert watched.errors == []


def test_a_result_card_shows_its_badge_and_more_results_look_like_a_button(
    watched: Watched, site_url: str
) -> None:
    # The dialog is outside Material's .md-typeset: the badge read as a word of the title,
    # "More results" as small plain text.
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}en/")
    _search(page, "cloud computing")
    badge = page.locator("#ds-search .ds-result .ds-badge").first
    assert badge.evaluate("b => getComputedStyle(b).borderTopStyle") == "solid"
    more = page.locator("#ds-search .ds-results__more")
    box = more.bounding_box()
    assert box is not None and box["height"] >= 40 and box["width"] > 300
    assert more.evaluate("b => getComputedStyle(b).borderTopStyle") == "solid"
    # The arrow keys reach it after the tenth card (they went on to the site's pages), and
    # Enter on it shows the next cards, the first of them focused.
    page.locator("#ds-search [data-ds-input]").focus()
    for _ in range(11):
        page.keyboard.press("ArrowDown")
    expect(more).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#ds-search .ds-result:nth-child(11) a")).to_be_focused()


@pytest.mark.parametrize(
    ("root", "question", "link"),
    [("", "zzzqqq", "page Explorer"), ("en/", "qqqzzz xxyyww", "Explore page")],
    ids=["french", "english"],
)
def test_a_search_that_finds_nothing_leads_to_explore(
    watched: Watched, site_url: str, root: str, question: str, link: str
) -> None:
    # "Try other words, or the Explore page" named the page without a way to it.
    page = watched.page
    page.goto(f"{site_url}{root}")
    assert _search(page, question) == []
    explore = page.locator("#ds-search [data-ds-status] a")
    expect(explore).to_have_text(link)
    explore.click()
    page.wait_for_url(f"{site_url}{root}explore/")
    expect(page.locator("[data-ds-explore][data-ready]")).to_be_attached()
    assert watched.errors == []


def _typeset_quotes(said: str) -> str:
    """French quotes as the page sets them, with their narrow no-break spaces."""
    return said.replace(" »", "\u202f»").replace("« ", "«\u202f")


def _absent_then_way_out(absent_said: str) -> re.Pattern[str]:
    """The status that says a word is in no entry, then offers the Explore page: ``absent_said``
    as typed ("« levure »"), French quotes with their narrow spaces."""
    said = _typeset_quotes(absent_said) + "."
    return re.compile(re.escape(said) + " .*(page Explorer|Explore page)")


@pytest.mark.parametrize(
    ("root", "named", "page"),
    [
        ("", "FAQ", "faq/"),  # and the FAQ's entries, which say "FAQ", under a heading
        ("", "contribuer", "contribute/"),  # no entry says it
        ("", "foire aux questions", "faq/"),  # no entry says "foire"
        ("", "about", "about/"),  # named in the other language
        ("en/", "statistics", "en/statistics/"),  # an entry's title says it too
        ("en/", "propose", "en/propose/"),
        ("en/", "about", "en/about/"),  # a name of stop words only
        # Names readers give a page that its title does not say (page_also_* in the
        # catalogues): "mots-clés" found nothing, "how to contribute" on a French page the
        # entries that say "how".
        ("", "mots-clés", "tags/"),
        ("en/", "keywords", "en/tags/"),
        ("", "how to contribute", "contribute/"),
        # With a word that only says it is a page (page_words in languages.yaml): the entries
        # that say "page" came, and not the page.
        ("", "page statistiques", "statistics/"),
        ("en/", "about page", "en/about/"),
        ("", "à propos du site", "about/"),
    ],
    ids=[
        "french-faq",
        "french-guide",
        "french-title",
        "french-other-language",
        "english",
        "english-form",
        "english-stop-words",
        "french-other-name",
        "english-other-name",
        "other-name-other-language",
        "french-page-word",
        "english-page-word",
        "french-site-word",
    ],
)
def test_a_page_of_the_site_named_comes_first(
    watched: Watched, site_url: str, root: str, named: str, page: str
) -> None:
    # "FAQ", "contribuer", "statistiques": the search said that no entry has the word and
    # showed nothing (the FAQ and Statistics pages were not indexed, the Contribute guide was
    # left out with the word and "contributor" offered), or showed Statistics under "more
    # results", after sixteen entries that say "statistics".
    tab = watched.page
    tab.goto(f"{site_url}{root}")
    status = tab.locator(SEARCH_STATUS)
    links = _search(tab, named)
    assert links[0] == f"{SUB_PATH}{page}", links
    # The page is the answer: no other words to try, nor the Explore page.
    other_words = re.compile(r"Vouliez-vous|Did you mean|Explore|[Ee]ssayez|\b[Tt]ry\b")
    expect(status).not_to_contain_text(other_words)
    headings = tab.locator("#ds-search .ds-results__heading").all_inner_texts()
    dialog = tab.locator("#ds-search")
    entries = dialog.locator(".ds-results:not(.ds-results--pages) a").count()
    assert headings == [dialog.get_attribute("data-ds-pages-text")] + (
        [dialog.get_attribute("data-ds-entries-text")] if entries else []
    )
    # Enter, typed before the results came, opens that first result.
    tab.keyboard.press("Escape")
    tab.keyboard.press("/")
    field = tab.locator("#ds-search [data-ds-input]")
    field.fill(named)
    field.press("Enter")
    expect(tab).to_have_url(re.compile(re.escape(f"{SUB_PATH}{page}") + "$"))
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "some"),
    [
        (
            "",
            "je débute en deep learning et je cherche une formation pour segmenter des cellules",
            "ont une partie des mots, aucune ne les a tous",
        ),
        (
            "en/",
            "my nuclei touch each other and StarDist merges them, what can I do?",
            "have some of the words, none has them all",
        ),
    ],
    ids=["french", "english"],
)
def test_the_count_says_when_no_entry_has_all_the_words(
    watched: Watched, site_url: str, root: str, question: str, some: str
) -> None:
    # "Results for “nuclei touch each other StarDist them”: 71 entries" read as if all had
    # the words; each had some.
    tab = watched.page
    tab.goto(f"{site_url}{root}")
    status = tab.locator(SEARCH_STATUS)
    assert _search(tab, question)
    expect(status).to_contain_text(some)
    tab.keyboard.press("Escape")
    assert _search(tab, "segmentation")
    expect(status).not_to_contain_text(some)
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "some", "among"),
    [
        (
            "",
            "imagerie du vivant phototoxicité",
            r"1 entrée avec tous les mots, \d+ avec certains d['’]entre eux",
            None,
        ),
        (
            "en/",
            "live imaging phototoxicity",
            r"1 entry with all the words, \d+ with some of them",
            None,
        ),
        (
            "",
            "GeForce ou Quadro pour entraîner des réseaux",
            r"\d entrées? avec tous les mots, \d+ avec certains d['’]entre eux",
            "choosing-a-gpu-2021",
        ),
        (
            "en/",
            "GeForce or Quadro for training networks",
            r"\d entr(y|ies) with all the words, \d+ with some of them",
            "choosing-a-gpu-2021",
        ),
    ],
    ids=["french", "english", "french-few-with-all", "english-few-with-all"],
)
def test_the_count_says_how_many_entries_have_all_the_words(
    watched: Watched, site_url: str, root: str, question: str, some: str, among: str | None
) -> None:
    # "111 entries": one had all three words, the others "imaging" alone.
    # When few entries have every word, those with most of them follow: three say "training"
    # and "networks" as well as GPU, and the one titled "Choosing a GPU in 2021: Quadro,
    # Ampere, GeForce compared", which does not, was not shown at all.
    tab = watched.page
    tab.goto(f"{site_url}{root}")
    links = _search(tab, question)
    assert links
    expect(tab.locator(SEARCH_STATUS)).to_contain_text(re.compile(some))
    if among is not None:
        assert any(link.endswith(f"#{among}") for link in links), links
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"])
def test_the_pages_come_after_the_entries_of_a_question_that_names_none(
    watched: Watched, site_url: str, root: str
) -> None:
    # "Pages that are not entries never outrank an entry that matches" (the Contribute guide
    # came first for "noyau", "GPU", "segmentation").
    tab = watched.page
    tab.goto(f"{site_url}{root}")
    links = _search(tab, "segmentation")
    pages = [link for link in links if "#" not in link]
    assert pages and "#" in links[0] and links.index(pages[0]) > 3, links
    assert watched.errors == []


def test_a_word_no_entry_has_is_said_as_typed(watched: Watched, site_url: str) -> None:
    # French "cerveau" is searched with its plural ("cerveaux", see terms in search.js): the
    # status said the reader had typed "cerveaux".
    page = watched.page
    page.goto(site_url)
    _search(page, "segmenter un cerveau")
    status = page.locator(SEARCH_STATUS)
    expect(status).to_contain_text("«\u202fcerveau\u202f»")
    expect(status).not_to_contain_text("cerveaux")
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "absent", "searched"),
    [
        ("en/", "segmentoid nuclei", "No entry has “segmentoid”", "Results for “nuclei”"),
        ("en/", "nuclei segmentoids", "No entry has “segmentoids”", "Results for “nuclei”"),
        ("", "noyaux segmentoïde", "contient «\u202fsegmentoïde\u202f»", "pour «\u202fnoyaux"),
    ],
)
def test_a_word_no_entry_has_is_said_absent_though_entries_begin_like_it(
    watched: Watched, site_url: str, root: str, question: str, absent: str, searched: str
) -> None:
    # Pagefind answers a word it has not with the longest beginning it has ("organoid" with
    # "organ…" of "organization"), and the entries were said to have it, as a form of their
    # word that differs by its end: the count said they all had every word. A form differs
    # by an ending ("segmenting", "segmentation"), not by any letters.
    page = watched.page
    page.goto(f"{site_url}{root}")
    _search(page, question)
    status = page.locator(SEARCH_STATUS)
    expect(status).to_contain_text(absent)
    expect(status).to_contain_text(searched)
    expect(page.locator(ENTRY_CARDS).first).to_be_visible()
    assert watched.errors == []


# Forms of the entries' words by an ending: "segmentation", "label", "study",
# "photoblanchiment", "débruiter", "code".
@pytest.mark.parametrize(
    ("root", "question"),
    [
        ("", "stardist sans coder"),
        ("en/", "segmenting nuclei"),
        ("en/", "labelling nuclei"),
        ("en/", "studies"),
        ("", "mes images photoblanchissent"),
        ("", "débruitage"),
        # Tenses and plurals the first endings missed ("segmenter", "utiliser", "local").
        ("", "un modèle qui segmentera les noyaux"),
        ("", "logiciel qui utilisera le GPU"),
        ("", "les outils locaux"),
        ("", "annotatrices"),
        ("en/", "time taken to train"),
    ],
)
def test_a_form_of_the_entries_word_is_not_said_absent(
    watched: Watched, site_url: str, root: str, question: str
) -> None:
    page = watched.page
    page.goto(f"{site_url}{root}")
    _search(page, question)
    expect(page.locator(SEARCH_STATUS)).not_to_contain_text("No entry has")
    expect(page.locator(SEARCH_STATUS)).not_to_contain_text("Aucune entrée ne contient")
    assert page.locator(ENTRY_CARDS).count() > 0


@pytest.mark.parametrize(
    ("root", "question", "said", "searched"),
    [
        ("en/", "deepcell", "No entry has “deepcell”", "Results for “deep cell”"),
        # No entry shown has a word of its beginning: a resource's name, then a word.
        ("en/", "stardistnapari", "No entry has “stardistnapari”", "Results for “stardist napari”"),
        (
            "",
            "apprentissageprofond",
            "ne contient «\u202fapprentissageprofond\u202f»",
            "apprentissage profond",
        ),
    ],
    ids=["english", "english-name-first", "french"],
)
def test_two_words_run_together_that_no_entry_has_are_said_absent_and_searched_apart(
    watched: Watched, site_url: str, root: str, question: str, said: str, searched: str
) -> None:
    # Pagefind answered "deepcell" (a tool the site does not list) as "deep": 64 entries
    # about deep learning, said to have it; the site's pages with "deep" came first too.
    page = watched.page
    page.goto(f"{site_url}{root}")
    _search(page, question)
    status = page.locator(SEARCH_STATUS)
    expect(status).to_contain_text(said)
    expect(status).to_contain_text(searched)
    expect(page.locator("#ds-search .ds-result").first).not_to_have_class(
        re.compile("ds-result--page")
    )
    # Another form of a word an entry has is not two words: "overfits" of "overfitting".
    page.keyboard.press("Escape")
    if root == "en/":
        _search(page, "my model overfits")
        expect(status).not_to_contain_text("No entry has")
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"])
def test_the_status_says_the_readers_words_back_as_text_and_a_pasted_page_shortly(
    watched: Watched, site_url: str, root: str
) -> None:
    page = watched.page
    page.goto(f"{site_url}{root}")
    status = page.locator(SEARCH_STATUS)
    # A reader's "{explore}" was made the Explore link ("Results for “cellExplore page”").
    _search(page, "zzyzx noyaux{explore}")
    expect(status).to_contain_text("noyaux{explore")  # its last sign aside, as typed
    expect(status.locator("a")).to_have_count(0)
    page.keyboard.press("Escape")
    # A pasted page was said back whole, in a live region a screen reader speaks.
    pasted = " ".join(f"zzq{letter}{other}" for letter in "abcdefgh" for other in "abcdefgh")
    _search(page, f"cellpose {pasted}")
    expect(status).to_contain_text("zzqaa")
    expect(status).to_contain_text("…")
    assert len(status.inner_text()) < 300
    page.keyboard.press("Escape")
    # A pasted word of 300,000 letters that Pagefind's French stemmer reads in a time that
    # grows as the square of its length: the search was busy for 26 s (expect waits 5).
    assert _search(page, "cellpose " + "aeiou" * 60_000 + "y")
    expect(status).to_contain_text("aeiouaeiou")
    expect(status).to_contain_text("cellpose")
    page.keyboard.press("Escape")
    # Words of many pieces, each stretch of which was looked up among the phrases the entries
    # say another way (see usualWords): 30 s.
    _search(page, " ".join(["b." * 50] * 48))
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "subject"),
    [
        # Typed on a phone, without hyphens: "faut" and "t" of "faut-il", "existe-t-il".
        ("", "faut il un gpu", "gpu"),
        ("", "existe t il un outil de suivi de cellules", "outil suivi cellules"),
        ("", "je dois segmenter des noyaux", "segmenter noyaux"),
        ("en/", "do i need a gpu", "gpu"),
        # Words that only hold a sentence together, searched as content: long FAQ answers,
        # which have them all, came first.
        ("en/", "they come out merged and then i have to split them", "merged split"),
        ("", "ca marche bien alors donc je segmente encore", "marche segmente"),
        # A lab chat's phrases (filler_words): "quand", "même", "demande" were searched, and
        # an FAQ entry that says them came before the segmentation tools.
        ("", "est-ce que quelqu'un sait segmenter des noyaux, à votre avis ?", "segmenter noyaux"),
        ("", "du coup je me demande quand même s'il existe un outil de suivi", "outil suivi"),
        ("en/", "by the way, does anyone know how to denoise images basically", "denoise images"),
        ("en/", "I was wondering if anyone knows a tool to track cells", "tool track cells"),
        # Words that ask to be shown what follows (request_words): "liste" and "list" found
        # the books first (their group's "reading list"), "donnez" every entry with "données".
        ("", "la liste des cours", "cours"),
        ("", "donnez-moi une liste de vidéos", "vidéos"),
        ("", "donne les vidéos", "vidéos"),
        ("en/", "list all courses", "courses"),
        ("en/", "give me a list of datasets", "datasets"),
        # Verbs that ask to be shown a kind of entry (showing_words, right before one): "voir"
        # and "display" are words of the visualisation group, "search" was searched.
        ("", "voir tous les cours", "cours"),
        ("", "afficher les tutoriels", "tutoriels"),
        ("en/", "search for courses", "courses"),
        ("en/", "display the tutorials", "tutorials"),
    ],
)
def test_the_words_that_only_frame_a_question_do_not_change_its_answers(
    watched: Watched, site_url: str, root: str, question: str, subject: str
) -> None:
    # "faut" was searched: the FAQ entries that say "faut-il" came before the GPUs.
    page = watched.page
    page.goto(f"{site_url}{root}")
    framed = _search(page, question)[:3]
    page.keyboard.press("Escape")
    assert framed == _search(page, subject)[:3]
    assert watched.errors == []


@pytest.mark.parametrize("question", ["mes images photoblanchissent", "mes cellules blanchissent"])
def test_a_verb_is_found_where_the_entries_have_its_noun(
    watched: Watched, site_url: str, question: str
) -> None:
    # Pagefind's stemmer reads "photoblanchissent" as "photoblanchiment", CARE's word; the
    # search said the verb absent and showed the results of "images" alone.
    page = watched.page
    page.goto(site_url)
    assert _search(page, question)[0].endswith("#care")
    status = page.locator(SEARCH_STATUS)
    expect(status).not_to_contain_text("Aucune entrée ne contient")
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question"),
    [
        ("", "segmentation cellules python julia"),
        ("en/", "cell segmentation python julia"),
        # Words in pieces that entries write whole or in words ("star-convex", "deep learning").
        ("", "objets star-convex en deep-learning"),
        ("en/", "star-convex deep-learning"),
    ],
    ids=["french", "english", "french-in-pieces", "english-in-pieces"],
)
def test_a_word_of_an_entry_below_the_first_cards_is_not_said_absent(
    watched: Watched, site_url: str, root: str, question: str
) -> None:
    # The entry that says "julia" has one word of four: it ranked below the ten cards shown,
    # whose text alone was read, and the status said "No entry has “julia”".
    page = watched.page
    page.goto(f"{site_url}{root}")
    status = page.locator(SEARCH_STATUS)
    assert _search(page, question)
    expect(status).not_to_contain_text(re.compile("Aucune entrée ne contient|No entry has"))
    expect(status).to_contain_text(re.compile(r"\d+ (entrées|entries)"))
    page.keyboard.press("Escape")
    assert any(link.endswith("#deep-learning-with-julia") for link in _search(page, "julia"))
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "answer"),
    [
        ("", "bugs fiji", "#image-sc-forum"),
        ("en/", "deep nets", "networks"),
        # A plural searched as an acronym too short to be said absent ("lr").
        ("en/", "learning rate lrs", "learning rate"),
    ],
    ids=["french", "english", "english-acronym"],
)
def test_a_short_plural_whose_singular_an_entry_says_is_not_said_absent(
    watched: Watched, site_url: str, root: str, question: str, answer: str
) -> None:
    # A short word's beginning is the whole word: "bugs" was said absent from the forums,
    # which say "bug", and "deep nets" was searched as "deep" (64 entries about anything deep).
    page = watched.page
    page.goto(f"{site_url}{root}")
    status = page.locator(SEARCH_STATUS)
    links = _search(page, question)
    expect(status).not_to_contain_text(re.compile("Aucune entrée ne contient|No entry has"))
    assert answer in " ".join(links[:3] + _result_titles(page)[:3]).lower()
    # The singular counts as a word, not as a beginning: Pagefind answers "logs" with every
    # French entry that says "logiciel", and no entry has "log".
    page.keyboard.press("Escape")
    _search(page, "logs")
    expect(status).to_contain_text(re.compile("Aucune entrée ne contient|No entry has"))
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "absent", "question", "absent_said"),
    [
        ("", "levure", "segmenter des noyaux de levure", "Aucune entrée ne contient « levure »"),
        ("en/", "zebrafish", "segment zebrafish nuclei", "No entry has “zebrafish”"),
        # A cell line's name, with digits; a short one (Pagefind searched "he").
        ("", "u2os", "segmenter des noyaux u2os", "Aucune entrée ne contient « u2os »"),
        ("en/", "hek", "segment hek nuclei", "No entry has “hek”"),
        # A word of the language that no entry has is not offered the English word it is one
        # letter from ("doable"); nor found in long texts whose words run together ("quand ou
        # bien" has "doub").
        ("", "double", "noyaux en double marquage", "Aucune entrée ne contient « double »"),
        # Not cut as French verbs are ("photoblanchissent"): "colle" is in "collection".
        ("en/", "colleagues", "segment nuclei with colleagues", "No entry has “colleagues”"),
        # Nor into a beginning many words have ("inter").
        (
            "",
            "interrompu",
            "segmenter des noyaux interrompu",
            "Aucune entrée ne contient « interrompu »",
        ),
    ],
    ids=[
        "french",
        "english",
        "french-digits",
        "english-short",
        "french-word-of-no-entry",
        "english-long-word",
        "french-long-word",
    ],
)
def test_a_word_that_no_entry_has_is_said_and_left_out(
    watched: Watched, site_url: str, root: str, absent: str, question: str, absent_said: str
) -> None:
    # Pagefind searched "levure" as "le" (every entry saying "le…"), and said nothing.
    page = watched.page
    page.goto(f"{site_url}{root}")
    status = page.locator(SEARCH_STATUS)
    assert _search(page, absent) == []
    # ...and a way out, when nothing else is left.
    expect(status).to_have_text(_absent_then_way_out(absent_said))
    page.keyboard.press("Escape")
    # So too after a quote left open (typed on the way to a phrase): read as a phrase, it
    # showed entries that say "z" for '"zebrafish', as if they had it.
    assert _search(page, f'"{absent}') == []
    expect(status).to_have_text(_absent_then_way_out(absent_said))
    page.keyboard.press("Escape")
    # Said once, as first typed, letter case aside (not "« levure » ni « LEVURE »").
    assert _search(page, f"{absent} {absent.upper()}") == []
    expect(status).to_have_text(_absent_then_way_out(absent_said))
    page.keyboard.press("Escape")
    # The other words are still searched.
    first = _search_ids(page, question)[:3]
    assert {"cellpose", "stardist"} & set(first), first
    expect(status).to_contain_text(absent_said.split(" ")[-1].strip("«»“”"))
    # ...and says what the results are for: the other words.
    expect(status).to_contain_text(re.compile("noyaux|nuclei"))
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "said"),
    [
        (
            "",
            "super-résolution",
            "Aucune entrée ne contient « super-résolution ». Résultats pour « super résolution »",
        ),
        (
            "en/",
            "super-resolution",
            "No entry has “super-resolution”. Results for “super resolution”",
        ),
    ],
    ids=["french", "english"],
)
def test_a_word_in_pieces_that_no_entry_has_is_said_and_searched_as_its_pieces(
    watched: Watched, site_url: str, root: str, question: str, said: str
) -> None:
    # Pagefind answered "super-résolution" with SLIC Superpixels alone, and said nothing.
    # Its pieces are searched instead: "stardist non-convex" finds StarDist's convex objects.
    page = watched.page
    page.goto(f"{site_url}{root}")
    _search(page, question)
    status = page.locator(SEARCH_STATUS)
    expect(status).to_contain_text(_typeset_quotes(said))
    page.keyboard.press("Escape")
    first = _search_ids(page, "stardist non-convex")[:3]
    assert {"stardist", "stardist-fiji"} & set(first), first
    # Another dash (a Mac's "–"), and pieces no entry has either: nothing, and a way out.
    page.keyboard.press("Escape")
    dashed = question.replace("-", "\u2013")
    _search(page, dashed)
    expect(status).to_contain_text(_typeset_quotes(said.split(".")[0].replace("-", "\u2013")))
    page.keyboard.press("Escape")
    assert _search(page, "qzxv-wzkq") == []
    expect(status).to_contain_text(re.compile("page Explorer|Explore page"))
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "absent_said", "offered", "answer"),
    [
        (
            "",
            "choix d'une carte grafique",
            "Aucune entrée ne contient « grafique »",
            # The question as typed, its elision too.
            "Vouliez-vous dire « choix d'une carte graphique » ?",
            "choosing-a-gpu-2021",
        ),
        # Two letters from the entries' word.
        (
            "en/",
            "denoise mircsocopy images",
            "No entry has “mircsocopy”",
            "Did you mean “denoise microscopy images”?",
            "care",
        ),
        # Nothing found at all, and the question mended has a word no entry has either: it
        # is offered first.
        (
            "",
            "noyeaux de levure",
            "Aucune entrée ne contient « noyeaux » ni « levure »",
            "Vouliez-vous dire « noyaux de levure » ?",
            "stardist",
        ),
        (
            "en/",
            "anotation yeast",
            "No entry has “anotation” or “yeast”",
            "Did you mean “annotation yeast”?",
            "annotatorj",
        ),
    ],
    ids=["french", "english", "french-alone", "english-alone"],
)
def test_a_word_typed_wrong_near_its_start_is_offered_as_the_entries_word(
    watched: Watched,
    site_url: str,
    root: str,
    question: str,
    absent_said: str,
    offered: str,
    answer: str,
) -> None:
    # Pagefind has no "grafique": the question was searched without it ("choix carte"), and
    # the reader was not told of "graphique". It is offered, not put in its place: most
    # words no entry has are real words ("conference" is two letters from "confluence"; a
    # long word one letter away is put right, see below).
    page = watched.page
    page.goto(f"{site_url}{root}")
    _search(page, question)
    status = page.locator(SEARCH_STATUS)
    expect(status).to_contain_text(_any_spaces(absent_said))
    status.get_by_role("button", name=_any_spaces(offered)).click()
    field = page.locator("#ds-search [data-ds-input]")
    expect(field).to_be_focused()
    searched = re.split("[«»“”]", offered)[1].strip()
    expect(field).to_have_value(searched)
    results = page.locator("#ds-search [data-ds-results]")
    expect(results).to_have_attribute("data-ds-done", searched)
    expect(status).not_to_contain_text(_any_spaces(absent_said))
    first = [
        str(link.get_attribute("href")).rsplit("#", 1)[-1] for link in results.locator("a").all()
    ]
    assert answer in first[:3], first
    # A word that no entry has and none is near: nothing offered.
    page.keyboard.press("Escape")
    _search(page, "segmenter des noyaux de levure" if not root else "segment zebrafish nuclei")
    expect(status.get_by_role("button")).to_have_count(0)
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "absent_said", "results_said", "answer"),
    [
        (
            "en/",
            "denoise micrsocopy images",
            "No entry has “micrsocopy”",
            "Results for “denoise microscopy images”",
            "care",
        ),
        (
            "",
            "anotation d'images",
            "Aucune entrée ne contient « anotation »",
            "Résultats pour « annotation d'images »",
            "annotatorj",
        ),
        # The field's English word, which French readers type and French entries translate
        # ("suivi"): not "training", a French entries' word as near.
        (
            "",
            "trakcing de cellules",
            "Aucune entrée ne contient « trakcing »",
            "Résultats pour « tracking de cellules »",
            "trackmate",
        ),
    ],
    ids=["english", "french", "french-borrowed"],
)
def test_a_long_word_one_letter_from_the_entries_word_is_put_right_beside_others(
    watched: Watched,
    site_url: str,
    root: str,
    question: str,
    absent_said: str,
    results_said: str,
    answer: str,
) -> None:
    # The question was searched without the slip and the right one only offered: "anotation
    # d'images" opened on the image.sc forum, found by "images" alone.
    page = watched.page
    page.goto(f"{site_url}{root}")
    found = _search_ids(page, question)
    status = page.locator(SEARCH_STATUS)
    expect(status).to_contain_text(_any_spaces(absent_said))
    expect(status).to_contain_text(_any_spaces(results_said))
    assert answer in found[:3], found
    # As typed, one click away: the other words' results, and the offer.
    status.get_by_role("button", name=re.compile("tel quel|as typed")).click()
    results = page.locator("#ds-search [data-ds-results]")
    expect(results).to_have_attribute("data-ds-done", question)
    expect(status).to_contain_text(_any_spaces(absent_said))
    expect(status).not_to_contain_text(_any_spaces(results_said))
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "offered"),
    [
        ("", "stimulation des neurones", "simulation des neurones"),
        ("en/", "macroscopic images", "microscopic images"),
        ("", "méthodes récentes de segmentation", "méthodes recettes de segmentation"),
        # A slip beside an exclusion, which the question put right was not read with: Fiji's
        # plugins came first.
        ("", "anotation d'images sans fiji", "annotation d'images sans fiji"),
    ],
)
def test_a_real_word_a_letter_from_the_entries_word_is_offered_not_put_in_its_place(
    watched: Watched, site_url: str, root: str, question: str, offered: str
) -> None:
    # A word no entry has is more often a real word than a slip: "stimulation" was searched
    # as "simulation", "macroscopic" as "microscopic", "récentes" as "recettes".
    page = watched.page
    page.goto(f"{site_url}{root}")
    _search(page, question)
    status = page.locator(SEARCH_STATUS)
    expect(status.get_by_role("button", name=_any_spaces(offered))).to_be_visible()
    expect(status).not_to_contain_text(re.compile(f"(Résultats pour|Results for) .{offered}"))
    assert watched.errors == []


@pytest.mark.parametrize("noun", ["données", "portée"])
def test_a_french_noun_in_ee_finds_the_entries_that_have_it(
    watched: Watched, site_url: str, noun: str
) -> None:
    # Searched as a participle's -é, "donné" began "dont", "portée" "port": 7 more entries
    # for "données", three for "portée" (ngrok, Google Colab). In quotes, the word as written.
    page = watched.page
    page.goto(site_url)
    _search(page, f'"{noun}"')
    counted = _status_numbers(page)
    page.keyboard.press("Escape")
    _search(page, noun)
    assert _status_numbers(page) == counted
    assert watched.errors == []


def test_a_french_noun_in_ee_is_not_searched_as_a_word_its_e_begins(
    watched: Watched, site_url: str
) -> None:
    # Of no verb the entries use: "journée" searched as "journé" found what says "journal",
    # and "traînées" (streaks) what says "training".
    page = watched.page
    page.goto(site_url)
    journal = _search_ids(page, "journal")
    page.keyboard.press("Escape")
    assert journal and _search_ids(page, "journée") != journal
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "first", "short"),
    [
        ("", "pile z", "#fiji-hyperstacks", "IA"),  # not "Installer TensorFlow de zéro"
        ("en/", "z stack", "#fiji-hyperstacks", "AI"),
    ],
    ids=["french", "english"],
)
def test_a_short_word_finds_first_the_entries_that_have_it_whole(
    watched: Watched, site_url: str, root: str, question: str, first: str, short: str
) -> None:
    # Pagefind also reads a word of one or two letters as the beginning of longer ones:
    # "IA" as "IAFIG" (a course came first), "z" as "zéro".
    page = watched.page
    page.goto(f"{site_url}{root}")
    assert _search(page, question)[0].endswith(first)
    page.keyboard.press("Escape")
    _search(page, short)
    for title in _result_titles(page)[:3]:
        assert re.search(rf"\b{short}\b", title), title
    page.keyboard.press("Escape")
    # Entries that have only a beginning of it ("em…" of "embeddings") do not have the word:
    # five were said to have every word of "EM segmentation".
    _search(page, "EM segmentation")
    expect(page.locator(SEARCH_STATUS)).to_contain_text(
        re.compile("aucune ne les a tous|none has them all")
    )
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "absent_said"),
    [
        ("", "levure en z", "Aucune entrée ne contient « levure »"),
        ("en/", "zebrafish in z", "No entry has “zebrafish”"),
    ],
    ids=["french", "english"],
)
def test_a_letter_left_alone_by_an_absent_word_is_not_searched(
    watched: Watched, site_url: str, root: str, question: str, absent_said: str
) -> None:
    # Without its absent word, the question was "z": Pagefind gave every entry with a word
    # that begins with z (the Zoo, Zooniverse, ZeroCostDL4Mic).
    page = watched.page
    page.goto(f"{site_url}{root}")
    assert _search(page, question) == []
    status = page.locator(SEARCH_STATUS)
    expect(status).to_have_text(_absent_then_way_out(absent_said))
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "name"),
    [
        ("", "installer cellpose", "Cellpose"),
        ("", "ilastik pour la segmentation", "ilastik"),
        ("en/", "install stardist", "StarDist"),
        ("en/", "napari plugins", "napari"),
    ],
)
def test_a_question_that_names_a_resource_shows_its_entry_among_the_first(
    watched: Watched, site_url: str, root: str, question: str, name: str
) -> None:
    # Pagefind requires every word: the resource's own entry, which does not say "install",
    # came after the entries that say both, or not at all.
    page = watched.page
    page.goto(f"{site_url}{root}")
    _search(page, question)
    titles = _result_titles(page)[:3]
    assert name in titles, titles
    assert watched.errors == []


def test_the_entry_a_question_names_whole_stays_before_the_resource_it_names(
    watched: Watched, site_url: str
) -> None:
    # "Cellpose dataset" is an entry of its own: the resource Cellpose comes after it.
    page = watched.page
    page.goto(f"{site_url}en/")
    _search(page, "cellpose dataset")
    titles = _result_titles(page)
    assert titles[:2] == ["Cellpose dataset", "Cellpose"], titles
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "names", "titled"),
    [
        ("", "napari ilastik ?", ["napari", "ilastik"], "StarDist pour Fiji"),  # a "?" apart
        ("en/", "ilastik napari", ["ilastik", "napari"], "StarDist for Fiji"),
    ],
)
def test_a_question_of_names_alone_shows_those_resources_first(
    watched: Watched, site_url: str, root: str, question: str, names: list[str], titled: str
) -> None:
    """Two tools named: their entries come first, in the question's order (the forum, whose
    description lists every tool, came first). An entry titled with every name stays first
    ("fiji stardist": StarDist for Fiji)."""
    page = watched.page
    page.goto(f"{site_url}{root}")
    _search(page, question)
    assert _result_titles(page)[:2] == names
    page.goto(f"{site_url}{root}")
    _search(page, "fiji stardist")
    assert _result_titles(page)[0] == titled
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "named"),
    [
        ("", "la version la plus récente de cellpose", "cellpose"),
        ("", "stardist est-il toujours maintenu", "stardist"),
        ("en/", "newest version of cellpose", "cellpose"),
        ("en/", "is stardist still maintained", "stardist"),
    ],
)
def test_a_resource_asked_about_as_it_is_now_opens_on_its_own_entry(
    watched: Watched, site_url: str, root: str, question: str, named: str
) -> None:
    # Its version, what is new in it, whether it is kept up: the reader asks for the resource.
    # A talk on Cellpose, its dataset, StarDist's plugin for Fiji came first.
    page = watched.page
    page.goto(f"{site_url}{root}")
    assert _search_ids(page, question)[0] == named
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "asked", "plain"),
    [
        ("", "existe-t-il un jeu de données de noyaux", "un jeu de données de noyaux"),
        ("", "peut-on annoter dans napari", "annoter dans napari"),
        ("", "y a-t-il un cours sur napari", "un cours sur napari"),
        (
            "",
            "je suis biologiste et j'aimerais compter des cellules",
            "biologiste compter cellules",
        ),
        ("en/", "I am a biologist and I cannot program", "biologist program"),
    ],
)
def test_a_question_s_light_words_change_nothing_found(
    watched: Watched, site_url: str, root: str, asked: str, plain: str
) -> None:
    # "existe-t-il", "peut-on": Pagefind searched "existe", "il", "peut" and "on", and the
    # entries with all the words of a dataset of nuclei went from four to one; "suis", "am"
    # were searched, and said back ("Results for “am biologist…”").
    page = watched.page
    page.goto(f"{site_url}{root}")
    assert _search_ids(page, asked) == _search_ids(page, plain)
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "questions", "named"),
    [
        ("", ["quelle carte graphique acheter", "glossaire"], "egi"),
        ("en/", ["cloud computing", "glossary"], "EGI"),
    ],
)
def test_a_resource_that_stopped_gives_its_place_unless_it_is_named(
    watched: Watched, site_url: str, root: str, questions: list[str], named: str
) -> None:
    """A service that stopped (its card's badge) came second for "quelle carte graphique
    acheter": it comes after the next two, still shown; so too for a word of its title
    ("glossaire"). Named, it comes first."""
    page = watched.page
    cards = page.locator(ENTRY_CARDS)
    for question in questions:
        page.goto(f"{site_url}{root}")
        _search(page, question)
        stopped = [at for at, card in enumerate(cards.all()) if card.locator(".ds-badge").count()]
        assert stopped and min(stopped) >= 2, (question, stopped)
    page.goto(f"{site_url}{root}")
    _search(page, named)
    expect(cards.first.locator(".ds-badge--discontinued")).to_be_visible()
    assert watched.errors == []


def test_a_question_with_a_word_of_two_letters_still_finds_the_other_word(
    watched: Watched, site_url: str
) -> None:
    # No entry has a word that begins with "iz" (a slip for "IA"): the entries with
    # "générative" follow, where there was nothing.
    page = watched.page
    page.goto(site_url)
    alone = _search_ids(page, "générative")
    page.goto(site_url)
    first = _search_ids(page, "IZ générative")[:3]
    # Those of "générative" (an entry that also has a word beginning with "iz" first).
    assert first and set(first) <= set(alone), (first, alone)


def test_an_faq_permalink_opens_its_entry(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(f"{site_url}faq/#why-cellpose-works-so-well")
    heading = page.locator("h3#why-cellpose-works-so-well")
    expect(heading).to_contain_text("Pourquoi Cellpose fonctionne-t-il si bien\u202f?")
    expect(heading).to_be_in_viewport()


def test_pages_make_no_request_elsewhere_and_log_no_error(watched: Watched, site_url: str) -> None:
    page = watched.page
    for path in ["", "en/", "categories/software/", "en/faq/", "tags/", "en/types/tool/", "about/"]:
        page.goto(f"{site_url}{path}")
        page.wait_for_load_state("networkidle")
    _search(page, "stardist")
    page.wait_for_load_state("networkidle")
    elsewhere = [url for url in watched.requests if urlsplit(url).hostname != "127.0.0.1"]
    assert elsewhere == []
    assert watched.errors == []


def test_search_is_reachable_on_a_phone(browser: Browser, site_url: str) -> None:
    with on_a_phone(browser) as page:
        page.goto(f"{site_url}en/")
        page.locator(".ds-search-open").click()
        dialog = page.locator("#ds-search")
        expect(dialog).to_be_visible()
        box = dialog.bounding_box()
        assert box is not None and box["width"] >= 385  # the dialog takes the whole screen
        page.locator("#ds-search [data-ds-input]").fill("ilastik")
        expect(page.locator("#ds-search .ds-result").first).to_be_visible()
        page.locator(".ds-search__close").click()
        expect(dialog).not_to_be_visible()


@pytest.mark.parametrize("start", ["", "en/"], ids=["french", "english"])
def test_on_a_phone_the_field_stays_in_view_over_the_results(
    browser: Browser, site_url: str, start: str
) -> None:
    """The results scroll under the field and the count: the whole dialog scrolled, and a
    reader who read down the results had to scroll back up to change the question."""
    with on_a_phone(browser) as page:
        page.goto(f"{site_url}{start}")
        page.locator(".ds-search-open").click()
        field = page.locator("#ds-search [data-ds-input]")
        field.fill("annotation")
        more = page.locator("#ds-search .ds-results__more")
        more.scroll_into_view_if_needed()  # the end of the first cards
        expect(more).to_be_in_viewport()
        expect(field).to_be_in_viewport(ratio=1)
        expect(page.locator(SEARCH_STATUS)).to_be_in_viewport(ratio=1)
        field.press("ArrowDown")  # the cards by keyboard, the field still there
        expect(page.locator("#ds-search .ds-result a").first).to_be_focused()
        expect(field).to_be_in_viewport(ratio=1)
        # A new question's results start at their first card, not where the last were read.
        more.scroll_into_view_if_needed()
        field.fill("segmentation")
        expect(page.locator("#ds-search [data-ds-results]")).to_have_attribute(
            "data-ds-query", "segmentation"
        )
        expect(page.locator("#ds-search .ds-result").first).to_be_in_viewport(ratio=1)


@pytest.mark.parametrize("start", ["", "en/"], ids=["french", "english"])
def test_on_a_phone_the_entry_a_permalink_opens_is_not_covered(
    browser: Browser, site_url: str, start: str
) -> None:
    with on_a_phone(browser, width=360, height=800) as page:
        for target in ("faq/#how-much-data", "categories/software/#stardist"):
            page.goto(f"{site_url}{start}{target}")
            heading = page.locator(f"h3#{target.split('#')[1]}")
            expect(heading).to_be_in_viewport()
            _assert_clear_of_back_to_top(page, heading)


def _visible_ids(page: Page) -> set[str]:
    ids = page.eval_on_selector_all(".ds-explore__list > li", "items => items.map(item => item.id)")
    return {str(item).removeprefix("explore-") for item in ids}


def _listed_ids(page: Page) -> list[str]:
    """The ids of the entries Explore lists, in their order."""
    ids = page.eval_on_selector_all(".ds-explore__list > li", "items => items.map(item => item.id)")
    return [str(item).removeprefix("explore-") for item in ids]


def _explore_entries(page: Page) -> dict[str, Any]:
    """The entries file of the Explore page open in ``page``."""
    return cast(dict[str, Any], page.request.get(page.url.split("?")[0] + "entries.json").json())


def _resource_names(page: Page, site_url: str) -> set[str]:
    """The resources' one-word names, as the search compares a reader's words with them."""
    return set(page.request.get(f"{site_url}search-names.json").json())


def _listed(value: object) -> list[str]:
    """An entry's values of a facet in Explore's file, which gives one as itself, none as
    nothing."""
    return (
        []
        if value is None
        else [str(one) for one in value]
        if isinstance(value, list)
        else [str(value)]
    )


def _open_explore(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")


def _each_task_s_list(
    page: Page, explore_url: str
) -> Iterator[tuple[str, str, list[str], dict[str, dict[str, Any]]]]:
    """For each task of the Explore page at ``explore_url``, its box ticked alone: the task,
    its name, the ids Explore lists, in order, and every entry of its file by id."""
    _open_explore(page, explore_url)
    listed = _explore_entries(page)
    entries = {entry["id"]: entry for entry in listed["entries"]}
    for task, name in listed["names"]["task"].items():
        _open_explore(page, f"{explore_url}?task={task}")
        yield task, name, _listed_ids(page), entries


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_combines_filters_keeps_them_in_the_address_and_clears(
    watched: Watched, site_url: str, root: str
) -> None:
    from deepscopie.knowledge_base import DataFiles, load_knowledge_base
    from tests.conftest import REPO

    base = load_knowledge_base(DataFiles.in_folder(REPO / "data"))
    every = {r.id for r in base.resources}
    software = {r.id for r in base.resources if r.category == "software"}
    software_tools = {r.id for r in base.resources if r.category == "software" and r.type == "tool"}
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    assert _visible_ids(page) == every
    # What the reader wants to do is open at first; the categories are a click away.
    expect(page.locator('input[name="task"]').first).to_be_visible()
    page.locator('details:has(fieldset[data-facet="category"]) > summary').click()
    page.locator('input[name="category"][value="software"]').check()
    assert _visible_ids(page) == software
    page.locator('details:has(fieldset[data-facet="type"]) > summary').click()  # collapsed at first
    page.locator('input[name="type"][value="tool"]').check()
    assert _visible_ids(page) == software_tools
    expect(page.locator("[data-ds-count]")).to_have_text(str(len(software_tools)))
    assert page.url.endswith("explore/?category=software&type=tool")

    page.reload()
    page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
    assert _visible_ids(page) == software_tools
    expect(page.locator('input[name="type"][value="tool"]')).to_be_checked()
    expect(page.locator('input[name="type"][value="tool"]')).to_be_visible()  # its list reopened

    page.locator(".ds-explore__filters button[type=reset]").click()
    expect(page.locator("[data-ds-count]")).to_have_text(str(len(every)))
    assert _visible_ids(page) == every
    assert page.url.endswith("explore/")
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "tag", "way", "remove"),
    [
        ("", "noyaux", "Sans programmer", "Retirer le filtre"),
        ("en/", "nuclei", "Without programming", "Remove the filter"),
    ],
    ids=["french", "english"],
)
def test_explore_shows_the_filters_set_and_removes_one_from_there_on_a_phone(
    browser: Browser, site_url: str, root: str, tag: str, way: str, remove: str
) -> None:
    # A shared address with filters showed "Filters (2)" alone on a phone: which were set,
    # and how to take one off, was in a long folded panel.
    with on_a_phone(browser) as page:
        _open_explore(page, f"{site_url}{root}explore/?tag=nuclei&way=no-programming&q=fiji")
        chips = page.locator(FILTER_CHIPS)
        expect(chips).to_have_count(3)
        expect(chips.nth(0)).to_have_text(re.compile(rf"^{tag}\s*✕$"))
        expect(chips.nth(1)).to_have_text(re.compile(rf"^{way}\s*✕$"))
        expect(chips.nth(2)).to_contain_text("fiji")
        expect(chips.nth(0)).to_be_in_viewport()
        before = int(page.locator("[data-ds-count]").inner_text())
        chips.nth(0).click()  # the tag goes
        expect(chips).to_have_count(2)
        expect(chips.nth(0)).to_be_focused()  # the next one, not the page's start
        expect(chips.nth(0)).to_have_attribute("aria-label", re.compile(f"^{remove} .*{way}"))
        assert int(page.locator("[data-ds-count]").inner_text()) > before
        assert "tag=" not in page.url and "way=no-programming" in page.url
        expect(page.locator('input[name="tag"][value="nuclei"]')).not_to_be_checked()
        chips.nth(1).click()  # the words go
        expect(chips).to_have_count(1)
        expect(page.locator(".ds-explore__search input")).to_have_value("")
        chips.nth(0).click()
        expect(page.locator("[data-ds-chips]")).to_be_hidden()
        expect(page.locator(".ds-explore__count")).to_be_focused()
        assert page.url.endswith("explore/")


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_a_cards_tag_filters_by_it_and_again_no_more(
    browser: Browser, site_url: str, root: str
) -> None:
    # The tags on the cards looked like buttons, and a reader who tapped one got nothing.
    with on_a_phone(browser) as page:
        _open_explore(page, f"{site_url}{root}explore/?task=segmentation")
        before = int(page.locator("[data-ds-count]").inner_text())
        tag = page.locator('[data-ds-list] [data-tag="nuclei"]').first
        expect(tag).to_have_attribute("aria-pressed", "false")
        tag.click()
        expect(page.locator(".ds-explore__count")).to_be_focused()  # it says what came
        after = int(page.locator("[data-ds-count]").inner_text())
        assert 0 < after < before
        assert page.url.endswith("explore/?task=segmentation&tag=nuclei")
        expect(page.locator(FILTER_CHIPS)).to_have_count(2)
        pressed = page.locator('[data-ds-list] [data-tag="nuclei"]')
        expect(pressed.first).to_have_attribute("aria-pressed", "true")
        pressed.first.click()  # pressed again: the filter goes
        expect(page.locator("[data-ds-count]")).to_have_text(str(before))
        assert page.url.endswith("explore/?task=segmentation")


def test_explore_a_tag_tapped_far_down_the_list_shows_the_new_list_from_its_start(
    browser: Browser, site_url: str
) -> None:
    # On a phone the count stays in the bar, always in view: focusing it scrolled nowhere,
    # and a reader who tapped a tag on the 40th card was left near the end of the new list.
    with on_a_phone(browser) as page:
        _open_explore(page, f"{site_url}explore/")
        tag = page.locator('[data-ds-list] > li:nth-child(n+40) [data-tag="python"]').first
        tag.scroll_into_view_if_needed()
        tag.click()
        page.wait_for_function("() => location.search.includes('tag=python')")
        expect(page.locator("[data-ds-list] > li").first).to_be_in_viewport()
        expect(page.locator(".ds-explore__count")).to_be_focused()


@pytest.mark.parametrize(
    ("root", "skip"),
    [("", "Aller aux résultats"), ("en/", "Skip to the results")],
    ids=["french", "english"],
)
def test_explore_the_keyboard_skips_from_the_filters_to_the_results(
    watched: Watched, site_url: str, root: str, skip: str
) -> None:
    # From the words' field to the first result took 69 tabs, the tags open.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    button = page.get_by_role("button", name=skip)
    expect(button).not_to_be_in_viewport()  # out of sight until the keyboard reaches it
    page.locator("[data-ds-sort]").focus()
    page.keyboard.press("Tab")
    expect(button).to_be_focused()
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box is not None and box["width"] > 40  # seen, not a 1 px square
    page.keyboard.press("Enter")
    first = page.locator(".ds-explore__list > li a").first
    expect(first).to_be_focused()
    expect(first).to_be_in_viewport()
    assert watched.errors == []


def test_explore_keeps_long_typed_words_within_a_narrow_screen(
    browser: Browser, site_url: str
) -> None:
    # A pasted address in the words (its chip, "search the whole site for …") made the page
    # four times as wide as a 320 px screen.
    with on_a_phone(browser, width=320, height=640) as page:
        _open_explore(page, f"{site_url}explore/?q=https://example.org/{'a' * 120}&tag=nuclei")
        expect(page.locator(FILTER_CHIPS)).to_have_count(2)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320


@pytest.mark.parametrize(
    ("root", "title", "named"),
    [
        ("", "Explorer - DeepScopie", r"^Segmenter, noyaux, « noyaux » - Explorer - DeepScopie$"),
        ("en/", "Explore - DeepScopie", r"^Segment, nuclei, “noyaux” - Explore - DeepScopie$"),
    ],
    ids=["french", "english"],
)
def test_explore_s_tab_title_says_the_filters_set(
    watched: Watched, site_url: str, root: str, title: str, named: str
) -> None:
    # In the tabs, the history and the bookmarks, every view of Explore had the same name.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?task=segmentation&tag=nuclei&q=noyaux")
    expect(page).to_have_title(_any_spaces_pattern(named))
    page.locator(".ds-explore__filters button[type=reset]").click()
    expect(page).to_have_title(title)
    assert watched.errors == []


def _any_spaces_pattern(pattern: str) -> re.Pattern[str]:
    """``pattern`` with any kind of space where it has one (French typography's narrow ones)."""
    return re.compile(pattern.replace(" ", r"\s"))


def test_explore_reads_a_filter_written_twice_in_an_address_as_one(
    watched: Watched, site_url: str
) -> None:
    # An address written by hand, or pasted twice into a link: two chips of one filter, and
    # "remove the last filter" took two clicks to change anything.
    page = watched.page
    _open_explore(page, f"{site_url}explore/?tag=nuclei&q=cellpose&tag=nuclei&q=cellpose")
    expect(page.locator(FILTER_CHIPS)).to_have_count(2)
    page.locator(FILTER_CHIPS).first.click()
    expect(page.locator(FILTER_CHIPS)).to_have_count(1)
    assert "tag=" not in page.url
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_back_undoes_the_last_filter_change_and_words_typed_are_one(
    watched: Watched, site_url: str, root: str
) -> None:
    page = watched.page
    page.goto(f"{site_url}{root}")
    _open_explore(page, f"{site_url}{root}explore/")
    every = _visible_ids(page)
    page.locator('details:has(fieldset[data-facet="category"]) > summary').click()
    page.locator('input[name="category"][value="software"]').check()
    software = _visible_ids(page)
    words = page.locator(".ds-explore__search input")
    # Letter by letter, each letter after the pause that filters: one change all the same.
    words.press_sequentially("cell", delay=250)
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'cell'")
    typed = _visible_ids(page)
    page.locator('input[name="task"][value="annotation"]').check()  # open at first
    assert page.url.endswith("explore/?category=software&q=cell&task=annotation")
    assert len(every) > len(software) > len(typed) > len(_visible_ids(page)) > 0

    page.go_back()
    expect(page).to_have_url(re.compile(r"explore/\?category=software&q=cell$"))
    expect(page.locator('input[name="task"][value="annotation"]')).not_to_be_checked()
    expect(words).to_have_value("cell")
    assert _visible_ids(page) == typed
    page.go_back()
    expect(page).to_have_url(re.compile(r"explore/\?category=software$"))
    expect(words).to_have_value("")
    assert _visible_ids(page) == software
    page.go_forward()
    expect(words).to_have_value("cell")
    assert _visible_ids(page) == typed
    page.go_back()
    page.go_back()
    expect(page).to_have_url(re.compile(r"explore/$"))
    expect(page.locator('input[name="category"][value="software"]')).not_to_be_checked()
    assert _visible_ids(page) == every
    page.go_back()  # and then the page the reader came from
    expect(page).to_have_url(f"{site_url}{root}")
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_back_undoes_a_sort_words_erased_and_each_time_words_are_typed(
    watched: Watched, site_url: str, root: str
) -> None:
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    first = page.locator("[data-ds-list] li").first
    by_relevance = first.get_attribute("id")
    page.locator("[data-ds-sort]").select_option("title")
    expect(page).to_have_url(re.compile(r"\?sort=title$"))
    page.go_back()
    expect(page.locator("[data-ds-sort]")).to_have_value("relevance")
    expect(first).to_have_id(str(by_relevance))
    # Words typed, then erased: no step of Back shows the same view again.
    words = page.locator(".ds-explore__search input")
    words.press_sequentially("deep", delay=150)
    expect(page).to_have_url(re.compile(r"\?q=deep$"))
    words.fill("")
    expect(page).to_have_url(re.compile(r"explore/$"))
    page.go_forward()  # the erased words' entry went
    expect(page).to_have_url(re.compile(r"\?q=deep$"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"explore/$"))
    # Words typed after the field was left are another entry.
    words.fill("napari")
    expect(page).to_have_url(re.compile(r"\?q=napari$"))
    words.blur()
    words.fill("stardist")
    expect(page).to_have_url(re.compile(r"\?q=stardist$"))
    page.go_back()
    expect(words).to_have_value("napari")
    assert watched.errors == []


def test_explore_filters_by_word_ignoring_accents(watched: Watched, site_url: str) -> None:
    page = watched.page
    _open_explore(page, f"{site_url}explore/")
    words = page.locator(".ds-explore__search input")
    keras, cellpose = page.locator("#explore-keras-applications"), page.locator("#explore-cellpose")
    # Typed without accents, or with them and in capitals: the same entries.
    for typed in ("entraines sur imagenet", "ENTRAÎNÉS sur ImageNet"):
        words.fill("cellpose")
        expect(keras).to_be_hidden()
        words.fill(typed)
        expect(keras).to_be_visible()
        expect(cellpose).to_be_hidden()


@pytest.mark.parametrize(
    ("facet", "value", "name"),
    [
        ("type", "dataset", "jeu de données"),
        ("category", "hardware", "matériel et puissance de calcul"),
    ],
)
def test_explore_finds_every_entry_of_a_type_or_category_typed_by_its_name(
    watched: Watched, site_url: str, facet: str, value: str, name: str
) -> None:
    # The name's little words ("de", "et") are left out of what is asked, and its words had
    # to follow one another in the text: "jeu de données" missed MNIST, a dataset.
    page = watched.page
    _open_explore(page, f"{site_url}explore/")
    page.locator(f'details:has(fieldset[data-facet="{facet}"]) > summary').click()
    box = page.locator(f'input[name="{facet}"][value="{value}"]')
    box.check()
    page.wait_for_function("v => location.search.includes(v)", arg=value)
    of_the_kind = _visible_ids(page)
    box.uncheck()
    page.wait_for_function("v => !location.search.includes(v)", arg=value)
    assert of_the_kind and of_the_kind <= _typed_in_explore(page, name)
    assert watched.errors == []


def test_explore_reads_a_phrase_s_word_of_one_letter_whole(watched: Watched, site_url: str) -> None:
    # With little words allowed between a phrase's words, "T cells" was found in "…the FAQ.
    # Cellpose" (five cards), "no annotation" in "nombre d'annotations".
    page = watched.page
    _open_explore(page, f"{site_url}en/explore/")
    _typed_in_explore(page, "T cells")
    for card in page.locator(".ds-explore__list > li").all_inner_texts():
        assert re.search(r"\bt\W+(?:\w{1,3}\W+){0,2}cell", card.lower()), card
    assert watched.errors == []


def test_explore_ranks_a_typed_word_where_words_begin_and_by_the_kind_it_names(
    watched: Watched, site_url: str
) -> None:
    # "formation" (a course) was in "Information", and a paper of that title came first; the
    # courses, which the word names through its synonyms, came last of 16.
    page = watched.page
    _open_explore(page, f"{site_url}explore/")
    _typed_in_explore(page, "formation")
    titles = page.locator(".ds-explore__list .ds-card__title").all_inner_texts()
    kinds = page.locator(".ds-explore__list .ds-explore__where").all_inner_texts()
    inside = [at for at, title in enumerate(titles) if "nformation" in title]
    courses = [at for at, kind in enumerate(kinds) if "Cours" in kind]
    assert courses and courses[0] < 3, list(zip(titles, kinds, strict=True))
    assert all(at > courses[0] for at in inside), titles


def _explore_saying(
    page: Page,
    explore_url: str,
    said: re.Pattern[str],
    unless: re.Pattern[str] | None = None,
    named: bool = False,
) -> set[str]:
    """The entries whose text, as the Explore page at ``explore_url`` reads it (folded),
    matches ``said`` (and not ``unless``); ``named``: with the names of its tasks, ways of
    working, category, type, tags and languages, which Explore reads too."""
    listed = page.request.get(f"{explore_url}entries.json").json()
    names = listed["names"]

    def text(entry: dict[str, Any]) -> str:
        if not named:
            return str(entry["text"])
        values = [
            names.get(facet, {}).get(value, "")
            for facet in ("task", "way", "category", "type", "tag", "language")
            for value in ([] if entry.get(facet) is None else [entry[facet]])
            for value in (value if isinstance(value, list) else [value])
        ]
        return f"{entry['text']} {without_accents(' '.join(values))}"

    return {
        entry["id"]
        for entry in listed["entries"]
        if said.search(text(entry)) and not (unless and unless.search(text(entry)))
    }


def _release_when_asked(page: Page, held: list[Route]) -> None:
    """Let the first request a route ``held`` go, once the page has made it."""
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert held
    held[0].continue_()


def _with_the_language_s_words(page: Page) -> None:
    """Once the French page's words have come (by which participles are read)."""
    page.evaluate("async () => { await window.deepscopie.formsOfTheLanguage(); }")


def _typed_in_explore(page: Page, words: str) -> set[str]:
    field = page.locator(".ds-explore__search input")
    field.fill(words)
    # Filtered after a short pause: the address says when the list is.
    page.wait_for_function(
        "q => new URLSearchParams(location.search).get('q') === q", arg=words or None
    )
    return _visible_ids(page)


@pytest.mark.parametrize(
    ("root", "requested", "asked"),
    [
        ("", "liste des cours", "cours"),
        # "moi" of a filler typed without its hyphen: Explore listed nothing.
        ("", "donne moi des vidéos", "vidéos"),
        ("en/", "list all the courses", "courses"),
    ],
)
def test_explore_lists_what_a_request_names(
    watched: Watched, site_url: str, root: str, requested: str, asked: str
) -> None:
    # "liste des cours" listed nothing (no entry says "liste"), and "list all the courses"
    # the books (their group's "reading list" gives them "list").
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    assert _typed_in_explore(page, requested) == _typed_in_explore(page, asked) != set()
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "read"),
    [
        ("", "s'abonner à la liste de diffusion", ["abonner", "liste", "diffusion"]),
        # The phrase's stop words aside, as its other readings do.
        ("", "liste diffusion ia", ["liste", "diffusion", "ia"]),
        ("", "mailing lists en français", ["mailing", "lists", "francais"]),
        ("en/", "any mailing lists?", ["mailing", "lists"]),
        # Nothing else said: the request words, without the stop words ("list all" is typed
        # on the way to "list all courses"; it was searched "list all").
        ("en/", "list all", ["list"]),
        ("en/", "give me a list", ["give", "list"]),
        ("", "liste des", ["liste"]),
        # A showing word says what the reader wants done but right before a kind of entry.
        ("", "afficher une pile 3D", ["afficher", "pile", "3d"]),
        ("", "trouver un outil de suivi", ["outil", "suivi"]),
        ("", "voir la liste des vidéos", ["videos"]),
        ("en/", "hyperparameter search", ["hyperparameter", "search"]),
        ("en/", "display multichannel images", ["display", "multichannel", "images"]),
        # Nor before a word of a kind's group that another group has too ("channel": video
        # channels, and the multichannel images'), nor in a synonym's phrase ("find a model").
        ("en/", "display channels", ["display", "channels"]),
        ("en/", "find a model", ["find", "model"]),
        ("", "afficher les données 3D", ["afficher", "donnees", "3d"]),
        ("", "voir les jeux de données", ["jeux", "donnees"]),
        ("en/", "watch videos", ["videos"]),
    ],
)
def test_the_words_that_ask_for_entries_are_searched_where_they_say_more(
    watched: Watched, site_url: str, root: str, question: str, read: list[str]
) -> None:
    # Left out of every question ("liste des cours"), "liste" would have made "liste de
    # diffusion" a question of "diffusion", and "mailing list" one of "mailing"; "afficher"
    # and "display" say what the reader wants done with the images.
    page = watched.page
    page.goto(f"{site_url}{root}")
    assert page.evaluate("q => window.deepscopie.askedFor(q)", question) == [read]
    assert watched.errors == []


def _french_explore_finds(page: Page, site_url: str, *typed: str) -> list[set[str]]:
    """What the French Explore page lists for each of ``typed``, in turn, once its language's
    words have come (by which it reads participles and verbs)."""
    _open_explore(page, f"{site_url}explore/")
    _with_the_language_s_words(page)
    return [_typed_in_explore(page, words) for words in typed]


@pytest.mark.parametrize(
    ("other_form", "masculine"),
    [("entraînées", "entraîné"), ("pre-entrainees", "pré-entraîné"), ("annotés", "annoté")],
)
def test_explore_finds_the_same_entries_for_a_french_participle_whatever_its_gender(
    watched: Watched, site_url: str, other_form: str, masculine: str
) -> None:
    # As the header's search reads it: "entraînées" found nothing, "entraîné" 33 entries.
    # (And a plural's singular, a whole word elsewhere, begins a participle's other forms.)
    # Read so once the language's words have come (the list is read again then).
    found, by_the_other_form = _french_explore_finds(watched.page, site_url, masculine, other_form)
    assert found and by_the_other_form == found
    assert watched.errors == []


def test_explore_reads_a_plural_s_short_singular_whole_not_as_a_beginning(
    watched: Watched, site_url: str
) -> None:
    # "logs" found the 60 French entries that say "logiciel", which search says lack it.
    page = watched.page
    _open_explore(page, f"{site_url}explore/")
    software = _typed_in_explore(page, "logiciel")
    assert software and not _typed_in_explore(page, "logs") & software
    assert watched.errors == []


@pytest.mark.parametrize(
    ("plural", "singular"), [("libraries", "library"), ("batches", "batch"), ("gpus", "gpu")]
)
def test_explore_finds_the_singular_of_a_plural_in_ies_es_or_us(
    watched: Watched, site_url: str, plural: str, singular: str
) -> None:
    # Read as French plurals in -s ("librarie", "batche"), and "gpus" as no plural, like
    # "virus", they missed the entries of the singular.
    page = watched.page
    _open_explore(page, f"{site_url}en/explore/")
    said_whole = re.compile(rf"\b{singular}\b")
    saying_it = _explore_saying(page, f"{site_url}en/explore/", said_whole)
    assert saying_it and saying_it <= _typed_in_explore(page, plural)
    assert watched.errors == []


def test_explore_reads_a_french_plural_that_is_also_english_s_english_singular_whole(
    watched: Watched, site_url: str
) -> None:
    # "classes", folded as the participle "classés", began "class" too: it listed the
    # entries of "classification" and "classique" that "classe" does not list.
    page = watched.page
    _open_explore(page, f"{site_url}explore/")
    _with_the_language_s_words(page)
    class_whole = re.compile(r"\bclass\b")
    saying_class = _explore_saying(page, f"{site_url}explore/", class_whole)
    french_singular = _typed_in_explore(page, "classe")
    found = _typed_in_explore(page, "classes")
    assert found and found <= french_singular | saying_class
    assert watched.errors == []


def test_explore_leaves_its_list_as_it_is_when_words_that_need_none_of_the_language_s_come(
    watched: Watched, site_url: str
) -> None:
    # English words typed on the French page ("deep learning") are read by the borrowed
    # verb endings, not by the French words: when these came, the list was drawn again all
    # the same, and a keyboard's focus on a card, or a place far down the list, was lost.
    page = watched.page
    held: list[Route] = []
    page.route("**/search-words-fr.json", lambda route: held.append(route))
    _open_explore(page, f"{site_url}explore/?q=deep+learning")
    link = page.locator("[data-ds-list] li a").nth(4)
    link.focus()
    _release_when_asked(page, held)
    _with_the_language_s_words(page)
    page.wait_for_timeout(300)  # what the words' arrival does is done
    expect(link).to_be_focused()
    assert watched.errors == []


@pytest.mark.parametrize("words", ["étiquetées", "cellpose"])
def test_explore_opened_with_words_shows_its_list_though_the_language_s_words_never_come(
    watched: Watched, site_url: str, words: str
) -> None:
    # The list waited for the French page's words whatever the address's words, and for
    # ever: a file that never came left a shared link's list blank and its field disabled.
    page = watched.page
    page.route("**/search-words-fr.json", lambda route: None)  # never answered
    page.goto(f"{site_url}explore/?q={words}")
    page.wait_for_selector("[data-ds-explore][data-ready]", state="attached", timeout=4000)
    expect(page.locator(".ds-explore__search input")).to_be_enabled()
    assert words == "étiquetées" or _visible_ids(page)
    page.unroute("**/search-words-fr.json")


def test_explore_reads_its_synonyms_again_when_the_language_s_words_come_late(
    watched: Watched, site_url: str
) -> None:
    # Words typed before the French words came (opened at an address with words, before the
    # list waited for them): the synonym groups were read then, their participles as
    # letters, and "sous-traités" found 1 entry of 2 for the rest of the visit.
    page = watched.page
    _open_explore(page, f"{site_url}explore/")
    _with_the_language_s_words(page)
    in_time = _typed_in_explore(page, "sous-traités")
    held: list[Route] = []
    page.route("**/search-words-fr.json", lambda route: held.append(route))
    _open_explore(page, f"{site_url}explore/")
    _typed_in_explore(page, "bruit")
    _release_when_asked(page, held)
    _with_the_language_s_words(page)
    assert in_time and _typed_in_explore(page, "sous-traités") == in_time
    assert watched.errors == []


def test_explore_ranks_a_title_that_a_plural_s_singular_begins_as_the_singular_does(
    watched: Watched, site_url: str
) -> None:
    # "labels" listed LabelImg and Labelme 22nd and 23rd (found for their group, the
    # singular being a whole word), "label" 1st and 2nd.
    page = watched.page
    _open_explore(page, f"{site_url}en/explore/")
    first = {}
    for typed in ("label", "labels"):
        _typed_in_explore(page, typed)
        ids = page.eval_on_selector_all(".ds-explore__list > li", "items => items.map(i => i.id)")
        first[typed] = set(ids[:5])
    assert {"explore-labelimg", "explore-labelme"} <= first["label"] & first["labels"], first
    assert watched.errors == []


@pytest.mark.parametrize(
    ("plural", "other_word"),
    [
        ("cours", "courbe"),
        ("temps", "template"),
        ("formats", "formation"),
        ("notes", "notebook"),
    ],
)
def test_explore_reads_a_plural_s_singular_whole_not_as_another_word_s_beginning(
    watched: Watched, site_url: str, plural: str, other_word: str
) -> None:
    # "cours" listed the entries about learning curves ("courbe"), "temps" Multi-Template-
    # Matching, "formats" the courses ("formation"), "notes" the notebooks: the singular is
    # a word of its own.
    page = watched.page
    _open_explore(page, f"{site_url}explore/")
    other_begun, said = (re.compile(rf"\b{w}") for w in (other_word, rf"{plural[:-1]}s?\b"))
    other = _explore_saying(page, f"{site_url}explore/", other_begun, unless=said)
    found = _typed_in_explore(page, plural)
    assert found and other and not found & other
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "form", "stem"),
    [
        ("en/", "counted", "count"),
        ("en/", "labelled", "label"),
        ("en/", "classified", "classif"),
        ("", "segmentant", "segment"),
        # Its own double consonant kept: read as "clas", too short a stem, it found nothing.
        ("", "classant", "class"),
        ("en/", "applying", "apply"),  # not "appl", too short, of "ying": "ing" leaves one
        ("", "labelled", "label"),  # English typed on the French pages, which borrow its words
    ],
)
def test_explore_reads_a_verb_s_form_as_its_verb(
    watched: Watched, site_url: str, root: str, form: str, stem: str
) -> None:
    # As search finds them (Pagefind's stemmer): "cells counted", "labelled images" found
    # nothing, though entries say "counting", "labels" and "labeling".
    page = watched.page
    explore = f"{site_url}{root}explore/"
    _open_explore(page, explore)
    if not root:
        _with_the_language_s_words(page)  # a French verb is one the language knows
    saying_the_verb = _explore_saying(page, explore, re.compile(rf"\b{stem}"), named=True)
    assert saying_the_verb and saying_the_verb <= _typed_in_explore(page, form)
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "form", "stem"),
    [("en/", "reading", "read"), ("en/", "scaling", "scal"), ("", "constant", "const")],
)
def test_explore_reads_a_short_verb_stem_as_no_other_word_s_beginning(
    watched: Watched, site_url: str, root: str, form: str, stem: str
) -> None:
    # "reading" is no "read" that begins "ready", nor "imaging" "imag" of "ImageJ": a stem
    # of fewer than five letters is too often another word's beginning. Nor is a French
    # word in -ant a verb's form unless the language knows the verb ("constant" listed an
    # entry that says "construire").
    page = watched.page
    explore = f"{site_url}{root}explore/"
    _open_explore(page, explore)
    if not root:
        _with_the_language_s_words(page)
    other = _explore_saying(page, explore, re.compile(rf"\b{stem}"), unless=re.compile(form))
    found = _typed_in_explore(page, form)
    assert other and not found & other
    assert watched.errors == []


@pytest.mark.parametrize(
    ("participle", "verb"),
    [("étiquetées", "étiqueter"), ("détectées", "détecter"), ("classées", "classer")],
)
def test_explore_finds_for_a_french_participle_what_its_verb_finds(
    watched: Watched, site_url: str, participle: str, verb: str
) -> None:
    # "données étiquetées" found nothing, though "étiqueter" is in the annotation group.
    by_the_verb, found = _french_explore_finds(watched.page, site_url, verb, participle)
    assert by_the_verb and by_the_verb <= found
    assert watched.errors == []


def test_explore_reads_a_verb_s_form_in_a_synonym_group_s_phrase_as_its_verb(
    watched: Watched, site_url: str
) -> None:
    # "mesurant la taille" found nothing, "mesurer la taille" (a phrase of the measuring
    # group) 6 entries.
    by_the_verb, found = _french_explore_finds(
        watched.page, site_url, "mesurer la taille", "mesurant la taille"
    )
    assert by_the_verb and by_the_verb <= found
    assert watched.errors == []


def test_explore_ranks_a_verb_s_form_said_as_typed_before_its_other_forms(
    watched: Watched, site_url: str
) -> None:
    # "trained networks" (models already trained) opened on "…Batch Training for Deep
    # Neural Networks" and "Learning Rate Policies for … Training": the five entries that
    # say "trained" came 6th to 24th.
    page = watched.page
    explore = f"{site_url}en/explore/"
    _open_explore(page, explore)
    _typed_in_explore(page, "trained networks")
    order = page.eval_on_selector_all(
        ".ds-explore__list > li", "items => items.map(item => item.id.replace('explore-', ''))"
    )
    saying_trained = _explore_saying(page, explore, re.compile(r"\btrained"), named=True)
    saying_trained &= set(order)
    assert saying_trained and len(order) > len(saying_trained)
    assert set(order[: len(saying_trained)]) == saying_trained
    assert watched.errors == []


def test_explore_reads_a_pasted_word_of_any_length_at_once(watched: Watched, site_url: str) -> None:
    # A pasted word of 300,000 letters made a pattern too large: Explore stopped, its count
    # left as it was. (And a French participle looked for from the word's start, in a time
    # that grows as the square of its length, kept the page busy for minutes.)
    page = watched.page
    _open_explore(page, f"{site_url}explore/")
    field = page.locator(".ds-explore__search input")
    field.fill("a" * 300_000 + "ee")
    expect(page.locator(".ds-explore__count")).to_contain_text(re.compile("^0 "))
    assert watched.errors == []


@pytest.mark.parametrize("run", ["-" * 20_000, "\u0301" * 20_000], ids=["hyphens", "accents"])
def test_explore_reads_a_word_with_a_long_run_of_punctuation_at_once(
    watched: Watched, site_url: str, run: str
) -> None:
    # A word's punctuation was taken off its end by a pattern tried again from each character
    # of the run: "c", 8,000 hyphens and "ell" froze the page for 5 s, 30,000 accents for
    # 144 s, at each change that followed.
    page = watched.page
    _open_explore(page, f"{site_url}explore/")
    field = page.locator(".ds-explore__search input")
    field.fill(f"zzqx{run}ell")
    expect(page.locator(".ds-explore__count")).to_contain_text(re.compile("^0 "))
    field.fill(f"zzqx{run}ells")  # and the next change, at once too
    expect(page.locator(".ds-explore__count")).to_contain_text(re.compile("^0 "))
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_the_search_reads_letters_as_pasted_from_a_pdf_or_another_script(
    watched: Watched, site_url: str, root: str
) -> None:
    # A ligature pasted from a PDF ("ﬂuorescence"), letters full width or in mathematical
    # bold, a direction control before a word: each found nothing, and the search said the
    # word was absent.
    page = watched.page
    page.goto(f"{site_url}{root}")
    for plain, pasted in [
        ("fluorescence", "\ufb02uorescence"),
        ("cellpose", "\uff43\uff45\uff4c\uff4c\uff50\uff4f\uff53\uff45"),  # full width
        (
            "cellpose",
            "\U0001d41c\U0001d41e\U0001d425\U0001d425\U0001d429\U0001d428\U0001d42c\U0001d41e",
        ),
        ("stardist", "\u202estardist"),
    ]:
        found = _search_ids(page, plain)
        page.keyboard.press("Escape")
        page.keyboard.press("/")
        page.locator("#ds-search [data-ds-input]").fill(pasted)
        # Searched as the plain letters, and said back so.
        results = page.locator("#ds-search [data-ds-results]")
        expect(results).to_have_attribute("data-ds-done", plain)
        links = [str(link.get_attribute("href")) for link in results.locator("a").all()]
        assert found and [link.rsplit("#", 1)[-1] for link in links] == found, pasted
        expect(page.locator(SEARCH_STATUS)).not_to_contain_text(pasted)
        page.keyboard.press("Escape")
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_reads_a_line_break_in_an_address_s_words_as_a_space(
    watched: Watched, site_url: str, root: str
) -> None:
    # A text field drops line breaks: "?q=fiji%0Astardist" was "fijistardist", which no
    # entry has, and the address was rewritten so.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?q=fiji%20stardist")
    spaced = _visible_ids(page)
    _open_explore(page, f"{site_url}{root}explore/?q=fiji%0D%0Astardist")
    expect(page.locator(".ds-explore__search input")).to_have_value("fiji stardist")
    assert spaced and _visible_ids(page) == spaced
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "tag_name", "plural", "either", "other_either"),
    [
        ("", "débutants", "noyaux", "napari ou fiji", "napari or fiji"),
        ("en/", "beginners", "cells", "napari or fiji", "napari ou fiji"),
    ],
    ids=["french", "english"],
)
def test_explore_words_find_what_the_cards_say_either_side_and_either_number(
    watched: Watched,
    site_url: str,
    root: str,
    tag_name: str,
    plural: str,
    either: str,
    other_either: str,
) -> None:
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?tag=beginners")
    tagged = _visible_ids(page)
    page.locator(".ds-explore__filters button[type=reset]").click()
    # The tag's name as the cards show it, in the page's language (not its id).
    assert tagged and tagged <= _typed_in_explore(page, tag_name)
    # A plural finds the entries that say it or its singular, and no more than the singular.
    said_whole = re.compile(rf"\b{plural[:-1]}{plural[-1]}?\b")
    saying_it = _explore_saying(page, f"{site_url}{root}explore/", said_whole)
    found = _typed_in_explore(page, plural)
    assert saying_it and saying_it <= found <= _typed_in_explore(page, plural[:-1])
    # Either of two tools, as the header's search reads the question.
    # Words begin where the entries' words begin: "AI" is not in "Paintera".
    assert "paintera" not in _typed_in_explore(page, "ai")
    napari, fiji = _typed_in_explore(page, "napari"), _typed_in_explore(page, "fiji")
    assert napari - fiji and fiji - napari
    assert _typed_in_explore(page, either) == napari | fiji
    # ...in the other language's words too: on an English page, "napari ou fiji" found
    # nothing (the entries that say "ou").
    assert _typed_in_explore(page, other_either) == napari | fiji
    # In quotes, the question is read whole, as the header's search reads it: every word.
    assert _typed_in_explore(page, f'"{either}"') <= napari & fiji
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "typed", "said", "unrelated"),
    [
        ("", "débruiter", "débruitage", None),
        ("en/", "denoise", "denoising", None),
        ("en/", "visualize", "visualisation", None),
        # A phrase of a group: word by word ("pleine", "stuck"), its words are in no entry's
        # text, and the list was empty. Nor an entry that has a word that only begins like
        # one of the group's: "collés" began "collects" (the Moral Machine collects
        # judgements), when the groups were looked for in the entries' words.
        ("", "image pleine de grain", "débruitage", None),
        ("en/", "cells stuck together", "touching objects", "moral-machine"),
    ],
)
def test_explore_reads_a_word_or_phrase_with_its_synonyms_as_the_search_does(
    watched: Watched, site_url: str, root: str, typed: str, said: str, unrelated: str | None
) -> None:
    # The entries say "denoising": a reader types "denoise" (data/vocabulary.yaml's groups).
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    found = _typed_in_explore(page, said)
    typed_found = _typed_in_explore(page, typed)
    assert found and found <= typed_found
    assert unrelated not in typed_found
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_undoes_the_words_typed_last(watched: Watched, site_url: str, root: str) -> None:
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?task=segmentation")
    segmentation = _visible_ids(page)
    _typed_in_explore(page, "zzzz")
    empty = page.locator("[data-ds-empty]")
    expect(empty).to_be_visible()
    empty.locator("[data-ds-undo]").click()
    # The words went, the box typed before them stays, and the focus is on the count.
    expect(page.locator(".ds-explore__search input")).to_have_value("")
    expect(page.locator('input[name="task"][value="segmentation"]')).to_be_checked()
    assert _visible_ids(page) == segmentation
    expect(page.locator(".ds-explore__count")).to_be_focused()
    assert page.url.endswith("explore/?task=segmentation")


@pytest.mark.parametrize(
    ("root", "little_word", "or_word"),
    [("", "de", "ou"), ("en/", "of", "or")],
    ids=["french", "english"],
)
def test_explore_undoes_the_last_word_typed_and_keeps_the_others(
    watched: Watched, site_url: str, root: str, little_word: str, or_word: str
) -> None:
    # "Remove the last filter" took every word away: from "segmentation zzzz", emptied by
    # its last word, the reader went back to the whole list, not to "segmentation".
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    field = page.locator(".ds-explore__search input")
    undo = page.locator("[data-ds-empty] [data-ds-undo]")
    segmentation = _typed_in_explore(page, "segmentation")
    _typed_in_explore(page, "segmentation zzzz")
    undo.click()
    expect(field).to_have_value("segmentation")
    assert segmentation and _visible_ids(page) == segmentation
    assert "q=segmentation" in page.url
    # A word that is not read (a stop word) goes with the last one read: one press widens
    # the list. A quote left open is closed.
    _typed_in_explore(page, f"segmentation zzzz {little_word}")
    undo.click()
    expect(field).to_have_value("segmentation")
    _typed_in_explore(page, '"segmentation zzzz"')
    undo.click()
    expect(field).to_have_value('"segmentation"')
    # Nor is a word left last that is not read: "zzzz ou yyyy" left "zzzz ou".
    _typed_in_explore(page, f"zzzz {or_word} yyyy")
    undo.click()
    expect(field).to_have_value("zzzz")
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "words"), [("", "cellpose"), ("en/", "denoise")], ids=["french", "english"]
)
def test_explore_opens_the_entry_clicked_right_after_typing(
    watched: Watched, site_url: str, root: str, words: str
) -> None:
    # The field left by the click, the list was drawn again under the pointer, which took
    # the click: the entry opened only at the second.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    _typed_in_explore(page, words)
    expect(page.locator(".ds-explore__search input")).to_be_focused()
    link = page.locator(".ds-explore__list > li a[href]").first
    address = link.evaluate("link => link.href")
    link.click()
    page.wait_for_url(address)
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "little_words", "read"),
    [
        ("en/", "segmentation des noyaux", "segmentation noyaux"),
        ("", "segmentation of the nuclei", "segmentation nuclei"),
    ],
    ids=["french-on-english-pages", "english-on-french-pages"],
)
def test_explore_reads_the_other_language_s_little_words(
    watched: Watched, site_url: str, root: str, little_words: str, read: str
) -> None:
    # On an English page, "quel GPU acheter" found no resource that says "quel" (the
    # other language's or-words: see test_explore_words_find_what_the_cards_say…).
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    listed = _typed_in_explore(page, read)
    assert listed and _typed_in_explore(page, little_words) == listed
    assert watched.errors == []


@pytest.mark.parametrize(
    ("question", "read"),
    [("cellpose's models", "cellpose models"), ("what’s napari", "napari")],
    ids=["possessive", "contraction"],
)
def test_explore_reads_an_english_apostrophe_s_as_the_search_does(
    watched: Watched, site_url: str, question: str, read: str
) -> None:
    # "cellpose's models" found no resource that says "cellpose's"; the header's search
    # found Cellpose's.
    page = watched.page
    _open_explore(page, f"{site_url}en/explore/")
    listed = _typed_in_explore(page, read)
    assert listed and _typed_in_explore(page, question) == listed
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "tools"),
    [
        ("", "stardist ou cellpose ou ilastik ou napari", "stardist cellpose ilastik napari"),
        ("en/", "cellpose, stardist or ilastik", "cellpose stardist ilastik"),
    ],
    ids=["french-four", "english-list"],
)
def test_explore_lists_the_entries_of_any_tool_of_a_list(
    watched: Watched, site_url: str, root: str, question: str, tools: str
) -> None:
    # Past three or-words, or with commas, a list of tools was read as one side: the entries
    # that say them all (the forum alone), or those of the last tool and of both others.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    either: set[str] = set()
    for tool in tools.split():
        either |= _typed_in_explore(page, tool)
    assert _typed_in_explore(page, question) == either
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "tool"),
    [
        ("", "la dernière version de stardist", "stardist"),
        ("en/", "is napari still maintained", "napari"),
    ],
)
def test_explore_lists_a_resource_asked_about_as_it_is_now(
    watched: Watched, site_url: str, root: str, question: str, tool: str
) -> None:
    # Every word was required, "dernière" and "version" too: the list was empty. Typed, and
    # from a shared address (read once the resources' names have come).
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    named = _typed_in_explore(page, tool)
    assert named and _typed_in_explore(page, question) == named
    page.reload()
    page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
    assert _visible_ids(page) == named
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_s_empty_list_says_what_taking_each_filter_off_would_show(
    watched: Watched, site_url: str, root: str
) -> None:
    # "Remove the last filter" alone took off the reader's task before the type that
    # emptied the list, and nothing said which filter did.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?q=segmentation&tag=nuclei&type=book")
    expect(page.locator("[data-ds-empty]")).to_be_visible()
    ways = page.locator(".ds-explore__ways button")
    said = {}
    for way in ways.all():
        read = re.fullmatch(r"\D+?[«“]\s*(.+?)\s*[»”] \((\d+) \w+\)", way.inner_text())
        assert read, way.inner_text()
        said[read.group(1)] = int(read.group(2))
    # Each filter whose taking off finds some: the book type, not the tag or the words.
    assert set(said) == {"Livre" if root == "" else "Book"}, said
    expect(page.locator("[data-ds-undo]")).to_be_hidden()
    ways.first.click()
    expect(page.locator(".ds-explore__count")).to_contain_text(str(next(iter(said.values()))))
    assert "type=book" not in page.url and "tag=nuclei" in page.url
    expect(page.locator(".ds-explore__count")).to_be_focused()
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "clear"), [("", "Tout effacer"), ("en/", "Clear all")], ids=["french", "english"]
)
def test_explore_takes_every_filter_off_from_beside_their_chips(
    watched: Watched, site_url: str, root: str, clear: str
) -> None:
    # "Clear all" was at the foot of the facets, out of sight on a laptop once a few were
    # open, and in the folded panel on a phone (a reader's review).
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    every = _visible_ids(page)
    _open_explore(page, f"{site_url}{root}explore/?task=segmentation")
    chips = page.locator(".ds-explore__chips")
    expect(chips.get_by_role("button", name=clear)).to_have_count(0)  # one filter: its own chip
    _open_explore(page, f"{site_url}{root}explore/?task=segmentation&tag=nuclei&q=noyaux")
    chips.get_by_role("button", name=clear).click()
    expect(page.locator(".ds-explore__count")).to_be_focused()
    expect(page.locator(".ds-explore__search input")).to_have_value("")
    assert page.url.endswith(f"{root}explore/")
    assert _visible_ids(page) == every
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "facet_name"),
    [("", "Ce que vous voulez faire"), ("en/", "What you want to do")],
    ids=["french", "english"],
)
def test_explore_says_which_filters_of_a_shared_address_it_does_not_apply(
    watched: Watched, site_url: str, root: str, facet_name: str
) -> None:
    # A link to a tag since renamed, or a value typed wrong ("?task=segmentaton"), showed
    # the list without it, unsaid: it looked filtered.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?tag=nuclei")
    with_the_tag = _visible_ids(page)
    _open_explore(page, f"{site_url}{root}explore/?task=segmentaton&tag=nuclei&tag=gone-tag")
    note = page.locator(".ds-explore__unknown")
    expect(note).to_be_visible()
    said = note.inner_text()
    assert f"segmentaton\N{NARROW NO-BREAK SPACE}» ({facet_name})" in said or (
        f"segmentaton” ({facet_name})" in said
    )
    assert "gone-tag" in said and "nuclei" not in said
    # The filters it has are applied, and are those its chips remove.
    assert _visible_ids(page) == with_the_tag
    expect(page.locator(FILTER_CHIPS)).to_have_count(1)
    # The reader's first change makes an address of the filters set alone: the note goes.
    page.locator(FILTER_CHIPS).click()
    expect(note).to_have_count(0)
    assert "segmentaton" not in page.url
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "more"), [("", "et 3 autres"), ("en/", "and 3 more")], ids=["french", "english"]
)
def test_explore_says_a_shared_address_s_unknown_filters_briefly_within_a_phone(
    browser: Browser, site_url: str, root: str, more: str
) -> None:
    # An address's empty values were said as « », a control character as an invisible one,
    # every one of 500 unknown tags was listed (the list 3,000 px down a phone), and one of
    # 61 letters made the page 452 px wide.
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    long_value = "x" * 61
    unknown = [long_value, *(f"gone-{n}" for n in range(6)), "a%00b"]
    query = "&".join(["task=", "tag=", *(f"tag={value}" for value in unknown)])
    _open_explore(page, f"{site_url}{root}explore/?{query}")
    said = page.locator(".ds-explore__unknown").inner_text()
    assert "xxxxxxxx" in said and "gone-3" in said and "gone-4" not in said, said
    assert said.rstrip(".").endswith(more), said
    assert re.search(r"[«“][\s\N{NARROW NO-BREAK SPACE}]*[»”]", said) is None, (
        said
    )  # no empty value
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert errors == []
    context.close()
    # A control character is said as a space.
    page = browser.new_page()
    _open_explore(page, f"{site_url}{root}explore/?tag=a%00b")
    said = page.locator(".ds-explore__unknown").inner_text()
    assert "a b" in said and "\x00" not in said, said
    page.close()


@pytest.mark.parametrize(
    ("root", "question", "rest", "tools"),
    [
        ("", "segmentation napari ou fiji", "segmentation", "napari fiji"),
        ("en/", "cellpose or stardist for nuclei", "nuclei", "cellpose stardist"),
        ("", "napari, fiji ou ilastik pour annoter", "annoter", "napari fiji ilastik"),
    ],
    ids=["french-before", "english-after", "french-list"],
)
def test_explore_reads_the_rest_of_a_question_of_alternatives_as_each_one_s(
    watched: Watched, site_url: str, root: str, question: str, rest: str, tools: str
) -> None:
    # "segmentation napari ou fiji" listed every entry of Fiji (the entries that say
    # "segmentation" and "napari", and those that say "fiji"); "cellpose or stardist for
    # nuclei" the entries that say both tools. The words around the names are each name's.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    either: set[str] = set()
    for tool in tools.split():
        either |= _typed_in_explore(page, f"{rest} {tool}")
    assert either
    _typed_in_explore(page, question)
    _listed_once_read(page, either)
    # ...and so from a shared address.
    _open_explore(page, f"{site_url}{root}explore/?q={quote(question)}")
    _listed_once_read(page, either)
    assert watched.errors == []


def _listed_once_read(page: Page, expected: set[str]) -> None:
    """Explore lists ``expected``, at once or once the resources' names, which its reading
    needs, have come (fetched beside the entries, waited for 1.5 s at most: a busy machine
    may draw the list before them, then again)."""
    ids = sorted(f"explore-{one}" for one in expected)
    listed = "ids => JSON.stringify([...document.querySelectorAll('.ds-explore__list > li')]"
    listed += ".map(item => item.id).sort()) === JSON.stringify(ids)"
    with contextlib.suppress(PlaywrightTimeout):  # (said by the assertion)
        page.wait_for_function(listed, arg=ids, timeout=5000)
    assert _visible_ids(page) == expected


def _of(entry: dict[str, Any], names: list[str], applications: set[str]) -> bool:
    """Whether an Explore entry is of the resources ``names``: titled with one, or a plugin
    of those alone (its tags that name ``applications``, see _resource_names)."""
    titled = set(re.findall(r"\w+", entry["title"].casefold())) & set(names)
    into = set(_listed(entry.get("tag"))) & applications
    plugin = "plugin" in _listed(entry.get("way")) and into and into <= set(names)
    return bool(titled or plugin)


@pytest.mark.parametrize(
    ("root", "question", "words", "named"),
    [
        ("", "alternative à ilastik", None, "ilastik"),
        ("en/", "something like labelimg", None, "labelimg"),
        ("", "un outil autre que fiji pour annoter", "annoter", "fiji"),
        ("en/", "pixel classification other than ilastik", "pixel classification", "ilastik"),
    ],
    ids=["french-alternative", "english-like", "french-other-than", "english-other-than"],
)
def test_explore_lists_what_else_does_the_job_of_a_resource_asked_another_of(
    watched: Watched, site_url: str, root: str, question: str, words: str | None, named: str
) -> None:
    # Explore required every word: "alternative à ilastik" found no resource that says
    # "alternative", "un outil autre que fiji pour annoter" none that says "outil", "autre"
    # and "fiji". Without other words, what does its job: its own entry's main task.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    applications = _resource_names(page, site_url)
    entries = {entry["id"]: entry for entry in _explore_entries(page)["entries"]}
    if words:
        _typed_in_explore(page, words)
    else:
        task = _listed(entries[named]["task"])[0]
        _open_explore(page, f"{site_url}{root}explore/?task={task}")
    wanted = {one for one in _visible_ids(page) if not _of(entries[one], [named], applications)}
    assert wanted and named not in wanted
    _typed_in_explore(page, question)
    # (Said once the resources' names have come, which the reading needs.)
    said = "(Pour|For) .+, (hors|leaving out)" if words is None else "^(Hors|Leaving out)"
    expect(page.locator(".ds-explore__count")).to_contain_text(re.compile(said))
    expect(page.locator(".ds-explore__count")).to_contain_text(re.compile(named, re.I))
    assert _visible_ids(page) == wanted
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "job", "excluded"),
    [
        ("", "segmentation sans cellpose", "segmentation", "cellpose"),
        ("en/", "tracking but not trackmate", "tracking", "trackmate"),
        ("", "annoter sans napari ni labelme", "annoter", "napari labelme"),
        ("en/", "segmentation without fiji", "segmentation", "fiji"),
        # "et" joins them as "ni" does: StarDist was asked for.
        ("", "segmentation hormis cellpose et stardist", "segmentation", "cellpose stardist"),
        # A stop word apart, or a minus before the name, as in a web search engine.
        ("", "segmentation mais pas avec fiji", "segmentation", "fiji"),
        ("en/", "segmentation -fiji", "segmentation", "fiji"),
        # A not word first.
        ("", "pas de cellpose pour la segmentation", "segmentation", "cellpose"),
    ],
    ids=[
        "french",
        "english-but-not",
        "french-two",
        "english-plugins",
        "french-and",
        "french-apart",
        "english-minus",
        "french-not-first",
    ],
)
def test_explore_leaves_out_the_resources_the_words_exclude(
    watched: Watched, site_url: str, root: str, question: str, job: str, excluded: str
) -> None:
    # "segmentation sans napari" listed the entries that say both words, none: Explore reads
    # an exclusion as the header's search does, and says what it leaves out.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    count_line = page.locator(".ds-explore__count")
    names = excluded.split()
    applications = _resource_names(page, site_url)
    entries = {entry["id"]: entry for entry in _explore_entries(page)["entries"]}
    _typed_in_explore(page, job)
    wanted = [one for one in _listed_ids(page) if not _of(entries[one], names, applications)]
    assert wanted and len(wanted) < len(_listed_ids(page)), wanted
    # Typed (the resources' names are fetched then), and from a shared address.
    for opened in (False, True):
        if opened:
            page.reload()
            page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
        else:
            _typed_in_explore(page, question)
        expect(count_line).to_contain_text(re.compile("^(Hors|Leaving out) .+:"))
        for name in names:
            expect(count_line).to_contain_text(re.compile(name, re.I))
        assert _listed_ids(page) == wanted
    assert watched.errors == []


def test_explore_shows_which_filter_has_the_keyboard_focus(watched: Watched, site_url: str) -> None:
    # Material takes the outline off form fields: the word field and the boxes get one.
    page = watched.page
    _open_explore(page, f"{site_url}explore/")
    outline = "() => getComputedStyle(document.activeElement).outlineStyle"
    page.locator(".ds-explore__search input").focus()
    assert page.evaluate(outline) != "none"
    # A facet's heading: a ring drawn inside it (outside, the facet's box clipped it).
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
    ring = "() => [getComputedStyle(document.activeElement).outlineWidth, getComputedStyle(document.activeElement).outlineOffset]"
    width, offset = page.evaluate(ring)
    assert float(width.removesuffix("px")) >= 2 and float(offset.removesuffix("px")) < 0
    for _ in range(20):  # to the first box, through the facets' headings
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.type") == "checkbox":
            break
    assert page.evaluate("() => document.activeElement.type") == "checkbox"
    assert page.evaluate(outline) != "none"


def test_explore_without_javascript_points_to_every_category(
    browser: Browser, site_url: str
) -> None:
    from deepscopie.knowledge_base import DataFiles, load_knowledge_base
    from tests.conftest import REPO

    categories = load_knowledge_base(DataFiles.in_folder(REPO / "data")).vocabulary.categories
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}en/explore/")
    expect(page.locator("[data-ds-filters]")).to_be_hidden()
    fallback = page.locator("[data-ds-fallback]")
    expect(fallback).to_contain_text("The filters need JavaScript")
    hrefs = fallback.locator("a").evaluate_all("links => links.map(link => link.href)")
    assert hrefs == [f"{site_url}en/categories/{c.id}/" for c in categories]
    context.close()


def test_explore_shows_a_batch_at_a_time(watched: Watched, site_url: str) -> None:
    """At 10,000 entries only a batch becomes elements; "show more" adds the next one and
    moves the keyboard focus to its first entry. (The page's batch is made smaller here, so
    that today's data spans several.)"""
    page = watched.page

    def smaller_batch(route: Route) -> None:
        response = route.fetch()
        body = response.text().replace('data-ds-batch="200"', 'data-ds-batch="50"')
        route.fulfill(response=response, body=body)

    page.route("**/en/explore/", smaller_batch)
    _open_explore(page, f"{site_url}en/explore/")
    total = int(page.locator("[data-ds-count]").inner_text())
    assert total > 100
    items, more = page.locator(".ds-explore__list > li"), page.locator("[data-ds-more]")
    expect(items).to_have_count(50)
    expect(more).to_have_text(f"Show 50 more ({total - 50} left)")
    more.click()
    expect(items).to_have_count(100)
    expect(page.locator(".ds-explore__list > li:nth-child(51) a")).to_be_focused()
    while more.is_visible():
        more.click()
    expect(items).to_have_count(total)
    page.locator('details:has(fieldset[data-facet="category"]) > summary').click()
    page.locator('input[name="category"][value="software"]').check()  # a new view starts over
    software = int(page.locator("[data-ds-count]").inner_text())
    expect(items).to_have_count(min(50, software))
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "last_one", "last_two"),
    [
        ("", "Afficher la dernière", "Afficher les 2 dernières"),
        ("en/", "Show the last one", "Show the last 2"),
    ],
    ids=["french", "english"],
)
def test_explore_says_the_last_batch_is_the_last(
    watched: Watched, site_url: str, root: str, last_one: str, last_two: str
) -> None:
    """The button of the last batch says what it shows, in the right number: one entry left
    read "Afficher 1 de plus (1 restantes)"."""
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    total = int(page.locator("[data-ds-count]").inner_text())
    more = page.locator("[data-ds-more]")

    def batch_leaving(left: int) -> Callable[[Route], None]:
        def smaller_batch(route: Route) -> None:
            response = route.fetch()
            body = response.text().replace('data-ds-batch="200"', f'data-ds-batch="{total - left}"')
            route.fulfill(response=response, body=body)

        return smaller_batch

    for left, said in ((1, last_one), (2, last_two)):
        page.route(f"**/{root}explore/", batch_leaving(left))
        _open_explore(page, f"{site_url}{root}explore/")
        expect(more).to_have_text(said)
        more.click()
        expect(page.locator(".ds-explore__list > li")).to_have_count(total)
        expect(more).to_be_hidden()
        page.unroute(f"**/{root}explore/")
    assert watched.errors == []


def test_explore_says_so_when_its_entries_cannot_be_loaded(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.route("**/entries.json", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(f"{site_url}explore/")
    fallback = page.locator("[data-ds-fallback]")
    expect(fallback).to_contain_text("La liste n'a pas pu être chargée")
    expect(fallback.locator("a").first).to_be_visible()
    expect(page.locator("[data-ds-filters]")).to_be_hidden()
    expect(page.locator("[data-ds-bar]")).to_be_hidden()  # no count of a list not there
    context.close()


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_asks_for_its_entries_once_as_the_page_is_read(
    browser: Browser, site_url: str, root: str
) -> None:
    # The entries are most of what Explore downloads (1.6 MB at 10,000): asked for by the page
    # itself, before its script has even arrived, and fetched once (a preload is fetched
    # twice by Safari).
    context = browser.new_context()
    page = context.new_page()
    asked: list[str] = []
    page.on(
        "request", lambda request: asked.append(request.url) if "entries" in request.url else None
    )
    held: list[Route] = []
    page.route("**/javascripts/explore.js", lambda route: held.append(route))
    page.goto(f"{site_url}{root}explore/", wait_until="commit")
    for _ in range(100):
        if asked and held:
            break
        page.wait_for_timeout(50)
    entries = f"{site_url}{root}explore/entries.json"
    assert held and asked == [entries]  # Explore's script held back, its entries on the way
    held[0].continue_()
    page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
    expect(page.locator(".ds-explore__list > li").first).to_be_visible()
    assert asked == [entries]
    context.close()


# What the reader sees move by itself while a page loads (the Layout Instability API's
# layout shifts not caused by input, summed as Lighthouse's cumulative layout shift).
_LAYOUT_SHIFT = """() => new Promise((done) => {
  new PerformanceObserver((list) => done(list.getEntries()
    .filter((shift) => !shift.hadRecentInput)
    .reduce((sum, shift) => sum + shift.value, 0)))
    .observe({ type: "layout-shift", buffered: true });
  setTimeout(() => done(0), 1000);  // none at all: no entry to report
})"""


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "wide"])
def test_explore_does_not_move_when_its_entries_arrive(
    browser: Browser, site_url: str, width: int
) -> None:
    """The count, the filters and the list take their places from the first paint: the cards
    arriving (late here, on purpose) push nothing in view (the footer did, 0.17 on a phone,
    which took 8 points off Lighthouse's performance score)."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()

    def late(route: Route) -> None:
        page.wait_for_timeout(600)  # the page has been painted meanwhile
        route.continue_()

    page.route("**/entries.json", late)
    page.goto(f"{site_url}en/explore/")
    page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
    expect(page.locator(".ds-explore__list > li").first).to_be_visible()
    page.wait_for_timeout(200)  # the last frame laid out
    assert page.evaluate(_LAYOUT_SHIFT) < 0.02
    # Once the reader changes the filters, a short result is followed by the footer, not by
    # the screen's height kept for the cards to come.
    toggle, show = page.locator("[data-ds-toggle]"), page.locator("[data-ds-show]")
    if toggle.is_visible():  # a phone: the filters are in their panel
        toggle.click()
    _tick(page, "category", "courses")
    if show.is_visible():
        show.click()
    last_card = page.locator(".ds-explore__list > li").last.bounding_box()
    footer = page.locator("footer.md-footer").bounding_box()
    assert last_card is not None and footer is not None
    assert footer["y"] - (last_card["y"] + last_card["height"]) < 200
    context.close()


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_escape_folds_explore_s_filters_on_a_narrow_screen_back_to_their_button(
    browser: Browser, site_url: str, root: str
) -> None:
    # The folded panel of filters opened with its button, and Escape did nothing: a
    # keyboard in a narrow window had to find the button again, 60 tabs back.
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    _open_explore(page, f"{site_url}{root}explore/")
    toggle, field = page.locator("[data-ds-toggle]"), page.locator(".ds-explore__search input")
    toggle.click()
    field.fill("cellpose")
    # In the words' field, Escape first empties it, as in any search field.
    field.press("Escape")
    expect(field).to_have_value("")
    expect(field).to_be_visible()
    # ...and no more: the field is over the panel, not in it (it folded the panel and took
    # the focus away to the bar).
    field.press("Escape")
    expect(page.locator("[data-ds-filters]")).to_be_visible()
    expect(field).to_be_focused()
    page.locator('input[name="task"]').first.focus()
    page.keyboard.press("Escape")
    expect(page.locator("[data-ds-filters]")).to_be_hidden()
    expect(toggle).to_be_focused()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    context.close()


def test_explore_s_choices_are_read_down_one_to_a_line_on_a_laptop(
    browser: Browser, site_url: str
) -> None:
    # Side by side, a box sat right after the count of the choice before it ("Segment 18 ☐
    # Detect objects +2"), and the lines were ragged. (The tags, short words in a box of
    # their own, may share a line.)
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(f"{site_url}en/explore/?task=segmentation")
    page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
    page.evaluate("document.querySelectorAll('.ds-explore__facet').forEach(f => f.open = true)")
    lefts = page.eval_on_selector_all(
        '.ds-explore__filters fieldset:not([data-facet="tag"]) label:not(.ds-explore__sub)',
        "labels => labels.map(label => [label.closest('fieldset').dataset.facet,"
        " Math.round(label.querySelector('input').getBoundingClientRect().left)])",
    )
    assert len(lefts) > 20
    for facet in {facet for facet, _ in lefts}:
        assert len({left for one, left in lefts if one == facet}) == 1, (facet, lefts)
    page.close()


def test_explore_s_choices_are_big_enough_to_tap_on_a_phone(
    browser: Browser, site_url: str
) -> None:
    """On a touch screen each filter choice is a row of its own, high enough to tap the one
    meant (rows of 22 px, two short choices to a line, 13 px boxes), and the tags scroll with
    the page rather than in a box of their own."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(f"{site_url}explore/")
    page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
    page.locator("[data-ds-toggle]").click()
    page.evaluate("document.querySelectorAll('.ds-explore__facet').forEach(f => f.open = true)")
    sizes = page.eval_on_selector_all(
        ".ds-explore__filters fieldset label",
        """labels => labels.map(label => {
          const box = label.querySelector("input[type=checkbox]").getBoundingClientRect();
          const row = label.getBoundingClientRect();
          return [label.textContent.trim(), row.height, box.width, row.top];
        })""",
    )
    assert len(sizes) > 20
    assert all(height >= 32 and box >= 18 for _, height, box, _ in sizes), sizes
    # One to a row: no two choices side by side.
    tops = [top for *_, top in sizes]
    assert len(set(tops)) == len(tops)
    overflow = page.eval_on_selector(
        '.ds-explore__filters fieldset[data-facet="tag"]', "f => getComputedStyle(f).maxHeight"
    )
    assert overflow == "none"
    context.close()


@pytest.mark.parametrize("script", ["explore.js", "search.js"])
def test_explore_gives_its_links_back_when_its_script_does_not_run(
    browser: Browser, site_url: str, script: str
) -> None:
    """From the first paint the links of the page without script are hidden where scripting is
    on: if Explore's script cannot run (not loaded, or without search.js's helpers), they come
    back instead of a count with nothing under it."""
    context = browser.new_context()
    page = context.new_page()
    page.route(f"**/assets/javascripts/{script}", lambda route: route.abort())
    page.goto(f"{site_url}en/explore/")
    fallback = page.locator("[data-ds-fallback]")
    expect(fallback).to_contain_text("The list could not be loaded")
    expect(fallback.locator("a").first).to_be_visible()
    expect(page.locator("[data-ds-bar]")).to_be_hidden()
    context.close()


def test_search_is_ready_before_it_is_asked_for_unless_the_reader_saves_data(
    browser: Browser, site_url: str
) -> None:
    """Once a page has loaded, search's engine is fetched, so that a question pasted at once
    is answered without waiting for it; a reader who saves data (or on a slow link) does not
    pay for it until they open search."""
    for saves_data in (False, True):
        context = browser.new_context()
        if saves_data:
            context.add_init_script(
                "Object.defineProperty(navigator, 'connection', {value: {saveData: true}})"
            )
        page = context.new_page()
        watched = Watched(page)
        page.goto(f"{site_url}en/about/", wait_until="load")
        page.wait_for_timeout(2000)  # the engine's requests are made meanwhile
        warmed = any("/pagefind/" in url for url in watched.requests)
        assert warmed is not saves_data, f"saves data: {saves_data}: {watched.requests}"
        if saves_data:
            _search(page, "cellpose")  # search still works: fetched when asked for
        context.close()


def test_keys_typed_while_search_loads_are_kept(watched: Watched, site_url: str) -> None:
    """Pagefind is fetched when search opens: what the reader types meanwhile goes into the
    search (and "n", "p" do not turn the page, as Material's shortcuts would)."""
    page = watched.page

    def slow(route: Route) -> None:
        page.wait_for_timeout(600)
        route.continue_()

    page.route("**/pagefind/pagefind.js", slow)
    page.goto(f"{site_url}en/")
    page.keyboard.press("/")
    page.keyboard.type("napari")  # "n" and "p" among the keys
    field = page.locator("#ds-search [data-ds-input]")
    expect(field).to_have_value("napari")
    expect(field).to_be_focused()
    expect(page.locator("#ds-search .ds-result").first).to_be_visible()
    assert page.url == f"{site_url}en/"
    assert watched.errors == []


def test_a_word_typed_wrong_shows_its_results_though_the_keys_paused_during_its_search(
    watched: Watched, site_url: str
) -> None:
    # A question whose last word no entry has waits, while typed, for the keys to pause (it
    # may be put right). The pause came while its search was under way, before it was held:
    # nothing searched it again, and the examples stayed under the words until another key.
    page = watched.page
    # The engine started (its filters are fetched last, by its worker) before the keys.
    with page.expect_request_finished(lambda request: request.url.endswith(".pf_filter")):
        page.goto(site_url)
        page.keyboard.press("/")
    # A slow computer: the word's search takes longer than the pause that ends typing.
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 20})
    page.locator("#ds-search [data-ds-input]").press_sequentially("noyeaux", delay=20)
    results = page.locator("#ds-search [data-ds-results]")
    expect(results).to_have_attribute("data-ds-query", "noyeaux", timeout=15000)
    expect(page.locator(SEARCH_STATUS)).not_to_be_empty()
    assert watched.errors == []


def test_a_word_typed_fast_ends_with_its_own_results(watched: Watched, site_url: str) -> None:
    """Each key searches (one search at a time, the newest question waiting): the results
    shown at the end are those of the whole word, never of a prefix that finished late."""
    page = watched.page
    page.goto(f"{site_url}en/")
    page.keyboard.press("/")
    field = page.locator("#ds-search [data-ds-input]")
    expect(field).to_be_focused()
    field.press_sequentially("stardist", delay=20)
    results = page.locator("#ds-search [data-ds-results]")
    expect(results).to_have_attribute("data-ds-done", "stardist")
    page.wait_for_timeout(500)  # a search of a prefix still running would land now
    expect(results).to_have_attribute("data-ds-query", "stardist")
    expect(page.locator("#ds-search .ds-result__title").first).to_contain_text("StarDist")
    assert watched.errors == []


def test_enter_right_after_typing_opens_the_first_result_of_the_whole_word(
    watched: Watched, site_url: str
) -> None:
    """A reader who types a name and presses Enter at once gets that entry, not the first
    result of a prefix that was on screen, nor nothing."""
    page = watched.page
    page.goto(f"{site_url}en/")
    page.keyboard.press("/")
    expect(page.locator("#ds-search [data-ds-input]")).to_be_focused()
    page.keyboard.type("napari", delay=10)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#napari$"))
    expect(page.locator("#napari")).to_be_in_viewport()


def test_search_says_when_it_cannot_start_and_tries_again(browser: Browser, site_url: str) -> None:
    """A network failure while Pagefind starts is said in the search, not left as silence;
    the next question tries again."""
    context = browser.new_context()
    page = context.new_page()
    broken = {"on": True}

    def entry_file(route: Route) -> None:
        if broken["on"]:
            route.abort()
        else:
            route.continue_()

    page.route("**/pagefind/pagefind-entry.json*", entry_file)
    page.goto(f"{site_url}en/")
    page.keyboard.press("/")
    page.keyboard.type("napari")
    status = page.locator(SEARCH_STATUS)
    expect(status).to_contain_text("Search could not start")
    broken["on"] = False
    page.keyboard.press("Backspace")
    expect(page.locator("#ds-search [data-ds-results]")).to_have_attribute("data-ds-done", "napar")
    expect(page.locator("#ds-search .ds-result").first).to_contain_text("napari")
    context.close()


def test_a_word_of_two_letters_typed_is_searched_after_a_pause(
    watched: Watched, site_url: str
) -> None:
    """ "3D" stands for itself, but "3" and the first letter of most words would match almost
    everything: a word of one or two letters is searched once the reader pauses."""
    page = watched.page
    page.goto(f"{site_url}en/")
    page.keyboard.press("/")
    page.keyboard.type("3d", delay=50)
    results = page.locator("#ds-search [data-ds-results]")
    expect(results).to_have_attribute("data-ds-done", "3d")
    expect(page.locator(SEARCH_STATUS)).to_contain_text("entries")
    assert page.locator("#ds-search .ds-result").count() > 1
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "width"), [("", 390), ("en/", 1366)], ids=["french-phone", "english-desktop"]
)
def test_explore_keeps_what_the_keyboard_reaches_out_from_under_its_bar(
    watched: Watched, site_url: str, root: str, width: int
) -> None:
    # Shift+Tab up the list brought each card in view at the window's top, under the header
    # and the sticky count and sort.
    page = watched.page
    page.set_viewport_size({"width": width, "height": 844})
    _open_explore(page, f"{site_url}{root}explore/")
    bar = page.locator("[data-ds-bar]")
    page.locator(".ds-explore__list > li a").nth(40).focus()
    hidden = []
    for _ in range(25):
        page.keyboard.press("Shift+Tab")
        box = bar.bounding_box()
        bar_bottom = box["y"] + box["height"] if box else 0
        top = page.evaluate("document.activeElement.getBoundingClientRect().top")
        if top < bar_bottom:
            hidden.append(page.evaluate("document.activeElement.textContent"))
    assert hidden == []
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_the_statistics_charts_read_on_a_phone(watched: Watched, site_url: str, root: str) -> None:
    # Their text, sized in the chart's units, came out at 10.7 px on a phone (16 px body).
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}{root}statistics/")
    sizes = page.eval_on_selector_all(
        ".ds-chart__label",
        "labels => labels.map(label => { const chart = label.ownerSVGElement;"
        " const scale = chart.getBoundingClientRect().width / chart.viewBox.baseVal.width;"
        " return parseFloat(getComputedStyle(label).fontSize) * scale; })",
    )
    assert sizes and min(sizes) >= 12
    assert watched.errors == []


def test_explore_names_the_category_of_each_entry(watched: Watched, site_url: str) -> None:
    page = watched.page
    _open_explore(page, f"{site_url}en/explore/")
    expect(page.locator("#explore-cellpose .ds-explore__where")).to_contain_text(
        "Tools and software by theme"
    )


def _tick(page: Page, facet: str, value: str) -> None:
    box = page.locator(f'input[name="{facet}"][value="{value}"]')
    if not box.is_visible():
        page.locator(f'details:has(fieldset[data-facet="{facet}"]) > summary').click()
    box.check()


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_a_way_ticked_under_its_ticked_group_narrows_to_it(
    watched: Watched, site_url: str, root: str
) -> None:
    # "Without programming" takes in its ways: "Graphical application" ticked under it
    # changed nothing, though its count said 5 of 11; the reader had to untick the group.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?task=segmentation&way=no-programming")
    without_code = _visible_ids(page)
    way = page.locator('fieldset[data-facet="way"] label.ds-explore__sub').first
    said = int(way.locator("[data-ds-n]").inner_text())
    _tick(page, "way", way.locator("input").get_attribute("value") or "")
    narrowed = _visible_ids(page)
    assert narrowed < without_code and len(narrowed) == said
    assert not page.locator('input[name="way"][value="no-programming"]').is_checked()
    # And back: the group ticked again unticks its ways.
    _tick(page, "way", "no-programming")
    assert _visible_ids(page) == without_code
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_nuclei_without_programming_narrows_to_what_a_biologist_would_pick(
    watched: Watched, site_url: str, root: str
) -> None:
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    _tick(page, "tag", "nuclei")
    nuclei = _visible_ids(page)
    _tick(page, "way", "no-programming")
    chosen = _visible_ids(page)
    assert chosen and chosen < nuclei, "the second facet must narrow, not widen"
    assert {"cellpose", "stardist-fiji", "ilastik", "nucleaizer"} <= chosen
    assert "stardist" not in chosen  # the Python library needs code
    # Each result is a card that says what the entry is.
    card = page.locator("#explore-cellpose")
    expect(card.locator("a").first).to_have_attribute("href", re.compile("#cellpose$"))
    expect(card.locator(".ds-card__summary")).not_to_be_empty()
    expect(card.locator(".ds-card__tags .md-tag").first).to_be_visible()


@pytest.mark.parametrize(
    ("root", "adds"), [("", "ajoute"), ("en/", "adds")], ids=["french", "english"]
)
def test_explore_says_what_a_choice_adds_beside_one_ticked_in_its_facet(
    watched: Watched, site_url: str, root: str, adds: str
) -> None:
    # Tasks add up: "Annoter" said 21 beside "Segmenter" ticked, and ticked gave 36.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    _tick(page, "task", "segmentation")
    segmenting = _visible_ids(page)
    for task in ("annotation", "visualisation"):
        option = page.locator(f'fieldset[data-facet="task"] label:has(input[value="{task}"])')
        said = option.locator("[data-ds-n]").inner_text()
        assert said.startswith("+"), said
        # Said in words to a screen reader, not "plus 18".
        box = page.locator(f'input[name="task"][value="{task}"]')
        expect(box).to_have_accessible_name(
            re.compile(rf"^[^+]*{adds}\W+{said.removeprefix('+')}$")
        )
        _tick(page, "task", task)
        added = _visible_ids(page) - segmenting
        assert added and len(added) == int(said.removeprefix("+"))
        page.locator(f'input[name="task"][value="{task}"]').uncheck()
        expect(page.locator("[data-ds-count]")).to_have_text(str(len(segmenting)))
    # The ticked choice says its own count; none is offered that would add nothing.
    ticked = page.locator('fieldset[data-facet="task"] label:has(input:checked) [data-ds-n]')
    expect(ticked).to_have_text(re.compile(r"^\d+$"))
    for label in page.locator('fieldset[data-facet="task"] label:has(input:not(:checked))').all():
        said = label.locator("[data-ds-n]").inner_text()
        assert said.startswith("+")
        assert label.locator("input").is_disabled() == (said == "+0")
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_tags_narrow_as_a_reader_adds_them(
    watched: Watched, site_url: str, root: str
) -> None:
    # "nuclei" then "Cellpose" (said 9) gave 13: tags added up, as a task and another do.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?tag=nuclei")
    nuclei = _visible_ids(page)
    options = page.locator(
        'fieldset[data-facet="tag"] label:has(input:not(:checked):not(:disabled))'
    )
    counted = [(int(o.locator("[data-ds-n]").inner_text()), o) for o in options.all()]
    said, option = min(counted, key=lambda pair: pair[0])
    _tick(page, "tag", option.locator("input").get_attribute("value") or "")
    both = _visible_ids(page)
    assert both < nuclei and len(both) == said
    # A card's tag pressed narrows too.
    tag = page.locator(".ds-explore__list .ds-explore__tag[aria-pressed=false]").first
    value = tag.get_attribute("data-tag")
    tag.click()
    assert _visible_ids(page) <= both
    expect(page.locator(f'input[name="tag"][value="{value}"]')).to_be_checked()
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "typed"),
    [
        ("", "sans code"),
        ("en/", "no code"),
        # Programming named by its language or its tools: "no python" found the Python
        # libraries and courses, "sans python" the entries that say "sans" and "python".
        ("", "sans python"),
        ("en/", "no python"),
        ("en/", "without the command line"),
    ],
    ids=["french", "english", "french-language", "english-language", "english-tool"],
)
def test_explore_words_for_a_way_of_working_find_the_entries_used_that_way(
    watched: Watched, site_url: str, root: str, typed: str
) -> None:
    # "no code" found the 3 entries that write it, of the 35 used without programming.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?way=no-programming")
    without_programming = _visible_ids(page)
    _open_explore(page, f"{site_url}{root}explore/")
    assert without_programming <= _typed_in_explore(page, typed)
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "singular", "plural"),
    [
        ("", "sans annotation", "sans annotations"),
        ("en/", "without annotation", "without annotations"),
    ],
    ids=["french", "english"],
)
def test_explore_reads_a_group_s_phrase_typed_in_the_singular_or_the_plural(
    watched: Watched, site_url: str, root: str, singular: str, plural: str
) -> None:
    # The group says "sans annotation" and "without annotations": the other number, read
    # word by word, found the 22 annotation tools ("annotation", and "Sans programmer").
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    one, other = _typed_in_explore(page, singular), _typed_in_explore(page, plural)
    assert one == other and 0 < len(one) < 5, (one, other)
    assert watched.errors == []


def test_explore_says_back_a_long_paste_shortened_and_keeps_the_field_in_view(
    browser: Browser, site_url: str
) -> None:
    # A pasted page of 1,800 characters was said three times in full (its chip, the empty
    # result, the site search's button), and the field went 2,000 px down, out of sight.
    pasted = " ".join(["segmentation de noyaux en fluorescence avec un modèle zzyzx"] * 30)
    with on_a_phone(browser) as page:
        _open_explore(page, f"{site_url}explore/")
        page.locator("[data-ds-toggle]").click()
        field = page.locator(".ds-explore__search input")
        field.fill(pasted)
        page.wait_for_function("() => new URLSearchParams(location.search).has('q')")
        chip = page.locator(FILTER_CHIPS).first
        expect(chip).to_contain_text("…")
        assert len(chip.inner_text()) < 100
        # The words together find nothing: the empty result and its way to the site's
        # search say them back, shortened too.
        empty = page.locator("[data-ds-empty]")
        expect(empty).to_be_visible()
        assert len(empty.inner_text()) < 400, empty.inner_text()
        button = empty.locator("[data-ds-search-site]")
        expect(button).to_contain_text("…")
        assert len(button.inner_text()) < 120
        field.focus()
        expect(field).to_be_in_viewport()


def test_explore_drops_from_the_address_the_filters_it_does_not_have(
    watched: Watched, site_url: str
) -> None:
    # "?task=foo" (a value renamed since the link was shared) was ignored, and the address
    # still looked filtered.
    page = watched.page
    _open_explore(page, f"{site_url}explore/?task=foo&tag=nuclei&colour=blue")
    assert page.url.endswith("explore/?tag=nuclei")
    expect(page.locator(FILTER_CHIPS)).to_have_count(1)
    page.go_back()  # no history entry was added
    assert "explore" not in page.url
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "none", "one", "way"),
    [
        ("", "0 ressource", "1 ressource", "Retirer «\N{NARROW NO-BREAK SPACE}Livre"),
        ("en/", "0 resources", "1 resource", "Remove “Book”"),
    ],
    ids=["french", "english"],
)
def test_explore_explains_an_empty_result_and_offers_a_way_out(
    watched: Watched, site_url: str, root: str, none: str, one: str, way: str
) -> None:
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?tag=nuclei&type=book")
    count = page.locator(".ds-explore__count")
    expect(count).to_have_text(none)
    empty = page.locator("[data-ds-empty]")
    expect(empty).to_be_visible()
    expect(empty).to_contain_text("filt")  # the filters together find nothing
    expect(empty.locator("[data-ds-near-name]")).to_be_hidden()
    empty.get_by_role("button", name=way).click()  # the type, the last filter set
    expect(empty).to_be_hidden()
    assert page.url.endswith("explore/?tag=nuclei")
    page.locator(".ds-explore__search input").fill("nucleaizer")
    expect(count).to_have_text(one)


@pytest.mark.parametrize(
    ("root", "reason"),
    [("", "Aucune ressource ne contient « zzzz »"), ("en/", "No resource contains “zzzz”")],
    ids=["french", "english"],
)
def test_explore_says_why_its_list_is_empty_where_a_screen_reader_speaks(
    watched: Watched, site_url: str, root: str, reason: str
) -> None:
    # Only "0 ressource" was spoken: the reason and the ways out were shown, not said.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    # What the live regions say, as they change, while they are shown.
    page.evaluate(
        """() => {
          const root = document.querySelector("[data-ds-explore]");
          const live = '[role=status], [role=alert], [aria-live]:not([aria-live="off"])';
          window.dsSpoken = [];
          new MutationObserver((changes) => {
            const regions = new Set(changes.map((change) => {
              const node = change.target.nodeType === 1 ? change.target : change.target.parentElement;
              return node && node.closest(live);
            }));
            for (const region of regions) {
              if (region && !region.closest("[hidden]")) window.dsSpoken.push(region.textContent.trim());
            }
          }).observe(root, { childList: true, characterData: true, subtree: true });
        }"""
    )
    _typed_in_explore(page, "zzzz")
    page.wait_for_function("() => window.dsSpoken.some((said) => said.includes('zzzz'))")
    spoken = page.evaluate("window.dsSpoken")
    assert any(reason in " ".join(said.split()) for said in spoken), spoken
    # Found again: the reason is no longer there to be read.
    assert _typed_in_explore(page, "nucleaizer")
    expect(page.locator("[data-ds-spoken-why]")).to_have_text("")
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_shows_first_the_entries_whose_main_task_is_chosen(
    watched: Watched, site_url: str, root: str
) -> None:
    # "Segmenter" + "Sans programmer" gave the annotation tools that also segment first, in
    # the data's order, and Cellpose and ilastik after them.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?task=segmentation&way=no-programming")
    tasks = {entry["id"]: _listed(entry.get("task")) for entry in _explore_entries(page)["entries"]}
    ranks = [tasks[entry].index("segmentation") for entry in _listed_ids(page)]
    assert len(ranks) > 3 and ranks[0] == 0 and ranks == sorted(ranks)


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_shows_first_for_a_task_what_a_reader_works_with(
    watched: Watched, site_url: str, root: str
) -> None:
    # "Segmenter" opened on Cellpose's dataset, "Classer" on the MNIST digits and the
    # Pl@ntNet photos, "Annoter" on a presentation and two videos: the tools came after.
    # Then ITK-SNAP, first in the data: among those that tie, what the knowledge base cites
    # most first (Cellpose, StarDist, ilastik).
    page = watched.page
    mixed = cited = 0
    for task, _, ids, entries in _each_task_s_list(page, f"{site_url}{root}explore/"):
        # Those with a way of working first; in each part, the main task before the others;
        # then those usable today, the most cited first.
        order = [
            (
                not _listed(entries[entry].get("way")),
                _listed(entries[entry]["task"]).index(task),
                bool(entries[entry].get("later")),
                -entries[entry].get("cited", 0),
            )
            for entry in ids
        ]
        assert order == sorted(order), task
        mixed += len({worked_with for worked_with, *_ in order}) == 2
        cited += len({rank[:3] for rank in order if rank[3]}) < len([r for r in order if r[3]])
    assert mixed >= 3  # tasks listing both kinds of entries
    assert cited >= 1  # a task whose entries that tie are cited


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_a_task_typed_alone_opens_on_what_explore_lists_first_for_it(
    watched: Watched, site_url: str, root: str
) -> None:
    # "Segmenter" in the header's search opened on two papers titled with the word, and
    # Cellpose came seventh: the reader who types a task alone, or a tool for it, gets the
    # first entries Explore lists for that task's box (as far as other entries cite them, and
    # three at most) before the rest of what the words find; and so does Explore's text box.
    page = watched.page
    thing = "outil de" if root == "" else "tool for"
    led = 0
    for task, name, ids, entries in _each_task_s_list(page, f"{site_url}{root}explore/"):
        task_words = json.loads(str(page.locator("#ds-search").get_attribute("data-ds-task-words")))
        # (The first three, while each is cited and usable.)
        usable_and_cited = [
            bool(entries[one].get("cited")) and not entries[one].get("later") for one in ids[:3]
        ]
        first = ids[: [*usable_and_cited, False].index(False)]
        # (Typed as its name's first word, when the search reads that word as the task: a
        # task no synonym group names, "Appliquer un modèle", is read as its words.)
        word = name.split()[0]
        if not first or without_accents(word.lower()) not in task_words.get(task, "").split():
            continue
        led += 1
        assert _search_ids(page, word)[: len(first)] == first, word
        assert _search_ids(page, f"{thing} {word.lower()}")[: len(first)] == first, word
        # Its whole name too, whose other words are the task's ("Augmenter les données"
        # opened on the TensorFlow tutorial, a materials-science paper and an MRI library).
        assert _search_ids(page, name)[: len(first)] == first, name
        page.keyboard.press("Escape")
        # Explore's words too: "segmentation" typed there listed Cellpose ninth. (Not the
        # words for a tool, which Explore requires as it does every word typed.)
        _open_explore(page, f"{site_url}{root}explore/?q={quote(word)}")
        expect(page.locator(".ds-explore__list > li").first).to_be_attached()
        assert _listed_ids(page)[: len(first)] == first, word
    assert led >= 2  # the data has tasks whose first tools are cited
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "question", "name"),
    [
        ("", "c'est quoi l'augmentation de données", "augmentation de données"),
        ("", "qu'est-ce que l'augmentation de données", "augmentation de données"),
        ("en/", "what is data augmentation", "data augmentation"),
        ("en/", "data augmentation explained", "data augmentation"),
    ],
)
def test_a_task_asked_what_it_is_opens_on_its_explanation_not_its_tools(
    watched: Watched, site_url: str, root: str, question: str, name: str
) -> None:
    # Its name alone opens on its tools, what Explore lists first for it; asked what it is,
    # on what explains it (the tutorial that says what it is: it fell to fourth, under three
    # libraries, when the name's words first counted as the task).
    page = watched.page
    page.goto(f"{site_url}{root}")
    tools = _search_ids(page, name)[:3]
    asked = _search_ids(page, question)[:3]
    assert "tensorflow-data-augmentation" not in tools, tools
    assert asked[0] == "tensorflow-data-augmentation", asked
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "word", "task"),
    [
        ("", "segmentation", "segmentation"),
        ("", "annotation", "annotation"),
        ("en/", "segmentation", "segmentation"),
        ("en/", "classification", "classification"),
    ],
)
def test_explore_ranks_first_for_a_task_typed_what_a_reader_works_with(
    watched: Watched, site_url: str, root: str, word: str, task: str
) -> None:
    # "segmentation" typed: Cellpose came 15th, StarDist 22nd, after a survey of
    # transformers and annotation tools that say the word sooner; "Segmenter" ticked put them
    # first. An entry of the task that the reader works with comes before every entry that
    # only says the word (not in its title, which comes first still).
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?q={word}")
    entries = {entry["id"]: entry for entry in _explore_entries(page)["entries"]}
    listed = _listed_ids(page)
    stem = without_accents(word)[:6]

    def of_task(one: str) -> bool:
        return task in _listed(entries[one].get("task"))

    worked_with = [
        at for at, one in enumerate(listed) if of_task(one) and _listed(entries[one].get("way"))
    ]
    only_saying = [
        at
        for at, one in enumerate(listed)
        if not of_task(one) and stem not in without_accents(entries[one]["title"].lower())
    ]
    assert worked_with and only_saying and max(worked_with) < min(only_saying), listed
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "word", "kind", "category"),
    [("en/", "course", "course", "courses"), ("", "vidéo", "video", "videos")],
)
def test_explore_ranks_first_the_entries_of_the_kind_a_word_names(
    watched: Watched, site_url: str, root: str, word: str, kind: str, category: str
) -> None:
    # "course": images shared on "the course's Slack" came before two of the three courses.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?type={kind}")
    of_kind = _visible_ids(page)
    _open_explore(page, f"{site_url}{root}explore/?category={category}")
    of_kind |= _visible_ids(page)
    _open_explore(page, f"{site_url}{root}explore/?q={word}")
    cards = page.eval_on_selector_all(
        ".ds-explore__list > li",
        "items => items.map(item => [item.id.replace('explore-', ''),"
        " item.querySelector('a').textContent.toLowerCase()])",
    )
    # Those whose title says the word come first still.
    first = [entry in of_kind or word in title for entry, title in cards]
    assert any(first) and first == sorted(first, reverse=True), cards
    assert watched.errors == []


def test_explore_offers_no_choice_that_would_show_nothing(watched: Watched, site_url: str) -> None:
    page = watched.page
    _open_explore(page, f"{site_url}en/explore/?tag=nuclei")
    page.locator('details:has(fieldset[data-facet="type"]) > summary').click()
    book = page.locator('input[name="type"][value="book"]')
    expect(book).to_be_disabled()
    expect(page.locator('input[name="type"][value="tool"]')).to_be_enabled()


def test_explore_sorts_by_title_year_and_relevance(watched: Watched, site_url: str) -> None:
    # (By date added too, where the entries were not all added on one day: see
    # test_explore_offers_an_order_only_where_the_entries_differ.)
    page = watched.page
    _open_explore(page, f"{site_url}en/explore/?category=software")
    page.locator("[data-ds-sort]").select_option("title")
    titles = page.locator(".ds-explore__list > li > a").all_inner_texts()
    assert titles == sorted(titles, key=str.casefold)
    assert page.url.endswith("sort=title")
    page.locator("[data-ds-sort]").select_option("year")
    assert page.url.endswith("sort=year")
    # The years, latest first; then the entries without one, which say so (all of them: the
    # software has none).
    page.locator('input[name="category"][value="software"]').uncheck()
    facts = page.locator(".ds-explore__list > li .ds-card__facts").all_inner_texts()
    years = [int(found.group()) for fact in facts if (found := re.search(r"\b(19|20)\d\d\b", fact))]
    assert years and years == sorted(years, reverse=True)
    assert all("undated" in fact for fact in facts[len(years) :]), facts
    assert not any("undated" in fact for fact in facts[: len(years)]), facts
    # Those of one year, and those without one, by title: they came in the data's order,
    # which a reader could not make sense of.
    titles = page.locator(".ds-explore__list > li > a").all_inner_texts()
    by_title = "t => t.slice().sort(new Intl.Collator('en').compare)"
    undated = titles[len(years) :]
    assert len(undated) > 1 and undated == page.evaluate(by_title, undated)
    for year in set(years):
        of_year = [title for title, its in zip(titles, years, strict=False) if its == year]
        assert of_year == page.evaluate(by_title, of_year), year
    page.locator(".ds-explore__search input").fill("annotation")
    page.locator("[data-ds-sort]").select_option("relevance")
    # Relevance: the entries named by the word come before those that only mention it;
    # after the task's leads, for a word that is a task alone (see
    # test_a_task_typed_alone_opens_on_what_explore_lists_first_for_it).
    leads = [
        entry["id"]
        for entry in _explore_entries(page)["entries"]
        if any(value.startswith("annotation-") for value in _listed(entry.get("lead")))
    ]
    assert _listed_ids(page)[: len(leads)] == leads
    titles = page.locator(".ds-explore__list > li > a").all_inner_texts()[len(leads) :]
    named = ["annotation" in title.lower() for title in titles]
    assert named[0] and named == sorted(named, reverse=True)


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_on_a_phone_shows_the_count_after_a_filter_change(
    browser: Browser, site_url: str, root: str
) -> None:
    with on_a_phone(browser) as page:
        _open_explore(page, f"{site_url}{root}explore/")
        toggle = page.locator("[data-ds-toggle]")
        expect(page.locator("[data-ds-filters]")).to_be_hidden()  # folded into a panel
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
        _tick(page, "tag", "nuclei")
        count = page.locator(".ds-explore__count")
        expect(count).to_be_in_viewport()
        page.mouse.wheel(0, 3000)  # far down the list: the count stays at the top
        page.wait_for_timeout(200)
        expect(count).to_be_in_viewport()
        # The folded filters' button says how many are set (a shared link shows them too).
        expect(toggle).to_have_text(re.compile(r"\(1\)$"))
        # ...beside the count: the bar stays two lines high (the sort under them), not three.
        count_box, toggle_box = count.bounding_box(), toggle.bounding_box()
        assert count_box and toggle_box
        assert (
            abs(
                count_box["y"]
                + count_box["height"] / 2
                - toggle_box["y"]
                - toggle_box["height"] / 2
            )
            < 12
        )
        # (Those of its panel: the words are over it, in view.)
        _open_explore(page, f"{site_url}{root}explore/?task=segmentation&tag=nuclei&q=noyaux")
        expect(page.locator("[data-ds-toggle]")).to_have_text(re.compile(r"\(2\)$"))


def _any_spaces(text: str) -> re.Pattern[str]:
    """``text`` with any kind of space where it has one."""
    return re.compile(re.escape(text).replace("\\ ", "\\s"))


@pytest.mark.parametrize(("root", "name"), [("", "TrackMate"), ("en/", "Cellpose")])
def test_explore_puts_a_name_typed_in_pieces_together(
    watched: Watched, site_url: str, root: str, name: str
) -> None:
    # "track mate", "cell pose": no resource, and no offer (a name typed wrong got one).
    page = watched.page
    pieces = f"{name[:5]} {name[5:]}".lower()
    _open_explore(page, f"{site_url}{root}explore/?q={pieces.replace(' ', '+')}")
    near = page.locator("[data-ds-empty] [data-ds-near-name]")
    expect(near).to_contain_text(name)
    near.click()
    expect(page.locator(".ds-explore__search input")).to_have_value(name)
    expect(page.locator(".ds-explore__list > li").first).to_contain_text(name)
    assert watched.errors == []


@pytest.mark.parametrize(("root", "meant"), [("", "« Cellpose »"), ("en/", "“Cellpose”")])
def test_explore_says_where_a_screen_reader_speaks_the_name_it_offers(
    watched: Watched, site_url: str, root: str, meant: str
) -> None:
    # The offer of a name typed wrong came after the reason, which was spoken alone: a
    # screen reader heard that "celpose" finds nothing, not that a way on had come.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?q=celpose")
    expect(page.locator("[data-ds-empty] [data-ds-near-name]")).to_be_visible()
    spoken = page.locator("[data-ds-spoken-why]")
    expect(spoken).to_contain_text(_any_spaces(meant))
    expect(spoken).to_contain_text("celpose")  # and the reason, before it
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_words_said_back_cannot_turn_the_site_s_own_words_around(
    watched: Watched, site_url: str, root: str
) -> None:
    # A right-to-left override in a shared address ("?q=%E2%80%AEevil") reversed the words
    # around the reader's: the chip, the tab's title, "Chercher « … » dans tout le site".
    page = watched.page
    override = "\u202e"
    _open_explore(page, f"{site_url}{root}explore/?q={override}evil zzqx")
    said = [
        page.locator(".ds-explore__chips").inner_text(),
        page.locator("[data-ds-empty]").inner_text(),
        page.title(),
    ]
    assert all("evil zzqx" in text and override not in text for text in said), said
    # The header's search says them back so too (and searches the words without it).
    page.goto(f"{site_url}{root}")
    page.keyboard.press("/")
    page.locator("#ds-search [data-ds-input]").fill(f"{override}evil zzqx")
    results = page.locator("#ds-search [data-ds-results]")
    expect(results).to_have_attribute("data-ds-done", "evil zzqx")
    status = page.locator(SEARCH_STATUS).inner_text()
    assert "zzqx" in status and override not in status, status
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "absent", "meant", "many", "absent_many", "phrase", "only_zzzz"),
    [
        (
            "",
            "Aucune ressource ne contient « celpose ».",
            "Vouliez-vous dire « Cellpose seg » ?",
            "noyaux d'qwxyz, zzzz",
            "Aucune ressource ne contient « qwxyz » ni « zzzz ».",
            "image pleine de grain",
            "Aucune ressource ne contient « zzzz ».",
        ),
        (
            "en/",
            "No resource contains “celpose”.",
            "Did you mean “Cellpose seg”?",
            "nuclei qwxyz, zzzz",
            "No resource contains “qwxyz” or “zzzz”.",
            "cells stuck together",
            "No resource contains “zzzz”.",
        ),
    ],
    ids=["french", "english"],
)
def test_explore_says_which_words_find_nothing_and_puts_a_name_typed_wrong_right(
    watched: Watched,
    site_url: str,
    root: str,
    absent: str,
    meant: str,
    many: str,
    absent_many: str,
    phrase: str,
    only_zzzz: str,
) -> None:
    # "celpose" gave "no resource matches all these filters" (none was set) and no way on
    # but to undo the words; the header's search put the name right. Only the words that
    # find nothing are said: « celpose seg » read as if "seg" found nothing too.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?q={many}")
    empty = page.locator("[data-ds-empty]")
    expect(empty).to_contain_text(_any_spaces(absent_many))
    # Each once, as first typed, letter case aside (the list reads them so).
    _open_explore(page, f"{site_url}{root}explore/?q={many} QWXYZ Zzzz")
    expect(empty).to_contain_text(_any_spaces(absent_many))
    # A group's phrase is read whole, as the list reads it: its words alone are in no
    # entry's text ("pleine", "grain" were said absent).
    _open_explore(page, f"{site_url}{root}explore/?q={phrase}")
    listed = _visible_ids(page)
    assert listed
    _open_explore(page, f"{site_url}{root}explore/?q={phrase} zzzz")
    expect(empty.locator("[data-ds-empty-text]")).to_have_text(_any_spaces(only_zzzz))
    # So too in quotes: its little words were each required, the group's phrase not read,
    # and nothing said ("« "image pleine de grain" zzzz »" was said absent).
    _open_explore(page, f'{site_url}{root}explore/?q="{phrase}"')
    assert _visible_ids(page) == listed
    _open_explore(page, f'{site_url}{root}explore/?q="{phrase}" zzzz')
    expect(empty.locator("[data-ds-empty-text]")).to_have_text(_any_spaces(only_zzzz))
    _open_explore(page, f"{site_url}{root}explore/?q=celpose+seg")
    # French typography puts no-break spaces inside the quotes and before "?".
    expect(empty).to_contain_text(_any_spaces(absent))
    near = empty.locator("[data-ds-near-name]")
    expect(near).to_have_text(_any_spaces(meant))
    near.click()
    expect(empty).to_be_hidden()
    expect(page.locator(".ds-explore__search input")).to_have_value("Cellpose seg")
    expect(page.locator(".ds-explore__list > li").first).to_contain_text("Cellpose")
    expect(page.locator(".ds-explore__count")).to_be_focused()
    # Not when the name put right still finds nothing ("Cellpose yeast" gave 0 again).
    _open_explore(page, f"{site_url}{root}explore/?q=celpose+zebrafish")
    expect(empty).to_be_visible()
    page.wait_for_timeout(500)  # the names are fetched, then compared
    expect(near).to_be_hidden()
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "typed", "meant"),
    [("", "segmentation noyeaux", "segmentation noyaux"), ("en/", "denoisng", "denoising")],
    ids=["french", "english"],
)
def test_explore_puts_a_word_typed_wrong_right_as_the_search_does(
    watched: Watched, site_url: str, root: str, typed: str, meant: str
) -> None:
    # Only a resource's name typed wrong was offered: "noyeaux", "denoisng" were dead ends,
    # which the header's search puts right.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?q={typed.replace(' ', '+')}")
    near = page.locator("[data-ds-empty] [data-ds-near-name]")
    expect(near).to_contain_text(meant)
    near.click()
    expect(page.locator(".ds-explore__search input")).to_have_value(meant)
    expect(page.locator(".ds-explore__list > li").first).to_be_visible()
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "together"), [("", "à la fois"), ("en/", "together")], ids=["french", "english"]
)
def test_explore_says_when_its_words_find_entries_apart_but_none_together(
    watched: Watched, site_url: str, root: str, together: str
) -> None:
    # "suivi python": each word finds entries, and the empty result said that no resource
    # contained "suivi python", as if a word were unknown. A word of nothing says that.
    page = watched.page
    words = "trackmate zebrafish"
    _open_explore(page, f"{site_url}{root}explore/?q=trackmate+keras")
    empty = page.locator("[data-ds-empty]")
    expect(empty).to_contain_text(together)
    _open_explore(page, f"{site_url}{root}explore/?q={words.replace(' ', '+')}")
    expect(empty).to_be_visible()
    expect(empty).not_to_contain_text(together)
    assert watched.errors == []


def test_explore_offers_its_typed_words_to_the_site_s_search_when_nothing_matches(
    watched: Watched, site_url: str
) -> None:
    # Explore's words are not put right ("celpose" gave 0 and no way but to undo them); the
    # header's search puts a name typed wrong right.
    page = watched.page
    _open_explore(page, f"{site_url}explore/?q=celpose")
    expect(page.locator("[data-ds-empty]")).to_be_visible()
    offer = page.locator("[data-ds-search-site]")
    expect(offer).to_contain_text("celpose")
    # Offered once: not again after the empty list.
    expect(page.locator("[data-ds-search-site-foot]")).to_be_hidden()
    offer.click()
    expect(page.locator("#ds-search [data-ds-results]")).to_have_attribute(
        "data-ds-done", "celpose"
    )
    assert page.locator("#ds-search .ds-result__title").first.inner_text().startswith("Cellpose")
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "words"),
    [("", "fonction de coût"), ("en/", "loss function")],
    ids=["french", "english"],
)
def test_explore_offers_the_faq_after_the_resources_its_words_found(
    watched: Watched, site_url: str, root: str, words: str
) -> None:
    # Explore lists resources only: "fonction de coût" found one (ngrok), and the FAQ's answer
    # on loss functions was out of reach, the way to the header's search shown only when
    # nothing matched.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    offer = page.locator("[data-ds-search-site-foot]")
    expect(offer).to_be_hidden()
    assert _typed_in_explore(page, words)
    expect(offer).to_be_visible()
    expect(offer).to_contain_text(words)
    # After the list, where a reader who has not found looks next.
    last_card = page.locator(".ds-explore__list > li").last.bounding_box()
    place = offer.bounding_box()
    assert last_card and place and place["y"] >= last_card["y"] + last_card["height"]
    offer.click()
    results = page.locator("#ds-search [data-ds-results]")
    expect(results).to_have_attribute("data-ds-done", words)
    links = [str(link.get_attribute("href")) for link in results.locator("a").all()]
    assert any("/faq/#" in link for link in links[:3]), links
    # Nothing typed, nothing offered.
    page.keyboard.press("Escape")
    _typed_in_explore(page, "")
    expect(offer).to_be_hidden()
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
@pytest.mark.parametrize("index", ["tags", "types"])
def test_a_tag_s_or_a_type_s_page_opens_explore_on_the_same_resources(
    watched: Watched, site_url: str, root: str, index: str
) -> None:
    # A tag's or a type's page lists titles only: the reader clicked each one blindly. Its
    # link to Explore shows the same resources with what each is for, and more filters.
    page = watched.page
    for at in range(3):  # the first three of the index
        page.goto(f"{site_url}{root}{index}/")
        page.locator("article li a").nth(at).click()
        offer = page.locator(".ds-in-explore a")
        expect(offer).to_be_visible()
        listed = offer.locator("xpath=../following-sibling::ul[1]/li")
        ids = {
            str(item.locator("a").first.get_attribute("href")).rsplit("#", 1)[-1]
            for item in listed.all()
        }
        assert ids
        offer.click()
        page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
        expect(page.locator(FILTER_CHIPS)).to_have_count(1)
        assert _visible_ids(page) == ids, page.url
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_back_over_explore_closes_the_search_opened_on_its_words(
    watched: Watched, site_url: str, root: str
) -> None:
    # On a wide screen, Back with the search open stepped Explore's words back under it
    # (the list of every entry), and the search stayed open on them, the focus in its field.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    _typed_in_explore(page, "zzqx")
    page.locator("[data-ds-search-site]").click()
    dialog = page.locator("#ds-search")
    expect(dialog).to_be_visible()
    page.go_back()
    expect(dialog).to_be_hidden()
    assert page.locator(".ds-explore__search input").input_value() == ""
    assert len(_visible_ids(page)) > 10
    # The focus is on the page, not lost with the button that opened the search (gone with
    # the empty result).
    assert page.evaluate("document.activeElement !== document.body")
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_on_a_phone_goes_from_the_filters_to_their_results(
    browser: Browser, site_url: str, root: str
) -> None:
    # The list is under the filters' panel: the reader had to find the panel's button again.
    with on_a_phone(browser) as page:
        _open_explore(page, f"{site_url}{root}explore/")
        page.locator("[data-ds-toggle]").click()
        _tick(page, "tag", "nuclei")
        show = page.locator("[data-ds-show]")
        show.scroll_into_view_if_needed()
        show.click()
        expect(page.locator("[data-ds-filters]")).to_be_hidden()
        expect(page.locator("[data-ds-toggle]")).to_have_attribute("aria-expanded", "false")
        first = page.locator("[data-ds-list] li").first
        expect(first).to_be_in_viewport()
        expect(page.locator(".ds-explore__count")).to_be_focused()
        # Words typed in the panel, then the phone's "Go" key (Enter): their results, at once.
        page.locator("[data-ds-toggle]").click()
        field = page.locator(".ds-explore__search input")
        field.fill("cellpose")
        field.press("Enter")
        expect(page.locator("[data-ds-filters]")).to_be_hidden()
        expect(first).to_be_in_viewport()
        expect(first).to_contain_text("Cellpose")
        expect(page.locator(".ds-explore__count")).to_be_focused()
    # Not on a wide screen, where the results are beside the filters.
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    _open_explore(page, f"{site_url}{root}explore/")
    expect(page.locator("[data-ds-filters]")).to_be_visible()
    expect(page.locator("[data-ds-show]")).to_be_hidden()
    context.close()


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_s_field_of_words_is_in_view_on_a_phone_with_the_filters_folded(
    browser: Browser, site_url: str, root: str
) -> None:
    # It was the first thing of the folded panel: a reader with words to type saw the count,
    # "Filters" and the list, and no field. It has its place from the first paint (the list
    # does not move when the entries come), and works once they have.
    with on_a_phone(browser) as page:
        held: list[Route] = []
        page.route("**/explore/entries.json", lambda route: held.append(route))
        page.goto(f"{site_url}{root}explore/")
        field = page.locator(".ds-explore__search input")
        expect(field).to_be_visible()
        expect(field).to_be_disabled()  # what is typed before the entries would be lost
        list_top = page.locator("[data-ds-list]").evaluate("l => l.getBoundingClientRect().top")
        _release_when_asked(page, held)
        page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
        first = page.locator("[data-ds-list] > li").first
        assert first.evaluate("card => card.getBoundingClientRect().top") >= list_top - 1
        assert page.locator("[data-ds-list]").evaluate(
            "l => l.getBoundingClientRect().top"
        ) == pytest.approx(list_top, abs=1)
        expect(page.locator("[data-ds-filters]")).to_be_hidden()
        expect(field).to_be_in_viewport()
        field.fill("cellpose")
        field.press("Enter")
        expect(first).to_contain_text("Cellpose")
        expect(page.locator("[data-ds-filters]")).to_be_hidden()
        expect(page.locator("[data-ds-toggle]")).to_have_attribute("aria-expanded", "false")


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_s_field_of_words_stays_in_place_on_a_phone_as_words_are_typed(
    browser: Browser, site_url: str, root: str
) -> None:
    # The filters set and an emptied result's notice came above the field as words were
    # typed: a word that no entry has pushed it 300 px down, under a phone's keyboard (a
    # reader's review).
    with on_a_phone(browser) as page:
        _open_explore(page, f"{site_url}{root}explore/")
        field = page.locator(".ds-explore__search input")
        top = field.evaluate("f => f.getBoundingClientRect().top")
        field.press_sequentially("qwxyz", delay=40)
        expect(page.locator("[data-ds-empty]")).to_be_visible()
        expect(page.locator("[data-ds-chips]")).to_be_visible()
        assert field.evaluate("f => f.getBoundingClientRect().top") == pytest.approx(top, abs=1)
        expect(field).to_be_focused()


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_on_a_phone_folding_the_filters_from_the_bar_shows_their_first_result(
    browser: Browser, site_url: str, root: str
) -> None:
    # Folded with the bar's button after ticking down the panel, the filters left the
    # reader partway down the new list, its first cards above the screen.
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    _open_explore(page, f"{site_url}{root}explore/")
    toggle = page.locator("[data-ds-toggle]")
    toggle.click()
    _tick(page, "task", "segmentation")
    _tick(page, "way", "no-programming")
    toggle.click()
    expect(page.locator("[data-ds-filters]")).to_be_hidden()
    bar = page.locator("[data-ds-bar]").evaluate("bar => bar.getBoundingClientRect().bottom")
    first = page.locator("[data-ds-list] li").first
    assert first.evaluate("card => card.getBoundingClientRect().top") >= bar - 1
    expect(first).to_be_in_viewport()
    expect(toggle).to_be_focused()  # a keyboard's place is kept
    context.close()


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_on_a_phone_controls_are_a_fingers_size_and_fields_not_zoomed_into(
    browser: Browser, site_url: str, root: str
) -> None:
    # Explore's sort was 25 px high and its filters' button 30, the search's close button 24
    # px (beside the field's own clear button, a cross too); the field of words was 13 px
    # text, which a phone's browser zooms into when it gets the focus.
    with on_a_phone(browser) as page:
        _open_explore(page, f"{site_url}{root}explore/")
        for control in ("[data-ds-sort]", "[data-ds-toggle]"):
            assert page.locator(control).evaluate("e => e.getBoundingClientRect().height") >= 44
        page.locator("[data-ds-toggle]").click()
        words = page.locator(".ds-explore__search input")
        assert words.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 16
        page.locator(".ds-search-open").click()
        close = page.locator(".ds-search__close")
        box = close.bounding_box()
        assert box is not None and box["width"] >= 44 and box["height"] >= 44
        field = page.locator("#ds-search [data-ds-input]").bounding_box()
        assert field is not None and box["x"] + box["width"] <= field["x"]  # not beside its cross
        assert (
            page.locator("#ds-search [data-ds-input]").evaluate(
                "e => parseFloat(getComputedStyle(e).fontSize)"
            )
            >= 16
        )


def test_explore_back_from_an_entry_returns_to_the_readers_place_in_the_list(
    browser: Browser, site_url: str
) -> None:
    # Without the back-forward cache (here, as in some browsers), Back loads the page again:
    # the browser put the reader back near the top, the list not there yet.
    with on_a_phone(browser) as page:
        _open_explore(page, f"{site_url}en/explore/?way=no-programming")
        cards = page.locator("[data-ds-list] li")
        assert cards.count() > 20
        card = cards.nth(20)
        card.scroll_into_view_if_needed()
        top = card.evaluate("card => card.getBoundingClientRect().top")
        title = card.locator("a").first
        name = title.inner_text()
        title.click()
        page.wait_for_url("**/categories/**")
        page.go_back()
        page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
        back = page.locator("[data-ds-list] li").nth(20)
        expect(back).to_contain_text(name)
        expect(back).to_be_in_viewport()
        assert abs(back.evaluate("card => card.getBoundingClientRect().top") - top) < 2


def test_explore_back_keeps_the_readers_place_when_the_language_s_words_come(
    browser: Browser, site_url: str
) -> None:
    # Back to words that the French page reads once its words have come (a participle,
    # "étiquetées", its verb's group): the list was drawn without them first, empty, the
    # reader's place not put back, then again when they came, from its top.
    with on_a_phone(browser) as page:
        _open_explore(page, f"{site_url}explore/?q=%C3%A9tiquet%C3%A9es")
        _with_the_language_s_words(page)
        cards = page.locator("[data-ds-list] li")
        assert cards.count() > 20
        card = cards.nth(20)
        card.scroll_into_view_if_needed()
        top = card.evaluate("card => card.getBoundingClientRect().top")
        title = card.locator("a").first
        name = title.inner_text()
        title.click()
        page.wait_for_url("**/categories/**")
        held: list[Route] = []  # the words come late this time
        page.route("**/search-words-fr.json", lambda route: held.append(route))
        page.go_back()
        _release_when_asked(page, held)
        page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
        _with_the_language_s_words(page)
        page.wait_for_timeout(300)  # what the words' arrival does is done
        back = page.locator("[data-ds-list] li").nth(20)
        expect(back).to_contain_text(name)
        expect(back).to_be_in_viewport()
        assert abs(back.evaluate("card => card.getBoundingClientRect().top") - top) < 2


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_on_a_wide_screen_shows_results_beside_the_filters(
    browser: Browser, site_url: str, root: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    _open_explore(page, f"{site_url}{root}explore/")
    _tick(page, "task", "segmentation")
    # What the box changed is in view, beside it, without scrolling.
    first = page.locator(".ds-explore__list > li").first
    expect(first).to_be_in_viewport()
    box = page.locator('input[name="task"][value="segmentation"]').bounding_box()
    card = first.bounding_box()
    assert box and card and card["x"] > box["x"] + 100
    # Far down the list, the filters stay at hand, and an emptied result says so in view.
    page.mouse.move(card["x"] + 20, card["y"] + 20)  # the wheel over the results
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(200)
    segmentation = page.locator('input[name="task"][value="segmentation"]')
    expect(segmentation).to_be_in_viewport()
    # Unticked there, far down: the list starts again under the count, and the box stays
    # under the pointer (the page used to jump as the list changed length).
    before = segmentation.bounding_box()
    segmentation.uncheck()
    page.wait_for_timeout(100)
    after = segmentation.bounding_box()
    assert before and after and abs(after["y"] - before["y"]) < 2, (before, after)
    expect(page.locator(".ds-explore__list > li").first).to_be_in_viewport()
    page.locator(".ds-explore__search input").fill("zzzzqx")
    expect(page.locator("[data-ds-empty]")).to_be_in_viewport()
    context.close()


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_s_filters_fill_a_laptop_s_window_beside_the_list(
    browser: Browser, site_url: str, root: str
) -> None:
    # Down the list, the filters' column reached 170 px short of a 768 px window's foot,
    # and a facet open in it was cut there, above a band of blank.
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    _open_explore(page, f"{site_url}{root}explore/")
    card = page.locator(".ds-explore__list > li").first.bounding_box()
    assert card
    page.mouse.move(card["x"] + 20, card["y"] + 20)  # the wheel over the results
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(200)
    bar = page.locator(".ds-explore__bar").bounding_box()
    filters = page.locator(".ds-explore__filters").bounding_box()
    assert bar and filters
    assert filters["y"] >= bar["y"] + bar["height"] - 1, (bar, filters)  # under the count
    assert 768 - 24 <= filters["y"] + filters["height"] <= 768, filters
    # At the list's end, with the footer in view, it still starts under the count (the
    # footer pushed a column as tall as the window up under it), and ends with the list.
    page.mouse.wheel(0, 100_000)
    page.wait_for_timeout(300)
    filters = page.locator(".ds-explore__filters").bounding_box()
    foot = page.locator(".ds-explore__foot").bounding_box()
    assert filters and foot and foot["y"] + foot["height"] < 768 - 24  # the footer in view
    assert filters["y"] >= bar["y"] + bar["height"] - 1, (bar, filters)
    assert filters["y"] + filters["height"] <= foot["y"] + foot["height"] + 1, (filters, foot)
    context.close()


@pytest.mark.parametrize(("root", "label"), [("", "Arrêtée"), ("en/", "Discontinued")])
def test_explore_filters_by_resource_status_and_shows_its_badge(
    watched: Watched, site_url: str, root: str, label: str
) -> None:
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/?lifecycle=discontinued")
    # The site is built from data/: every resource it marks discontinued, and only those.
    resources = load_knowledge_base(DataFiles.in_folder(REPO / "data")).resources
    discontinued = {r.id for r in resources if r.status == "discontinued"}
    assert "papers-with-code" in discontinued
    assert _visible_ids(page) == discontinued
    expect(page.locator("#explore-papers-with-code .ds-badge--discontinued")).to_have_text(label)
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_lists_a_resource_that_stopped_after_those_still_usable(
    watched: Watched, site_url: str, root: str
) -> None:
    # With only filters set, the list kept the data's order: "Deep Hybrid DataCloud", a
    # service that stopped, came before the computing services still open.
    page = watched.page
    resources = load_knowledge_base(DataFiles.in_folder(REPO / "data")).resources
    stopped = [r for r in resources if not r.is_active]
    assert stopped
    for category in sorted({r.category for r in stopped}):
        _open_explore(page, f"{site_url}{root}explore/?category={category}")
        while page.locator("[data-ds-more]").is_visible():
            page.locator("[data-ds-more]").click()
        ids = page.eval_on_selector_all(
            ".ds-explore__list > li", "items => items.map(item => item.id)"
        )
        usable = {f"explore-{r.id}" for r in resources if r.category == category and r.is_active}
        first_stopped = min(at for at, id_ in enumerate(ids) if id_ not in usable)
        assert set(ids[:first_stopped]) == usable, ids
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_explore_with_only_filters_opens_on_what_the_knowledge_base_cites_most(
    watched: Watched, site_url: str, root: str
) -> None:
    # In the data's order, Explore opened on cheat sheets (the first category), and "Python
    # library" on Keras Applications, before PyTorch and TensorFlow (a reader's review).
    page = watched.page
    base = load_knowledge_base(DataFiles.in_folder(REPO / "data"))
    cited = times_cited(base)
    for query, way in [("", None), ("?way=python", "python")]:
        resources = [r for r in base.resources if (way is None or way in r.ways) and r.is_active]
        most = max(cited[r.id] for r in resources)
        assert most > 0
        _open_explore(page, f"{site_url}{root}explore/{query}")
        first = _listed_ids(page)[0]
        assert cited[first] == most, (query, first, cited[first], most)
    assert watched.errors == []


@pytest.mark.parametrize(("root", "label"), [("", "Arrêtée"), ("en/", "Discontinued")])
def test_a_search_card_shows_a_resource_that_stopped(
    watched: Watched, site_url: str, root: str, label: str
) -> None:
    page = watched.page
    page.goto(f"{site_url}{root}")
    _search(page, "Papers with Code")
    card = page.locator("#ds-search .ds-result", has_text="Papers with Code").first
    expect(card.locator(".ds-badge--discontinued")).to_have_text(label)
    assert watched.errors == []


@pytest.mark.parametrize(("root", "wanted"), [("", "Adresse inconnue"), ("en/", "Address unknown")])
def test_explore_cards_say_an_address_is_wanted_and_read_a_title_in_its_language(
    watched: Watched, site_url: str, root: str, wanted: str
) -> None:
    # Explore's card of an entry without an address said nothing (search's said it), and a
    # title kept in English was read with the page's French voice.
    page = watched.page
    _open_explore(page, f"{site_url}{root}explore/")
    resources = load_knowledge_base(DataFiles.in_folder(REPO / "data")).resources
    without = {r.id for r in resources if r.url is None}
    assert without
    shown = page.locator(".ds-card", has_text=wanted)
    while page.locator("[data-ds-more]").is_visible():
        page.locator("[data-ds-more]").click()
    saying = {str(card.get_attribute("id")).removeprefix("explore-") for card in shown.all()}
    assert saying == without
    language = "en" if root else "fr"
    other = next(r for r in resources if r.title_language not in (None, language))
    title = page.locator(f"#explore-{other.id} .ds-card__title")
    expect(title).to_have_attribute("lang", str(other.title_language))
    own = next(r for r in resources if r.title_language is None)
    expect(page.locator(f"#explore-{own.id} .ds-card__title")).not_to_have_attribute(
        "lang", re.compile(".")
    )
    assert watched.errors == []


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_a_search_card_reads_a_title_in_its_language(
    watched: Watched, site_url: str, root: str
) -> None:
    page = watched.page
    page.goto(f"{site_url}{root}")
    language = "en" if root else "fr"
    resources = load_knowledge_base(DataFiles.in_folder(REPO / "data")).resources
    other = next(r for r in resources if r.title_language not in (None, language))
    title = other.title.get(language)
    _search(page, title)
    card = page.locator("#ds-search .ds-result", has_text=title).first
    expect(card.locator(f".ds-result__title [lang='{other.title_language}']")).to_have_text(title)
    assert watched.errors == []


@pytest.mark.parametrize("path", ["explore/", "en/faq/", "statistics/", "en/propose/"])
@pytest.mark.parametrize("height", [800, 768])
def test_the_navigation_shows_its_first_links_uncovered_on_a_laptop(
    watched: Watched, site_url: str, path: str, height: int
) -> None:
    # Material scrolls the navigation beside the text to centre the page's own link; its
    # sticky title (the site's name) then covered half of "Accueil" on Explore, the FAQ...
    page = watched.page
    page.set_viewport_size({"width": 1366, "height": height})
    page.goto(f"{site_url}{path}")
    page.wait_for_timeout(300)  # Material scrolls it once the page is shown
    links = page.locator(".md-sidebar--primary a.md-nav__link").all()
    shown = [link for link in links if link.is_visible()]
    assert shown
    for link in shown[:12]:
        box = link.bounding_box()
        assert box is not None
        sidebar = page.locator(".md-sidebar--primary .md-sidebar__scrollwrap").bounding_box()
        assert sidebar is not None
        if box["y"] < sidebar["y"] or box["y"] + box["height"] > sidebar["y"] + sidebar["height"]:
            continue  # scrolled out of view, as a list scrolls: not covered
        # A quarter down its height, the point shows the link itself, not what lies over it.
        x, y = box["x"] + min(20, box["width"] / 2), box["y"] + box["height"] / 4
        on_top = page.evaluate(
            "([x, y, link]) => { const at = document.elementFromPoint(x, y);"
            " return at === link || link.contains(at); }",
            [x, y, link.element_handle()],
        )
        assert on_top, (path, link.inner_text())
    assert watched.errors == []


@pytest.mark.parametrize(
    ("root", "hint"),
    [("", "Par exemple"), ("en/", "For example")],
    ids=["french", "english"],
)
def test_an_empty_search_offers_questions_to_try(
    watched: Watched, site_url: str, root: str, hint: str
) -> None:
    # On a phone the search opened on a blank screen: nothing said what it knows.
    page = watched.page
    page.goto(f"{site_url}{root}")
    page.keyboard.press("/")
    results = page.locator("#ds-search [data-ds-results]")
    expect(results).to_contain_text(hint)
    tried = results.locator("button")
    expect(tried).not_to_have_count(0)
    # Not in the status, which is announced and describes the field: they are read when
    # reached, not each time the field is emptied.
    expect(page.locator(SEARCH_STATUS)).to_have_text("")
    example = tried.first.inner_text()
    page.keyboard.press("ArrowDown")  # from the field to the first of them
    expect(tried.first).to_be_focused()
    page.keyboard.press("Enter")
    field = page.locator("#ds-search [data-ds-input]")
    expect(field).to_have_value(example)
    expect(results).to_have_attribute("data-ds-done", example)
    expect(results.locator(".ds-result").first).to_be_visible()
    expect(results).not_to_contain_text(hint)
    # Kept as a typed question is: on the next page, the search opens with it.
    page.keyboard.press("Escape")
    page.goto(f"{site_url}{root}about/")
    page.keyboard.press("/")
    expect(field).to_have_value(example)
    # Erased, the question gives the examples back.
    field.fill("")
    expect(results).to_contain_text(hint)
    expect(results.locator(".ds-result")).to_have_count(0)
    assert watched.errors == []


@pytest.mark.parametrize("width", [390, 683])
def test_the_closed_navigation_drawer_takes_no_focus_and_the_open_one_does(
    browser: Browser, site_url: str, width: int
) -> None:
    # Below a laptop's width the navigation is a drawer, out of sight when closed; its links
    # took the keyboard's focus unseen (21 tabs on Explore before its filters, at 390 px or
    # a 1366 px laptop zoomed to 200 %).
    with on_a_phone(browser, width=width) as page:
        _open_explore(page, f"{site_url}explore/")
        in_drawer = "() => !!document.activeElement.closest('.md-sidebar--primary')"
        for _ in range(25):
            page.keyboard.press("Tab")
            assert not page.evaluate(in_drawer)
        page.locator('.md-header label[for="__drawer"]').click()
        first_link = page.locator(".md-sidebar--primary a.md-nav__link").first
        expect(first_link).to_be_visible()
        first_link.focus()
        assert page.evaluate(in_drawer)


@pytest.mark.parametrize("root", ["", "en/"], ids=["french", "english"])
def test_on_a_touch_screen_a_heading_s_hidden_permalink_takes_no_room(
    browser: Browser, site_url: str, root: str
) -> None:
    # The "¶" shows on hover, which a touch screen has not: invisible, it still took its room,
    # alone on a line under a heading as wide as the phone, a blank line in 30 headings.
    with on_a_phone(browser) as page:
        page.goto(f"{site_url}{root}faq/")
        links = page.locator(".md-typeset h2 .headerlink")
        assert links.count() > 0
        widths = links.evaluate_all("links => links.map(l => l.getBoundingClientRect().width)")
        assert max(widths) <= 1
        # A keyboard (a tablet's) still reaches it, and sees it.
        links.first.focus()
        assert links.first.evaluate("l => l.getBoundingClientRect().width") > 1
    # With a mouse, it is there, shown on hover.
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{site_url}{root}faq/")
    page.locator(".md-typeset h2").first.hover()
    expect(page.locator(".md-typeset h2 .headerlink").first).to_be_visible()
    context.close()
