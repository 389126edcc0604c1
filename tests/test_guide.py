"""The contribution guide cannot drift from the model, and the editors' tools are wired."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from deepscopie.cli import main
from deepscopie.languages import site_languages
from deepscopie.model import Localized
from deepscopie.render.guide import DOCUMENTED
from deepscopie.rules import RULES
from tests.conftest import REPO


@pytest.mark.parametrize(
    ("title", "model"), DOCUMENTED, ids=[model.__name__ for _, model in DOCUMENTED]
)
def test_every_field_of_the_model_is_explained_in_every_language(title: str, model: type) -> None:
    fields = set(model.model_fields)  # type: ignore[attr-defined]
    for language in site_languages():  # the catalogues have the same keys (checked on reading)
        explained = {
            key.removeprefix(f"field_{model.__name__}_")
            for key in language.texts
            if key.startswith(f"field_{model.__name__}_")
        }
        if issubclass(model, Localized):  # and one row for the text in each language
            explained.discard("language")
        assert explained == fields, f"add field_{model.__name__}_<field> to {language.code}.yaml"
    undocumented = [name for name, field in model.model_fields.items() if not field.description]  # type: ignore[attr-defined]
    assert undocumented == [], "give the field a description= in the model"


def test_every_rule_is_explained_in_every_language() -> None:
    for language in site_languages():
        explained = {key.removeprefix("rule_") for key in language.texts if key.startswith("rule_")}
        assert explained == set(RULES), f"add rule_<name> to {language.code}.yaml"


@pytest.mark.parametrize(("language", "root"), [("fr", ""), ("en", "en/")])
def test_the_built_guide_lists_every_field_and_rule(
    built_site: Path, language: str, root: str
) -> None:
    page = (built_site / root / "contribute" / "index.html").read_text(encoding="utf-8")
    assert "deepscopie:" not in page  # every marker was filled
    for _, model in DOCUMENTED:
        for name in model.model_fields:
            assert f"<code>{name}</code>" in page, f"{model.__name__}.{name} missing from the guide"
    for rule in RULES:
        assert f"<code>{rule}</code>" in page
    assert "<code>cheat-sheets</code>" in page and "<code>segmentation</code>" in page  # vocabulary


def test_pre_commit_runs_commands_that_exist() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    for hook in hooks:
        program, *arguments = hook["entry"].split()
        assert Path(program).name in {"deepscopie", "yamllint"}
        if program.endswith("deepscopie"):
            with pytest.raises(SystemExit) as stopped:  # argparse: the command exists
                main([*arguments, "--help"])
            assert stopped.value.code == 0


def test_merge_request_templates_carry_the_editors_checklists() -> None:
    folder = REPO / ".gitlab" / "merge_request_templates"
    templates = {path.stem: path.read_text(encoding="utf-8") for path in folder.glob("*.md")}
    assert set(templates) == {"New resource", "New FAQ entry", "Other"}
    assert "url_needed: true" in templates["New resource"]
    assert "names a participant" in templates["New FAQ entry"]


def test_yamllint_catches_what_yaml_would_read_as_a_boolean(tmp_path: Path) -> None:
    # `url_needed: yes` is valid to the model (YAML 1.1 reads it as true): the style check asks
    # for the unambiguous `true`.
    path = tmp_path / "resources.yaml"
    path.write_text("resources:\n  - url_needed: yes\n", encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "yamllint",
        "--strict",
        "-c",
        str(REPO / ".yamllint.yaml"),
        str(path),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode != 0  # --strict: a warning fails
    assert "truthy value should be one of [false, true]" in result.stdout
