"""``deepscopie add`` and ``add-faq``: a new entry inserted where it belongs.

The entry goes after the last entry of its section (same category and sub-category; for the
FAQ, the same source), and nothing else in the file changes, byte for byte: comments, order
and formatting stay as the editors left them. The result is validated before it is written.
"""

from __future__ import annotations

import datetime
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from deepscopie.editing.entry_text import entry_text
from deepscopie.folding import id_words
from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.problems import DataError, Problem
from deepscopie.urls import normalise_url


class EditRefused(Exception):
    """The entry cannot be added; the message says why and what to do."""


class NewEntryInvalid(DataError):
    """The new entry (at ``where``, e.g. ``resources[45]``) would not validate."""

    def __init__(self, problems: list[Problem], where: str) -> None:
        super().__init__(problems)
        self.where = where


@dataclass(frozen=True)
class Added:
    """Where the new entry went."""

    path: Path
    line: int
    entry_id: str


def propose_id(title: str, taken: Iterable[str]) -> str:
    """A permanent id from a title: ``Cellpose 2.0`` -> ``cellpose-2-0`` (made unique)."""
    slug = id_words(title)[:60].strip("-") or "entry"
    used, candidate, number = set(taken), slug, 2
    while candidate in used:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def already_listed(base: KnowledgeBase, url: str) -> str | None:
    """The id of the resource that already points at ``url`` (once normalised), if any."""
    wanted = normalise_url(url)
    for resource in base.resources:
        addresses = ([resource.url] if resource.url else []) + [link.url for link in resource.links]
        if any(normalise_url(address) == wanted for address in addresses):
            return resource.id
    return None


def add_entry(data: Path, kind: str, fields: Mapping[str, Any]) -> Added:
    """Insert ``fields`` (already in the file's field order) as a new entry of ``kind``
    (``resources`` or ``faq``); raise :class:`EditRefused` if the result would not validate."""
    files = DataFiles.in_folder(data)
    path = files.resources if kind == "resources" else files.faq
    base = load_knowledge_base(files)
    siblings = _siblings(base, kind, fields)
    after = _insertion_line(base, path, kind, siblings)
    text = path.read_text(encoding="utf-8")
    updated = insert_after_line(text, after, entry_text(fields))
    index = siblings[-1] + 1 if siblings else 0
    try:
        _check(files, path, updated)
    except DataError as error:
        raise NewEntryInvalid(error.problems, f"{kind}[{index}]") from None
    path.write_text(updated, encoding="utf-8")
    return Added(path, after + 2, str(fields["id"]))


def insert_after_line(text: str, line: int, block: str) -> str:
    """``text`` with ``block`` after its line ``line`` (1-based), set off by a blank line."""
    lines = text.splitlines(keepends=True)
    head, tail = lines[:line], lines[line:]
    if head and not head[-1].endswith("\n"):
        head[-1] += "\n"
    separator = "\n" if tail and tail[0].strip() else ""
    return "".join(head) + "\n" + block + separator + "".join(tail)


def today() -> datetime.date:
    """The date an entry is added (local date of the editor's machine)."""
    return datetime.date.today()


def _siblings(base: KnowledgeBase, kind: str, fields: Mapping[str, Any]) -> list[int]:
    """Indexes of the entries the new one belongs after, best match first tried."""
    if kind == "faq":
        same = [i for i, e in enumerate(base.faq) if e.source == fields.get("source")]
        return same or list(range(len(base.faq)))
    resources = base.resources
    section = [
        i
        for i, r in enumerate(resources)
        if r.category == fields.get("category") and r.subcategory == fields.get("subcategory")
    ]
    category = [i for i, r in enumerate(resources) if r.category == fields.get("category")]
    return section or category or list(range(len(resources)))


def _insertion_line(base: KnowledgeBase, path: Path, kind: str, siblings: list[int]) -> int:
    source = base.sources[path]  # positions kept from the load: the file is not read again
    if not siblings:  # an empty list: after the "resources:" / "faq:" line
        return source.key_position((kind,)).line
    return source.last_line((kind, siblings[-1]))


def _check(files: DataFiles, path: Path, updated: str) -> None:
    """Validate the whole knowledge base with the new text, in a scratch copy."""
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        for source in files.all():
            shutil.copy(source, scratch / source.name)
        (scratch / path.name).write_text(updated, encoding="utf-8")
        try:
            load_knowledge_base(DataFiles.in_folder(scratch))
        except DataError as error:  # point at the editor's file, not at the scratch copy
            real = {scratch / source.name: source for source in files.all()}
            raise DataError(
                [replace(p, path=real.get(p.path, p.path)) for p in error.problems]
            ) from None
