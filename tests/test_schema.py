"""The JSON Schemas that editors' YAML plugins use: current, referenced, and true to the data."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from deepscopie.schema import EXPORT_MODELS, SCHEMA_MODELS, schema_text, stale_schemas
from tests.conftest import REPO

DATA_FILES = sorted(SCHEMA_MODELS)


def _as_json(value: Any) -> Any:
    """YAML data as a JSON editor plugin sees it (dates are strings there)."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((REPO / "schemas" / f"{name}.schema.json").read_text())
    return schema


def test_the_committed_schemas_match_the_model() -> None:
    assert stale_schemas(REPO / "schemas") == [], "run `deepscopie schema` and commit the result"


def test_a_model_change_makes_the_committed_schema_stale(tmp_path: Path) -> None:
    for name, model in {**SCHEMA_MODELS, **EXPORT_MODELS}.items():
        (tmp_path / f"{name}.schema.json").write_text(schema_text(model), encoding="utf-8")
    assert stale_schemas(tmp_path) == []
    path = tmp_path / "faq.schema.json"
    path.write_text(path.read_text().replace('"question"', '"questions"'), encoding="utf-8")
    assert stale_schemas(tmp_path) == [path]


@pytest.mark.parametrize("name", DATA_FILES)
def test_each_data_file_points_its_editor_at_its_schema(name: str) -> None:
    first_line = (REPO / "data" / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=../schemas/{name}.schema.json"


@pytest.mark.parametrize("name", DATA_FILES)
def test_the_real_data_is_valid_against_its_schema(name: str) -> None:
    data = yaml.safe_load((REPO / "data" / f"{name}.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(_as_json(data), _schema(name))


def test_the_schema_flags_a_misspelt_field_as_an_editor_would_see_it() -> None:
    data = yaml.safe_load((REPO / "data" / "faq.yaml").read_text(encoding="utf-8"))
    entry = _as_json(data)["faq"][0]
    entry["questoin"] = entry.pop("question")
    errors = list(jsonschema.Draft202012Validator(_schema("faq")).iter_errors({"faq": [entry]}))
    messages = sorted(error.message for error in errors)
    assert messages == [
        "'question' is a required property",
        "Additional properties are not allowed ('questoin' was unexpected)",
    ]


def test_the_schema_describes_fields_for_editors() -> None:
    resource = _schema("resources")["$defs"]["Resource"]["properties"]
    assert "Never invent an address" in resource["url_needed"]["description"]
    assert resource["id"]["pattern"] == "^[a-z0-9]+(?:-[a-z0-9]+)*$"
