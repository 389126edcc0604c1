"""One fixture per validation rule: the exact lines `deepscopie validate` prints.

Each file in fixtures/rules/ is named ``<rule>.<data file>.yaml``: it replaces that file of the
valid base in fixtures/base/, and its ``# expect:`` lines are the exact output expected.
"""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest

from deepscopie.cli import main
from deepscopie.rules import RULES
from tests.conftest import FIXTURES, copy_base_data

RULE_FIXTURES = sorted((FIXTURES / "rules").glob("*.yaml"))
# Rules whose input cannot be a text fixture (bytes, sizes, missing files): see test_yaml_source.
RULES_TESTED_IN_CODE = {"file-unreadable", "file-size", "encoding", "yaml-depth"}


def _expected(fixture: Path) -> list[str]:
    prefix = "# expect: "
    lines = fixture.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix(prefix) for line in lines if line.startswith(prefix)]


@pytest.mark.parametrize("fixture", RULE_FIXTURES, ids=lambda path: path.name)
def test_fixture_reports_exactly_the_expected_problems(
    fixture: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    copy_base_data(tmp_path)
    target = fixture.name.split(".")[1]
    shutil.copy(fixture, tmp_path / f"{target}.yaml")
    monkeypatch.chdir(tmp_path)

    code = main(["validate", "--data", "."])

    lines = capsys.readouterr().out.splitlines()
    expected = _expected(fixture)
    assert code == 1
    assert lines[:-1] == expected
    assert lines[-1] == f"{len(expected)} problem{'s' if len(expected) > 1 else ''} found"


def test_the_base_fixture_is_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--data", str(copy_base_data(tmp_path))]) == 0
    assert capsys.readouterr().out.startswith("ok: 2 resources")


def test_an_entry_with_a_bad_field_is_reported_without_a_python_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Its other fields are read one by one for the checks across entries; reading its
    # provenance (never exported) printed a pydantic warning, in English, into the report.
    data = copy_base_data(tmp_path)
    faq = data / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    old = "    tags: [segmentation]\n"
    assert old in text
    faq.write_text(
        text.replace(old, "    tags: [Segmentation]\n    provenance: [seed:001 FAQ 1]\n"),
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert main(["validate", "--data", str(data)]) == 1
    assert "faq[0].tags[0]: 'Segmentation' is not a valid id" in capsys.readouterr().out


def test_every_rule_is_documented_and_has_a_fixture() -> None:
    fixture_rules = {path.name.split(".")[0] for path in RULE_FIXTURES}
    assert fixture_rules <= set(RULES), "a fixture names a rule missing from deepscopie/rules.py"
    untested = set(RULES) - fixture_rules - RULES_TESTED_IN_CODE
    assert not untested, f"rules without a fixture: {sorted(untested)}"


@pytest.mark.parametrize("fixture", RULE_FIXTURES, ids=lambda path: path.name)
def test_each_fixture_exercises_its_own_rule(fixture: Path) -> None:
    rule = fixture.name.split(".")[0]
    assert any(line.endswith(f"({rule})") for line in _expected(fixture))


def _first_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, old: str, new: str
) -> str:
    """The first line `deepscopie validate` prints once ``old`` is ``new`` (its first time)
    in the base's data file ``name``, which it must refuse."""
    data = copy_base_data(tmp_path)
    path = data / name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    assert main(["validate", "--data", str(data)]) == 1
    return capsys.readouterr().out.splitlines()[0]


def test_a_question_cannot_take_a_resource_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Search tells entries apart by id: a question named "cellpose" took the tool's result.
    said = _first_problem(tmp_path, capsys, "faq.yaml", "id: gpu", "id: cellpose")
    assert said == (
        f"{tmp_path / 'faq.yaml'}:10:9: faq[1].id: id 'cellpose' already taken by a resource "
        "(resources.yaml, line 2): an FAQ question needs an id of its own (duplicate-id)"
    )


def test_a_resource_language_is_a_known_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two letters were enough: a card then said "ZZ, anglais".
    said = _first_problem(tmp_path, capsys, "resources.yaml", "[en]", "[en, zz]")
    assert said.endswith(
        "resources[0].languages[1]: 'zz' is not a language code: use ISO 639-1 (en, fr, de…) "
        "(invalid-value)"
    ), said


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("9999-12-31", "9999-12-31 is in the future: give the day it was recorded (YYYY-MM-DD)"),
        (
            "0001-01-01",
            "0001-01-01 is before 2000-01-01: give the day it was recorded (YYYY-MM-DD)",
        ),
    ],
)
def test_a_day_added_is_a_day_an_editor_could_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str, message: str
) -> None:
    # Sorting Explore by the date added put such a slip first or last.
    said = _first_problem(tmp_path, capsys, "resources.yaml", "2026-11-22", day)
    assert said.endswith(f"resources[0].added: {message} (invalid-value)"), said
