"""One problem found in the data, printed the way editors and CI annotate it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """A problem at a place in a data file: ``path:line:col: where: message (rule)``."""

    path: Path
    line: int
    column: int
    message: str
    rule: str
    where: str = ""

    def format(self, *, relative_to: Path | None = None) -> str:
        """Return the one-line form ``path:line:col: where: message (rule)``."""
        shown = display_path(self.path, relative_to)
        where = f"{self.where}: " if self.where else ""
        return f"{shown}:{self.line}:{self.column}: {where}{self.message} ({self.rule})"


class DataError(Exception):
    """Raised when the data has problems; carries all of them, already sorted."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem], *, relative_to: Path | None = None) -> str:
    """All problems, one per line, in file and line order."""
    return "\n".join(p.format(relative_to=relative_to) for p in sorted(problems))


def display_path(path: Path, relative_to: Path | None = None) -> str:
    """``path`` relative to ``relative_to`` (the current folder) where it is inside it."""
    base = relative_to if relative_to is not None else Path.cwd()
    try:
        return str(path.resolve().relative_to(base.resolve()))
    except ValueError:
        return str(path)
