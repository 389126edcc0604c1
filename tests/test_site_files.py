"""A merge request may change docs/, and its preview is built and published before anyone
reads it: docs/ publishes Markdown pages and the site's own assets, as regular files, and a
page's front matter cannot choose a template (deepscopie.site_files)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from deepscopie.site_files import KIND, LINK, SPECIAL, refused_files, refused_front_matter
from tests.conftest import build_site, copy_base_data, copy_project


def _docs(folder: Path) -> Path:
    docs = folder / "docs"
    (docs / "assets" / "stylesheets").mkdir(parents=True)
    (docs / "index.fr.md").write_text("# Accueil\n", encoding="utf-8")
    (docs / "assets" / "stylesheets" / "site.css").write_text("a {}\n", encoding="utf-8")
    return docs


def test_pages_and_the_sites_own_assets_are_published(tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    (docs / "guide").mkdir()
    (docs / "guide" / "install.en.md").write_text("# Install\n", encoding="utf-8")
    (docs / "assets" / "logo.PNG").write_bytes(b"\x89PNG")
    (docs / ".DS_Store").write_bytes(b"\0")  # an editor's machine: MkDocs skips hidden files
    assert refused_files(docs) == []


@pytest.mark.parametrize(
    "name",
    [
        "evil.html",  # raw HTML, script and all, on the site's origin
        "assets/images/logo.svg",  # an SVG opened on its own runs its script
        "about.fr.md.gz",  # served in place of the page to browsers that accept gzip
        "_redirects",  # GitLab Pages' redirections of the site's addresses
        "link-report.json",  # taken for the link checker's own report
        "notes/page.htm",
        "propose.js",  # a script outside assets/
    ],
)
def test_other_kinds_of_files_are_refused(name: str, tmp_path: Path) -> None:
    docs = _docs(tmp_path)
    (docs / name).parent.mkdir(parents=True, exist_ok=True)
    (docs / name).write_text("<script>alert(1)</script>", encoding="utf-8")
    assert refused_files(docs) == [(name, KIND)]


def test_links_and_special_files_are_refused_even_as_pages(tmp_path: Path) -> None:
    """A link would publish what it points to: the runner's environment, its files."""
    docs = _docs(tmp_path)
    outside = tmp_path / "runner-secret.txt"
    outside.write_text("TOKEN=secret", encoding="utf-8")
    (docs / "assets" / "env.css").symlink_to(outside)
    (docs / "secret.md").symlink_to(outside)
    (docs / "more").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(docs / "waiting.md")
    assert refused_files(docs) == [
        ("assets/env.css", LINK),
        ("more", LINK),
        ("secret.md", LINK),
        ("waiting.md", SPECIAL),
    ]


def test_front_matter_says_title_description_hide_and_search_only() -> None:
    allowed = {"title": "T", "description": "D", "hide": ["toc"], "search": {"exclude": True}}
    assert refused_front_matter(allowed) == []
    hostile = {"template": "redirect.html", "location": '"]);alert(1);//', "title": "T"}
    assert refused_front_matter(hostile) == ["location", "template"]


def _small_project(folder: Path) -> Path:
    project = copy_project(folder)
    shutil.rmtree(project / "data")
    copy_base_data(project / "data")
    return project


def test_the_build_stops_on_a_file_docs_may_not_publish(tmp_path: Path) -> None:
    project = _small_project(tmp_path)
    (project / "docs" / "go").mkdir()
    (project / "docs" / "go" / "evil.html").write_text("<script>x()</script>", encoding="utf-8")
    (project / "docs" / "env.md").symlink_to("/proc/self/environ")
    result = build_site(project, DEEPSCOPIE_LANG="fr")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "docs/go/evil.html: seuls sont publiés les pages Markdown" in result.stderr
    assert "docs/env.md: lien symbolique" in result.stderr
    assert not (project / "site").exists()


def test_the_build_stops_on_a_page_that_chooses_its_template(tmp_path: Path) -> None:
    """Material's redirect template prints ``location`` unescaped inside a script."""
    project = _small_project(tmp_path)
    page = '---\ntemplate: redirect.html\nlocation: "\\"]);alert(document.domain);//"\n---\n# x\n'
    for language in ("fr", "en"):
        (project / "docs" / f"go.{language}.md").write_text(page, encoding="utf-8")
    result = build_site(project, DEEPSCOPIE_LANG="en")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "go.fr.md: a page's front matter cannot set location, template" in result.stderr
    assert not list((project / "site").rglob("go/index.html"))
