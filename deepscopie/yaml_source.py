"""Read a YAML data file safely, keeping the line and column of every value.

PyYAML alone would keep the last of two duplicate keys without a word, expand
aliases (a few lines can grow into gigabytes) and turn ``no`` into ``False``.
Here the file is *composed* (libyaml builds the node tree, with positions) and
the tree is walked by hand: duplicate keys and aliases are reported, keys are
kept as the text the editor typed, and every value's position is recorded in a
:class:`SourceMap` so that any later check can point back at the file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from yaml.constructor import SafeConstructor

from deepscopie.collector import collector_paused
from deepscopie.language_codes import LANGUAGE_PATTERN
from deepscopie.problems import Message, Problem, msg
from deepscopie.regular_files import NotRegularFile, read_regular

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 32

# libyaml is about four times faster than the pure-Python parser; fall back when missing.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp")
)

Loc = tuple[str | int, ...]

_TAGGED_EVENTS = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
# YAML 1.1 reads 0x7E2, 0o17, 017, 3:20 (sexagesimal), 1_000 and 1e3 as numbers, yes/no/on/off
# as booleans, and many forms as timestamps: only the plain forms are taken as such here; any
# other stays the text that was typed, which the model then refuses where a number, a boolean
# or a date is expected.
_PLAIN_FORMS = {
    "tag:yaml.org,2002:int": re.compile(r"[-+]?(0|[1-9][0-9]*)"),
    "tag:yaml.org,2002:float": re.compile(r"[-+]?(0|[1-9][0-9]*)\.[0-9]+"),
    "tag:yaml.org,2002:bool": re.compile(r"true|false|True|False|TRUE|FALSE"),
    "tag:yaml.org,2002:timestamp": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
}


class Position(NamedTuple):
    """A 1-based line and column in a file (a named tuple: hundreds of thousands are made
    per load of a large file, three times faster than a frozen dataclass)."""

    line: int
    column: int


@dataclass
class SourceMap:
    """Where each value and key of a data file stands, by its path in the data."""

    path: Path
    values: dict[Loc, Position] = field(default_factory=dict)
    keys: dict[Loc, Position] = field(default_factory=dict)
    # The last line of each scalar: where an entry ends, for inserting text after it.
    last_lines: dict[Loc, int] = field(default_factory=dict)
    # The text as typed, for scalars YAML turned into something else than text (``no``, ``012``).
    typed_text: dict[Loc, str] = field(default_factory=dict)
    # The keys written between braces ({fr: …, en: …}), where a comma ends a text.
    in_braces: set[Loc] = field(default_factory=set)

    def value_position(self, loc: Loc) -> Position:
        """The position of the value at ``loc``, or of its nearest recorded parent."""
        return self._nearest(self.values, loc)

    def key_position(self, loc: Loc) -> Position:
        """The position of the key that names ``loc`` (falls back to the value)."""
        if loc in self.keys:
            return self.keys[loc]
        return self.value_position(loc)

    def last_line(self, loc: Loc) -> int:
        """The last line holding a value inside ``loc`` (an entry, a list…)."""
        size = len(loc)
        return max(line for place, line in self.last_lines.items() if place[:size] == loc)

    def problem(self, loc: Loc, message: Message, rule: str, *, at_key: bool = False) -> Problem:
        """A problem about the value (or key) at ``loc``, placed in this file."""
        pos = self.key_position(loc) if at_key else self.value_position(loc)
        return Problem(self.path, pos.line, pos.column, message, rule, describe_loc(loc))

    @staticmethod
    def _nearest(table: dict[Loc, Position], loc: Loc) -> Position:
        for end in range(len(loc), -1, -1):
            found = table.get(loc[:end])
            if found is not None:
                return found
        return Position(1, 1)


@dataclass(frozen=True)
class YamlDocument:
    """A file's data (``None`` when it cannot be used), its positions and its problems."""

    data: Any
    source: SourceMap
    problems: list[Problem]


def describe_loc(loc: Loc) -> str:
    """``('resources', 3, 'title', 'en')`` -> ``resources[3].title.en``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def read_yaml(path: Path) -> YamlDocument:
    """Read ``path`` into plain Python data with positions, or say why it cannot be used."""
    source = SourceMap(path)

    def unusable(line: int, column: int, message: Message, rule: str) -> YamlDocument:
        return YamlDocument(None, source, [Problem(path, line, column, message, rule)])

    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except NotRegularFile:
        reason = msg("file-unreadable.not-regular")
        return unusable(1, 1, msg("file-unreadable", reason=reason), "file-unreadable")
    except OSError as error:
        return unusable(1, 1, msg("file-unreadable", reason=error.strerror), "file-unreadable")
    if len(raw) > MAX_FILE_BYTES:
        size = os.stat(path).st_size / 1024 / 1024  # what was read stops past the limit
        limit = MAX_FILE_BYTES // 1024 // 1024
        return unusable(1, 1, msg("file-size", size=f"{size:.1f}", limit=limit), "file-size")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _line_and_column(raw, error.start)
        byte = raw[error.start]
        return unusable(line, column, msg("encoding", byte=f"0x{byte:02X}"), "encoding")
    try:
        # Before composing: the composer recurses once per level, and a list nested 50,000
        # deep would overflow the C stack (SIGSEGV) before any check could see it.
        structure = _structure_problems(path, text)
    except yaml.MarkedYAMLError as error:
        return _syntax_problem(path, source, error, text)
    except yaml.YAMLError as error:
        line, column = _line_and_column(text, getattr(error, "position", 0))
        return unusable(
            line, column, msg("yaml-syntax.character", detail=str(error)), "yaml-syntax"
        )
    if any(problem.rule == "yaml-depth" for problem in structure):
        return YamlDocument(None, source, structure)
    # Hundreds of thousands of nodes, with no cycle: see deepscopie.collector.
    with collector_paused():
        try:
            root = _compose(text)
        except yaml.MarkedYAMLError as error:
            return _syntax_problem(path, source, error, text)
        except yaml.YAMLError as error:  # a reader error: a character YAML does not allow
            line, column = _line_and_column(text, getattr(error, "position", 0))
            detail = msg("yaml-syntax.character", detail=str(error))
            return unusable(line, column, detail, "yaml-syntax")
        if root is None:
            return unusable(1, 1, msg("empty-file"), "empty-file")
        walker = _Walker(source, text)
        data = walker.walk(root, (), 0)
    if data is None and not walker.problems and not walker.found_alias:
        # "null" or "~" alone: no data either, which every reader of a data file assumes.
        mark = root.start_mark
        return unusable(mark.line + 1, mark.column + 1, msg("empty-file"), "empty-file")
    if walker.found_alias:
        return YamlDocument(None, source, structure + walker.problems + _alias_problems(path, text))
    return YamlDocument(data, source, structure + walker.problems)


def _structure_problems(path: Path, text: str) -> list[Problem]:
    """Explicit tags on any node (mapping, list or scalar), and nesting deeper than
    ``MAX_DEPTH`` (then nothing more is read), from libyaml's event stream: it is flat, so
    no depth can exhaust a stack here."""
    # Every tag starts with "!": without one, only depth can be wrong, and libyaml refuses
    # nesting past 1,000 levels itself (safe to compose; the walker reports past MAX_DEPTH).
    # The data rarely holds a "!", so the event pass is rarely paid for (a fifth of a read).
    if "!" not in text and _Loader is not yaml.SafeLoader:
        return []
    if not _has_tag_or_depth(text):
        return []
    problems: list[Problem] = []
    places = _Places()
    for event in yaml.parse(text, Loader=_Loader):
        mark = event.start_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        loc = places.enter(event)
        if len(places.open) > MAX_DEPTH:
            message = msg("yaml-depth", limit=MAX_DEPTH)
            where = describe_loc(loc)
            return [*problems, Problem(path, line, column, message, "yaml-depth", where)]
        tag = getattr(event, "tag", None)
        if tag is not None and isinstance(event, _TAGGED_EVENTS):
            shown = str(tag).replace("tag:yaml.org,2002:", "!!")
            message = msg("yaml-tag", tag=shown)
            problems.append(Problem(path, line, column, message, "yaml-tag", describe_loc(loc)))
    return problems


def _has_tag_or_depth(text: str) -> bool:
    """Whether the file has an explicit tag or nests too deep: the quick pass (a type check
    per event) before the slow one that finds where."""
    depth = 0
    scalar, mapping, sequence = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    for event in yaml.parse(text, Loader=_Loader):
        kind = type(event)
        if kind is scalar:
            if getattr(event, "tag", None) is not None:
                return True
        elif kind is mapping or kind is sequence:
            depth += 1
            if depth > MAX_DEPTH or getattr(event, "tag", None) is not None:
                return True
        elif kind in ends:
            depth -= 1
    return False


class _Places:
    """The place (``Loc``) of each node of the event stream: the open mappings and lists,
    with the key or index being read in each."""

    def __init__(self) -> None:
        # Per open collection: its place, and the key (mapping) or index (list) being read;
        # a mapping's key is None while the key itself is being read.
        self.open: list[tuple[Loc, bool, str | int | None]] = []

    def enter(self, event: yaml.Event) -> Loc:
        """The place of the node ``event`` starts (or of the collection it ends)."""
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            loc = self.open.pop()[0]
            self._done()
            return loc
        if not isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, *_TAGGED_EVENTS)):
            return ()
        loc = self._here()
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            is_mapping = isinstance(event, yaml.MappingStartEvent)
            self.open.append((loc, is_mapping, None if is_mapping else -1))
        else:
            self._done(getattr(event, "value", None))
        return loc

    def _here(self) -> Loc:
        if not self.open:
            return ()
        loc, is_mapping, part = self.open[-1]
        if is_mapping:
            return loc if part is None else (*loc, part)
        index = int(part or 0) + 1
        self.open[-1] = (loc, False, index)
        return (*loc, index)

    def _done(self, scalar: str | None = None) -> None:
        """A node was read: in a mapping, a key's value follows its key, then the next key."""
        if not self.open:
            return
        loc, is_mapping, part = self.open[-1]
        if is_mapping:
            key_read = part is None
            self.open[-1] = (
                loc,
                True,
                (scalar if scalar is not None else "?") if key_read else None,
            )


# A text in a language: the value of a key that is a language code ("fr:", "en:").
_LANGUAGE_KEY = re.compile(LANGUAGE_PATTERN)


def _is_prose(value: str, loc: Loc) -> bool:
    """Whether a plain value is a text that a comment after it may have cut short: words
    ("Sans doute, oui."), or a language's text. Not an address or a date annotated on its
    line ("url: https://… # as published"), which the comment leaves whole."""
    in_a_language = bool(loc) and isinstance(loc[-1], str) and _LANGUAGE_KEY.fullmatch(loc[-1])
    return " " in value.strip() or bool(in_a_language)


def _compose(text: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _syntax_problem(
    path: Path, source: SourceMap, error: yaml.MarkedYAMLError, text: str = ""
) -> YamlDocument:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    # libyaml says "but found another document" with the context "expected a single document".
    if "expected a single document" in f"{error.problem} {error.context}":
        message = msg("multiple-documents")
        return YamlDocument(
            None, source, [Problem(path, line, column, message, "multiple-documents")]
        )
    if "maximum nesting depth" in str(error.problem):  # libyaml's own limit (1000 levels)
        message = msg("yaml-depth", limit=MAX_DEPTH)
        return YamlDocument(None, source, [Problem(path, line, column, message, "yaml-depth")])
    detail = error.problem or "invalid YAML"
    if error.context:
        detail = f"{detail} ({error.context})"
    message = msg("yaml-syntax", hint=syntax_hint(error, text), detail=detail)
    return YamlDocument(None, source, [Problem(path, line, column, message, "yaml-syntax")])


def syntax_hint(error: yaml.MarkedYAMLError, text: str) -> Message:
    """The usual cause of a YAML syntax error, in an editor's words: an unquoted ': ' or ' #'
    in a text, a tab, a misaligned line, an unclosed quote or bracket."""
    said = f"{error.problem or ''} {error.context or ''}"
    lines = text.splitlines()
    marks = [m for m in (error.problem_mark, error.context_mark) if m is not None]
    near = [lines[m.line] for m in marks if 0 <= m.line < len(lines)]
    near += [lines[m.line - 1] for m in marks if 0 < m.line <= len(lines)]
    if "'\\t'" in said or "\t" in said or any("\t" in line for line in near[:2]):
        return msg("yaml-syntax.tab")
    if "quoted scalar" in said or "unexpected end of stream" in said:
        return msg("yaml-syntax.quote")
    if any(" #" in line for line in near) and "mapping values" not in said:
        return msg("yaml-syntax.comment")
    if "flow" in said or "expected ','" in said:
        return msg("yaml-syntax.bracket")
    if "mapping values are not allowed" in said:
        return msg("yaml-syntax.colon")
    if "expected ':'" in said or "block end" in said or "expected key" in said or "indent" in said:
        return msg("yaml-syntax.indent")
    return msg("yaml-syntax.other")


def _alias_problems(path: Path, text: str) -> list[Problem]:
    """Each alias with its own position (only parsed when the tree showed one)."""
    problems = []
    for event in yaml.parse(text, Loader=_Loader):
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent) and mark is not None:
            message = msg("yaml-alias", anchor=event.anchor)
            problems.append(Problem(path, mark.line + 1, mark.column + 1, message, "yaml-alias"))
    return problems


def _line_and_column(text: str | bytes, offset: int) -> tuple[int, int]:
    newline = "\n" if isinstance(text, str) else b"\n"
    before = text[:offset]
    line = before.count(newline) + 1  # type: ignore[arg-type]
    column = offset - (before.rfind(newline) + 1) + 1  # type: ignore[arg-type]
    return line, column


class _Walker:
    """Turns a composed node tree into dicts, lists and scalars, recording positions."""

    def __init__(self, source: SourceMap, text: str = "") -> None:
        self.source = source
        self._lines = text.splitlines()
        self.problems: list[Problem] = []
        self.found_alias = False
        self._seen: set[int] = set()
        self._constructor = SafeConstructor()

    def walk(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        # An alias is the same node object met twice; stopping here is what keeps
        # a "billion laughs" file from expanding.
        if id(node) in self._seen:
            self.found_alias = True
            return None
        self._seen.add(id(node))
        mark = node.start_mark
        self.source.values[loc] = Position(mark.line + 1, mark.column + 1)
        if depth > MAX_DEPTH:
            self.problems.append(
                self.source.problem(loc, msg("yaml-depth", limit=MAX_DEPTH), "yaml-depth")
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, loc)

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_position = Position(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(self._at(key_position, loc, msg("yaml-key"), "yaml-key"))
                continue
            # The key as typed: `no:` stays "no", it does not become False.
            key = str(key_node.value)
            child = (*loc, key)
            first = self.source.keys.get(child)
            if first is not None:
                message = msg("duplicate-key", key=key, line=first.line)
                self.problems.append(self._at(key_position, child, message, "duplicate-key"))
                continue
            self.source.keys[child] = key_position
            if node.flow_style:
                self.source.in_braces.add(child)
            result[key] = self.walk(value_node, child, depth + 1)
        return result

    def _scalar(self, node: yaml.Node, loc: Loc) -> Any:
        end = node.end_mark  # 0-based; a block scalar ends at column 0 of the line after its text
        self.source.last_lines[loc] = end.line + 1 if end.column else end.line
        unquoted = isinstance(node, yaml.ScalarNode) and not node.style  # nor a block
        if unquoted and end.line < len(self._lines) and _is_prose(node.value, loc):
            self._comment_after(loc, end.line, end.column)
        if node.tag == _STR_TAG:
            return node.value
        if node.tag not in _PLAIN_SCALAR_TAGS:
            return node.value  # an explicit tag, reported by _structure_problems
        plain = _PLAIN_FORMS.get(node.tag)
        if plain is not None and not plain.fullmatch(node.value):
            self.source.typed_text[loc] = node.value
            return node.value
        construct = self._constructor.yaml_constructors[node.tag]
        try:
            value = construct(self._constructor, node)
        except (ValueError, OverflowError, yaml.YAMLError):
            # e.g. 2022-13-45 looks like a date but is not one: keep the text, the model says why.
            return node.value
        self.source.typed_text[loc] = node.value
        return value

    def _comment_after(self, loc: Loc, line: int, column: int) -> None:
        """A comment on the line of a plain text: what an editor wrote after " #" in it
        ("Sans doute, oui.  # voir aussi la vidéo 3") was left out of it without a word."""
        rest = self._lines[line][column:]
        if rest.lstrip(" \t").startswith("#"):
            where = Position(line + 1, column + len(rest) - len(rest.lstrip(" \t")) + 1)
            self.problems.append(self._at(where, loc, msg("text-comment"), "text-comment"))

    def _at(self, position: Position, loc: Loc, message: Message, rule: str) -> Problem:
        return Problem(
            self.source.path, position.line, position.column, message, rule, describe_loc(loc)
        )
