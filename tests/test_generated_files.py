"""Writing generated pages: only what changed (else `mkdocs serve` loops), stale ones removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepscopie.generated_files import write_pages
from deepscopie.render.pages import Page


def _pages(*items: tuple[str, str]) -> list[Page]:
    return [Page(path, "fr", markdown) for path, markdown in items]


def test_unchanged_pages_are_not_rewritten(tmp_path: Path) -> None:
    pages = _pages(("faq.md", "# FAQ\n"), ("tags/a.md", "# A\n"))
    assert write_pages(tmp_path, pages).written == ("faq.fr.md", "tags/a.fr.md")
    before = (tmp_path / "tags" / "a.fr.md").stat().st_mtime_ns
    report = write_pages(tmp_path, pages)
    assert report.written == () and report.removed == ()
    assert (tmp_path / "tags" / "a.fr.md").stat().st_mtime_ns == before


def test_a_changed_page_is_rewritten_and_a_stale_one_removed(tmp_path: Path) -> None:
    write_pages(tmp_path, _pages(("tags/a.md", "# A\n"), ("tags/b.md", "# B\n")))
    report = write_pages(tmp_path, _pages(("tags/a.md", "# A, changed\n")))
    assert report.written == ("tags/a.fr.md",)
    assert report.removed == ("tags/b.fr.md",)
    assert not (tmp_path / "tags" / "b.fr.md").exists()


def test_hand_written_pages_are_never_touched(tmp_path: Path) -> None:
    (tmp_path / "about.fr.md").write_text("# À propos\n", encoding="utf-8")
    write_pages(tmp_path, _pages(("faq.md", "# FAQ\n")))
    assert (tmp_path / "about.fr.md").read_text(encoding="utf-8") == "# À propos\n"
    with pytest.raises(ValueError, match="not in a generated folder"):
        write_pages(tmp_path, _pages(("about.md", "# overwritten\n")))
