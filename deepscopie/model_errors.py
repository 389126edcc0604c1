"""Pydantic's validation errors, said in the words of a data file's editor."""

from __future__ import annotations

import types
import typing
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from deepscopie.model import Localized, Text
from deepscopie.problems import Problem
from deepscopie.suggest import hint
from deepscopie.yaml_source import Loc, SourceMap

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "tuple_type": "a list",
    "list_type": "a list",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "dict_type": "a mapping of fields",
    "date_type": "a date (YYYY-MM-DD)",
}
_DATE_ERRORS = frozenset(
    {"date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact", "date_type"}
)


def model_problems(
    error: ValidationError, model: type[BaseModel], source: SourceMap, base: Loc = ()
) -> list[Problem]:
    """One problem per error of ``model``'s validation of the data at ``base``."""
    return [_problem(detail, model, source, base) for detail in error.errors(include_url=False)]


def field_problems(model: type[BaseModel], field: str, value: Any) -> list[Problem]:
    """What validation would say of ``value`` as ``model``'s ``field``, with the same rules and
    messages, before any file holds it (``deepscopie add`` checks each answer this way)."""
    try:
        _field_adapter(model, field).validate_python(value)
    except ValidationError as error:
        source = SourceMap(Path())
        return [_problem(d, model, source, (field,)) for d in error.errors(include_url=False)]
    return []


def text_problems(value: str) -> list[Problem]:
    """What validation would say of ``value`` as one language's text of an entry."""
    try:
        _TEXT.validate_python(value)
    except ValidationError as error:
        source = SourceMap(Path())
        return [_problem(d, Localized, source, ()) for d in error.errors(include_url=False)]
    return []


_TEXT: TypeAdapter[str] = TypeAdapter(Text)


@lru_cache(maxsize=64)
def _field_adapter(model: type[BaseModel], field: str) -> TypeAdapter[Any]:
    if field not in model.model_fields and issubclass(model, Localized):
        # A language's text: Localized declares no field per language, each is a Text.
        return TypeAdapter(Text)
    info = model.model_fields[field]
    annotated: Any = Annotated[info.annotation, info]  # the field's type with its constraints
    return TypeAdapter(annotated)


def _problem(detail: ErrorDetails, model: type[BaseModel], source: SourceMap, base: Loc) -> Problem:
    inner: Loc = tuple(detail["loc"])
    loc: Loc = (*base, *inner)
    kind = detail["type"]
    value = detail["input"]
    if kind == "missing":
        field = str(loc[-1])
        return source.problem(loc[:-1], f"required field '{field}' is missing", "missing-field")
    if kind == "extra_forbidden":
        field = str(loc[-1])
        message = f"unknown field '{field}'" + hint(
            field, _fields_at(model, inner[:-1]), list_up_to=None
        )
        return source.problem(loc, message, "unknown-field", at_key=True)
    if kind == "missing_translation":
        return source.problem(loc, detail["msg"], "missing-translation")
    if kind == "unknown_language":
        return source.problem(
            (*loc, detail["ctx"]["code"]), detail["msg"], "unknown-field", at_key=True
        )
    if kind == "year_range":
        return source.problem(loc, detail["msg"], "invalid-value")
    if kind == "invalid_character":
        return source.problem(loc, detail["msg"], "invalid-character")
    if kind == "blank_text":
        return source.problem(loc, "the text is empty or only spaces", "empty-text")
    if kind in ("invalid_slug", "invalid_section"):
        return source.problem(loc, detail["msg"], "invalid-id")
    if kind in ("url_missing", "url_and_url_needed"):
        return source.problem(loc, detail["msg"], "url-missing")
    if kind in ("status_note_missing", "status_active"):
        return source.problem(loc, detail["msg"], "status-note")
    if kind in _DATE_ERRORS and not isinstance(value, (int, float, bool, list, dict)):
        return source.problem(
            loc, f"'{value}' is not a valid date: write YYYY-MM-DD", "invalid-date"
        )
    if kind in _EXPECTED:
        return source.problem(
            loc, _wrong_type(_EXPECTED[kind], value, source.typed_text.get(loc)), "wrong-type"
        )
    if kind == "literal_error":
        allowed = detail.get("ctx", {}).get("expected", "")
        return source.problem(loc, f"'{value}' is not allowed here: use {allowed}", "invalid-value")
    if kind == "string_pattern_mismatch":
        return source.problem(loc, _pattern_message(loc, value), "invalid-value")
    if kind == "too_short":
        return source.problem(loc, "the list is empty: give at least one item", "empty-list")
    return source.problem(loc, f"{detail['msg']} (got {value!r})", "invalid-value")


def _wrong_type(expected: str, value: Any, typed: str | None) -> str:
    got = _describe(value)
    if expected == "text" and typed is not None:
        return f"expected text, but YAML reads {typed} as {got}: put it in quotes ('{typed}')"
    return f"expected {expected}, got {got}"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return f"the text '{value}'"
    return f"a {type(value).__name__}"


def _pattern_message(loc: Loc, value: Any) -> str:
    field = next((part for part in reversed(loc) if isinstance(part, str)), "")
    if field == "doi":
        return f"'{value}' is not a DOI: write it without https://doi.org/, e.g. 10.1038/abc123"
    if field == "languages":
        return f"'{value}' is not a language code: use two lower-case letters (en, fr, de…)"
    return f"'{value}' does not have the expected form"


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names allowed in the mapping found at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return []
        current = nested_model(field.annotation)
    return list(current.model_fields) if _is_model(current) else []


def nested_model(annotation: Any) -> Any:
    """The model class inside ``X | None``, ``tuple[X, ...]`` or ``Annotated[X, ...]``."""
    if _is_model(annotation):
        return annotation
    for arg in typing.get_args(annotation):
        found = nested_model(arg)
        if found is not None:
            return found
    return None


def _is_model(value: Any) -> bool:
    return (
        isinstance(value, type)
        and not isinstance(value, types.GenericAlias)
        and issubclass(value, BaseModel)
    )
