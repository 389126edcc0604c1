"""A new entry as YAML text in the files' style: two-space indents, one field per line.

Each scalar is quoted by PyYAML itself, so that ``no`` stays text, ``012`` stays text, and a
colon or a ``#`` cannot change the meaning of a line.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

ITEM_INDENT = "  "  # "  - id: …" under "resources:" / "faq:"
FIELD_INDENT = "    "


def scalar(value: Any) -> str:
    """One value as YAML writes it on a line of its own (quoted only when it must be)."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = _dump(value)
    if text.startswith("'") and "''" in text:
        # French is full of apostrophes: "n'importe" reads better than 'n''importe'.
        text = _dump(value, style='"')
    return text


def _dump(value: Any, style: str | None = None) -> str:
    text = yaml.safe_dump(
        value, allow_unicode=True, width=10**6, default_flow_style=True, default_style=style
    )
    return text.removesuffix("\n...\n").strip()


def entry_text(fields: Mapping[str, Any]) -> str:
    """``  - id: x`` followed by each field, in the given order, ending with a newline."""
    lines: list[str] = []
    for index, (name, value) in enumerate(fields.items()):
        prefix = f"{ITEM_INDENT}- " if index == 0 else FIELD_INDENT
        lines += _field(prefix, name, value)
    return "\n".join(lines) + "\n"


def _field(prefix: str, name: str, value: Any) -> list[str]:
    if isinstance(value, Mapping):  # {fr: …, en: …}
        return [f"{prefix}{name}:"] + [
            f"{FIELD_INDENT}  {key}: {scalar(text)}" for key, text in value.items()
        ]
    if isinstance(value, Sequence) and not isinstance(value, str):
        if value and isinstance(value[0], Mapping):  # links: [{url, label}]
            lines = [f"{prefix}{name}:"]
            for item in value:
                lines += _link_lines(item)
            return lines
        return [f"{prefix}{name}: [{', '.join(scalar(item) for item in value)}]"]
    return [f"{prefix}{name}: {scalar(value)}"]


def _link_lines(link: Mapping[str, Any]) -> list[str]:
    label = link["label"]
    return [
        f"{FIELD_INDENT}  - url: {scalar(link['url'])}",
        f"{FIELD_INDENT}    label:",
        f"{FIELD_INDENT}      fr: {scalar(label['fr'])}",
        f"{FIELD_INDENT}      en: {scalar(label['en'])}",
    ]
