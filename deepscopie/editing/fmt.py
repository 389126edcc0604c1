"""``deepscopie fmt``: the data files in their canonical form, comments and all.

Canonical means: every mapping's fields in the model's order (``id`` first, ``added`` last,
``fr`` before ``en``), two-space indents, list items indented under their key. Entries keep
the order the editors gave them. ruamel.yaml rewrites the file and keeps every comment; the
blank line or comment after a moved field stays at the end of its entry.
"""

from __future__ import annotations

import difflib
import io
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from deepscopie.languages import site_languages
from deepscopie.model import Localized
from deepscopie.model_errors import nested_model


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def formatted(text: str, model: type[BaseModel]) -> str:
    """``text`` (a data file of ``model``) in its canonical form."""
    yaml = _yaml()
    data = yaml.load(text)
    _reorder(data, model)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def format_file(path: Path, model: type[BaseModel], *, check: bool) -> str:
    """The unified diff from ``path`` to its canonical form (empty when it is canonical);
    unless ``check``, the file is rewritten so."""
    text = path.read_text(encoding="utf-8")
    canonical = formatted(text, model)
    if canonical == text:
        return ""
    if not check:
        path.write_text(canonical, encoding="utf-8")
    lines = difflib.unified_diff(
        text.splitlines(keepends=True),
        canonical.splitlines(keepends=True),
        fromfile=f"{path}",
        tofile=f"{path} (deepscopie fmt)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _reorder(node: Any, model: Any) -> None:
    if isinstance(node, CommentedSeq):
        for item in node:
            _reorder(item, model)
        return
    if not isinstance(node, CommentedMap) or model is None:
        return
    # A text's keys are the site's languages, in their order (the model declares none).
    fields = list(site_languages().codes) if model is Localized else list(model.model_fields)
    _sort_keys(node, fields)
    for key in node:
        if key in model.model_fields:
            _reorder(node[key], nested_model(model.model_fields[key].annotation))


def _sort_keys(mapping: CommentedMap, order: list[str]) -> None:
    keys = list(mapping)
    wanted = sorted(keys, key=lambda key: order.index(key) if key in order else len(order))
    if keys == wanted:
        return
    # What follows the last field (the blank line before the next entry) stays last.
    trailing = mapping.ca.items.pop(keys[-1], None)
    moved = [(key, mapping[key], mapping.ca.items.pop(key, None)) for key in keys]
    for key in keys:
        del mapping[key]
    for key, value, comment in sorted(moved, key=lambda item: wanted.index(item[0])):
        mapping[key] = value
        if comment is not None:
            mapping.ca.items[key] = comment
    if trailing is not None:
        mapping.ca.items[wanted[-1]] = trailing
