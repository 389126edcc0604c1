"""A merge request may change docs/, and its preview is built and published before anyone
reads it: docs/ publishes Markdown pages and the site's own assets, as regular files, and a
page's front matter cannot choose a template (deepscopie.site_files)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from deepscopie.render.safe_html import safe_page_html
from deepscopie.site_files import (
    CONTENT,
    KIND,
    LINK,
    NAME,
    SPECIAL,
    THEME,
    refused_files,
    refused_front_matter,
    with_markup,
)
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
    (docs / "assets" / "logo.PNG").write_bytes(b"\x89PNG\r\n\x1a\n")
    (docs / "assets" / "photo.webp").write_bytes(b"RIFF\0\0\0\0WEBPVP8 ")
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


def _small_project_with_page(folder: Path, name: str, markdown: str) -> Path:
    """A small project with a hand-written page ``name`` of ``markdown`` in both languages."""
    project = _small_project(folder)
    for language in ("fr", "en"):
        (project / "docs" / f"{name}.{language}.md").write_text(markdown, encoding="utf-8")
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
    page = '---\ntemplate: redirect.html\nlocation: "\\"]);alert(document.domain);//"\n---\n# x\n'
    project = _small_project_with_page(tmp_path, "go", page)
    result = build_site(project, DEEPSCOPIE_LANG="en")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "go.fr.md: a page's front matter cannot set location, template" in result.stderr
    assert not list((project / "site").rglob("go/index.html"))


def test_names_that_are_not_plain_are_refused(tmp_path: Path) -> None:
    """With no heading, a page's title is its file's name, which Material prints as it is."""
    docs = _docs(tmp_path)
    (docs / "<svg onload=alert(1)>.fr.md").write_text("Bonjour.\n", encoding="utf-8")
    (docs / "é t é").mkdir()
    assert refused_files(docs) == [("<svg onload=alert(1)>.fr.md", NAME), ("é t é", NAME)]


def test_a_title_or_description_with_markup_is_refused() -> None:
    hostile = {"title": "<svg><style><img src=x onerror=alert(1)>", "description": "ok"}
    assert with_markup(hostile) == ["title"]
    assert with_markup({"description": ["not", "text"]}) == ["description"]
    assert with_markup({"title": "Questions & réponses", "description": "R&D, « IA »"}) == []


def test_the_build_stops_on_a_page_title_with_markup(tmp_path: Path) -> None:
    """Material prints ``<h1>{{ page.title }}</h1>`` for a page without a heading."""
    page = '---\ntitle: "<svg><style><img src=x onerror=alert(document.domain)>"\n---\nBonjour.\n'
    project = _small_project_with_page(tmp_path, "evil", page)
    result = build_site(project, DEEPSCOPIE_LANG="fr")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "evil.fr.md : le titre ou la description de la page (title)" in result.stderr


def test_a_page_cannot_drive_the_sites_scripts_with_their_data_attributes() -> None:
    """A hand-written page that imitated Explore's markup made Explore's script load its own
    list, whose links were "javascript:…"; Material's scripts act on data-md-*."""
    imitation = (
        '<div data-ds-explore data-ds-entries="data:application/json,{}" data-md-component="x">'
        '<form data-ds-search-form data-ds-propose><input data-ds-field="url"></form></div>'
    )
    cleaned = safe_page_html(imitation)
    assert "data-ds-explore" not in cleaned and "data-ds-entries" not in cleaned
    assert "data-md-component" not in cleaned
    # What the home page's search form and the proposal form need stays.
    assert 'data-ds-search-form=""' in cleaned and 'data-ds-field="url"' in cleaned


def test_a_file_that_would_replace_one_of_the_theme_is_refused(tmp_path: Path) -> None:
    """A docs/ file wins over the theme's file of the same path: Material's script, on every
    page."""
    docs = _docs(tmp_path)
    theme = tmp_path / "material"
    (theme / "assets" / "javascripts").mkdir(parents=True)
    (theme / "assets" / "javascripts" / "bundle.min.js").write_text("ok()", encoding="utf-8")
    (docs / "assets" / "javascripts").mkdir()
    (docs / "assets" / "javascripts" / "bundle.min.js").write_text("evil()", encoding="utf-8")
    (docs / "assets" / "javascripts" / "site.js").write_text("mine()", encoding="utf-8")
    assert refused_files(docs, [theme]) == [("assets/javascripts/bundle.min.js", THEME)]


@pytest.mark.parametrize("name", ["favicon.ico", "fonts/body.woff", "logo.png", "photo.webp"])
def test_an_image_or_a_font_that_is_not_one_is_refused(name: str, tmp_path: Path) -> None:
    """A server with no type for an extension may guess it from the content: HTML named
    favicon.ico would be served, and run, as a page."""
    docs = _docs(tmp_path)
    path = docs / "assets" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"RIFF<!DOCTYPE html><script>alert(document.domain)</script>")
    assert refused_files(docs) == [(f"assets/{name}", CONTENT)]


def test_a_refused_name_cannot_drive_the_terminal_that_shows_it(tmp_path: Path) -> None:
    """The refusal goes to a CI log: a name's escape sequences are written out, not obeyed."""
    project = _small_project(tmp_path)
    (project / "docs" / "x\x1b[2Kclean.md").write_text("# x\n", encoding="utf-8")
    result = build_site(project)
    assert result.returncode != 0 and "\x1b[2K" not in result.stderr
    assert "docs/x\\x1b[2Kclean.md" in result.stderr
