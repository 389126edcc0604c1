"""A merge request's preview: the built site as GitLab serves a job's artifact, under a deep
sub-path (``/-/<project>/-/jobs/<id>/artifacts/public/``), with search and Explore working."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from deepscopie.local_server import served
from tests.test_browser import _open_explore, _search

DEEP_PATH = "/-/deepscopie/-/jobs/123/artifacts/public/"


@pytest.fixture(scope="module")
def preview_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("artifacts")
    parent = root / DEEP_PATH.strip("/").rsplit("/", 1)[0]
    parent.mkdir(parents=True)
    (parent / "public").symlink_to(built_site, target_is_directory=True)
    with served(root) as address:
        yield address.rstrip("/") + DEEP_PATH


def test_search_and_explore_work_under_a_merge_requests_artifact_path(
    browser: Browser, preview_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda r: outside.append(r.url) if DEEP_PATH not in r.url else None)
    try:
        # GitLab links the artifact's index.html; every page must work from there.
        page.goto(f"{preview_url}index.html")
        links = _search(page, "cellpose")  # as the other browser tests search
        assert links and all(DEEP_PATH in link or not link.startswith("/") for link in links)
        page.locator("#ds-search a").first.click()
        page.wait_for_load_state()
        assert page.url.startswith(preview_url) and "#" in page.url, page.url
        expect(page.locator("h1")).to_be_visible()

        _open_explore(page, f"{preview_url}en/explore/")
        everything = int(page.locator("[data-ds-count]").inner_text())
        page.locator('details:has(fieldset[data-facet="category"]) > summary').click()
        page.locator('input[name="category"][value="software"]').check()
        expect(page.locator("#explore-cellpose")).to_be_visible()
        expect(page.locator("#explore-ilastik")).to_be_visible()
        assert 0 < int(page.locator("[data-ds-count]").inner_text()) < everything
        assert page.url == f"{preview_url}en/explore/?category=software"
        assert errors == [] and outside == []
    finally:
        context.close()
