"""``deepscopie fmt``: the data files in their canonical form, comments and all.

Canonical means: every mapping's fields in the model's order (``id`` first, ``added`` last,
``fr`` before ``en``), two-space indents, list items indented under their key. Entries keep
the order the editors gave them. ruamel.yaml rewrites the file and keeps every comment: the
comment lines above a field move with it, the blank line or comment after an entry's last
field stays at the end of the entry.
"""

from __future__ import annotations

import difflib
import io
import itertools
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.tokens import CommentToken

from deepscopie.languages import site_languages
from deepscopie.model import PerLanguage
from deepscopie.model_errors import nested_model


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


class NotCanonical(ValueError):
    """The canonical form of a file would not hold the same data (a comment moved where YAML
    does not allow one): it is left as it is."""


def formatted(text: str, model: type[BaseModel]) -> str:
    """``text`` (a data file of ``model``) in its canonical form."""
    yaml = _yaml()
    data = yaml.load(text)
    _reorder(data, model)
    out = io.StringIO()
    yaml.dump(data, out)
    canonical = out.getvalue()
    # The canonical form holds the same data, or nothing is written: a comment moved to a
    # place YAML does not allow would otherwise publish a broken file.
    if _plain(canonical) != _plain(text):
        raise NotCanonical("its canonical form would not hold the same data; it is left as it is")
    return canonical


def unreadable_values(text: str) -> list[tuple[int, int, str]]:
    """The values ruamel.yaml takes for a date or a time that does not exist ("2026-02-30",
    "2026-11-22T99:00"), which it cannot read, though the data's own reader, which reads them
    as text, and so validation, may accept them (a title): ``(line, column, value)``, from 1,
    in the file's order. ruamel.yaml's error says neither where nor which."""
    yaml = _yaml()
    found = []
    pending = [yaml.compose(text)]
    while pending:
        node = pending.pop()
        if isinstance(node, ScalarNode):
            try:
                yaml.constructor.construct_object(node, deep=True)
            except ValueError:
                found.append((node.start_mark.line + 1, node.start_mark.column + 1, node.value))
        elif isinstance(node, MappingNode):
            pending += [part for pair in node.value for part in pair]
        elif isinstance(node, SequenceNode):
            pending += node.value
    return sorted(found)


def _plain(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(text)


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


def _reorder(node: Any, model: Any, in_list: bool = False) -> None:
    if isinstance(node, CommentedSeq):
        for item in node:
            _reorder(item, model, in_list=True)
        return
    if not isinstance(node, CommentedMap) or model is None:
        return
    # The fields the model declares, then, for a value per language (a text, keywords, a
    # status note after its date), the site's languages in their order.
    fields = list(model.model_fields)
    if isinstance(model, type) and issubclass(model, PerLanguage):
        fields += site_languages().codes
    _sort_keys(node, fields, in_list)
    for key in node:
        if key in model.model_fields:
            _reorder(node[key], nested_model(model.model_fields[key].annotation))


def _sort_keys(mapping: CommentedMap, order: list[str], in_list: bool) -> None:
    keys = list(mapping)
    wanted = sorted(keys, key=lambda key: order.index(key) if key in order else len(order))
    if keys == wanted:
        return
    # The comment lines above a field go with it (ruamel keeps them at the end of the field
    # before: they would stay there, above another field).
    for before, key in reversed(list(itertools.pairwise(keys))):
        lines = _lines_after(mapping, before)
        if lines:
            slot = mapping.ca.items.setdefault(key, [None, None, None, None])
            slot[1] = [CommentToken(lines, CommentMark(0)), *(slot[1] or [])]
    # What follows the last field (the blank line before the next entry) stays last.
    trailing = _lines_after(mapping, keys[-1])
    moved = [(key, mapping[key], mapping.ca.items.pop(key, None)) for key in keys]
    for key in keys:
        del mapping[key]
    for key, value, comment in sorted(moved, key=lambda item: wanted.index(item[0])):
        mapping[key] = value
        if comment is not None:
            mapping.ca.items[key] = comment
    if trailing:
        _add_lines_after(mapping, wanted[-1], trailing)
    # Lines above the first field of a list's item would be written after its "- ", which
    # is not YAML: they go above the second field.
    first = mapping.ca.items.get(wanted[0])
    if in_list and first and first[1] and len(wanted) > 1:
        second = mapping.ca.items.setdefault(wanted[1], [None, None, None, None])
        second[1] = [*first[1], *(second[1] or [])]
        first[1] = None


def _add_lines_after(mapping: CommentedMap, key: Any, lines: str) -> None:
    """``lines`` (comment or blank lines) after the value of ``key``, where ruamel writes them."""
    value = mapping[key]
    if isinstance(value, CommentedMap) and value and not _is_flow(value):
        _add_lines_after(value, list(value)[-1], lines)
        return
    if isinstance(value, CommentedSeq) and value and not _is_flow(value):
        value.ca.end = [
            *(getattr(value.ca, "end", None) or []),
            CommentToken(lines, CommentMark(0)),
        ]
        return
    slot = mapping.ca.items.setdefault(key, [None, None, None, None])
    if slot[2] is None:
        slot[2] = CommentToken("\n" + lines, CommentMark(0))
    else:
        slot[2].value += lines


def _is_flow(node: CommentedMap | CommentedSeq) -> bool:
    return bool(node.fa.flow_style())


def _lines_after(mapping: CommentedMap, key: Any, column: int | None = None) -> str:
    """The comment lines (and blank lines) between the value of ``key`` and the next field,
    taken away from where ruamel keeps them: past the end of the field's line (a one-line
    value), or at the end of its list or nested mapping. Lines indented deeper than the
    fields (``column``: the mapping's own) stay: they are about the value above them."""
    if column is None:
        column = mapping.lc.col
    slot = mapping.ca.items.get(key)
    if slot and slot[2] is not None:
        lines = _lines_below(slot[2], column)
        value = mapping[key]
        if isinstance(value, (CommentedMap, CommentedSeq)) and value.ca.comment:
            value.ca.comment[0] = slot[2]  # a flow value keeps a copy of the token
        return lines
    return _lines_at_end(mapping[key], column)


def _lines_at_end(value: Any, column: int) -> str:
    if isinstance(value, CommentedMap) and value:
        return _lines_after(value, list(value)[-1], column)
    if not isinstance(value, CommentedSeq):
        return ""
    if getattr(value.ca, "end", None):
        text = "".join(str(token.value) for token in value.ca.end)
        kept, moved = _split_at(text, column)
        value.ca.end = [CommentToken(kept, CommentMark(0))] if kept else []
        return moved
    if not value:
        return ""
    slot = value.ca.items.get(len(value) - 1)
    if slot and slot[0] is not None:  # after a list's last word
        return _lines_below(slot[0], column)
    return _lines_at_end(value[-1], column)


def _lines_below(token: CommentToken, column: int) -> str:
    """The lines of a comment token below its first one (the end of a field's own line, with
    the comment written there, which stays) that are not indented deeper than ``column``."""
    own, newline, lines = str(token.value).partition("\n")
    kept, moved = _split_at(lines, column)
    token.value = own + newline + kept
    return moved


def _split_at(lines: str, column: int) -> tuple[str, str]:
    """``lines`` as (those down to the last one indented deeper than ``column``, the rest)."""
    rows = lines.splitlines(keepends=True)
    deeper = [at for at, row in enumerate(rows) if row.strip() and _indent(row) > column]
    cut = deeper[-1] + 1 if deeper else 0
    return "".join(rows[:cut]), "".join(rows[cut:])


def _indent(row: str) -> int:
    """The number of spaces a line starts with."""
    return len(row) - len(row.lstrip())
