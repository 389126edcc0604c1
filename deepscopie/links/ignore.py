"""``data/link-ignore.yaml``: addresses the link check does not fetch, each with its reason.

ignore:
  - prefix: https://www.amazon.fr/
    reason: Amazon answers automated clients with an error page; a check proves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, ValidationError

from deepscopie.model import Text, _Frozen
from deepscopie.model_errors import model_problems
from deepscopie.problems import DataError
from deepscopie.urls import url_problems
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
        return next((rule.reason for rule in self.rules if _covers(rule.prefix, url)), None)


def _covers(prefix: str, url: str) -> bool:
    """Whether ``url`` starts with ``prefix``, a prefix without a path naming a whole host
    ("https://example.org" is not "https://example.organisation.net")."""
    if not url.startswith(prefix):
        return False
    rest = url[len(prefix) :]
    return bool(urlsplit(prefix).path) or not rest or rest[0] in "/?#"


_HARMLESS_IN_A_PREFIX = frozenset({"url-local", "url-tracking"})


def load_ignore_list(path: Path) -> IgnoreList:
    """The ignore list at ``path`` (none when the file does not exist)."""
    if not path.exists():
        return IgnoreList()
    document = read_yaml(path)
    if document.problems or document.data is None:
        raise DataError(document.problems)
    try:
        rules = IgnoreFile.model_validate(document.data).ignore
    except ValidationError as error:
        raise DataError(model_problems(error, IgnoreFile, document.source)) from None
    # Each prefix is an address of its own, a site at least: "h" would skip every check.
    # (Skipping a local address or one with tracking parameters is harmless.)
    problems = [
        document.source.problem(("ignore", index, "prefix"), message, rule_name)
        for index, rule in enumerate(rules)
        for message, rule_name in url_problems(rule.prefix)
        if rule_name not in _HARMLESS_IN_A_PREFIX
    ]
    if problems:
        raise DataError(problems)
    return IgnoreList(rules)
