"""The MkDocs build: both languages from valid data, and nothing at all from invalid data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "data")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the site's sources, to build or break without touching the repository."""
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part, ignore=shutil.ignore_patterns("generated"))
        else:
            shutil.copy(source, tmp_path / part)
    return tmp_path


def _build(project: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        command, cwd=project, env=environment, capture_output=True, text=True, check=False
    )


def test_the_site_builds_in_french_at_the_root_and_english_under_en(project: Path) -> None:
    result = _build(project)
    assert result.returncode == 0, result.stderr
    french = (project / "site" / "index.html").read_text(encoding="utf-8")
    english = (project / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in french
    assert '<html lang="en"' in english


def test_invalid_data_stops_the_build_with_the_problem_and_publishes_nothing(project: Path) -> None:
    resources = project / "data" / "resources.yaml"
    resources.write_text(
        resources.read_text(encoding="utf-8").replace(
            "url: https://www.cellpose.org/\n", "url: javascript:alert(1)\n", 1
        ),
        encoding="utf-8",
    )
    result = _build(project)
    assert result.returncode != 0
    assert "scheme 'javascript' is not allowed" in result.stderr
    assert "(url-scheme)" in result.stderr
    assert not (project / "site").exists()
