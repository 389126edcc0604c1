"""The MkDocs build: both languages from valid data, and nothing at all from invalid data."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import build_site, copy_project


def test_the_site_builds_in_french_at_the_root_and_english_under_en(built_site: Path) -> None:
    french = (built_site / "index.html").read_text(encoding="utf-8")
    english = (built_site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in french
    assert '<html lang="en"' in english


def test_invalid_data_stops_the_build_with_the_problem_and_publishes_nothing(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path)
    resources = project / "data" / "resources.yaml"
    resources.write_text(
        resources.read_text(encoding="utf-8").replace(
            "url: https://www.cellpose.org/\n", "url: javascript:alert(1)\n", 1
        ),
        encoding="utf-8",
    )
    result = build_site(project)
    assert result.returncode != 0
    assert "scheme 'javascript' is not allowed" in result.stderr
    assert "(url-scheme)" in result.stderr
    assert not (project / "site").exists()
    assert not (project / "docs" / "categories").exists()
