"""From the site back to the data: "suggest a change" on each entry opens GitLab's web editor
on the entry's line; "propose a resource" opens a prefilled GitLab issue."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Route

from deepscopie.render.edit_links import edit_base
from tests.conftest import REPO, build_site, copy_project

PROJECT = "https://gitlab.example.org/microscopy/deepscopie"
EDITOR = f"{PROJECT}/-/edit/main/"


@pytest.fixture(scope="module")
def configured_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built as CI builds it, with its GitLab project configured."""
    project = copy_project(tmp_path_factory.mktemp("configured"))
    result = build_site(
        project, DEEPSCOPIE_REPO_URL=PROJECT, DEEPSCOPIE_EDIT_URI="-/edit/main/docs/"
    )
    assert result.returncode == 0, result.stderr
    return project / "site"


def _line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if line == text)


def _suggestions(page: Path) -> dict[str, str]:
    """Entry id -> its "suggest a change" address, in the order of the page."""
    found: dict[str, str] = {}
    current = None
    for match in re.finditer(
        r'<h3 id="([^"]+)"|<a href="([^"]+)" class="ds-suggest-change"', page.read_text()
    ):
        if match.group(1):
            current = match.group(1)
        elif current is not None:
            found[current] = html.unescape(match.group(2))
    return found


def test_each_entry_links_to_its_line_in_gitlabs_editor(configured_site: Path) -> None:
    resources, faq = REPO / "data" / "resources.yaml", REPO / "data" / "faq.yaml"
    for language in ("", "en/"):
        software = _suggestions(configured_site / f"{language}categories/software/index.html")
        line = _line(resources, "  - id: cellpose")
        assert software["cellpose"] == f"{EDITOR}data/resources.yaml#L{line}"
        first_faq = yaml.safe_load(faq.read_text())["faq"][0]["id"]
        questions = _suggestions(configured_site / f"{language}faq/index.html")
        assert (
            questions[first_faq] == f"{EDITOR}data/faq.yaml#L{_line(faq, f'  - id: {first_faq}')}"
        )
    page = (configured_site / "categories/software/index.html").read_text()
    assert "Proposer une modification" in page
    assert "Suggest a change" in (configured_site / "en/categories/software/index.html").read_text()


def test_without_a_repository_there_is_no_link_and_the_form_says_where_to_go(
    built_site: Path,
) -> None:
    assert "ds-suggest-change" not in (built_site / "categories/software/index.html").read_text()
    assert "md-source" not in (built_site / "index.html").read_text()
    page = (built_site / "en/propose/index.html").read_text()
    assert "To propose it, follow the" in page and "data-ds-propose" not in page
    assert "GitLab" not in page.split("<article", 1)[1].split("</article>", 1)[0]  # no jargon
    # Nor does the page describe a form it does not have.
    assert "Describe it below" not in page
    assert "Décrivez-le" not in (built_site / "propose/index.html").read_text()
    # Nor the guide, which sent readers to that page, which sent them back.
    for guide, offer in [
        ("contribute/index.html", "un formulaire ouvre"),
        ("en/contribute/index.html", "a form opens"),
    ]:
        assert offer not in (built_site / guide).read_text(), guide


def test_the_guide_offers_the_proposal_form_where_there_is_one(configured_site: Path) -> None:
    for guide, offer in [
        ("contribute/index.html", "un formulaire ouvre un ticket GitLab déjà rempli"),
        ("en/contribute/index.html", "a form opens a prefilled GitLab issue"),
    ]:
        page = (configured_site / guide).read_text()
        assert re.search(rf'<a href="\.\./propose/">[^<]*</a>\s*:?\s*{offer}', page), guide


def test_the_editor_address_is_built_only_from_acceptable_addresses() -> None:
    assert edit_base(PROJECT, "-/edit/main/docs/") == EDITOR
    assert edit_base(f"{PROJECT}/", f"{PROJECT}/-/edit/dev/docs") == f"{PROJECT}/-/edit/dev/"
    assert edit_base(None, "-/edit/main/docs/") is None
    assert edit_base(PROJECT, None) is None
    assert edit_base("javascript:alert(1)//", "-/edit/main/docs/") is None
    assert edit_base("http://127.0.0.1/x", "-/edit/main/docs/") is None


def test_the_repository_link_fetches_nothing_from_the_code_host(configured_site: Path) -> None:
    page = (configured_site / "index.html").read_text()
    assert f'href="{PROJECT}"' in page and 'data-md-component="source"' not in page


@pytest.fixture
def served_configured_site(configured_site: Path) -> Iterator[str]:
    from deepscopie.local_server import served

    with served(configured_site) as url:
        yield url


@pytest.mark.parametrize(("root", "language"), [("", "fr"), ("en/", "en")])
def test_propose_a_resource_opens_a_prefilled_gitlab_issue(
    browser: Browser, served_configured_site: str, root: str, language: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    opened: list[str] = []

    def gitlab(route: Route) -> None:
        opened.append(route.request.url)
        route.fulfill(status=200, body="GitLab")

    page.route(f"{PROJECT}/**", gitlab)
    try:
        page.goto(f"{served_configured_site}{root}propose/")
        how = {"fr": "Décrivez-le ci-dessous", "en": "Describe it below"}[language]
        assert how in page.locator("article").inner_text()
        name = 'Napari "Plugin": A #1 tool\nwith two lines'
        page.fill('input[name="issue[title]"]', name)
        name = page.input_value('input[name="issue[title]"]')  # one line, as the browser keeps it
        page.fill('[data-ds-field="url"]', "https://napari-hub.org/plugins/example")
        page.fill('textarea[name="issue[description]"]', "Un outil : utile, # vraiment.")
        page.select_option('[data-ds-field="category"]', "software")
        page.select_option('[data-ds-field="type"]', "plugin")
        page.fill('[data-ds-field="languages"]', "en, fr")
        page.click("form[data-ds-propose] button[type=submit]")
        page.wait_for_url(f"{PROJECT}/**")
    finally:
        context.close()
    address = urlsplit(opened[0])
    assert f"{address.scheme}://{address.netloc}{address.path}" == f"{PROJECT}/-/issues/new"
    query = parse_qs(address.query)
    title, description = query["issue[title]"][0], query["issue[description]"][0]
    assert title.endswith(name) and '"' in name
    block = re.search(r"```yaml\n(.*?)```", description, flags=re.S)
    assert block is not None
    entry = yaml.safe_load("resources:\n" + block.group(1))["resources"][0]
    assert entry["title"] == {"fr": name, "en": name}  # quoted: the text is kept whole
    assert entry["url"] == "https://napari-hub.org/plugins/example"
    assert entry["description"][language] == "Un outil : utile, # vraiment."
    assert (entry["category"], entry["type"], entry["languages"]) == (
        "software",
        "plugin",
        ["en", "fr"],
    )
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry["id"])
    assert description.count("- [ ]") == 5
