"""Reading YAML safely: what PyYAML alone would let through, and the inputs no fixture can hold."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from deepscopie import yaml_source
from deepscopie.knowledge_base import DataFiles, find_problems, load_knowledge_base
from deepscopie.yaml_source import Position, read_yaml
from tests.conftest import FIXTURES, copy_base_data


def _read(tmp_path: Path, content: str | bytes) -> yaml_source.YamlDocument:
    path = tmp_path / "data.yaml"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return read_yaml(path)


def _lines(document: yaml_source.YamlDocument, tmp_path: Path) -> list[str]:
    return [problem.format(relative_to=tmp_path) for problem in document.problems]


def test_a_file_that_is_not_utf8_is_reported_at_the_bad_byte(tmp_path: Path) -> None:
    document = _read(tmp_path, b"resources:\n  - id: x\n    title: caf" + b"\xe9\n")
    assert document.data is None
    assert _lines(document, tmp_path) == [
        "data.yaml:3:15: the file is not UTF-8 (byte 0xE9): save it as UTF-8 (encoding)"
    ]


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    document = _read(tmp_path, b"\xef\xbb\xbfkey: value\n")
    assert document.data == {"key": "value"}
    assert document.problems == []


def test_a_file_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yaml_source, "MAX_FILE_BYTES", 1024 * 1024)
    document = _read(tmp_path, "a: " + "x" * (2 * 1024 * 1024) + "\n")
    assert document.data is None
    assert _lines(document, tmp_path) == [
        "data.yaml:1:1: the file is too large (2.0 MiB; the limit is 1 MiB) (file-size)"
    ]


def test_a_missing_file_is_reported_not_raised(tmp_path: Path) -> None:
    document = read_yaml(tmp_path / "absent.yaml")
    assert _lines(document, tmp_path) == [
        "absent.yaml:1:1: cannot read the file: No such file or directory (file-unreadable)"
    ]


def test_nesting_too_deep_is_reported_instead_of_crashing(tmp_path: Path) -> None:
    depth = yaml_source.MAX_DEPTH + 5
    document = _read(tmp_path, "[" * depth + "]" * depth + "\n")
    assert [problem.rule for problem in document.problems] == ["yaml-depth"]
    assert document.problems[0].line == 1


@pytest.mark.parametrize(
    "text",
    [
        "[" * 50_000 + "]" * 50_000 + "\n",
        "{a: " * 50_000 + "1" + "}" * 50_000 + "\n",
        "".join(f"{'  ' * i}- \n" for i in range(3_000)),
        "- " * 50_000 + "x\n",
    ],
    ids=["flow lists", "flow mappings", "block lists", "compact lists"],
)
def test_nesting_50000_deep_is_refused_before_the_parser_recurses(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    # In a process of its own: a stack overflow in the C composer would kill the test run.
    script = (
        "import sys; from pathlib import Path; from deepscopie.yaml_source import read_yaml; "
        "d = read_yaml(Path(sys.argv[1])); print([p.rule for p in d.problems], d.data)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "['yaml-depth'] None"


def test_a_billion_laughs_file_is_refused_without_expanding(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    document = _read(tmp_path, "\n".join(lines) + "\n")
    assert document.data is None
    assert {problem.rule for problem in document.problems} == {"yaml-alias"}
    # One report per alias as written: 9 per line on lines 2 to 10, pointing at each.
    assert len(document.problems) == 81
    assert (document.problems[0].line, document.problems[0].column) == (2, 10)


def test_keys_are_kept_as_typed(tmp_path: Path) -> None:
    # PyYAML would turn the key `no` into False and `1` into an integer.
    document = _read(tmp_path, "no: a\n1: b\n")
    assert document.data == {"no": "a", "1": "b"}


def test_a_character_yaml_forbids_is_reported_with_its_position(tmp_path: Path) -> None:
    document = _read(tmp_path, "a: b\nc: d\x07\n")
    assert [problem.rule for problem in document.problems] == ["yaml-syntax"]
    assert document.problems[0].line == 2


def test_positions_of_values_and_keys_are_recorded(tmp_path: Path) -> None:
    document = _read(tmp_path, "resources:\n  - id: cellpose\n    url:  https://x.org/\n")
    source = document.source
    assert source.value_position(("resources", 0, "url")) == Position(3, 11)
    assert source.key_position(("resources", 0, "url")) == Position(3, 5)
    # Something without its own position falls back to its nearest parent.
    assert source.value_position(("resources", 0, "url", "deeper")) == Position(3, 11)


def test_one_bad_resource_hides_no_problem_of_the_others(tmp_path: Path) -> None:
    data = copy_base_data(tmp_path)
    text = (data / "resources.yaml").read_text(encoding="utf-8")
    text = text.replace("type: tool", "type: tool\n    colour: blue")
    text = text.replace("type: paper", "type: papers")
    (data / "resources.yaml").write_text(text, encoding="utf-8")
    rules = [problem.rule for problem in find_problems(DataFiles.in_folder(data))]
    assert rules == ["unknown-field", "unknown-type"]


def test_reading_leaves_the_garbage_collector_running() -> None:
    # Reading pauses it (see deepscopie.collector): the rest of the program needs it back.
    assert gc.isenabled()
    load_knowledge_base(DataFiles.in_folder(FIXTURES / "base"))
    read_yaml(FIXTURES / "base" / "faq.yaml")
    assert gc.isenabled()


@pytest.mark.parametrize("target", ["/dev/zero", "elsewhere.yaml"])
def test_a_data_file_that_is_a_link_is_refused_unread(target: str, tmp_path: Path) -> None:
    """A merge request's data/faq.yaml linked to /dev/zero was read until memory ran out; one
    linked to a file of the runner would be read, and its lines shown, as data."""
    (tmp_path / "elsewhere.yaml").write_text("secret: value\n", encoding="utf-8")
    (tmp_path / "faq.yaml").symlink_to(target)
    document = read_yaml(tmp_path / "faq.yaml")
    assert document.data is None
    [line] = _lines(document, tmp_path)
    assert line.endswith(
        "faq.yaml:1:1: cannot read the file: it is not a regular file (a symbolic link, a pipe,"
        " a device): put the file itself there (file-unreadable)"
    )


def test_a_data_file_that_is_a_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "faq.yaml")  # opened for reading, it would wait for a writer
    assert "not a regular file" in _lines(read_yaml(tmp_path / "faq.yaml"), tmp_path)[0]
