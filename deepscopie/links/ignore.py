"""``data/link-ignore.yaml``: addresses the link check does not fetch, each with its reason.

ignore:
  - prefix: https://www.amazon.fr/
    reason: Amazon answers automated clients with an error page; a check proves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, ValidationError

from deepscopie.model import Text, _Frozen
from deepscopie.model_errors import model_problems
from deepscopie.problems import DataError
from deepscopie.yaml_source import read_yaml


class IgnoreRule(_Frozen):
    """Addresses starting with ``prefix`` are not fetched."""

    prefix: Text = Field(description="Every address starting with this text is skipped.")
    reason: Text = Field(description="Why: shown in the link report next to each skipped address.")


class IgnoreFile(_Frozen):
    """The whole ignore list."""

    ignore: tuple[IgnoreRule, ...] = ()


@dataclass(frozen=True)
class IgnoreList:
    """The rules, ready to ask about one URL."""

    rules: tuple[IgnoreRule, ...] = ()

    def reason_for(self, url: str) -> str | None:
        """Why ``url`` is not checked, or None when it is."""
        return next((rule.reason for rule in self.rules if url.startswith(rule.prefix)), None)


def load_ignore_list(path: Path) -> IgnoreList:
    """The ignore list at ``path`` (none when the file does not exist)."""
    if not path.exists():
        return IgnoreList()
    document = read_yaml(path)
    if document.problems or document.data is None:
        raise DataError(document.problems)
    try:
        return IgnoreList(IgnoreFile.model_validate(document.data).ignore)
    except ValidationError as error:
        raise DataError(model_problems(error, IgnoreFile, document.source)) from None
