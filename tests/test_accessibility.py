"""Accessibility, in Chromium: axe-core on every kind of page, in both languages and both colour
themes, and the site used with the keyboard alone (search, Explore's filters, language switch).

axe-core checks what can be checked by machine (contrast, names, landmarks, ARIA, headings);
a violation of impact "serious" or "critical" fails the test with what and where.
"""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

# One page of each kind, by its address under a language's root.
PAGE_KINDS = {
    "home": "",
    "category": "categories/software/",
    "faq": "faq/",
    "tag": "tags/segmentation/",
    "tag index": "tags/",
    "type": "types/tool/",
    "type index": "types/",
    "explore": "explore/",
    "statistics": "statistics/",
    "about": "about/",
    "contribute": "contribute/",
}
LANGUAGE_ROOTS = {"french": "", "english": "en/"}
FAILING_IMPACTS = {"serious", "critical"}
# The WCAG 2.1 A and AA rules, and axe's best practices (headings, landmarks, regions).
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


def serious_violations(page: Page) -> list[str]:
    """axe's serious and critical violations on the page as it is now, one line each."""
    results = Axe().run(page, options=AXE_OPTIONS).response
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} – "
        + "; ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in results["violations"]
        if violation["impact"] in FAILING_IMPACTS
    ]


@pytest.fixture(params=["light", "dark"])
def themed_page(request: pytest.FixtureRequest, browser: Browser) -> Any:
    """A page whose system preference is the light or dark theme (the palette follows it)."""
    context = browser.new_context(
        color_scheme=request.param, viewport={"width": 1280, "height": 900}
    )
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("root", LANGUAGE_ROOTS.values(), ids=LANGUAGE_ROOTS.keys())
@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_no_serious_accessibility_violation(
    themed_page: Page, site_url: str, root: str, path: str
) -> None:
    themed_page.goto(f"{site_url}{root}{path}")
    if path == "explore/":
        themed_page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
        # Every facet open, their checkboxes checked too (a click would close those that
        # start open).
        themed_page.evaluate(
            "document.querySelectorAll('.ds-explore__facet').forEach(f => f.open = true)"
        )
        expect(themed_page.locator(".ds-explore__facet:not([open])")).to_have_count(0)
    assert serious_violations(themed_page) == []


# The narrowest screen WCAG asks a page to fit (1.4.10, Reflow): 320 CSS pixels.
NARROWEST = 320
# How much wider than the window a page lays itself out (its sideways scroll).
_WIDER = "() => document.documentElement.scrollWidth - window.innerWidth"


@pytest.mark.parametrize("root", LANGUAGE_ROOTS.values(), ids=LANGUAGE_ROOTS.keys())
@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_every_page_fits_a_narrow_phone_without_scrolling_sideways(
    browser: Browser, site_url: str, root: str, path: str
) -> None:
    """Explore's filter panel, every facet open, made French pages 383 px wide at 320 to
    375: a label too long for the panel ("Culture et applications diverses du deep learning
    7") did not break."""
    context = browser.new_context(viewport={"width": NARROWEST, "height": 640})
    page = context.new_page()
    page.goto(f"{site_url}{root}{path}")
    if path == "explore/":
        page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
        page.locator("[data-ds-toggle]").click()
    page.evaluate(
        "document.querySelectorAll('details').forEach((details) => (details.open = true))"
    )
    assert page.evaluate(_WIDER) <= 0
    page.locator(".ds-search-open").click()
    page.locator("#ds-search [data-ds-input]").fill("segmentation de noyaux sans programmer")
    page.locator("#ds-search .ds-result").first.wait_for()
    assert page.evaluate(_WIDER) <= 0
    context.close()


@pytest.mark.parametrize("root", LANGUAGE_ROOTS.values(), ids=LANGUAGE_ROOTS.keys())
def test_no_serious_accessibility_violation_in_search_results(
    themed_page: Page, site_url: str, root: str
) -> None:
    themed_page.goto(f"{site_url}{root}")
    themed_page.locator(".ds-search-open").click()
    themed_page.locator("#ds-search [data-ds-input]").fill("cellpose")
    themed_page.locator("#ds-search .ds-result").first.wait_for()
    assert serious_violations(themed_page) == []
    # The result the arrow keys are on (a tinted background took its grey text, and its
    # title in dark, below 4.5:1).
    themed_page.keyboard.press("ArrowDown")
    expect(themed_page.locator("#ds-search .ds-result__link:focus")).to_have_count(1)
    assert serious_violations(themed_page) == []


# A page's first link to a resource, and Explore's first card.
FIRST_LINKS = {
    "category": ("categories/software/", "article a[href^='http']"),
    "explore": ("explore/", ".ds-explore__list a"),
}


@pytest.mark.parametrize("kind", FIRST_LINKS.values(), ids=FIRST_LINKS.keys())
def test_no_serious_accessibility_violation_on_a_link_with_the_keyboard_focus(
    themed_page: Page, site_url: str, kind: tuple[str, str]
) -> None:
    """A link under the keyboard's focus (or the pointer) takes Material's accent colour:
    indigo's was 4.3:1 on white and 3.8:1 on the dark theme."""
    path, links = kind
    themed_page.goto(f"{site_url}en/{path}")
    link = themed_page.locator(links).first
    link.focus()
    expect(link).to_be_focused()
    assert serious_violations(themed_page) == []


# An entry of each kind of page that frames the entry its address names: the first there.
PERMALINK_PAGES = {
    "resource": ("categories/software/", ".ds-entry > h3[id]"),
    "faq": ("faq/", "details.ds-faq h3[id]"),
}


@pytest.mark.parametrize("root", LANGUAGE_ROOTS.values(), ids=LANGUAGE_ROOTS.keys())
@pytest.mark.parametrize("kind", PERMALINK_PAGES.values(), ids=PERMALINK_PAGES.keys())
def test_no_serious_accessibility_violation_on_the_entry_a_permalink_opens(
    themed_page: Page, site_url: str, root: str, kind: tuple[str, str]
) -> None:
    """Highlighted as a search result opens it (a tinted background took the grey of its
    facts, and its links in dark, below 4.5:1)."""
    path, headings = kind
    themed_page.goto(f"{site_url}{root}{path}")
    entry = themed_page.locator(headings).first.get_attribute("id")
    opened = themed_page.context.new_page()  # arriving with the address, as from a result
    opened.goto(f"{site_url}{root}{path}#{entry}")
    expect(opened.locator(f"[id='{entry}']:target")).to_have_count(1)
    expect(opened.locator(f"[id='{entry}']")).to_be_visible()  # an FAQ entry, unfolded
    assert serious_violations(opened) == []


@pytest.mark.parametrize("root", LANGUAGE_ROOTS.values(), ids=LANGUAGE_ROOTS.keys())
@pytest.mark.parametrize("path", ["categories/software/", "faq/"], ids=["category", "faq"])
def test_no_serious_accessibility_violation_on_the_section_a_permalink_opens(
    themed_page: Page, site_url: str, root: str, path: str
) -> None:
    """A section's heading opened from the table of contents marks the entries under it (a
    tinted background took the grey of their facts below 4.5:1)."""
    themed_page.goto(f"{site_url}{root}{path}")
    section = themed_page.locator("article h2[id]").first.get_attribute("id")
    themed_page.goto(f"{site_url}{root}{path}#{section}")
    expect(themed_page.locator(".ds-targeted").first).to_be_attached()
    assert serious_violations(themed_page) == []


@pytest.mark.parametrize("root", LANGUAGE_ROOTS.values(), ids=LANGUAGE_ROOTS.keys())
def test_no_serious_accessibility_violation_in_explore_cards_and_empty_result(
    themed_page: Page, site_url: str, root: str
) -> None:
    # Cards with their badges and tags, choices disabled for leading nowhere, and the note
    # on a filter of the address that the list does not have.
    themed_page.goto(f"{site_url}{root}explore/?tag=nuclei&way=no-programming&task=no-such-task")
    themed_page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
    expect(themed_page.locator(".ds-explore__unknown")).to_be_visible()
    themed_page.evaluate(
        "document.querySelectorAll('.ds-explore__facet').forEach(f => f.open = true)"
    )
    expect(themed_page.locator(".ds-explore__facet:not([open])")).to_have_count(0)
    assert serious_violations(themed_page) == []
    # An empty result and its way out.
    themed_page.goto(f"{site_url}{root}explore/?tag=nuclei&type=book")
    themed_page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
    expect(themed_page.locator("[data-ds-empty]")).to_be_visible()
    assert serious_violations(themed_page) == []


@pytest.mark.parametrize("root", LANGUAGE_ROOTS.values(), ids=LANGUAGE_ROOTS.keys())
@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_no_serious_accessibility_violation_on_a_phone(
    browser: Browser, site_url: str, root: str, path: str
) -> None:
    """What a phone's width changes: a table wider than the screen scrolls in its own box,
    which the keyboard could not reach (the Contribute page's tables of fields)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{site_url}{root}{path}")
    if path == "explore/":
        page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
    assert serious_violations(page) == []
    context.close()


# The smallest text a page shows, in CSS pixels.
SMALLEST_TEXT = 12
# Each visible text's element, by its classes, whose size is under SMALLEST_TEXT (details
# open: an FAQ entry's tags).
_SMALL_TEXT = """smallest => { document.querySelectorAll('details').forEach(d => (d.open = true));
  const small = new Set(); const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || !element.checkVisibility()) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < smallest) small.add(`${element.tagName} ${element.className} ${size}px`);
  }
  return [...small]; }"""


@pytest.mark.parametrize("root", LANGUAGE_ROOTS.values(), ids=LANGUAGE_ROOTS.keys())
@pytest.mark.parametrize(
    "path", [*PAGE_KINDS.values(), "propose/", "404.html"], ids=[*PAGE_KINDS, "propose", "404"]
)
def test_no_text_is_smaller_than_12_pixels(
    browser: Browser, site_url: str, root: str, path: str
) -> None:
    """An FAQ entry's tags were 11.2 px, the key in the search field's hint 10.5, and code in
    the Contribute page's tables 10.9."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}{root}{path}")
    if path == "explore/":
        page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
    assert page.evaluate(_SMALL_TEXT, SMALLEST_TEXT) == []
    context.close()


def test_no_serious_accessibility_violation_in_explore_on_a_phone(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="dark")
    page = context.new_page()
    page.goto(f"{site_url}explore/")
    page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
    page.locator("[data-ds-toggle]").click()
    assert serious_violations(page) == []
    context.close()


def tab_to(page: Page, selector: str, limit: int = 200) -> None:
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} was not reached with the Tab key")


def test_search_with_the_keyboard_alone(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}en/")
    tab_to(page, ".ds-search-open")
    page.keyboard.press("Enter")
    expect(page.locator("#ds-search [data-ds-input]")).to_be_focused()
    page.keyboard.type("stardist")
    page.locator("#ds-search .ds-result").first.wait_for()
    tab_to(page, ".ds-result__link")
    chosen = page.evaluate("document.activeElement.href")
    assert chosen.startswith(f"{site_url}en/")
    page.keyboard.press("Enter")
    expect(page).to_have_url(chosen)
    expect(page.locator("#ds-search")).not_to_be_visible()
    page.close()


def test_explore_filters_with_the_keyboard_alone(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}explore/")
    page.wait_for_selector("[data-ds-explore][data-ready]", state="attached")
    total = page.locator("[data-ds-count]").inner_text()
    tab_to(page, 'details:has(fieldset[data-facet="category"]) > summary')
    page.keyboard.press("Enter")  # opens the facet (what the reader wants to do is open)
    tab_to(page, 'input[name="category"][value="software"]')
    page.keyboard.press("Space")
    expect(page.locator('input[name="category"][value="software"]')).to_be_checked()
    expect(page.locator("[data-ds-count]")).not_to_have_text(total)
    tab_to(page, 'details:has(fieldset[data-facet="type"]) > summary')
    page.keyboard.press("Enter")  # opens the facet
    tab_to(page, 'input[name="type"][value="tool"]')
    page.keyboard.press("Space")
    expect(page.locator('input[name="type"][value="tool"]')).to_be_checked()
    expect(page).to_have_url(f"{site_url}explore/?category=software&type=tool")
    tab_to(page, '.ds-explore__filters button[type="reset"]')
    page.keyboard.press("Enter")
    expect(page.locator("[data-ds-count]")).to_have_text(total)
    page.close()


def test_switch_language_with_the_keyboard_alone(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}faq/")
    tab_to(page, '.md-select__link[hreflang="en"]')
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}en/faq/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.close()
