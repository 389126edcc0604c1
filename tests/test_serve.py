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

from tests.conftest import copy_project

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


def test_a_yaml_edit_is_served_without_restart_and_without_a_rebuild_loop(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    log = tmp_path / "serve.log"
    port = _free_port()
    page = f"http://127.0.0.1:{port}/en/categories/software/"
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as output:
        server = subprocess.Popen(
            command, cwd=project, env=environment, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        assert _wait_for(lambda: "Cellpose" in _fetch(page), 90), log.read_text()

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
        # Search is indexed in the background after each rebuild, and does follow.
        index = f"http://127.0.0.1:{port}/pagefind/pagefind-entry.json"
        assert _wait_for(lambda: '"languages"' in _fetch(index), 60), log.read_text()

        # Writing generated pages triggers at most one more build; then the server must be idle.
        time.sleep(6)
        builds = log.read_text().count(BUILT)
        time.sleep(6)
        assert log.read_text().count(BUILT) == builds, "mkdocs serve keeps rebuilding"
    finally:
        server.terminate()
        server.wait(timeout=20)
