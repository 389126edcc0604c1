"""Fixtures of the browser tests: the built site served under a sub-path as GitLab Pages serves
it, Debian's Chromium driven by Playwright, and a page that records console errors. In CI
(CI=true) a missing browser fails instead of skipping."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright import sync_api as playwright
from playwright.sync_api import Browser, ConsoleMessage, Page, Request

from deepscopie.local_server import served_under

SUB_PATH = "/deepscopie/"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 under /deepscopie/, as GitLab Pages serves it."""
    with served_under(built_site, SUB_PATH) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is not installed (.ci/run installs Debian's chromium)")
        pytest.skip("Chromium is not installed: apt-get install chromium")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


class Watched:
    """A page that records console errors and every request it makes."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("request", self._request)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _request(self, request: Request) -> None:
        self.requests.append(request.url)


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Watched(context.new_page())
    context.close()


@contextmanager
def on_a_phone(browser: Browser, width: int = 390, height: int = 844) -> Iterator[Page]:
    """A page in a phone's viewport, with touch; its context closed however the test ends."""
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=True)
    try:
        yield context.new_page()
    finally:
        context.close()
