"""Who says what: editors' notes apart from the source's text, titles marked with their language.

Small fixture data only (fixtures/base, changed per test), so that editing data/ never breaks
these tests.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pydantic
import pytest

from deepscopie.cli import main
from deepscopie.escaping import html_text
from deepscopie.exports.bibliography import bibliography
from deepscopie.exports.data import faq_json, resources_csv, resources_json
from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.links.targets import link_targets
from deepscopie.model import SiteLanguage
from deepscopie.render.entries import render_faq_entry, render_resource
from deepscopie.render.search_records import search_records
from deepscopie.render.site_index import SiteIndex
from deepscopie.render.texts import language_codes
from tests.conftest import copy_base_data

FAQ_NOTE = """    editors_note:
      fr: "La rédaction précise : voir [le jeu de données](https://www.cellpose.org/dataset)."
      en: "The editors add: see [the dataset](https://www.cellpose.org/dataset)."
"""
RESOURCE_NOTE = """    editors_note: {fr: Une précision de la rédaction., en: A clarification by the editors.}
"""


def _base(tmp_path: Path, *, faq_note: str = FAQ_NOTE, title_language: str = "en") -> Path:
    """The fixture base with an editors' note on an answered question, on an open one and on
    a resource, and the paper CARE's title marked with its language."""
    data = copy_base_data(tmp_path)
    faq = (data / "faq.yaml").read_text(encoding="utf-8")
    faq = faq.replace("    tags: [segmentation]\n", f"{faq_note}    tags: [segmentation]\n", 1)
    faq = faq.replace(
        "    question: {fr: Comment optimiser les GPU ?, en: How to optimise GPUs?}\n",
        "    question: {fr: Comment optimiser les GPU ?, en: How to optimise GPUs?}\n"
        + RESOURCE_NOTE,
    )
    (data / "faq.yaml").write_text(faq, encoding="utf-8")
    resources = (data / "resources.yaml").read_text(encoding="utf-8")
    resources = resources.replace(
        "    title: {fr: CARE, en: CARE}\n",
        f"    title: {{fr: CARE, en: CARE}}\n    title_language: {title_language}\n",
    )
    resources = resources.replace(
        "    description: {fr: Segmentation de cellules., en: Cell segmentation.}\n",
        "    description: {fr: Segmentation de cellules., en: Cell segmentation.}\n"
        + RESOURCE_NOTE,
    )
    (data / "resources.yaml").write_text(resources, encoding="utf-8")
    return data


@pytest.fixture
def base(tmp_path: Path) -> KnowledgeBase:
    return load_knowledge_base(DataFiles.in_folder(_base(tmp_path)))


def _faq(base: KnowledgeBase, entry_id: str, language: str) -> str:
    entry = next(e for e in base.faq if e.id == entry_id)
    return render_faq_entry(entry, base, SiteIndex.of(base), language, "faq.md")


@pytest.mark.parametrize(
    ("language", "label", "note"),
    [
        ("fr", "Note de la rédaction", "La rédaction précise"),
        ("en", "Editors' note", "The editors add"),
    ],
)
def test_an_editors_note_is_labelled_and_apart_from_the_answer(
    base: KnowledgeBase, language: str, label: str, note: str
) -> None:
    markdown = _faq(base, "why-cellpose", language)
    answer = markdown.split('<div class="ds-answer">', 1)[1].split("</div>", 1)[0]
    assert note not in answer  # never merged into what the course said
    block = markdown.split('<div class="admonition note ds-editors-note" role="note">', 1)[1]
    assert block.startswith(f'\n<p class="admonition-title">{html_text(label)}</p>\n<p>{note}')
    assert markdown.index("ds-answer") < markdown.index("ds-editors-note")


def test_an_open_question_keeps_its_editors_note_and_stays_open(base: KnowledgeBase) -> None:
    entry = next(e for e in base.faq if e.id == "gpu")
    assert entry.is_open and entry.editors_note is not None
    markdown = _faq(base, "gpu", "en")
    assert '<span class="ds-faq__open">Open question</span>' in markdown
    label = html_text("Editors' note")
    assert (
        f'<p class="admonition-title">{label}</p>\n<p>A clarification by the editors.' in markdown
    )


@pytest.mark.parametrize(
    ("language", "label"), [("fr", "Note de la rédaction"), ("en", "Editors' note")]
)
def test_a_resource_shows_its_editors_note_after_its_description(
    base: KnowledgeBase, language: str, label: str
) -> None:
    html = render_resource(
        base.resource("cellpose"), base, SiteIndex.of(base), language, "categories/software.md"
    )
    description = "Segmentation de cellules." if language == "fr" else "Cell segmentation."
    assert html.index(description) < html.index(
        f'<p class="admonition-title">{html_text(label)}</p>'
    )


def test_a_note_is_escaped_and_sanitised_like_every_contributed_text(tmp_path: Path) -> None:
    hostile = '    editors_note: {fr: "<script>alert(1)</script>", en: "<img src=x onerror=y>"}\n'
    base = load_knowledge_base(DataFiles.in_folder(_base(tmp_path, faq_note=hostile)))
    for language in ("fr", "en"):
        markdown = _faq(base, "why-cellpose", language)
        assert "<script>" not in markdown and "<img" not in markdown


def test_addresses_in_a_note_are_validated_and_link_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    good = load_knowledge_base(DataFiles.in_folder(_base(tmp_path / "good")))
    assert "faq:why-cellpose" in link_targets(good)["https://www.cellpose.org/dataset"]
    hostile = (
        '    editors_note: {fr: "[x](javascript:alert(1))", en: "[x](https://example.org/)"}\n'
    )
    data = _base(tmp_path / "bad", faq_note=hostile)
    monkeypatch.chdir(data)
    assert main(["validate", "--data", "."]) == 1
    out = capsys.readouterr().out
    assert "faq[0].editors_note.fr: link 'javascript:alert(1)'" in out
    assert "(url-scheme)" in out


@pytest.mark.parametrize(("language", "marked"), [("fr", True), ("en", False)])
def test_a_title_kept_as_published_carries_its_language(
    base: KnowledgeBase, language: str, marked: bool
) -> None:
    html = render_resource(
        base.resource("care"), base, SiteIndex.of(base), language, "categories/bibliography.md"
    )
    heading = html.splitlines()[1]
    assert heading.startswith('<h3 id="care"><a href="')
    assert ('lang="en">CARE</a><a class="headerlink"' in heading) is marked
    assert ('-7">CARE</a><a class="headerlink"' in heading) is not marked


def test_a_translated_title_is_not_marked(base: KnowledgeBase) -> None:
    html = render_resource(
        base.resource("cellpose"), base, SiteIndex.of(base), "fr", "categories/software.md"
    )
    assert "lang=" not in html.splitlines()[1]


def test_a_title_language_must_be_one_of_the_site_s_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_base(tmp_path, title_language="de"))
    assert main(["validate", "--data", "."]) == 1
    out = capsys.readouterr().out
    assert (
        "resources.yaml:17:21: resources[1].title_language: 'de' is not allowed here: "
        "use 'fr' or 'en' (invalid-value)" in out
    )


def test_the_title_languages_are_the_site_s_languages() -> None:
    adapter = pydantic.TypeAdapter(SiteLanguage)
    assert [adapter.validate_python(code) for code in language_codes()] == list(language_codes())
    with pytest.raises(pydantic.ValidationError):
        adapter.validate_python("de")


def test_exports_carry_the_note_and_the_title_language(base: KnowledgeBase) -> None:
    today = datetime.date(2026, 12, 1)
    faq = json.loads(faq_json(base, today))["faq"]
    assert faq[0]["editors_note"]["en"].startswith("The editors add")
    assert "editors_note" not in faq[0]["answer"]
    resources = {r["id"]: r for r in json.loads(resources_json(base, today))["resources"]}
    assert resources["care"]["title_language"] == "en"
    assert "title_language" not in resources["cellpose"]
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(resources_csv(base)))}
    assert rows["care"]["title_language"] == "en" and rows["cellpose"]["title_language"] == ""
    assert rows["cellpose"]["editors_note_fr"] == "Une précision de la rédaction."
    assert "langid = {english}" in bibliography(base)


def test_search_finds_an_entry_by_its_editors_note(base: KnowledgeBase) -> None:
    records = {r.path.removesuffix(".html"): r.document for r in search_records(base)}
    records = {path.removeprefix("entries/"): document for path, document in records.items()}
    assert "The editors add" in records["en/why-cellpose"]
    assert "La rédaction précise" in records["fr/why-cellpose"]
    assert "A clarification by the editors." in records["en/cellpose"]
    assert "clarification" not in records["en/care"]
