"""`deepscopie add` and `add-faq` on copies of the real data: only the new entry differs."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from deepscopie.cli import _parser, main
from deepscopie.editing.command import run_add_faq, run_add_resource
from deepscopie.knowledge_base import DataFiles, load_knowledge_base
from tests.conftest import REPO

NEW_RESOURCE = [
    "--url", "https://example.org/segment-anything",
    "--title-fr", "Segment Anything : segmenter n'importe quoi",
    "--title-en", "Segment Anything",
    "--description-fr", "Un modèle de segmentation généraliste, utilisable sur des images de microscopie.",
    "--description-en", "A generalist segmentation model, usable on microscopy images.",
    "--category", "software", "--subcategory", "nucleus-detection", "--type", "tool",
    "--tag", "segmentation", "--tag", "pretrained-models", "--task", "segmentation",
    "--way", "python", "--language", "en",
]  # fmt: skip


@pytest.fixture
def data(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(REPO / "data", copy)
    return copy


def _added_lines(before: str, after: str) -> tuple[int, list[str]]:
    """The 1-based line where one block of lines was inserted, and the block; fails if any
    line of ``before`` changed or went."""
    old, new = before.splitlines(), after.splitlines()
    start = next(i for i, (a, b) in enumerate(zip([*old, None], new, strict=False)) if a != b)
    count = len(new) - len(old)
    assert count > 0
    assert new[:start] == old[:start] and new[start + count :] == old[start:]
    return start + 1, new[start : start + count]


def test_add_inserts_only_the_new_resource_after_its_section(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (data / "resources.yaml").read_text(encoding="utf-8")
    assert main(["add", "--data", str(data), *NEW_RESOURCE]) == 0
    after = (data / "resources.yaml").read_text(encoding="utf-8")
    line, added = _added_lines(before, after)
    assert added[0] == "  - id: segment-anything" and added[-1] == ""  # blank lines around it
    assert '      fr: "Segment Anything : segmenter n\'importe quoi"' in added
    assert "    tags: [segmentation, pretrained-models]" in added
    base = load_knowledge_base(DataFiles.in_folder(data))
    ids = [r.id for r in base.resources]
    assert ids[ids.index("nucleaizer") + 1] == "segment-anything"  # last of "nucleus detection"
    assert (
        capsys.readouterr().out == f"added 'segment-anything' to {data / 'resources.yaml'}:{line}\n"
    )


def test_a_url_already_present_is_refused_with_the_entry_that_has_it(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (data / "resources.yaml").read_text(encoding="utf-8")
    arguments = [*NEW_RESOURCE]
    arguments[1] = "http://cellpose.org/?utm_source=newsletter"  # the same page, once normalised
    assert main(["add", "--data", str(data), *arguments]) == 1
    assert (
        "refused: http://cellpose.org/?utm_source=newsletter is already in the data: resource 'cellpose'"
        in capsys.readouterr().err
    )
    assert (data / "resources.yaml").read_text(encoding="utf-8") == before


def test_a_bad_value_writes_nothing_and_names_the_option(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (data / "resources.yaml").read_text(encoding="utf-8")
    arguments = [*NEW_RESOURCE]
    arguments[arguments.index("segmentation")] = "segmentaton"
    arguments[arguments.index("tool")] = "tol"
    assert main(["add", "--data", str(data), *arguments]) == 1
    output = capsys.readouterr()
    # The file was not written: its line numbers would point nowhere, the options do not.
    assert output.out.splitlines() == [
        "--type: unknown type 'tol': did you mean 'tool'? (unknown-type)",
        "--tag: unknown tag 'segmentaton': did you mean 'segmentation'? (unknown-tag)",
    ]
    assert output.err == "nothing was written: fix the values above and run the command again\n"
    assert (data / "resources.yaml").read_text(encoding="utf-8") == before


def test_values_yaml_would_misread_stay_text(data: Path) -> None:
    arguments = [*NEW_RESOURCE]
    arguments[arguments.index("--title-en") + 1] = "no"
    arguments[arguments.index("--description-en") + 1] = "012: a # comment-looking text"
    assert main(["add", "--data", str(data), *arguments]) == 0
    added = load_knowledge_base(DataFiles.in_folder(data)).resource("no")
    assert added.title.get("en") == "no"
    assert added.description.get("en") == "012: a # comment-looking text"


def test_outside_a_terminal_missing_fields_are_named_not_asked(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", "--data", str(data), "--url", "https://example.org/x"]) == 2
    assert capsys.readouterr().err == (
        "missing: --title-fr, --title-en, --description-fr, --description-en, --category, --type, --language"
        " (give them, or run in a terminal to be asked)\n"
    )


def _asker(answers: list[str], questions: list[str]) -> Callable[[str], str]:
    replies = iter(answers)

    def ask(question: str) -> str:
        questions.append(question)
        return next(replies)

    return ask


def test_in_a_terminal_missing_fields_are_asked(data: Path) -> None:
    questions: list[str] = []
    answers = [
        "Outil",
        "Tool",
        "Un outil.",
        "A tool.",
        "software",
        "",
        "tool",
        "python",
        "segmentation",  # tasks and ways: a tool's type requires them
        "gui",
        "en, fr",
        "",
    ]
    args = _parser().parse_args(["add", "--data", str(data), "--url", "https://example.org/tool"])
    assert run_add_resource(args, ask=_asker(answers, questions)) == 0
    assert questions[4] == "Category: "
    assert questions[5] == "Sub-category (Tab completes; empty: none): "
    assert questions[-1] == "Permanent id (Enter keeps the one proposed) [tool]: "
    tool = load_knowledge_base(DataFiles.in_folder(data)).resource("tool")
    assert (tool.category, tool.subcategory, tool.languages, tool.tags) == (
        "software",
        None,
        ("en", "fr"),
        ("python",),
    )


def test_in_a_terminal_a_value_given_twice_is_taken_once(data: Path) -> None:
    # The data refuses a list that names a thing twice; the editor was told so only once every
    # question had been answered, and nothing was written.
    questions: list[str] = []
    answers = [
        "Outil", "Tool", "Un outil.", "A tool.", "software", "", "tool",
        "python, python",
        "segmentation, segmentation",
        "gui",
        "en, fr, en",
        "",
    ]  # fmt: skip
    args = _parser().parse_args(["add", "--data", str(data), "--url", "https://example.org/tool"])
    assert run_add_resource(args, ask=_asker(answers, questions)) == 0
    tool = load_knowledge_base(DataFiles.in_folder(data)).resource("tool")
    assert (tool.tags, tool.tasks, tool.languages) == (("python",), ("segmentation",), ("en", "fr"))


def test_in_a_terminal_each_answer_is_checked_and_only_it_is_asked_again(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions: list[str] = []
    answers = [
        "cellpose.org/",  # no scheme
        "https://www.cellpose.org",  # already listed
        "https://example.org/tool",
        "Outil", "Tool", "Un outil.", "A tool.",
        "sofware", "software",
        "nucleus-detection", "tool",
        "segmentaton, python", "segmentation, python",
        "segmentation", "python",
        "english", "en",
        "Tool 2", "tool-two",
    ]  # fmt: skip
    args = _parser().parse_args(["add", "--data", str(data)])
    assert run_add_resource(args, ask=_asker(answers, questions)) == 0
    out = capsys.readouterr().out
    assert "  scheme 'none' is not allowed: use https:// (or http://) (url-scheme)" in out
    line = next(
        number
        for number, text in enumerate((data / "resources.yaml").read_text().splitlines(), 1)
        if text == "  - id: cellpose"
    )
    assert (
        f"  https://www.cellpose.org is already in the data: resource 'cellpose' ({data / 'resources.yaml'}:{line})"
        in out
    )
    assert "  unknown category 'sofware': did you mean 'software'?" in out
    assert "  unknown tag 'segmentaton': did you mean 'segmentation'?" in out
    assert (
        "  'english' is not a language code: use two lower-case letters (en, fr, de…) (invalid-value)"
        in out
    )
    assert (
        "  'Tool 2' is not a valid id: use lower-case letters, digits and single hyphens (invalid-id)"
        in out
    )
    assert questions[0] == questions[1] == questions[2]  # the same question, again
    tool = load_knowledge_base(DataFiles.in_folder(data)).resource("tool-two")
    assert (tool.url, tool.subcategory, tool.tags) == (
        "https://example.org/tool",
        "nucleus-detection",
        ("segmentation", "python"),
    )


def test_in_a_terminal_an_empty_address_can_be_unknown(data: Path) -> None:
    answers = [
        "",
        "y",
        "Outil",
        "Tool",
        "Un outil.",
        "A tool.",
        "software",
        "",
        "tool",
        "",
        "annotation",
        "gui",
        "en",
        "",
    ]
    args = _parser().parse_args(["add", "--data", str(data)])
    assert run_add_resource(args, ask=_asker(answers, [])) == 0
    tool = load_knowledge_base(DataFiles.in_folder(data)).resource("tool")
    assert tool.url is None and tool.url_needed


def test_in_a_terminal_add_faq_asks_for_the_answer_the_tags_and_the_related_resources(
    data: Path,
) -> None:
    questions: list[str] = []
    answers = [
        "slack", "2021-02-30", "2021-03-02",
        "Normaliser ?", "Normalise?", "Faut-il normaliser ?", "Should I normalise?",
        "Oui, en général.", "Yes, usually.",
        "training", "celpose", "cellpose", "",
    ]  # fmt: skip
    args = _parser().parse_args(["add-faq", "--data", str(data)])
    assert run_add_faq(args, ask=_asker(answers, questions)) == 0
    assert questions[-1] == "Permanent id (Enter keeps the one proposed) [normalise]: "
    entry = next(
        e for e in load_knowledge_base(DataFiles.in_folder(data)).faq if e.id == "normalise"
    )
    assert entry.answer is not None
    assert (entry.answer.get("en"), entry.tags, entry.related) == (
        "Yes, usually.",
        ("training",),
        ("cellpose",),
    )
    assert str(entry.date) == "2021-03-02"


def test_add_faq_inserts_an_open_question_after_the_last_of_its_source(data: Path) -> None:
    before = (data / "faq.yaml").read_text(encoding="utf-8")
    arguments = [
        "add-faq", "--data", str(data), "--source", "skype",
        "--title-fr", "Faut-il normaliser les images ?", "--title-en", "Should images be normalised?",
        "--question-fr", "Faut-il normaliser les intensités avant l'entraînement ?",
        "--question-en", "Should intensities be normalised before training?",
        "--tag", "training", "--related", "cellpose",
    ]  # fmt: skip
    assert main(arguments) == 0
    after = (data / "faq.yaml").read_text(encoding="utf-8")
    _, added = _added_lines(before, after)
    assert added[:2] == ["", "  - id: should-images-be-normalised"]  # last entry of the file
    assert not any(line.strip().startswith("answer:") for line in added)
    faq = load_knowledge_base(DataFiles.in_folder(data)).faq
    assert faq[-1].id == "should-images-be-normalised" and faq[-1].is_open


def test_an_answer_in_one_language_only_is_refused(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = [
        "add-faq",
        "--data",
        str(data),
        "--source",
        "slack",
        "--title-fr",
        "T",
        "--title-en",
        "T",
        "--question-fr",
        "Q ?",
        "--question-en",
        "Q?",
        "--answer-fr",
        "Oui.",
    ]
    assert main(arguments) == 1
    assert "give the answer in both languages" in capsys.readouterr().err
