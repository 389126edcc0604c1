"""The `deepscopie` command as an editor and CI run it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from deepscopie.links.ignore import IgnoreList, IgnoreRule
from tests.conftest import REPO, copy_base_data


def _deepscopie(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "deepscopie.cli", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def test_validate_on_the_real_data_exits_0_with_a_one_line_summary() -> None:
    result = _deepscopie("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("\n") == 1
    assert result.stdout.startswith("ok: ")
    assert "resources" in result.stdout and "FAQ entries" in result.stdout


def test_validate_exits_1_and_prints_no_traceback_on_a_missing_folder(tmp_path: Path) -> None:
    result = _deepscopie("validate", "--data", "nowhere", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "nowhere/faq.yaml:1:1: cannot read the file: No such file or directory (file-unreadable)",
        "nowhere/resources.yaml:1:1: cannot read the file: No such file or directory (file-unreadable)",
        "nowhere/vocabulary.yaml:1:1: cannot read the file: No such file or directory (file-unreadable)",
        "3 problems found",
    ]
    assert result.stderr == ""


def test_validate_prints_paths_relative_to_where_it_runs(tmp_path: Path) -> None:
    data = copy_base_data(tmp_path / "data")
    (data / "faq.yaml").write_text("faq: []\nextra: 1\n", encoding="utf-8")
    result = _deepscopie("validate", cwd=tmp_path)
    assert result.stdout.splitlines()[0] == (
        "data/faq.yaml:2:1: extra: unknown field 'extra': this file holds only 'faq' (unknown-field)"
    )


def test_schema_check_fails_and_names_the_stale_file(tmp_path: Path) -> None:
    result = _deepscopie("schema", "--check", "--out", str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path}/resources.schema.json: out of date with the model" in result.stdout


def test_schema_writes_the_schemas_then_check_passes(tmp_path: Path) -> None:
    assert _deepscopie("schema", "--out", str(tmp_path)).returncode == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "export-faq.schema.json",
        "export-resources.schema.json",
        "faq.schema.json",
        "link-ignore.schema.json",
        "resources.schema.json",
        "vocabulary.schema.json",
    ]
    assert _deepscopie("schema", "--check", "--out", str(tmp_path)).returncode == 0


@pytest.mark.parametrize(
    ("prefix", "rule"),
    [("h", "url-scheme"), ("https://", "url-invalid"), ("https:///x", "url-invalid")],
)
def test_an_ignore_prefix_names_a_site_at_least(tmp_path: Path, prefix: str, rule: str) -> None:
    # "h" would make the link check skip every address of the data.
    data = copy_base_data(tmp_path / "data")
    (data / "link-ignore.yaml").write_text(
        f"ignore:\n  - prefix: {prefix}\n    reason: x\n", encoding="utf-8"
    )
    result = _deepscopie("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("data/link-ignore.yaml:2:13: ignore[0].prefix: ")
    assert f"({rule})" in result.stdout


def test_an_ignore_prefix_without_a_path_covers_its_whole_host_only() -> None:
    ignore = IgnoreList((IgnoreRule(prefix="https://www.amazon.fr", reason="robots"),))
    assert ignore.reason_for("https://www.amazon.fr/dp/1") == "robots"
    assert ignore.reason_for("https://www.amazon.fr") == "robots"
    assert ignore.reason_for("https://www.amazon.fr.evil-example.org/x") is None
    path = IgnoreList((IgnoreRule(prefix="https://example.org/docs", reason="r"),))
    assert path.reason_for("https://example.org/docs-old/page") == "r"  # a text prefix


def test_validate_also_checks_the_link_ignore_list(tmp_path: Path) -> None:
    data = copy_base_data(tmp_path / "data")
    (data / "link-ignore.yaml").write_text(
        "ignore:\n  - prefix: https://x.org/\n    reson: typo\n", encoding="utf-8"
    )
    result = _deepscopie("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "data/link-ignore.yaml:2:5: ignore[0]: required field 'reason' is missing (missing-field)",
        "data/link-ignore.yaml:3:5: ignore[0].reson: unknown field 'reson': did you mean 'reason'? (unknown-field)",
        "2 problems found",
    ]
