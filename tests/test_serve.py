"""`mkdocs serve` for editors: a YAML edit shows up without a restart, and the server settles."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser

from tests.conftest import copy_project, search_files_in_memory

BUILT = "Documentation built in"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def _serve(
    project: Path, log: Path, port: int, *options: str, **variables: str
) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    command += options
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **variables}
    with log.open("w") as output:
        return subprocess.Popen(
            command, cwd=project, env=environment, stdout=output, stderr=subprocess.STDOUT
        )


def test_a_yaml_edit_is_served_without_restart_and_without_a_rebuild_loop(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    log = tmp_path / "serve.log"
    port = _free_port()
    page = f"http://127.0.0.1:{port}/en/categories/software/"
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    in_memory = search_files_in_memory()
    # As `make serve` runs it: --dirty rebuilds only what an edit changes.
    server = _serve(project, log, port, "--dirty", TMPDIR=str(temporary))
    try:
        assert _wait_for(lambda: "Cellpose" in _fetch(page), 90), log.read_text()
        index = f"http://127.0.0.1:{port}/pagefind/pagefind-entry.json"
        assert _wait_for(lambda: '"languages"' in _fetch(index), 60), log.read_text()
        first_index = _fetch(index)

        resources = project / "data" / "resources.yaml"
        text = resources.read_text(encoding="utf-8")
        resources.write_text(
            text.replace(
                "title: {fr: Cellpose, en: Cellpose}",
                "title: {fr: Cellpose, en: Cellpose edited live}",
                1,
            ),
            encoding="utf-8",
        )
        assert _wait_for(lambda: "Cellpose edited live" in _fetch(page), 60), log.read_text()
        # Search is indexed again in the background (a new index, whose hashes differ), and
        # does follow.
        assert _wait_for(
            lambda: '"languages"' in _fetch(index) and _fetch(index) != first_index, 60
        ), log.read_text()

        # Writing generated pages triggers at most one more build; then the server must be idle.
        time.sleep(6)
        builds = log.read_text().count(BUILT)
        time.sleep(6)
        assert log.read_text().count(BUILT) == builds, "mkdocs serve keeps rebuilding"
    finally:
        server.terminate()
        server.wait(timeout=20)
    # Stopped as a process manager stops it: its temporary site and search files are gone.
    assert list(temporary.iterdir()) == []
    assert search_files_in_memory() <= in_memory


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_problems_are_shown_at_every_address_and_the_site_comes_back_once_fixed(
    tmp_path: Path, browser: Browser
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    resources = project / "data" / "resources.yaml"
    good = resources.read_text(encoding="utf-8")
    # A text with an unquoted ": " breaks the YAML; started broken, the server must still serve.
    broken = good.replace(
        "title: {fr: Cellpose, en: Cellpose}", "title: {fr: Cellpose, en: Cellpose: 2}", 1
    )
    resources.write_text(broken, encoding="utf-8")
    line = _line_of(resources, "Cellpose: 2")
    log = tmp_path / "serve.log"
    port = _free_port()
    root = f"http://127.0.0.1:{port}/"
    server = _serve(project, log, port, LANG="fr_FR.UTF-8")
    context = browser.new_context()
    try:
        place = f"data/resources.yaml:{line}:"
        assert _wait_for(lambda: place in _fetch(root), 90), log.read_text()
        # Every address: a page of the site, and one the broken build does not have.
        for address in ("en/categories/software/", "en/no/such/page/"):
            assert place in _fetch_any(root + address), address
        page = context.new_page()
        page.goto(root + "en/about/")
        assert "Les données ont des problèmes" in page.inner_text("h1")  # the editor's language
        assert place in page.inner_text("body")

        # Another problem, saved: the open page reloads by itself with it.
        resources.write_text(good.replace("tags: [segmentation", "tags: [segmentaton", 1))
        tag = _line_of(resources, "segmentaton")
        page.wait_for_function(
            f"document.body && document.body.innerText.includes('data/resources.yaml:{tag}:')",
            timeout=90_000,
        )
        assert "vouliez-vous dire 'segmentation'" in page.inner_text("body")  # in French

        # Fixed: the same open page becomes the site again, without restarting the server.
        resources.write_text(good, encoding="utf-8")
        page.wait_for_function(
            "document.body && !document.body.innerText.includes('data/resources.yaml:')",
            timeout=90_000,
        )
        assert page.inner_text("h1").startswith("About")
        # The first clean build writes the generated pages: they are served too.
        software = root + "en/categories/software/"
        assert _wait_for(lambda: "Cellpose" in _fetch(software), 60), log.read_text()
    finally:
        # The server first: closing a page whose live-reload request is still pending at the
        # server sometimes never returned (about one run in five).
        server.terminate()
        server.wait(timeout=20)
        context.close()


def _fetch_any(url: str) -> str:
    """The page at ``url``, whatever its status (a 404 page too)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return str(error.read().decode("utf-8"))
