"""Write the generated pages into docs/, touching only what changed.

`mkdocs serve` rebuilds whenever a file under docs/ changes: rewriting identical pages would
make it rebuild forever, so a page is written only when its content differs. Pages that are
no longer generated (a tag removed from the vocabulary) are deleted, within the folders this
module owns and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from deepscopie.render.pages import Page

# Folders of docs/ that hold generated pages only (git-ignored), and generated top-level
# files, as patterns (one file per language: faq.fr.md, faq.en.md…).
OWNED_FOLDERS = ("categories", "tags", "types")
OWNED_FILES = ("faq.*.md", "link-health.*.md", "statistics.*.md", "explore.*.md")


@dataclass(frozen=True)
class WriteReport:
    """What a call to :func:`write_pages` changed on disk."""

    written: tuple[str, ...]
    removed: tuple[str, ...]


def write_pages(docs_dir: Path, pages: Iterable[Page]) -> WriteReport:
    """Bring docs_dir's generated pages in line with ``pages``."""
    wanted = {page.file: page.source for page in pages}
    for name in wanted:
        if not is_generated(name):
            raise ValueError(f"refusing to write {name}: not in a generated folder of docs/")
    written = []
    for name, source in sorted(wanted.items()):
        target = docs_dir / name
        if not target.exists() or target.read_text(encoding="utf-8") != source:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(source, encoding="utf-8")
            written.append(name)
    removed = []
    for pattern in OWNED_FILES:
        for path in sorted(docs_dir.glob(pattern)):
            if path.name not in wanted:
                path.unlink()
                removed.append(path.name)
    for folder in OWNED_FOLDERS:
        for path in sorted((docs_dir / folder).rglob("*.md")):
            name = path.relative_to(docs_dir).as_posix()
            if name not in wanted:
                path.unlink()
                removed.append(name)
    return WriteReport(tuple(written), tuple(removed))


def is_generated(name: str) -> bool:
    """Whether the page ``name`` of docs/ ("categories/software.fr.md") is one the build
    writes from the data (and removes), rather than a hand-written one."""
    in_folder = "/" in name and name.split("/", 1)[0] in OWNED_FOLDERS
    return in_folder or any(fnmatch(name, pattern) for pattern in OWNED_FILES)
