"""The reports GitLab shows in merge requests match its documented formats: the data's problems
as a Code Quality report (JSON), the link check as JUnit XML (tests/test_check_links.py)."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from tests.conftest import FIXTURES

CODE_QUALITY = json.loads(
    (FIXTURES / "formats" / "gitlab-codequality.schema.json").read_text(encoding="utf-8")
)


def _issue(**changes: Any) -> dict[str, Any]:
    issue: dict[str, Any] = {
        "description": "resources[12].url: scheme 'javascript' is not allowed (url-scheme)",
        "check_name": "url-scheme",
        "fingerprint": "7815696ecbf1c96e6894b779456d330e",
        "severity": "major",
        "location": {"path": "data/resources.yaml", "lines": {"begin": 42}},
    }
    issue.update(changes)
    return issue


def test_the_code_quality_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(CODE_QUALITY)
    jsonschema.validate([_issue(), _issue(type="issue", severity="info")], CODE_QUALITY)


@pytest.mark.parametrize(
    "wrong",
    [
        {"severity": "error"},  # GitLab's severities: info, minor, major, critical, blocker
        {"fingerprint": ""},
        {"location": {"path": "/builds/x/data/resources.yaml", "lines": {"begin": 42}}},
        {"location": {"path": "data/resources.yaml", "lines": {"begin": 0}}},
        {"location": {"path": "data/resources.yaml"}},
    ],
)
def test_the_code_quality_schema_refuses_what_gitlab_cannot_show(wrong: dict[str, Any]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([_issue(**wrong)], CODE_QUALITY)
    without_check = _issue()
    del without_check["check_name"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([without_check], CODE_QUALITY)
