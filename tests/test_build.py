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


def test_a_bad_character_in_a_recent_entry_leaves_the_published_site_untouched(
    tmp_path: Path,
) -> None:
    """The check runs before anything is written: site/ from the last good build stays whole
    (it was rewritten before the feed writer failed on such a character)."""
    project = copy_project(tmp_path)
    published = project / "site"
    published.mkdir()
    (published / "index.html").write_text("the last good build", encoding="utf-8")
    resources = project / "data" / "resources.yaml"
    text = resources.read_text(encoding="utf-8")
    last_title = text.rindex("title: {fr: ")
    start = last_title + len("title: {fr: ")
    resources.write_text(text[:start] + '"\\u0001' + text[start:].replace(",", '",', 1),
                         encoding="utf-8")  # fmt: skip
    result = build_site(project)
    assert result.returncode != 0
    assert "(invalid-character)" in result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in published.iterdir()] == ["index.html"]
    assert (published / "index.html").read_text(encoding="utf-8") == "the last good build"


def test_a_bad_search_part_size_stops_the_build_with_where_to_fix_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("part_size: 2500", "part_size: 0"),
        encoding="utf-8",
    )
    result = build_site(project)
    assert result.returncode != 0
    assert "extra.search.part_size must be a whole number ≥ 1, not 0" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_a_settings_section_that_is_not_a_mapping_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  search:\n")
    end = text.index("part_size: 2500\n") + len("part_size: 2500\n")
    config.write_text(text[:start] + "  search: 2500\n" + text[end:], encoding="utf-8")
    result = build_site(project)
    assert result.returncode != 0
    assert "extra.search must hold settings (name: value)" in result.stderr
    assert "Traceback" not in result.stderr
