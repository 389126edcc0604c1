"""Rendering the data into Markdown pages: anchors, links, markers, and what readers see."""

from __future__ import annotations

import dataclasses
import datetime
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.model import Localized, Resource
from deepscopie.render import links
from deepscopie.render.entries import render_faq_entry, render_resource, shown_site
from deepscopie.render.pages import (
    fill_home_page,
    render_faq_page,
    render_latest_additions,
    site_pages,
)
from deepscopie.render.safe_html import escape_markdown, markdown_to_safe_html
from deepscopie.render.site_index import SiteIndex
from deepscopie.render.template_globals import template_globals
from deepscopie.render.texts import format_date
from tests.conftest import FIXTURES, REPO, copy_base_data


@pytest.fixture(scope="module")
def base() -> KnowledgeBase:
    """A few real entries, each for a case below (``tests/fixtures/render``), not ``data/``."""
    return load_knowledge_base(DataFiles.in_folder(FIXTURES / "render"))


def _resource(**changes: object) -> Resource:
    fields: dict[str, object] = {
        "id": "tool",
        "title": Localized(fr="Outil", en="Tool"),
        "url": "https://example.org/tool/",
        "description": Localized(fr="Un outil.", en="A tool."),
        "category": "software",
        "type": "tool",
        "languages": ("en",),
        "added": datetime.date(2026, 11, 22),
    }
    fields.update(changes)
    return Resource.model_validate(fields)


def test_a_resource_is_a_heading_whose_anchor_is_its_id(base: KnowledgeBase) -> None:
    page = "categories/software.md"
    html = render_resource(base.resource("cellpose"), base, SiteIndex.of(base), "fr", page)
    # The title is the link, the site beside it; the permalink's title is in French.
    assert html.startswith(
        '<article class="ds-entry">\n<h3 id="cellpose">'
        '<a href="https://www.cellpose.org/">Cellpose</a><a class="headerlink"'
        ' href="#cellpose"'
        ' title="Lien permanent">&para;</a></h3>\n'
    )
    assert (
        '<a href="https://cellpose.readthedocs.io/en/latest/index.html">Documentation</a>' in html
    )
    # Links to other pages are the built addresses, relative: categories/software/ -> types/
    assert (
        '<p class="ds-entry__facts"><a href="https://www.cellpose.org/" class="ds-entry__site">'
        'cellpose.org</a> <span aria-hidden="true">·</span> '
        '<a href="../../types/tool/" class="ds-entry__type">Logiciel</a>' in html
    )
    assert '<a href="../../tags/cellpose/" class="md-tag">Cellpose</a>' in html
    assert (
        'Dans la FAQ\u202f: <a href="../../faq/#cellpose-fine-tuning">'
        "Faut-il réentraîner Cellpose quand il se trompe\u202f?</a>" in html
    )


def test_a_resource_without_address_says_it_is_wanted(base: KnowledgeBase) -> None:
    html = render_resource(
        base.resource("r-language"), base, SiteIndex.of(base), "en", "categories/programming.md"
    )
    assert '<p class="ds-url-needed"><strong>Address unknown</strong> – ' in html
    assert '<a href="../../about/#contribute">Suggest it</a>' in html
    assert '<h3 id="r-language"><span>R</span>' in html or "ds-entry__site" not in html


def test_an_open_question_is_shown_as_open_and_never_dropped(base: KnowledgeBase) -> None:
    page = render_faq_page(base, SiteIndex.of(base), "fr")
    assert '<h3 id="optimising-gpu-use">' in page.html and "optimising-gpu-use" in page.anchors
    entry = next(e for e in base.faq if e.id == "optimising-gpu-use")
    html = render_faq_entry(entry, base, SiteIndex.of(base), "fr", "faq.md")
    assert html.startswith('<details class="ds-faq question" data-ds-state="open">')
    assert '<span class="ds-faq__open">Question ouverte</span>' in html
    assert '<p class="ds-faq__origin">Présentation (Skype)' in html
    assert '<a href="../about/#contribute">Proposez une réponse</a>' in html


def test_an_faq_entry_links_its_related_resources(base: KnowledgeBase) -> None:
    entry = next(e for e in base.faq if e.id == "why-cellpose-works-so-well")
    html = render_faq_entry(entry, base, SiteIndex.of(base), "en", "faq.md")
    assert (
        '<p class="ds-faq__origin">Slack · 15\u00a0June\u00a02022 · <a href="#why-cellpose-works-so-well"'
        ' class="ds-faq__permalink">Permanent link</a></p>' in html
    )
    related = html.split('<div class="ds-faq__related"', 1)[1]
    assert '<li><a href="../categories/videos/#stardist-talk">StarDist: the talk</a>' in related


def test_every_page_exists_in_both_languages(base: KnowledgeBase) -> None:
    pages = site_pages(base)
    french = {page.path for page in pages if page.language == "fr"}
    english = {page.path for page in pages if page.language == "en"}
    assert french == english
    assert {"faq.md", "tags/index.md", "types/index.md", "categories/software.md"} <= french
    assert {page.file for page in pages if page.path == "faq.md"} == {"faq.fr.md", "faq.en.md"}


def test_the_home_page_markers_are_filled(base: KnowledgeBase) -> None:
    home = (REPO / "docs" / "index.en.md").read_text(encoding="utf-8")
    filled = fill_home_page(home, base, "en", "index.md")
    assert "<!-- deepscopie:" not in filled
    assert f"{len(base.resources)} resources and {len(base.faq)} questions" in filled
    assert "[**Tools and software by theme**](categories/software.md)" in filled


def test_a_resource_listed_in_a_second_category_points_to_its_own_page(base: KnowledgeBase) -> None:
    pages = {(p.path, p.language): p.html for p in site_pages(base)}
    software = pages[("categories/software.md", "en")]
    assert '<li><a href="../databases/#cytomine">Cytomine</a> – Shared databases</li>' in software
    assert 'id="cytomine"' not in software  # one anchor per entry: on its own category's page
    # Listed in another section of its own page: said to be there, not "in another category".
    databases = pages[("categories/databases.md", "fr")]
    assert databases.count('id="cytomine"') == 1
    assert (
        '<li><a href="#cytomine">Cytomine</a> – plus haut, section «\u202fImages et données\u202f»</li>'
        in databases
    ), databases[databases.find("ds-see-also") :][:400]
    assert "une autre catégorie" not in databases
    # Not again in its own section, as if it were elsewhere.
    assert databases.count('<a href="#cytomine">') == 1


def test_a_tag_s_and_a_type_s_pages_lead_to_explore_filtered_by_them(base: KnowledgeBase) -> None:
    pages = {(p.path, p.language): p.html for p in site_pages(base)}
    tag = pages[("tags/annotation.md", "fr")]
    assert '<a href="../../explore/?tag=annotation">Ouvrir dans la page Explorer' in tag
    # Before the resources' list (Explore lists no FAQ entry).
    assert tag.index("ds-in-explore") < tag.index("#cytomine")
    kind = pages[("types/platform.md", "en")]
    assert '<a href="../../explore/?type=platform">Open in Explore' in kind


def test_subsection_anchors_cannot_collide_with_entry_ids(base: KnowledgeBase) -> None:
    programming = next(p for p in site_pages(base) if p.path == "categories/programming.md")
    assert 'id="section-tensorflow"' in programming.html
    assert programming.html.count('id="tensorflow"') == 1
    anchors = [h.anchor for h in programming.toc] + [
        child.anchor for h in programming.toc for child in h.children
    ]
    assert anchors.count("tensorflow") == anchors.count("section-tensorflow") == 1


class _Elements(HTMLParser):
    """The elements and attributes of an HTML fragment, as a browser's parser sees them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


@pytest.mark.parametrize(
    "markdown",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        "[click](javascript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD4=)",
        '<iframe src="https://evil.example"></iframe>',
        '<div style="position:fixed;inset:0">overlay</div>',
        "![pixel](https://tracker.example/pixel.png)",
        '<a href="https://ok.example" onclick="alert(1)">x</a>',
    ],
)
def test_contributed_markdown_cannot_run_script(markdown: str) -> None:
    elements = _Elements(markdown_to_safe_html(markdown, "en")).found
    assert {tag for tag, _ in elements} <= {"p", "a"}
    for _, attributes in elements:
        assert set(attributes) <= {"href", "rel"}
        assert (attributes.get("href") or "https:").startswith("https:")


def test_contributed_markdown_keeps_its_formatting_and_links() -> None:
    html = markdown_to_safe_html(
        "Some **bold**, `code` and [a link](https://example.org/a).\n\n- one\n- two", "en"
    )
    assert "<strong>bold</strong>" in html
    assert '<a href="https://example.org/a" rel="noopener noreferrer">a link</a>' in html
    assert "<li>two</li>" in html
    assert "\n\n" not in html  # a blank line would end the raw HTML block in the page


def test_titles_are_escaped_for_markdown() -> None:
    assert escape_markdown("C# <b>[x](y)</b> *z*") == r"C\# &lt;b&gt;\[x\]\(y\)&lt;/b&gt; \*z\*"


def test_addresses_are_shown_as_their_site() -> None:
    assert shown_site("https://www.cellpose.org/") == "cellpose.org"
    assert shown_site("https://www.youtube.com/watch?v=rB6kG3fMNMA&t=530s") == "youtube.com"
    assert shown_site("https://gitlab.com/igbmc/deep-learning/x") == "gitlab.com/igbmc"
    assert shown_site("https://github.com/") == "github.com"


def test_dates_are_written_for_each_language() -> None:
    day = datetime.date(2022, 8, 2)
    assert format_date(day, "fr") == "2\u00a0août\u00a02022"
    assert format_date(day, "en") == "2\u00a0August\u00a02022"


def test_links_between_pages_are_relative() -> None:
    assert links.relative("faq.md#x", "categories/software.md") == "../faq.md#x"
    assert links.relative("categories/software.md#y", "faq.md") == "categories/software.md#y"
    assert links.relative("tags/a.md", "tags/b.md") == "a.md"


def test_a_hostile_title_cannot_break_out_of_its_heading(tmp_path: Path) -> None:
    data = copy_base_data(tmp_path)
    text = (data / "resources.yaml").read_text(encoding="utf-8")
    hostile = '"Cellpose {#care} <script>x</script>"'
    (data / "resources.yaml").write_text(
        text.replace("{fr: Cellpose, en: Cellpose}", f"{{fr: {hostile}, en: x}}"), encoding="utf-8"
    )
    base = load_knowledge_base(DataFiles.in_folder(data))
    html = render_resource(
        base.resource("cellpose"), base, SiteIndex.of(base), "fr", "categories/software.md"
    )
    assert html.splitlines()[1].startswith(
        '<h3 id="cellpose"><a href="https://www.cellpose.org/">'
        "Cellpose {#care} &lt;script&gt;x&lt;/script&gt;</a>"
    )


def test_cross_references_are_shown(base: KnowledgeBase) -> None:
    index = SiteIndex.of(base)
    html = render_resource(base.resource("augmend"), base, index, "en", "categories/software.md")
    facts, cross_reference = html.split('<p class="ds-meta"')[-2:]
    assert "Authors:" in facts
    assert cross_reference.startswith(
        '>In the FAQ: <a href="../../faq/#noise-and-training">Does noise hamper training?</a>'
    )


def test_a_question_is_not_repeated_under_a_heading_that_already_says_it(
    base: KnowledgeBase,
) -> None:
    index = SiteIndex.of(base)
    short = next(e for e in base.faq if e.id == "optimising-gpu-use")
    assert short.title.get("en") == short.question.get("en")
    assert "ds-question" not in render_faq_entry(short, base, index, "en", "faq.md")
    long = next(e for e in base.faq if e.id == "resizing-images")
    assert "ds-question" in render_faq_entry(long, base, index, "en", "faq.md")


def test_a_long_category_lists_only_its_sections_in_its_table_of_contents(
    base: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    from deepscopie.render import pages

    index = SiteIndex.of(base)
    software = next(c for c in base.vocabulary.categories if c.id == "software")
    short = pages.render_category_page(base, index, software, "en")
    assert "cellpose" in [child.anchor for h in short.toc for child in h.children]

    monkeypatch.setattr(pages, "TOC_ENTRIES_LIMIT", 1)  # the fixture's page has more entries
    long = pages.render_category_page(base, index, software, "en")
    assert [h.level for h in long.toc] == [2] * len(long.toc)
    assert all(not h.children for h in long.toc)
    assert long.html == short.html  # the page itself is unchanged
    assert {"cellpose", "section-nucleus-detection"} <= set(long.anchors)  # still linkable


def _base_with_vocabulary(tmp_path: Path, lines: str) -> KnowledgeBase:
    """The fixture's knowledge base with ``lines`` added at the end of its vocabulary."""
    folder = copy_base_data(tmp_path)
    with (folder / "vocabulary.yaml").open("a", encoding="utf-8") as vocabulary:
        vocabulary.write(lines)
    return load_knowledge_base(DataFiles.in_folder(folder))


def test_the_search_dialog_is_given_the_words_searched_as_others_in_its_language(
    tmp_path: Path,
) -> None:
    base = _base_with_vocabulary(
        tmp_path,
        "  - [course, cours, formation]\n"
        "searched_as:\n  fr: {formation: cours, formations: cours}\n  en: {}\n",
    )
    # As search.js reads them (data-ds-searched-as, overrides/partials/deepscopie-search.html).
    assert template_globals("fr", base.vocabulary)["searched_as"] == {
        "formation": "cours",
        "formations": "cours",
    }
    assert template_globals("en", base.vocabulary)["searched_as"] == {}
    # No data (bench/build.py's baseline) or data with problems (`mkdocs serve` lists them).
    assert template_globals("fr", None)["searched_as"] == {}


def test_the_search_dialog_is_given_the_synonyms_phrases_that_say_a_request_word(
    tmp_path: Path,
) -> None:
    # search.js leaves "liste", "list" out of a question ("liste des cours"), but where the
    # question says one of these phrases whole.
    base = _base_with_vocabulary(
        tmp_path,
        "  - [forum, Mailing Lists, liste de diffusion, listserv, e-mailing-list]\n"
        "  - [book, livre, reading list, listless phrase]\n",
    )
    french = template_globals("fr", base.vocabulary)["site_word_lists"]
    english = template_globals("en", base.vocabulary)["site_word_lists"]
    assert isinstance(french, dict) and isinstance(english, dict)
    # Plurals and case aside; not a phrase that only has a longer word ("listless"), nor
    # words joined by hyphens, which search.js reads as one ("emailinglist").
    assert french["asking_phrases"] == "Mailing Lists, liste de diffusion, reading list"
    assert english["asking_phrases"] == "Mailing Lists, reading list"
    without_data = template_globals("fr", None)["site_word_lists"]
    assert isinstance(without_data, dict) and "asking_phrases" not in without_data


def test_the_search_dialog_is_given_the_names_of_the_kinds_of_entry(tmp_path: Path) -> None:
    # search.js leaves a showing word out right before one ("voir les articles", "find
    # papers"), and searches it elsewhere ("voir les noyaux en 3D", "display channels").
    base = _base_with_vocabulary(
        tmp_path,
        "  - [paper, article, publication, article de revue, papiers, channels]\n"
        "  - [multichannel, channels]\n  - [denoising, débruitage]\n",
    )
    for language in ("fr", "en"):
        lists = template_globals(language, base.vocabulary)["site_word_lists"]
        assert isinstance(lists, dict)
        kinds = set(lists["kind_phrases"].split(", "))
        # Every type's name in each language, singular, and the words of its group; not a
        # phrase that begins with one of them, nor a word of another group, nor another
        # group's.
        assert {"logiciel", "tool", "article", "paper", "plugin", "publication", "papier"} <= kinds
        assert not {"article de revue", "article revue", "channel", "denoising"} & kinds
    # Read as search.js reads a question on the page: "chez" is a stop word in French only
    # (English pages read French's commonest little words too, "de" among them).
    base = _base_with_vocabulary(tmp_path / "2", "  - [plugin, modules chez Fiji]\n")
    french, english = (
        template_globals(language, base.vocabulary)["site_word_lists"] for language in ("fr", "en")
    )
    assert isinstance(french, dict) and isinstance(english, dict)
    assert "module fiji" in french["kind_phrases"].split(", ")
    assert "module chez fiji" in english["kind_phrases"].split(", ")


def test_an_acronyms_plural_typed_in_lower_case_is_searched_as_the_acronym(
    tmp_path: Path,
) -> None:
    # Pagefind's stemmers keep "gpus" whole while they keep "gpu" as is: "gpus" found 2
    # entries of the 11 that say "GPU".
    base = _base_with_vocabulary(
        tmp_path,
        "  - [GPU, carte graphique]\n  - [CNN, convolutional network]\n"
        "  - [BIA, bioimage analysis]\n  - [ROI, région d'intérêt]\n  - [AWS, Amazon]\n",
    )
    french = template_globals("fr", base.vocabulary)["searched_as"]
    english = template_globals("en", base.vocabulary)["searched_as"]
    assert isinstance(french, dict) and isinstance(english, dict)
    assert french["gpus"] == english["gpus"] == "gpu"
    assert english["cnns"] == "cnn"
    # Not a plural that is a word too ("bias", "rois": kings), nor an acronym's that ends so.
    assert "bias" not in english and "rois" not in french
    assert not any(typed.endswith("ss") for typed in [*french, *english])


def test_the_latest_additions_are_those_since_the_first_day(base: KnowledgeBase) -> None:
    # Every entry of the first import listed "latest" in the file's order, all the same day.
    said = render_latest_additions(base, "en", "index.md")
    assert " ".join(said.split()) == (
        "Every resource was added on 22 November 2026: the next ones will appear here."
    )
    later = [
        _resource(id="first-later", added=datetime.date(2026, 12, 1)),
        _resource(id="second-later", added=datetime.date(2026, 12, 2)),
    ]
    grown = dataclasses.replace(base, resources=(*base.resources, *later))
    listed = render_latest_additions(grown, "fr", "index.md").splitlines()
    assert [line.split("#")[1].split(")")[0] for line in listed] == ["second-later", "first-later"]
    assert "2 décembre 2026" in " ".join(listed[0].split())


def test_the_tag_index_is_in_dictionary_order_accents_aside(tmp_path: Path) -> None:
    # Sorted by code points, "éthique" came after "vocabulaire", at the end of the French list.
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "render", data)
    vocabulary = data / "vocabulary.yaml"
    original = "{id: gpu, name: {fr: GPU, en: GPU}}"
    text = vocabulary.read_text(encoding="utf-8")
    assert original in text
    vocabulary.write_text(
        text.replace(original, "{id: gpu, name: {fr: évaluer sur GPU, en: GPU}}"), encoding="utf-8"
    )
    base = load_knowledge_base(DataFiles.in_folder(data))
    index = next(p for p in site_pages(base) if p.path == "tags/index.md" and p.language == "fr")
    lines = index.markdown.splitlines()
    listed = [line.split("]")[0].removeprefix("- [") for line in lines if line.startswith("- [")]
    assert listed.index("évaluer sur GPU") < listed.index("fluorescence"), listed
    assert listed == sorted(listed, key=lambda name: name.casefold().replace("é", "e")), listed
