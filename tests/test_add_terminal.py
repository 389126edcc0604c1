"""`deepscopie add` and `add-faq` typed into a real terminal (tmux), as an editor uses them."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from deepscopie.knowledge_base import DataFiles, load_knowledge_base
from tests.conftest import REPO
from tests.terminal import Terminal

ADDRESS = "Address (https://…; leave empty if it is not known)"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(REPO / "data", copy)
    return copy


@pytest.fixture
def run(data: Path) -> Iterator[object]:
    terminals: list[Terminal] = []

    def start(*arguments: str, language: str = "C.UTF-8") -> Terminal:
        command = [sys.executable, "-m", "deepscopie.cli", *arguments, "--data", str(data)]
        terminal = Terminal(command, REPO, {"LANG": language, "PYTHONPATH": str(REPO)})
        terminals.append(terminal)
        return terminal

    yield start
    for terminal in terminals:
        terminal.close()


def _describe(terminal: Terminal) -> None:
    for question, answer in (
        ("Title in French", "Outil de test"),
        ("Title in English", "Test Tool"),
        ("Description in French", "Un outil pour les tests."),
        ("Description in English", "A tool for the tests."),
        ("Category", "software"),
        ("Sub-category", ""),
        ("Type", "tool"),
    ):
        terminal.answer(question, answer)


def _facets(terminal: Terminal) -> None:
    """What the tool is for and how one uses it: its type requires both."""
    terminal.answer("What it is for", "segmentation")
    terminal.answer("How one uses it", "gui")


def test_a_listed_address_is_refused_at_once_and_the_next_answer_kept(
    run: object, data: Path
) -> None:
    terminal = run("add")  # type: ignore[operator]
    terminal.answer(ADDRESS, "www.cellpose.org")
    terminal.answer(ADDRESS, "https://cellpose.org/")
    screen = terminal.wait_for("is already in the data: resource 'cellpose'")
    assert "scheme 'none' is not allowed: use https://" in screen
    terminal.answer(ADDRESS, "https://example.org/test-tool")
    _describe(terminal)
    terminal.answer("Tags", "python, segmen", enter=False)  # Tab completes the tag starting so
    terminal.key("Tab")
    terminal.wait_for("Tags, comma-separated (Tab completes; empty: none): python, segmentation")
    terminal.key("Enter")
    _facets(terminal)
    terminal.answer("Languages", "en")
    # The id is proposed from the English title, and can be changed before anything is written.
    screen = terminal.wait_for("Permanent id (Enter keeps the one proposed) [test-tool]:")
    assert (data / "resources.yaml").read_text(encoding="utf-8").count("test-tool") == 0
    terminal.answer("Permanent id", "cellpose")
    terminal.wait_for("the id 'cellpose' is taken")
    terminal.answer("Permanent id", "my-test-tool")
    assert terminal.exit_status() == 0
    screen = terminal.screen()
    assert "added 'my-test-tool' to" in screen and "Traceback" not in screen
    tool = load_knowledge_base(DataFiles.in_folder(data)).resource("my-test-tool")
    assert (tool.url, tool.tags) == (
        "https://example.org/test-tool",
        ("python", "segmentation"),
    )


def test_an_unknown_address_is_listed_as_needing_one(run: object, data: Path) -> None:
    terminal = run("add")  # type: ignore[operator]
    terminal.answer(ADDRESS, "")
    terminal.answer("No address: list the resource as needing one", "")
    _describe(terminal)
    terminal.answer("Tags", "")
    _facets(terminal)
    terminal.answer("Languages", "fr")
    terminal.answer("Permanent id", "")
    assert terminal.exit_status() == 0
    tool = load_knowledge_base(DataFiles.in_folder(data)).resource("test-tool")
    assert tool.url is None and tool.url_needed


@pytest.mark.parametrize("key", ["C-c", "C-d"])
def test_ctrl_c_or_ctrl_d_cancels_with_nothing_written(run: object, data: Path, key: str) -> None:
    before = {path.name: path.read_bytes() for path in data.iterdir()}
    terminal = run("add")  # type: ignore[operator]
    terminal.answer(ADDRESS, "https://example.org/test-tool")
    terminal.answer("Title in French", "Outil")
    terminal.wait_for("Title in English")
    terminal.key(key)
    assert terminal.exit_status() == 130
    screen = terminal.screen()
    assert "cancelled: nothing was written" in screen and "Traceback" not in screen
    assert {path.name: path.read_bytes() for path in data.iterdir()} == before


def test_add_faq_asks_for_the_answer_tags_and_related_resources(run: object, data: Path) -> None:
    terminal = run("add-faq")  # type: ignore[operator]
    for question, answer in (
        ("Where was it asked", "skype"),
        ("Date of the question", ""),
        ("The question in a few words, in French", "Normaliser ?"),
        ("The question in a few words, in English", "Normalise?"),
        ("The question in full, in French", "Faut-il normaliser les images ?"),
        ("The question in full, in English", "Should images be normalised?"),
        ("The answer in French", ""),  # an open question
        ("Tags", "trainng"),
        ("Tags", "training"),
        ("Related resources", "cellpose, stardist"),
        ("Permanent id", ""),
    ):
        terminal.answer(question, answer)
    assert terminal.exit_status() == 0
    assert "unknown tag 'trainng': did you mean 'training'?" in terminal.screen()
    entry = next(
        e for e in load_knowledge_base(DataFiles.in_folder(data)).faq if e.id == "normalise"
    )
    assert (
        entry.is_open and entry.tags == ("training",) and entry.related == ("cellpose", "stardist")
    )


def test_questions_are_in_french_for_a_french_locale(run: object) -> None:
    terminal = run("add", language="fr_FR.UTF-8")  # type: ignore[operator]
    terminal.wait_for("Adresse (https://… ; laisser vide si elle n'est pas connue)")
    terminal.key("C-c")
    assert terminal.exit_status() == 130
    assert "annulé : rien n'a été écrit" in terminal.screen()
