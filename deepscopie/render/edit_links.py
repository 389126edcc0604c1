"""From an entry on the site back to its line in the data: GitLab's web editor, opened on the
YAML file at the entry's first line ("suggest a change").

Built from the site's ``repo_url`` and ``edit_uri`` (the editor's address of ``docs/``; the
data files sit beside it) and the line the loader kept for each entry. Without both settings,
or when the result is not an acceptable address, there is no link.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urljoin

from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.model import FaqEntry, Resource
from deepscopie.render import markup
from deepscopie.render.texts import text
from deepscopie.urls import is_acceptable_url


@dataclass(frozen=True)
class EditLinks:
    """The web editor's address of each data file, and the line of each entry."""

    files: Mapping[str, str]  # "resources" / "faq" -> editor's address of the file
    lines: Mapping[tuple[str, str], int] = field(default_factory=dict)  # (kind, id) -> line

    def of(self, kind: str, entry_id: str) -> str | None:
        """The editor's address on the entry's line, or None."""
        line = self.lines.get((kind, entry_id))
        address = self.files.get(kind)
        return f"{address}#L{line}" if address and line else None


def edit_base(repo_url: str | None, edit_uri: str | None) -> str | None:
    """The web editor's address of the repository's root (``…/-/edit/main/``), from MkDocs'
    ``repo_url`` and ``edit_uri`` (which points at ``docs/``); None unless both are set."""
    if not repo_url or not edit_uri:
        return None
    docs = urljoin(repo_url.rstrip("/") + "/", edit_uri)
    root = urljoin(docs if docs.endswith("/") else docs + "/", "..")
    return root if is_acceptable_url(root) else None


def edit_links(base: KnowledgeBase, editor_root: str | None, root: Path) -> EditLinks | None:
    """Every entry's editor address, for the data files of ``base`` (paths under ``root``)."""
    if editor_root is None:
        return None
    files, lines = {}, {}
    kinds: tuple[tuple[str, Sequence[Resource | FaqEntry]], ...] = (
        ("resources", base.resources),
        ("faq", base.faq),
    )
    for kind, entries in kinds:
        path = next((p for p in base.sources if p.stem == kind), None)
        if path is None:
            continue
        address = urljoin(editor_root, quote(path.resolve().relative_to(root.resolve()).as_posix()))
        if not is_acceptable_url(address):
            continue
        files[kind] = address
        source = base.sources[path]
        for index, entry in enumerate(entries):
            lines[(kind, entry.id)] = source.value_position((kind, index)).line
    return EditLinks(files, lines)


def suggest_change(edit: EditLinks | None, kind: str, entry_id: str, language: str) -> str:
    """The entry's "suggest a change" link as HTML (empty without an editor address)."""
    address = edit.of(kind, entry_id) if edit is not None else None
    if address is None:
        return ""
    link = markup.link(
        text("suggest_change", language), address, "ds-suggest-change", language=language
    )
    return f'<p class="ds-meta ds-suggest">{link}</p>'
