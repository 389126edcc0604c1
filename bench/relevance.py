"""How often the site's own search answers a reader's question: every question of a query file
(``../shared/search/queries-dev.json`` by default) typed into the search of the built site in
headless Chromium, in its language, and the entries the search shows read in their order.

A question succeeds when one of the entries that answer it (resource or FAQ ids) is among the
first three *entry* results (links to an entry's permalink, ``…#<id>``, in the order the
search shows them; links to pages that are not entries are skipped). Reported per language:
success@3 and the mean reciprocal rank (MRR, the first answering entry among the first 10).

The query file is a development set: improve search for readers in general, not for its words.

Run: .venv/bin/python bench/relevance.py [--queries FILE] [--site site/] [--details]
(without --site, the project is built first into a temporary folder).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from common import CHROMIUM_FLAGS, REPO, chromium_path, mkdocs_build, project_copy, served
from playwright.sync_api import Page, sync_playwright

DEFAULT_QUERIES = REPO.parent / "shared" / "search" / "queries-dev.json"
DEPTH = 10
LANGUAGE_ROOTS = {"fr": "", "en": "en/"}
# The links of the search results, in the order shown (today's interface, and Pagefind's
# default one, which earlier versions of the site used).
RESULT_LINKS = "#ds-search .ds-result a[href], #ds-search .pagefind-ui__results a[href]"
# Set by assets/javascripts/search.js on its results once a search is complete.
DONE = "#ds-search [data-ds-results][data-ds-query]"


def entry_ids(data: Path) -> set[str]:
    """The ids of every resource and FAQ entry (the anchors that are entries)."""
    resources = yaml.safe_load((data / "resources.yaml").read_text(encoding="utf-8"))
    faq = yaml.safe_load((data / "faq.yaml").read_text(encoding="utf-8"))
    return {entry["id"] for entry in [*resources["resources"], *faq["faq"]]}


def entry_ranking(page: Page, query: str, entries: set[str]) -> list[str]:
    """The ids of the entries the search shows for ``query``, best first."""
    field = page.locator("#ds-search .pagefind-ui__search-input, #ds-search [data-ds-input]").first
    field.fill("")
    field.fill(query)
    if page.locator("#ds-search [data-ds-results]").count():
        page.wait_for_function(
            "q => document.querySelector('#ds-search [data-ds-results]')?.dataset.dsQuery === q",
            arg=query,
        )
    else:  # Pagefind's default interface says "N results for …" when it is done.
        message = page.locator(".pagefind-ui__message")
        message.filter(has_text=query).wait_for()
        page.wait_for_timeout(300)  # its sub-results fill in after the message
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")
    ids: list[str] = []
    for href in hrefs:
        anchor = unquote(urlsplit(href).fragment)
        if anchor in entries and anchor not in ids:
            ids.append(anchor)
    return ids


def measure(
    site_url: str, queries: dict[str, dict[str, list[str]]], entries: set[str], details: bool
) -> None:
    print("| language | questions | success@3 | MRR |")
    print("|---|---:|---:|---:|")
    lines = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        for language, root in LANGUAGE_ROOTS.items():
            if not queries.get(language):
                continue  # a file of questions in one language only
            page = browser.new_page()
            page.goto(f"{site_url}{root}")
            page.locator(".ds-search-open").click()
            hits, reciprocal = 0, 0.0
            for query, answers in queries[language].items():
                ranking = entry_ranking(page, query, entries)[:DEPTH]
                rank = next((i for i, id_ in enumerate(ranking, 1) if id_ in answers), None)
                hits += rank is not None and rank <= 3
                reciprocal += 1 / rank if rank else 0.0
                verdict = "ok  " if rank and rank <= 3 else "MISS"
                lines.append(f"{language} {verdict} {query!r}: rank {rank}, top {ranking[:5]}")
            total = len(queries[language])
            print(f"| {language} | {total} | {hits / total:.0%} | {reciprocal / total:.2f} |")
            page.close()
        browser.close()
    if details:
        print()
        print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=Path, default=DEFAULT_QUERIES)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--details", action="store_true", help="each question's rank")
    args = parser.parse_args()
    raw = json.loads(args.queries.read_text(encoding="utf-8"))
    queries = {language: raw[language] for language in LANGUAGE_ROOTS}
    with tempfile.TemporaryDirectory() as folder:
        site = args.site
        if site is None:
            site = mkdocs_build(project_copy(REPO / "data", Path(folder) / "project"))
        with served(site) as address:
            measure(address, queries, entry_ids(REPO / "data"), args.details)


if __name__ == "__main__":
    main()
