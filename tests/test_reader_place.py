"""Pages keep the reader's place, in a real browser: the language switcher carries the anchor
and the query, a permalink unfolds its FAQ entry, the home page's search field searches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import Page, expect

from tests.browser import Watched


def _switch(page: Page, language: str) -> None:
    page.locator(".md-select button").first.focus()  # opens on focus, as with a keyboard
    page.locator(f'a.md-select__link[hreflang="{language}"]').click()


def test_the_switcher_keeps_the_anchor_and_the_query_both_ways(
    watched: Watched, site_url: str
) -> None:
    page = watched.page
    page.goto(f"{site_url}categories/software/?from=test#cellpose")
    _switch(page, "en")
    page.wait_for_url(f"{site_url}en/categories/software/?from=test#cellpose")
    expect(page.locator("h3#cellpose")).to_be_in_viewport()
    # Explore keeps its filters in the query: they survive the way back, and the anchor too.
    page.goto(f"{site_url}en/explore/")
    page.locator("details.ds-explore__facet summary", has_text="Type").click()
    page.locator('input[name="type"][value="tool"]').check()
    expect(page).to_have_url(f"{site_url}en/explore/?type=tool")
    page.evaluate("location.hash = 'ds-explore'")
    _switch(page, "fr")
    page.wait_for_url(f"{site_url}explore/?type=tool#ds-explore")
    expect(page.locator('input[name="type"][value="tool"]')).to_be_checked()
    assert watched.errors == []


def test_a_permalink_unfolds_and_highlights_its_faq_entry(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(f"{site_url}faq/#cellpose-fine-tuning")
    entry = page.locator("details.ds-faq", has=page.locator("h3#cellpose-fine-tuning"))
    expect(entry).to_have_attribute("open", "")
    expect(entry.locator(".ds-answer")).to_be_visible()
    expect(page.locator("h3#cellpose-fine-tuning")).to_be_in_viewport()
    assert entry.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    other = page.locator("details.ds-faq", has=page.locator("h3#how-much-data"))
    expect(other).not_to_have_attribute("open", "")
    assert other.evaluate("e => getComputedStyle(e).outlineStyle") == "none"
    # Following another permalink on the same page (the anchor changes) unfolds that one.
    page.evaluate("location.hash = 'how-much-data'")
    expect(other).to_have_attribute("open", "")
    expect(other.locator(".ds-answer")).to_be_visible()


def test_an_address_with_a_malformed_anchor_still_has_its_search(
    watched: Watched, site_url: str
) -> None:
    """ "#%E0" cannot be decoded: the page is read as without an anchor, its scripts go on."""
    page = watched.page
    page.goto(f"{site_url}en/faq/#%E0")
    page.locator(".ds-search-open").click()
    page.locator("#ds-search [data-ds-input]").fill("cellpose")
    expect(page.locator("#ds-search .ds-result").first).to_be_visible()
    page.evaluate("location.hash = 'how-much-data'")  # and a permalink followed afterwards
    expect(page.locator("details.ds-faq", has=page.locator("h3#how-much-data"))).to_have_attribute(
        "open", ""
    )
    assert watched.errors == []


@pytest.mark.parametrize(("start", "open_word"), [("", "ouverte"), ("en/", "open")])
def test_the_open_questions_can_be_shown_alone(
    watched: Watched, site_url: str, start: str, open_word: str
) -> None:
    page = watched.page
    page.goto(f"{site_url}{start}faq/")
    every = page.locator("details.ds-faq").count()
    sizes_before = page.locator(".ds-faq-topic__size").all_inner_texts()
    box = page.locator("[data-ds-open-only]")
    box.check()
    shown = page.locator("details.ds-faq:visible")
    assert 0 < shown.count() < every
    for state in shown.evaluate_all("all => all.map(e => e.dataset.dsState)"):
        assert state == "open"
    # Each topic still shown says how many of its questions show, not its whole size.
    for topic in page.locator(".ds-faq-topic:visible").all():
        size = topic.locator(".ds-faq-topic__size").inner_text()
        n = topic.locator("details.ds-faq:visible").count()
        assert re.match(rf"{n}\s", size) and open_word in size, size
    # Kept in the address: a reload, a shared link or the other language shows the same.
    expect(page).to_have_url(f"{site_url}{start}faq/?open")
    page.reload()
    expect(box).to_be_checked()
    expect(shown).to_have_count(page.locator('details.ds-faq[data-ds-state="open"]').count())
    _switch(page, "en" if not start else "fr")
    other = "en/" if not start else ""
    page.wait_for_url(f"{site_url}{other}faq/?open")
    expect(box).to_be_checked()
    assert 0 < shown.count() < every
    page.go_back()
    box.uncheck()
    expect(page).to_have_url(f"{site_url}{start}faq/")
    assert page.locator(".ds-faq-topic__size").all_inner_texts() == sizes_before
    # An answered question's permalink unticks the box; Back to the open question ticks it
    # again, as its address says (it said "?open", the box unticked, every question shown).
    page.goto(f"{site_url}{start}faq/?open#optimising-gpu-use")
    expect(box).to_be_checked()
    page.evaluate("location.hash = 'how-much-data'")
    expect(box).not_to_be_checked()
    expect(page).to_have_url(f"{site_url}{start}faq/#how-much-data")
    page.go_back()
    expect(page).to_have_url(f"{site_url}{start}faq/?open#optimising-gpu-use")
    expect(box).to_be_checked()
    assert 0 < shown.count() < every
    # The query's other parts stay as written.
    page.goto(f"{site_url}{start}faq/?from=a%20b&x=")
    box.check()
    expect(page).to_have_url(f"{site_url}{start}faq/?from=a%20b&x=&open")
    box.uncheck()
    expect(page).to_have_url(f"{site_url}{start}faq/?from=a%20b&x=")


def test_the_open_questions_stay_alone_after_going_back(watched: Watched, site_url: str) -> None:
    # The browser ticked the box again on the way back, after the page's script had run:
    # the box said "open questions only", and every question showed.
    page = watched.page
    page.goto(f"{site_url}faq/")
    every = page.locator("details.ds-faq").count()
    page.locator("[data-ds-open-only]").check()
    page.goto(f"{site_url}about/")
    page.go_back()
    if page.locator("[data-ds-open-only]").is_checked():
        assert 0 < page.locator("details.ds-faq:visible").count() < every
    assert watched.errors == []


@pytest.mark.parametrize("start", ["", "en/"])
def test_a_question_the_filter_hides_shows_when_a_search_leads_to_it(
    watched: Watched, site_url: str, start: str
) -> None:
    # With the open questions alone, a search's answered question was a dead end: the
    # address named it, and nothing showed.
    page = watched.page
    page.goto(f"{site_url}{start}faq/")
    box = page.locator("[data-ds-open-only]")
    box.check()
    answered = page.locator("details.ds-faq", has=page.locator("h3#how-much-data"))
    expect(answered).to_be_hidden()
    page.keyboard.press("/")
    page.locator("#ds-search [data-ds-input]").fill(
        "how much data" if start else "combien de données"
    )
    link = page.locator('#ds-search [data-ds-results] a[href$="#how-much-data"]')
    link.first.click()
    expect(answered).to_be_visible()
    expect(answered).to_have_attribute("open", "")
    expect(box).not_to_be_checked()
    # The same result followed again, the box ticked meanwhile: the address does not change.
    box.check()
    expect(answered).to_be_hidden()
    page.keyboard.press("/")
    link.first.click()
    expect(answered).to_be_visible()
    expect(box).not_to_be_checked()
    # A topic the box hides whole, named by the address (its table of contents' link).
    box.check()
    topic_id = page.locator(".ds-faq-topic[hidden] h2").first.get_attribute("id")
    page.evaluate(f"location.hash = '{topic_id}'")
    expect(page.locator(f"h2#{topic_id}")).to_be_in_viewport()
    expect(box).not_to_be_checked()
    assert watched.errors == []


def test_slash_opens_search_after_a_filter_or_a_menu_but_not_in_a_text_field(
    watched: Watched, site_url: str
) -> None:
    # The home page says "/" opens search anywhere: it did nothing once a box was ticked or
    # the sort menu used, and it must stay a character in a field where one types.
    page = watched.page
    page.goto(f"{site_url}en/explore/")
    dialog = page.locator("#ds-search")
    page.locator("[data-ds-explore] input[type=checkbox]").first.check()
    page.keyboard.press("/")
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    page.locator("[data-ds-sort]").select_option("title")
    page.keyboard.press("/")
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    words = page.locator('[data-ds-explore] input[name="q"]')
    words.fill("u-net")
    words.press("/")
    expect(dialog).to_be_hidden()
    expect(words).to_have_value("u-net/")
    assert watched.errors == []


@pytest.mark.parametrize(("start", "field"), [("", "fr"), ("en/", "en")])
def test_the_home_page_search_field_searches(
    watched: Watched, site_url: str, start: str, field: str
) -> None:
    page = watched.page
    page.goto(f"{site_url}{start}")
    page.locator(f"#ds-search-form-{field}").fill("stardist")
    page.locator(f"#ds-search-form-{field}").press("Enter")
    expect(page.locator("#ds-search")).to_be_visible()
    expect(page.locator("#ds-search [data-ds-input]")).to_have_value("stardist")
    expect(page.locator("#ds-search [data-ds-results] a").first).to_contain_text("StarDist")


def test_without_javascript_explore_and_the_categories_replace_search(
    browser: object, site_url: str
) -> None:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}en/")
    expect(page.locator(".ds-search-open")).to_be_hidden()
    expect(page.locator("#ds-search-form-en")).to_be_hidden()  # no search behind it
    page.locator("[data-ds-no-search] a", has_text="Categories").click()
    page.wait_for_url(f"{site_url}en/#categories")
    page.locator("[data-ds-no-search] a", has_text="Explore").click()
    page.wait_for_url(f"{site_url}en/explore/")
    context.close()


def test_with_javascript_the_header_offers_search_instead(watched: Watched, site_url: str) -> None:
    watched.page.goto(site_url)
    expect(watched.page.locator(".ds-search-open")).to_be_visible()
    expect(watched.page.locator("[data-ds-no-search]")).to_be_hidden()


def test_the_keyboard_shortcut_is_mentioned_only_with_a_keyboard(
    browser: object, site_url: str
) -> None:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    page = phone.new_page()
    page.goto(site_url)
    expect(page.locator(".ds-search-form__hint")).to_be_hidden()
    phone.close()
    desktop = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desktop.new_page()
    page.goto(site_url)
    expect(page.locator(".ds-search-form__hint")).to_be_visible()
    desktop.close()


@pytest.mark.parametrize(("root", "language"), [("", "fr"), ("en/", "en")])
def test_each_language_has_its_404_page(built_site: Path, root: str, language: str) -> None:
    page = (built_site / root / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in page
    # The tab and a screen reader say what happened, not the site's name alone.
    missing = {"fr": "Page introuvable", "en": "Page not found"}[language]
    assert f"<title>{missing} - DeepScopie</title>" in page
    assert 'type="search"' in page and "data-ds-search-form" in page
    assert page.count('href="/' + root + "categories/") >= 5
    # The ways on that a phone hides behind its menu: Explore, the FAQ, the home page.
    ways = page.split('class="ds-not-found__ways"', 1)[1].split("</ul>", 1)[0]
    hrefs = [href.replace("/./", "/") for href in re.findall(r'href="([^"]*)"', ways)]
    assert hrefs == [f"/{root}explore/", f"/{root}faq/", f"/{root}"]
    # Its language menu leads to each language's home (it has no page of its own to switch).
    menu = dict(re.findall(r'<a href="([^"]*)" hreflang="(\w+)" class="md-select__link"', page))
    assert {lang: href.rstrip(".") for href, lang in menu.items()} == {"fr": "/", "en": "/en/"}


@pytest.mark.parametrize("page", ["index.html", "en/index.html", "en/faq/index.html"])
def test_the_language_menu_names_each_language_in_its_own(built_site: Path, page: str) -> None:
    # A French voice read "English" with French sounds, an English one "Français" (WCAG
    # 3.1.2): each name is marked with its language.
    html = (built_site / page).read_text(encoding="utf-8")
    links = re.findall(r'<a [^>]*class="md-select__link"[^>]*>\s*([^<]*?)\s*</a>', html)
    assert sorted(links) == ["English", "Français"]
    for code, name in [("en", "English"), ("fr", "Français")]:
        assert re.search(
            rf'<a [^>]*hreflang="{code}"[^>]*lang="{code}"[^>]*>\s*{name}\s*</a>', html
        )
