"""The built site, read as HTML: permalinks, search index, privacy, and hostile data."""

from __future__ import annotations

import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from deepscopie.knowledge_base import DataFiles, load_knowledge_base
from deepscopie.render.texts import language as site_language
from tests.conftest import REPO, build_site, copy_base_data, copy_project, search_fragments


class _Page(HTMLParser):
    """Every element with its attributes, and the text of inline scripts."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)

    def ids(self) -> set[str]:
        return {str(attrs["id"]) for _, attrs in self.elements if attrs.get("id")}


def _html_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "pagefind" not in path.parts)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_resource_and_faq_entry_is_an_anchor_in_both_languages(
    built_site: Path, language: str
) -> None:
    base = load_knowledge_base(DataFiles.in_folder(REPO / "data"))
    root = built_site / site_language(language).root
    missing = []
    for resource in base.resources:
        page = _Page(
            (root / "categories" / resource.category / "index.html").read_text(encoding="utf-8")
        )
        if resource.id not in page.ids():
            missing.append(resource.id)
    faq_ids = _Page((root / "faq" / "index.html").read_text(encoding="utf-8")).ids()
    missing += [entry.id for entry in base.faq if entry.id not in faq_ids]
    assert missing == []


def test_there_is_one_search_index_per_language(built_site: Path) -> None:
    entry = json.loads(
        (built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    )
    languages = entry["languages"]
    assert set(languages) == {"fr", "en"}
    assert languages["fr"]["page_count"] == languages["en"]["page_count"] > 10


MADE_PAGES = ("faq", "explore", "statistics", "tags", "types")


def test_search_finds_the_hand_written_pages_at_their_addresses_and_no_listing(
    built_site: Path,
) -> None:
    pages = {
        str(fragment["url"]): fragment
        for fragment in search_fragments(built_site / "pagefind")
        if fragment["filters"] == {"kind": ["page"]}
    }
    hand_written = {
        "/", "/about/", "/contribute/", "/en/", "/en/about/", "/en/contribute/",
        "/en/propose/", "/propose/",
    }  # fmt: skip
    # The pages made from the data that a reader looks for by name, by their title and
    # introduction only: not by the entries they list.
    made = {f"{root}{page}/" for root in ("/", "/en/") for page in MADE_PAGES}
    assert pages["/faq/"]["meta"] == {"title": "Foire aux questions"}
    assert "FAQ" in str(pages["/faq/"]["content"])
    assert "batch" not in str(pages["/en/faq/"]["content"])  # "What batch size should I choose?"
    # And each category's introduction, which has advice of its own.
    introductions = {url for url in pages if "/categories/" in url}
    assert set(pages) == hand_written | made | introductions
    assert {"/categories/hardware/", "/en/categories/hardware/"} <= introductions
    for url, fragment in pages.items():
        assert (built_site / url.lstrip("/") / "index.html").is_file()
        assert "¶" not in str(fragment["content"])
    # Each in its own language: the English About page in the English index.
    assert pages["/en/about/"]["meta"] == {"title": "About"}
    assert "gathers the resources" in str(pages["/en/about/"]["content"])
    assert "buying a GPU" in str(pages["/en/categories/hardware/"]["content"])
    assert "l'achat d'un GPU" in str(pages["/categories/hardware/"]["content"])


def test_the_guide_and_the_home_page_are_not_results_for_the_words_of_the_data(
    built_site: Path,
) -> None:
    # The guide listed every allowed tag (napari, denoising…), the home page the latest
    # entries' titles: both came up under "Pages of the site" for nearly any question.
    content = {
        str(fragment["url"]): str(fragment["content"]).casefold()
        for fragment in search_fragments(built_site / "pagefind")
    }
    vocabulary = yaml.safe_load((built_site.parent / "data" / "vocabulary.yaml").read_text())
    for url in ("/contribute/", "/en/contribute/", "/", "/en/"):
        language = "en" if url.startswith("/en/") else "fr"
        tags = [tag["name"][language].casefold() for tag in vocabulary["tags"]]
        named = [tag for tag in tags if tag in content[url]]
        assert len(named) <= 3, (url, named)
    assert "merge request" in content["/en/contribute/"]  # what it is about


def test_pages_load_nothing_from_another_host(built_site: Path) -> None:
    remote = []
    for path in _html_pages(built_site):
        for tag, attrs in _Page(path.read_text(encoding="utf-8")).elements:
            loaded = attrs.get("src") or (attrs.get("href") if tag == "link" else None)
            if loaded and ("//" in loaded.split("?")[0] or loaded.startswith("http")):
                remote.append((path.relative_to(built_site).as_posix(), tag, loaded))
    assert remote == []


def test_links_work_from_any_sub_path(built_site: Path) -> None:
    # GitLab Pages serves the site under /<project>/: no address may start at the host's root.
    # (404.html is the exception by design: it is served at any depth, so MkDocs writes it with
    # addresses from site_url, which the deployment sets.)
    rooted = [
        (path.relative_to(built_site).as_posix(), attrs.get("href") or attrs.get("src"))
        for path in _html_pages(built_site)
        if path.name != "404.html"
        for _, attrs in _Page(path.read_text(encoding="utf-8")).elements
        if (attrs.get("href") or attrs.get("src") or "").startswith("/")
    ]
    assert rooted == []


ATTACKS = (
    '<script>alert("xss-1")</script> '
    '<img src=x onerror=alert("xss-2")> '
    '<iframe src="https://evil.example/"></iframe> '
    '<a href="https://ok.example/" onmouseover="alert(\'xss-3\')">hover</a> '
    '<div style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</div> '
    "<svg onload=alert('xss-4')></svg>"
)


def test_hostile_data_cannot_reach_a_readers_browser(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    resources = project / "data" / "resources.yaml"
    text = resources.read_text(encoding="utf-8")
    text = text.replace(
        "      fr: Un algorithme généraliste de segmentation de cellules et de noyaux",
        f"      fr: {json.dumps(ATTACKS)}\n      # was: Un algorithme",
        1,
    )
    text = text.replace(
        "title: {fr: Cellpose, en: Cellpose}",
        "title: {fr: Cellpose, en: \"<b onclick=alert('xss-5')>Cellpose</b>\"}",
        1,
    )
    resources.write_text(text, encoding="utf-8")
    faq = project / "data" / "faq.yaml"
    faq.write_text(
        faq.read_text(encoding="utf-8").replace(
            "      fr: Il faut au minimum quelques centaines d'instances.",
            f"      fr: {json.dumps(ATTACKS)}",
            1,
        ),
        encoding="utf-8",
    )
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    assert _what_could_run_script(project / "site") == []
    # The text is still there for the reader, shown as text.
    software = (project / "site" / "categories" / "software" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "&lt;script&gt;alert" in software


def test_a_hand_written_page_cannot_run_script_either(tmp_path: Path) -> None:
    # A merge request may change docs/: Python-Markdown passed its raw HTML through, and
    # attr_list gave any element a handler. (A front matter title with markup, which Material
    # printed as it is, stops the build: tests/test_site_files.py.)
    project = copy_project(tmp_path)
    about = project / "docs" / "about.en.md"
    about.write_text(
        about.read_text(encoding="utf-8")
        + "\n<script>alert('xss-7')</script>\n\n"
        + "[click](javascript:alert('xss-8')){onclick=\"alert('xss-9')\"}\n\n"
        + '<a href="jav&#x61;script:alert(1)">entity</a> <iframe src="https://example.org"></iframe>\n',
        encoding="utf-8",
    )
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    assert _what_could_run_script(project / "site") == []
    page = (project / "site" / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert "javascript:" not in page.lower() and "xss-7" not in page


def _what_could_run_script(site: Path) -> list[tuple[str, str]]:
    """Each element of the built pages that could run script: frames, event handlers,
    scripts holding an attack's marker ("xss-"), styles outside Material's own elements."""
    findings = []
    for path in _html_pages(site):
        page = _Page(path.read_text(encoding="utf-8"))
        where = path.relative_to(site).as_posix()
        findings += [
            (where, tag) for tag, _ in page.elements if tag in {"iframe", "object", "embed"}
        ]
        findings += [
            (where, f"{tag}[{name}]")
            for tag, attrs in page.elements
            for name in attrs
            if name.startswith("on")
        ]
        findings += [(where, "script") for script in page.scripts if "xss-" in script]
        findings += [
            (where, f"{tag}[style]")
            for tag, attrs in page.elements
            if "style" in attrs
            and tag not in {"svg", "path"}
            and "md-" not in str(attrs.get("class", ""))
        ]
    return findings


class _HeadTags(HTMLParser):
    """The <meta> and <link> tags of a page's head, by their property, name or rel."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: dict[str, str] = {}
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        key = found.get("property") or found.get("name") or found.get("rel")
        if tag in {"meta", "link"} and key and key not in self.tags:
            self.tags[key] = found.get("content") or found.get("href") or ""


def test_a_site_without_its_public_address_has_an_empty_sitemap(built_site: Path) -> None:
    # A preview or a local build (no SITE_URL): MkDocs wrote "<loc>Noneabout/</loc>". Still
    # there, as Material fetches it from every page (a 404 was an error in every console).
    import xml.etree.ElementTree as ElementTree

    sitemap = ElementTree.parse(built_site / "sitemap.xml").getroot()
    assert sitemap.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    assert list(sitemap) == []
    assert not (built_site / "sitemap.xml.gz").exists()


def test_a_published_site_tells_search_engines_and_link_previews_about_each_page(
    tmp_path: Path,
) -> None:
    """With its public address (SITE_URL, set by the Pages job): canonical addresses, the
    other language's page in the sitemap (hreflang), and Open Graph in the page's language."""
    import xml.etree.ElementTree as ElementTree

    project = copy_project(tmp_path)
    address = "https://example.gitlab.io/deepscopie/"
    result = build_site(project, SITE_URL=address)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    base = load_knowledge_base(DataFiles.in_folder(REPO / "data"))
    software = next(c for c in base.vocabulary.categories if c.id == "software")
    assert software.intro is not None

    head = _HeadTags((site / "en" / "categories" / "software" / "index.html").read_text())
    assert head.tags["canonical"] == f"{address}en/categories/software/"
    assert head.tags["og:url"] == f"{address}en/categories/software/"
    assert head.tags["og:title"] == "Tools and software by theme"
    assert head.tags["og:description"] == head.tags["description"]
    assert head.tags["og:description"].startswith(software.intro.get("en").split(",")[0])
    assert head.tags["og:locale"] == "en_GB"
    home = _HeadTags((site / "index.html").read_text())
    assert home.tags["og:locale"] == "fr_FR"
    assert home.tags["og:description"].startswith("Le deep learning pour la microscopie")

    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    sitemap = ElementTree.parse(site / "sitemap.xml").getroot()
    page = next(
        url
        for url in sitemap.findall("s:url", namespaces)
        if url.findtext("s:loc", namespaces=namespaces) == f"{address}categories/software/"
    )
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in page.findall("{http://www.w3.org/1999/xhtml}link")
    }
    assert alternates == {
        "fr": f"{address}categories/software/",
        "en": f"{address}en/categories/software/",
    }


def test_on_the_pages_of_entries_every_other_id_is_one_entries_cannot_take(
    built_site: Path,
) -> None:
    """The reserved-id rule comes from the renderer: whatever id it (or a template) puts on a
    page that holds entries, an entry's id can never be equal to it."""
    import re

    from deepscopie.model import SLUG_PATTERN
    from deepscopie.render.links import is_reserved_anchor

    base = load_knowledge_base(DataFiles.in_folder(REPO / "data"))
    entry_ids = {r.id for r in base.resources} | {e.id for e in base.faq}
    pages = [*built_site.glob("categories/*/index.html"), built_site / "faq" / "index.html"]
    pages += [*built_site.glob("en/categories/*/index.html"), built_site / "en/faq/index.html"]
    clashing = {
        (path.relative_to(built_site).as_posix(), id_)
        for path in pages
        for id_ in _Page(path.read_text(encoding="utf-8")).ids()
        if id_ not in entry_ids and re.fullmatch(SLUG_PATTERN, id_) and not is_reserved_anchor(id_)
    }
    assert clashing == set()


def test_a_data_file_saved_unchanged_is_not_read_again(tmp_path: Path) -> None:
    """An editor's save that changes nothing (its time only) gives the knowledge base already
    made, which the build neither renders nor indexes again (`mkdocs serve`); a change of one
    character is read."""
    files = DataFiles.in_folder(copy_base_data(tmp_path / "data"))
    first = load_knowledge_base(files)
    text = files.resources.read_text(encoding="utf-8")
    files.resources.write_text(text, encoding="utf-8")
    later = files.resources.stat().st_mtime_ns + 5_000_000_000
    os.utime(files.resources, ns=(later, later))
    assert load_knowledge_base(files) is first
    files.resources.write_text(text.replace("title:", "title: ", 1), encoding="utf-8")
    os.utime(files.resources, ns=(later + 1, later + 1))
    changed = load_knowledge_base(files)
    assert changed is not first
    assert [r.id for r in changed.resources] == [r.id for r in first.resources]
