"""Problems in the editor's language: French or English from the locale or --lang, the same
positions and rules in both, one catalogue complete for every rule, and one reporter (text,
JSON, GitLab Code Quality)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from deepscopie.editor_language import editor_language
from deepscopie.knowledge_base import DataFiles, find_problems
from deepscopie.languages import site_languages
from deepscopie.rules import RULES
from tests.conftest import FIXTURES, copy_base_data
from tests.test_rules import RULE_FIXTURES

PLACE = re.compile(r"^(\S+?):(\d+):(\d+): (.*) \(([a-z-]+)\)$")


def _data_with(fixture: Path, folder: Path) -> Path:
    copy_base_data(folder)
    shutil.copy(fixture, folder / f"{fixture.name.split('.')[1]}.yaml")
    return folder


def _validate(data: Path, *options: str, **environment: str) -> subprocess.CompletedProcess[str]:
    inherited = {
        k: v
        for k, v in os.environ.items()
        if k not in {"LANG", "LC_ALL", "LC_MESSAGES", "DEEPSCOPIE_LANG"}
    }
    return subprocess.run(
        [sys.executable, "-m", "deepscopie.cli", "validate", "--data", str(data), *options],
        env={**inherited, **environment},
        cwd=data,
        capture_output=True,
        text=True,
        check=False,
    )


def _problems(output: str) -> list[tuple[str, str, str, str, str]]:
    return [m.groups() for line in output.splitlines() if (m := PLACE.match(line))]  # type: ignore[misc]


FIXTURES_TO_READ = [
    f for f in RULE_FIXTURES if f.name.split(".")[0] in {
        "unknown-tag", "duplicate-url", "yaml-syntax", "missing-field", "wrong-type",
        "invalid-date", "url-scheme", "duplicate-key",
    }
]  # fmt: skip


@pytest.mark.parametrize("fixture", FIXTURES_TO_READ, ids=lambda path: path.name)
def test_french_locale_french_messages_same_places_and_rules(fixture: Path, tmp_path: Path) -> None:
    data = _data_with(fixture, tmp_path)
    french = _validate(data, LANG="fr_FR.UTF-8")
    english = _validate(data, LANG="C.UTF-8")
    assert french.returncode == english.returncode == 1
    in_french, in_english = _problems(french.stdout), _problems(english.stdout)
    assert in_french and len(in_french) == len(in_english)
    # Path, line, column and rule identical; the message itself in each language.
    assert [(p[0], p[1], p[2], p[4]) for p in in_french] == [
        (p[0], p[1], p[2], p[4]) for p in in_english
    ]
    assert all(f[3] != e[3] for f, e in zip(in_french, in_english, strict=True))
    assert re.search(r"problèmes? trouvés?$", french.stdout.strip())
    assert english.stdout.strip().endswith(("problem found", "problems found"))


def test_the_language_follows_lang_then_lc_messages_then_lc_all_then_the_options(
    tmp_path: Path,
) -> None:
    data = _data_with(next(f for f in RULE_FIXTURES if f.name.startswith("unknown-tag.")), tmp_path)

    def language_of(*options: str, **environment: str) -> str:
        out = _validate(data, *options, **environment).stdout
        return "fr" if "trouvé" in out else "en"

    assert language_of(LANG="fr_FR.UTF-8") == "fr"
    assert language_of(LANG="fr_FR.UTF-8", LC_MESSAGES="en_GB.UTF-8") == "en"
    assert language_of(LANG="C", LC_MESSAGES="fr_CA.UTF-8") == "fr"
    assert language_of(LANG="fr_FR.UTF-8", LC_ALL="C.UTF-8") == "en"
    assert language_of(LANG="fr_FR.UTF-8", LC_ALL="") == "fr"  # an empty variable does not count
    assert language_of(LANG="de_DE.UTF-8") == "en"  # a language the site does not speak
    assert language_of("--lang", "fr", LANG="C.UTF-8") == "fr"
    assert language_of(LANG="C.UTF-8", DEEPSCOPIE_LANG="fr") == "fr"
    assert language_of("--lang", "en", DEEPSCOPIE_LANG="fr") == "en"
    assert editor_language(None, {"LC_ALL": "fr_BE@euro"}) == "fr"


def test_every_rule_has_its_messages_in_every_language() -> None:
    languages = list(site_languages())
    keys = [{k for k in language.texts if k.startswith("problem_")} for language in languages]
    assert keys[0] and all(k == keys[0] for k in keys)
    for rule in RULES:
        # A name missing from the vocabulary (any kind of name): one message, said of each.
        key = "unknown" if rule.startswith("unknown-") and rule != "unknown-field" else rule
        assert any(k == f"problem_{key}" or k.startswith(f"problem_{key}.") for k in keys[0]), (
            f"no message for the rule {rule}"
        )
    # Same placeholders in every language (a translation cannot drop a value).
    for key in keys[0]:
        fields = [set(re.findall(r"(?<!\{)\{(\w+)\}", lang.texts[key])) for lang in languages]
        assert all(f == fields[0] for f in fields), key


@pytest.mark.parametrize("fixture", RULE_FIXTURES, ids=lambda path: path.name)
def test_every_fixture_reads_in_every_language(fixture: Path, tmp_path: Path) -> None:
    data = _data_with(fixture, tmp_path)
    problems = find_problems(DataFiles.in_folder(data))
    for language in site_languages():
        texts = [p.format(language=language.code) for p in problems]
        assert len(set(texts)) == len(texts) and all("{" not in t or "{ }" in t for t in texts)


YAML_CAUSES = {
    "colon": ("    title: {fr: Cellpose, en: Cellpose}\n", "    title:\n      fr: Cellpose: a tool\n      en: Cellpose\n", "': ' (a colon and a space) must be in quotes"),
    "tab": ("    category: software\n", "\tcategory: software\n", "indented with a tab"),
    "comment": ("    title: {fr: Cellpose, en: Cellpose}\n", "    title: {fr: Cellpose #1, en: Cellpose}\n", "' #' (a space and a hash) starts a comment"),
    "quote": ("    category: software\n", '    category: "software\n', 'a quote (" or \') is not closed'),
    "bracket": ("    languages: [en]\n", "    languages: [en\n", "a bracket [ ] or brace { } is not closed"),
    "indent": ("    category: software\n", "      category: software\n", "is not aligned"),
}  # fmt: skip


@pytest.mark.parametrize("cause", YAML_CAUSES)
def test_yaml_syntax_errors_name_their_usual_cause(cause: str, tmp_path: Path) -> None:
    copy_base_data(tmp_path)
    resources = tmp_path / "resources.yaml"
    before, after, hint = YAML_CAUSES[cause]
    text = resources.read_text(encoding="utf-8")
    assert before in text
    resources.write_text(text.replace(before, after, 1), encoding="utf-8")
    problems = find_problems(DataFiles.in_folder(tmp_path))
    assert [p.rule for p in problems] == ["yaml-syntax"]
    assert hint in problems[0].text("en"), problems[0].text("en")
    assert "(YAML: " in problems[0].text("en") and "(YAML : " in problems[0].text("fr")


def test_one_reporter_text_json_and_code_quality(tmp_path: Path) -> None:
    data = _data_with(FIXTURES / "rules" / "duplicate-url.resources.yaml", tmp_path)
    text = _validate(data, LANG="C.UTF-8").stdout.splitlines()
    as_json = json.loads(_validate(data, "--format", "json", LANG="C.UTF-8").stdout)
    assert [
        f"{p['path']}:{p['line']}:{p['column']}: {p['where']}: {p['message']} ({p['rule']})"
        for p in as_json
    ] == text[:-1]
    report = tmp_path / "gl-code-quality-report.json"
    result = _validate(data, "--format", "codequality", "--output", str(report), LANG="fr_FR.UTF-8")
    assert result.returncode == 1 and "problèmes trouvés" in result.stdout  # the log, in text
    issues = json.loads(report.read_text(encoding="utf-8"))
    assert len(issues) == len(as_json)
    for issue, problem in zip(issues, as_json, strict=True):
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["check_name"] == problem["rule"]
        assert issue["location"] == {"path": problem["path"], "lines": {"begin": problem["line"]}}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert "adresse" in issue["description"] or "pistage" in issue["description"]
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    # The same problems in English keep their fingerprints (GitLab compares pipelines).
    _validate(data, "--format", "codequality", "--output", str(report), LANG="C.UTF-8")
    assert [i["fingerprint"] for i in json.loads(report.read_text())] == fingerprints


def test_a_wrong_field_hides_none_of_the_entrys_other_problems(tmp_path: Path) -> None:
    copy_base_data(tmp_path)
    resources = tmp_path / "resources.yaml"
    text = resources.read_text(encoding="utf-8")
    # The second resource: a year that is not a number, an unknown tag, the first one's
    # address.
    broken = text.replace(
        "    url: https://www.nature.com/articles/s41592-018-0216-7\n",
        "    url: http://cellpose.org/\n    tags: [segmentaton]\n",
        1,
    ).replace("    year: 2018\n", "    year: two thousand\n", 1)
    resources.write_text(broken, encoding="utf-8")
    rules = sorted(p.rule for p in find_problems(DataFiles.in_folder(tmp_path)))
    assert rules == ["duplicate-url", "unknown-tag", "wrong-type"]


@pytest.mark.parametrize(
    ("name", "in_french", "english"),
    [
        ("invalid-character.resources.yaml", ["(un caractère de contrôle)", "(français)"], ["a control character", "French"]),
        ("missing-translation.faq.yaml", ["en anglais"], ["English", "French"]),
    ],
)  # fmt: skip
def test_french_messages_name_languages_and_characters_in_french(
    name: str, in_french: list[str], english: list[str], tmp_path: Path
) -> None:
    data = _data_with(FIXTURES / "rules" / name, tmp_path)
    out = _validate(data, LANG="fr_FR.UTF-8").stdout
    assert all(words in out for words in in_french), out
    assert not [words for words in english if words in out], out


def test_the_success_line_is_in_the_editor_s_language(tmp_path: Path) -> None:
    data = copy_base_data(tmp_path)
    assert _validate(data, LANG="fr_FR.UTF-8").stdout.startswith("ok : ")
    assert " ressources " in _validate(data, LANG="fr_FR.UTF-8").stdout
    assert " resources " in _validate(data, LANG="C.UTF-8").stdout
