"""One problem found in the data, and the one reporter that prints problems: for editors (text,
in their language), for programs (JSON) and for GitLab's merge requests (Code Quality).

A problem carries its rule and the parameters of its message, not a sentence: the sentence is
written from the language's catalogue (``problem_<key>`` in ``deepscopie/catalogues/<code>.yaml``,
beside the rules' explanations, ``rule_<name>``), so positions and rule names are the same in
every language.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deepscopie.escaping import shown_in_terminal

FORMATS = ("text", "json", "codequality")
Params = tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Message:
    """A message of the catalogue (``key``: a rule, or ``rule.variant``) and its parameters;
    a parameter may itself be a :class:`Message` (a hint, the name of a kind of value)."""

    key: str
    params: Params = ()

    def text(self, language: str | None = None) -> str:
        """The sentence in ``language`` (the editor's, by default)."""
        from deepscopie.editor_language import editor_language  # both read the catalogues
        from deepscopie.render.texts import text

        code = language or editor_language()
        values = {
            name: value.text(code) if isinstance(value, (Message, LanguageName)) else value
            for name, value in self.params
        }
        return text(f"problem_{self.key}", code).format(**values)

    def __lt__(self, other: Message) -> bool:
        return (self.key, repr(self.params)) < (other.key, repr(other.params))

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True)
class LanguageName:
    """A language, named in the language of the message that mentions it ("anglais" in
    French, "English" in English)."""

    code: str

    def text(self, language: str | None = None) -> str:
        from deepscopie.editor_language import editor_language
        from deepscopie.render.texts import language_name

        return language_name(self.code, language or editor_language())


def msg(key: str, /, **params: Any) -> Message:
    """A message of the catalogue: ``msg("unknown", what=msg("what.tag"), value=…)``."""
    return Message(key, tuple(params.items()))


@dataclass(frozen=True, order=True)
class Problem:
    """A problem at a place in a data file: ``path:line:col: where: message (rule)``."""

    path: Path
    line: int
    column: int
    message: Message
    rule: str
    where: str = ""

    def text(self, language: str | None = None) -> str:
        """The message in ``language`` (the editor's, by default)."""
        return self.message.text(language)

    def format(self, *, relative_to: Path | None = None, language: str | None = None) -> str:
        """Return the one-line form ``path:line:col: where: message (rule)``."""
        shown = display_path(self.path, relative_to)
        where = f"{self.where}: " if self.where else ""
        line = f"{shown}:{self.line}:{self.column}: {where}{self.text(language)} ({self.rule})"
        # A message quotes the data, which may hold a terminal's escape sequences.
        return shown_in_terminal(line)


class DataError(Exception):
    """Raised when the data has problems; carries all of them, already sorted."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the data")


def format_problems(
    problems: Sequence[Problem], *, relative_to: Path | None = None, language: str | None = None
) -> str:
    """All problems, one per line, in file and line order."""
    return "\n".join(p.format(relative_to=relative_to, language=language) for p in sorted(problems))


def summary(problems: Sequence[Problem], language: str | None = None) -> str:
    """``3 problems found`` in the editor's language."""
    from deepscopie.editor_language import editor_language  # both read the catalogues
    from deepscopie.render.texts import takes_singular

    code = language or editor_language()
    one = takes_singular(len(problems), code)
    return msg("summary.one" if one else "summary", n=len(problems)).text(code)


def report(
    problems: Sequence[Problem],
    output_format: str,
    *,
    language: str | None = None,
    relative_to: Path | None = None,
) -> str:
    """Every problem as ``text`` (a line each, then the summary), ``json`` (a list of
    objects), or ``codequality`` (GitLab's Code Quality report, shown in merge requests)."""
    ordered = sorted(problems)
    if output_format == "text":
        if not ordered:
            return ""
        listing = format_problems(ordered, relative_to=relative_to, language=language)
        return f"{listing}\n{summary(ordered, language)}"
    if output_format == "json":
        entries = [
            {
                "path": display_path(p.path, relative_to),
                "line": p.line,
                "column": p.column,
                "rule": p.rule,
                "where": p.where,
                "message": p.text(language),
            }
            for p in ordered
        ]
        return json.dumps(entries, ensure_ascii=False, indent=2)
    if output_format == "codequality":
        issues = [_code_quality(p, language, relative_to) for p in ordered]
        return json.dumps(issues, ensure_ascii=False, indent=2)
    raise ValueError(f"unknown format {output_format!r}: use one of {', '.join(FORMATS)}")


def _code_quality(
    problem: Problem, language: str | None, relative_to: Path | None
) -> dict[str, Any]:
    path = display_path(problem.path, relative_to)
    where = f"{problem.where}: " if problem.where else ""
    # A problem keeps its fingerprint from one pipeline to the next, whatever its line or the
    # language (GitLab compares them to say what a merge request fixed or brought).
    identity = "\0".join((path, problem.rule, problem.where, problem.message.key))
    identity += repr(problem.message.params)
    return {
        "description": f"{where}{problem.text(language)}",
        "check_name": problem.rule,
        "fingerprint": hashlib.sha256(identity.encode()).hexdigest(),
        "severity": "major",
        "location": {"path": path, "lines": {"begin": problem.line}},
    }


def display_path(path: Path, relative_to: Path | None = None) -> str:
    """``path`` relative to ``relative_to`` (the current folder) where it is inside it."""
    base = relative_to if relative_to is not None else Path.cwd()
    try:
        # The file's own name, not what it links to: a problem may be that it is a link.
        return str(path.parent.resolve().joinpath(path.name).relative_to(base.resolve()))
    except ValueError:
        return str(path)
