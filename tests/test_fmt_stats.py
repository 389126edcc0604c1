"""`deepscopie fmt` (canonical, idempotent, comments kept) and `deepscopie stats`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from deepscopie.cli import main
from deepscopie.editing.fmt import formatted
from deepscopie.knowledge_base import DataFiles, load_knowledge_base
from deepscopie.model import ResourcesFile, VocabularyFile
from tests.conftest import REPO
from tests.test_add import NEW_RESOURCE

CELLPOSE = """  - id: cellpose
    title: {fr: Cellpose, en: Cellpose}
    url: https://www.cellpose.org/"""
SHUFFLED = """  - title: {en: Cellpose, fr: Cellpose}
    url: https://www.cellpose.org/
    id: cellpose"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(REPO / "data", copy)
    return copy


def test_the_data_in_the_repository_is_formatted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fmt", "--check", "--data", str(REPO / "data")]) == 0
    assert capsys.readouterr().out == "ok: every data file is formatted\n"


def test_check_names_an_unformatted_file_and_changes_nothing(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    resources = data / "resources.yaml"
    shuffled = resources.read_text(encoding="utf-8").replace(CELLPOSE, SHUFFLED)
    resources.write_text(shuffled, encoding="utf-8")
    assert main(["fmt", "--check", "--data", str(data)]) == 1
    out = capsys.readouterr().out
    assert out.endswith(f"{resources}: not formatted: run `deepscopie fmt`\n")
    # A unified diff says where and what: the moved lines of that one entry, nothing else.
    lines = out.splitlines()
    assert lines[:2] == [f"--- {resources}", f"+++ {resources} (deepscopie fmt)"]
    assert lines[2].startswith("@@ -")
    changed = [line for line in lines[2:-1] if line[:1] in "+-" and not line.startswith("@@")]
    assert changed and all(line[1:].strip() in CELLPOSE + SHUFFLED for line in changed)
    assert resources.read_text(encoding="utf-8") == shuffled


def test_fmt_restores_the_canonical_order_and_a_second_run_changes_nothing(data: Path) -> None:
    resources = data / "resources.yaml"
    original = resources.read_text(encoding="utf-8")
    resources.write_text(original.replace(CELLPOSE, SHUFFLED), encoding="utf-8")
    assert main(["fmt", "--data", str(data)]) == 0
    once = resources.read_text(encoding="utf-8")
    assert once == original  # comments, blank lines and quotes kept; fields back in order
    assert main(["fmt", "--data", str(data)]) == 0
    assert resources.read_text(encoding="utf-8") == once


def test_fmt_refuses_a_file_yaml_cannot_read_safely(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    faq = data / "faq.yaml"
    faq.write_text("faq:\n  - id: a\n    id: b\n", encoding="utf-8")
    assert main(["fmt", "--data", str(data)]) == 1
    assert "faq.yaml:3:5: faq[0].id: duplicate key 'id'" in capsys.readouterr().out
    assert faq.read_text(encoding="utf-8") == "faq:\n  - id: a\n    id: b\n"


@pytest.mark.parametrize("impossible", ["2026-02-30", "2026-13-01", "0000-01-01"])
def test_fmt_says_where_an_impossible_date_is_in_the_editor_s_language(
    data: Path, capsys: pytest.CaptureFixture[str], impossible: str
) -> None:
    # YAML's reader took it for a date and stopped: "day is out of range for month", no place.
    resources = data / "resources.yaml"
    text = resources.read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.strip().startswith("added:"))
    dated = re.sub(r"added: \d{4}-\d{2}-\d{2}", f"added: {impossible}", text, count=1)
    resources.write_text(dated, encoding="utf-8")
    assert main(["fmt", "--check", "--lang", "fr", "--data", str(data)]) == 1
    out = capsys.readouterr().out
    assert f"resources.yaml:{line}:" in out
    assert f"'{impossible}' n'est pas une date valide" in out
    assert main(["fmt", "--data", str(data)]) == 1
    assert resources.read_text(encoding="utf-8") == dated  # nothing written


@pytest.mark.parametrize("value", ["2026-02-30", "2026-11-22T99:00:00"])
def test_fmt_says_where_a_text_yaml_reads_as_an_impossible_date_is(
    data: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    # A title is text, which validation accepts; fmt's YAML reader took it for a date or a
    # time and stopped, saying neither where nor which ("day is out of range for month").
    faq = data / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    line = next(
        n for n, row in enumerate(text.splitlines(), 1) if "fr: " in row and "title" not in row
    )
    column = text.splitlines()[line - 1].index("fr: ") + len("fr: ") + 1
    old = text.splitlines()[line - 1]
    dated = text.replace(old, old[: column - 1] + value, 1)
    faq.write_text(dated, encoding="utf-8")
    assert main(["validate", "--data", str(data)]) == 0
    capsys.readouterr()
    assert main(["fmt", "--check", "--lang", "fr", "--data", str(data)]) == 1
    out = capsys.readouterr().out
    assert f"faq.yaml:{line}:{column}: YAML lit « {value} » comme une date" in out
    assert faq.read_text(encoding="utf-8") == dated


def test_what_stopped_fmt_is_shown_without_the_terminal_obeying_it(data: Path) -> None:
    # ruamel.yaml's message may quote the data, escape sequences and all.
    from deepscopie.cli import _unformattable

    said = _unformattable(data, data / "faq.yaml", ValueError("found \x1b]0;owned\x07 here"), "fr")
    assert "\x1b" not in said and "\x07" not in said
    assert said.startswith(f"{data / 'faq.yaml'} : mise en forme impossible : found ")


def test_fmt_speaks_the_editor_s_language(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fmt", "--check", "--lang", "fr", "--data", str(data)]) == 0
    assert capsys.readouterr().out == "ok : tous les fichiers de données sont mis en forme\n"
    resources = data / "resources.yaml"
    resources.write_text(
        resources.read_text(encoding="utf-8").replace(CELLPOSE, SHUFFLED), encoding="utf-8"
    )
    assert main(["fmt", "--lang", "fr", "--data", str(data)]) == 0
    assert capsys.readouterr().out == f"{resources} : mis en forme\n"


def test_an_added_entry_is_already_formatted(data: Path) -> None:
    assert main(["add", "--data", str(data), *NEW_RESOURCE]) == 0
    assert main(["fmt", "--check", "--data", str(data)]) == 0


def test_stats_says_what_needs_an_editor(capsys: pytest.CaptureFixture[str]) -> None:
    base = load_knowledge_base(DataFiles.in_folder(REPO / "data"))
    assert main(["stats", "--data", str(REPO / "data")]) == 0
    out = capsys.readouterr().out
    open_ids = [entry.id for entry in base.faq if entry.is_open]
    assert out.startswith(
        f"{len(base.resources)} resources, {len(base.faq)} FAQ entries ({len(open_ids)} open)\n"
    )
    needing = [r.id for r in base.resources if r.url_needed]
    assert f"\nneeding a URL: {len(needing)}\n" + "".join(f"  {i}\n" for i in needing) in out
    assert f"\nopen questions: {len(open_ids)}\n" in out
    software = sum(r.category == "software" for r in base.resources)
    assert re.search(rf"\n  software +{software}\n", out)


def test_a_comment_above_a_field_moves_with_it() -> None:
    # ruamel keeps the lines above a field at the end of the field before: reordered, they
    # stayed there, above another field (the FAQ topics' comment above the synonyms).
    vocabulary = """# The categories.
categories: []
# The FAQ topics.
faq_topics: []
# The synonyms,
# on two lines.

synonyms:
  - [tracking, suivi]
"""
    assert (
        formatted(vocabulary, VocabularyFile)
        == """# The categories.
categories: []
# The synonyms,
# on two lines.

synonyms:
  - [tracking, suivi]
# The FAQ topics.
faq_topics: []
"""
    )
    resources = """resources:
  - id: a
    type: tool
    # Until 2020.
    year: 2018
    languages: [en]  # on the field's own line: stays there
    tags:
      - python
      # napari too, once it has its tag (indented: about the list, stays in it).
    # Added on the day of the course.
    added: 2026-11-22

  - id: b
"""
    assert (
        formatted(resources, ResourcesFile)
        == """resources:
  - id: a
    type: tool
    tags:
      - python
      # napari too, once it has its tag (indented: about the list, stays in it).
    languages: [en]  # on the field's own line: stays there
    # Until 2020.
    year: 2018
    # Added on the day of the course.
    added: 2026-11-22

  - id: b
"""
    )


def test_a_comment_above_a_field_that_comes_first_in_an_entry_keeps_the_file_valid() -> None:
    # Written after the entry's "- " (where ruamel puts the lines above its first key), it
    # made "- # above id" and swallowed the title into the id, and fmt said "formatted".
    resources = """resources:

  - title: {fr: A, en: A}
    # A permanent id.
    id: a
    url: https://example.org/a
"""
    once = formatted(resources, ResourcesFile)
    assert (
        once
        == """resources:

  - id: a
    # A permanent id.
    title: {fr: A, en: A}
    url: https://example.org/a
"""
    )
    assert formatted(once, ResourcesFile) == once


def test_every_value_per_language_is_put_in_the_site_s_order_of_languages() -> None:
    vocabulary = "searched_as:\n  en: {visualize: visualise}\n  fr: {formation: cours}\n"
    assert formatted(vocabulary, VocabularyFile) == (
        "searched_as:\n  fr: {formation: cours}\n  en: {visualize: visualise}\n"
    )
