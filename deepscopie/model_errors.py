"""Pydantic's validation errors, said in the words of a data file's editor."""

from __future__ import annotations

import types
import typing
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from deepscopie.languages import site_languages
from deepscopie.model import Localized, PerLanguage, Text, language_value
from deepscopie.problems import LanguageName, Message, Problem, msg
from deepscopie.suggest import hint_message
from deepscopie.yaml_source import Loc, SourceMap

_EXPECTED = {  # the kind of value expected: a message of the catalogue (expected.<kind>)
    "string_type": "text",
    "int_type": "number",
    "bool_type": "boolean",
    "tuple_type": "list",
    "list_type": "list",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "dict_type": "mapping",
    "date_type": "date",
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
        field_adapter(model, field).validate_python(value)
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
def field_adapter(model: type[BaseModel], field: str) -> TypeAdapter[Any]:
    """The validator of one field of ``model``, with its constraints."""
    if field not in model.model_fields and issubclass(model, PerLanguage):
        # A language's value: no field is declared per language (Localized: each is a Text).
        return TypeAdapter(language_value(model))
    info = model.model_fields[field]
    # The field's type with its constraints (its metadata), not the whole field: pydantic
    # warned, in the editor's report, that a field's "exclude" means nothing there.
    annotated: Any = (
        Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    )
    return TypeAdapter(annotated)


def _problem(detail: ErrorDetails, model: type[BaseModel], source: SourceMap, base: Loc) -> Problem:
    inner: Loc = tuple(detail["loc"])
    # Pydantic ends the place of a mapping's key that is wrong with "[key]": the key's own place.
    in_key = inner[-1:] == ("[key]",)
    if in_key:
        inner = inner[:-1]
    loc: Loc = (*base, *inner)
    kind = detail["type"]
    value = detail["input"]
    context: dict[str, Any] = dict(detail.get("ctx") or {})
    if kind == "missing":
        return source.problem(loc[:-1], msg("missing-field", field=str(loc[-1])), "missing-field")
    if kind == "extra_forbidden":
        field = str(loc[-1])
        hint = hint_message(field, _fields_at(model, inner[:-1]), list_up_to=None)
        return source.problem(
            loc, msg("unknown-field", field=field, hint=hint), "unknown-field", at_key=True
        )
    if kind in _CUSTOM:
        rule, variant = _CUSTOM[kind]
        key = f"{rule}.{variant(context)}" if variant else rule
        context = _in_editor_language(kind, context)
        where = (*loc, context["code"]) if kind == "unknown_language" else loc
        if kind == "value_twice":  # at the repeat, not at the list's start
            where = (*loc, context.pop("at"))
        at_key = in_key or kind == "unknown_language"
        return source.problem(where, msg(key, **context), rule, at_key=at_key)
    if kind == "blank_text":
        return source.problem(loc, msg("empty-text"), "empty-text")
    if kind in _DATE_ERRORS and not isinstance(value, (int, float, bool, list, dict)):
        return source.problem(loc, msg("invalid-date", value=value), "invalid-date")
    if kind in _EXPECTED:
        comma = _comma_in_braces(value, source, loc)
        message = _wrong_type(_EXPECTED[kind], value, source.typed_text.get(loc), comma)
        return source.problem(loc, message, "wrong-type", at_key=comma is not None)
    if kind == "literal_error":
        allowed = context.get("expected", "")
        return source.problem(
            loc, msg("invalid-value.choice", value=value, allowed=allowed), "invalid-value"
        )
    if kind == "string_pattern_mismatch":
        return source.problem(loc, _pattern_message(loc, value), "invalid-value")
    if kind == "too_short":
        return source.problem(loc, msg("empty-list"), "empty-list")
    other = msg("invalid-value.other", detail=detail["msg"], value=repr(value))
    return source.problem(loc, other, "invalid-value")


def _in_editor_language(kind: str, context: dict[str, Any]) -> dict[str, Any]:
    """The model's English words for a language or a character, made words of the editor's
    language (the model's own messages are English)."""
    named = dict(context)
    if kind == "missing_translation":
        named["name"] = LanguageName(named["code"])
    if "language_code" in named:
        named["language"] = LanguageName(named.pop("language_code"))
    # Unicode names are English in every language; a character without one (a control
    # character) is said in the editor's.
    code = named.get("code") if kind == "invalid_character" else None
    if code is not None and unicodedata.name(chr(int(code, 16)), None) is None:
        named["name"] = msg("character.unnamed")
    return named


def _variant(*pairs: tuple[str, str]) -> Any:
    """The catalogue's variant of a message, from the parameters the model gave it."""

    def choose(context: dict[str, Any]) -> str:
        return next((name for key, name in pairs if key in context), pairs[-1][1])

    return choose


# The model's own errors (PydanticCustomError): their rule, and which message of the rule.
_CUSTOM: dict[str, tuple[str, Any]] = {
    "missing_translation": ("missing-translation", None),
    "unknown_language": ("unknown-field", lambda context: "language"),
    "year_range": ("invalid-value", _variant(("first", "year-before"), ("", "year-future"))),
    "day_range": ("invalid-value", _variant(("first", "day-before"), ("", "day-future"))),
    "invalid_character": (
        "invalid-character",
        _variant(("code", "control"), ("language", "line"), ("", "name")),
    ),
    "stacked_accents": ("invalid-character", lambda context: "stacked"),
    "text_too_long": ("invalid-value", lambda context: "text-length"),
    "title_too_long": ("invalid-value", lambda context: "title-length"),
    "invalid_slug": ("invalid-id", lambda context: "slug"),
    "slug_too_long": ("invalid-id", lambda context: "length"),
    "invalid_section": ("invalid-id", lambda context: "section"),
    "url_missing": ("url-missing", lambda context: "none"),
    "url_and_url_needed": ("url-missing", lambda context: "both"),
    "status_note_missing": ("status-note", lambda context: "missing"),
    "status_active": ("status-note", lambda context: "active"),
    "keyword_too_long": ("invalid-value", lambda context: "keyword-length"),
    "too_many_keywords": ("invalid-value", lambda context: "keyword-count"),
    "value_twice": ("invalid-value", lambda context: "value-twice"),
    "synonym_too_long": ("invalid-value", lambda context: "synonym-length"),
    "without_letters": ("invalid-value", lambda context: "letters"),
    "unknown_language_code": ("invalid-value", lambda context: "language-code"),
    "too_many_synonyms": ("invalid-value", lambda context: "synonym-count"),
    "too_many_synonym_groups": ("invalid-value", lambda context: "synonym-groups"),
    "too_many_synonym_words": ("invalid-value", lambda context: "synonym-words"),
    "not_one_word": ("invalid-value", lambda context: "one-word"),
}


def _wrong_type(expected: str, value: Any, typed: str | None, comma_key: str | None) -> Message:
    """``typed``: the value as typed, when YAML read it as another thing; ``comma_key``: the
    key a comma in a text made (see _comma_in_braces)."""
    got = _describe(value)
    if expected == "text" and comma_key is not None:
        return msg("wrong-type.comma", key=comma_key)
    if expected == "text" and typed:  # typed as text, read as another thing: no, 012
        return msg("wrong-type.quote", typed=typed, got=got)
    return msg("wrong-type", expected=msg(f"expected.{expected}"), got=got)


def _comma_in_braces(value: Any, source: SourceMap, loc: Loc) -> str | None:
    """The key at ``loc`` if it is a key without a value between braces, as a comma in a text
    makes it: in {fr: Cellpose, StarDist et Omnipose, en: …} the comma ended the French text.
    Not a language's own key left empty ({fr: , en: …})."""
    comma = value is None and loc in source.in_braces and loc[-1] not in site_languages().codes
    return str(loc[-1]) if comma else None


def _describe(value: Any) -> Message:
    if value is None:
        return msg("got.null")
    if isinstance(value, bool):
        return msg("got.boolean", value=str(value).lower())
    if isinstance(value, (int, float)):
        return msg("got.number", value=value)
    if isinstance(value, (list, tuple)):
        return msg("got.list")
    if isinstance(value, dict):
        return msg("got.mapping")
    if isinstance(value, str):
        return msg("got.text", value=value)
    return msg("got.other", kind=type(value).__name__)


def _pattern_message(loc: Loc, value: Any) -> Message:
    field = next((part for part in reversed(loc) if isinstance(part, str)), "")
    if field in ("doi", "languages"):
        return msg(f"invalid-value.{field}", value=value)
    return msg("invalid-value.form", value=value)


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
