"""Hostile payloads in every text field of the three data files: the built site and its exports
hold no live markup, in either language, and Chromium opens no dialog on any page.

The fields come from the model's JSON Schema, so a field added later is attacked too: every
string that is not an id gets the payloads its own schema accepts, and every address gets an
address that passes validation but carries quotes and markup characters.
"""

from __future__ import annotations

import copy
import csv
import html
import io
import itertools
import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from bibtexparser.entrypoint import parse_string
from playwright.sync_api import Browser, Dialog

from deepscopie.exports.bibliography import _fields as bibliography_fields
from deepscopie.knowledge_base import DataFiles, load_knowledge_base
from deepscopie.language_codes import LANGUAGE_PATTERN
from deepscopie.local_server import served
from deepscopie.model import (
    SECTION_PATTERN,
    SLUG_PATTERN,
    FaqFile,
    ResourcesFile,
    VocabularyFile,
)
from deepscopie.yaml_source import read_yaml
from tests.conftest import FIXTURES, build_site, copy_project

# Each carries the marker "XSS" where a script would run, and "TPL" results that only a
# template engine evaluating the data could produce.
PAYLOADS = (
    "<script>alert('XSS1')</script>",
    "\"><img src=x onerror=alert('XSS2')>",
    "'><svg onload=alert('XSS3')>",
    "&lt;script&gt;alert('XSS4')&lt;/script&gt;",
    "&#60;img src=x onerror=alert('XSS5')&#62;",
    "</title><script>alert('XSS6')</script>",
    "<a href=\"javascript:alert('XSS8')\">x</a> <a href=\" javascript:alert('XSS7')\">y</a>",
    "{{ 'XSS' ~ 'TPL9' }} {% set x = 'XSS' ~ 'TPL10' %}{{ x }}",
    "]]><script>alert('XSS11')</script><![CDATA[",
    "} title = {XSS12}, @misc{x,",
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "＜script＞alert('XSS13')＜/script＞ <ſcript>alert('XSS14')</ſcript>",  # noqa: RUF001
    "<!-- <script>alert('XSS15')</script> -->",
    '<style>body{display:none}</style><meta http-equiv=refresh content="0;url=javascript:1">',
    '<base href="//evil.example/"><iframe srcdoc="<script>alert(\'XSS16\')</script>">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('XSS17')>",
    '![x](https://example.org/x.png"onerror="alert(\'XSS19\')) [a](<https://e.org/"><b>>)',
    "{: onclick=\"alert('XSS20')\" } { #x onclick=alert('XSS21') }",
    '<div markdown="1">*XSS22*</div> <details open ontoggle=alert("XSS23")>',
    "10.1234/\"}><svg/onload=alert('XSS24')>",
    "\\\\\" \\' ` ${alert('XSS25')} %s %(x)s \\u003cscript\\u003e",
)
# Addresses that validation accepts: quotes, Markdown's characters and escaped markup in the
# path (braces, "|" and "^" are refused since the link-health page let "|" end its cell).
ADDRESSES = (
    "https://example.org/{n}/x'onmouseover='alert(1)'",
    "https://example.org/{n}/?q=&lt;script&gt;&r=%7B%7Bx%7D%7D",
    "https://example.org/{n}/javascript:alert(1)",
    "https://example.org/{n}/%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
    "https://example.org/{n}/%7D%20title=%7Bx%7D%7Ca%5Eb",
    "https://example.org/{n}/![x](#)*a*_b_~c~[d]#(onerror)",
)
_ADDRESS_NUMBERS = itertools.count()
_TEXT_NUMBERS = itertools.count()
# Strings that name another entry (an id or an address), not text: given a valid target.
REFERENCES = {".replaced_by": "cellpose"}
IDENTIFIER_PATTERNS = frozenset({SLUG_PATTERN, SECTION_PATTERN, LANGUAGE_PATTERN})
MARKER = re.compile(r"XSS\d|TPL\d")
DANGEROUS_SCHEME = re.compile(r"^\s*(javascript|data|vbscript)\s*:", re.IGNORECASE)
FORBIDDEN_TAGS = frozenset(
    {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "math", "img"}
)
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "srcdoc"})


# The data


def _resolve(schema: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        return _resolve(definitions[schema["$ref"].rsplit("/", 1)[1]], definitions)
    options = [option for option in schema.get("anyOf", []) if option.get("type") != "null"]
    return _resolve(options[0], definitions) if options else schema


class _Filler:
    """Fills every string of an entry with payload ``n``, where the field's schema allows it,
    and remembers which fields (as schema paths) received one."""

    NOTHING = object()

    def __init__(self, definitions: dict[str, Any], n: int, covered: set[str]) -> None:
        self.definitions, self.n, self.covered = definitions, n, covered

    def fill(self, schema: dict[str, Any], value: Any, path: str) -> Any:
        schema = _resolve(schema, self.definitions)
        kind = schema.get("type")
        if kind == "object":
            result = dict(value) if isinstance(value, dict) else {}
            for name, field in schema.get("properties", {}).items():
                filled = self.fill(field, result.get(name), f"{path}.{name}")
                if filled is not self.NOTHING:
                    result[name] = filled
            if not set(schema.get("required", [])) <= set(result):
                return self.NOTHING  # an absent object we cannot complete (ids…)
            return result
        if kind == "array":
            first = value[0] if isinstance(value, list) and value else None
            item = self.fill(schema.get("items", {}), first, f"{path}[]")
            return self.NOTHING if item is self.NOTHING else [item]
        if path in REFERENCES:
            return REFERENCES[path]
        if kind == "string" and "enum" in schema:
            # The last choice: the default is usually first, and a field beside it (a status's
            # note) may only be shown, hence attacked, with another one.
            return schema["enum"][-1]
        if kind == "string" and "const" not in schema:
            return self._string(schema, path)
        return self.NOTHING

    def _string(self, schema: dict[str, Any], path: str) -> Any:
        if schema.get("format") == "date":
            return "2026-01-01"  # a date some texts need beside them (a status note)
        if schema.get("format") not in {None, "uri"}:
            return self.NOTHING
        if schema.get("format") == "uri":
            self.covered.add(path)
            return ADDRESSES[self.n % len(ADDRESSES)].replace("{n}", f"a{next(_ADDRESS_NUMBERS)}")
        # Distinct values, so that a question differs from its title, and across entries (a
        # keyword equal to another entry's title is refused: keyword-name).
        for payload in (f"{PAYLOADS[self.n]} {next(_TEXT_NUMBERS)}", PAYLOADS[self.n]):
            # A short field (a keyword) gets as much of the payload as it takes.
            payload = payload[: schema.get("maxLength", len(payload))]
            pattern = schema.get("pattern")
            if not pattern or re.search(pattern, payload):
                self.covered.add(path)
                return payload
        return self.NOTHING


def _attacked(entry: dict[str, Any], schema: dict[str, Any], n: int, covered: set[str]) -> Any:
    definitions = schema.get("$defs", {})
    filled = _Filler(definitions, n, covered).fill(schema, entry, "")
    return filled


def _entry_schema(model: type[Any], key: str) -> tuple[dict[str, Any], dict[str, Any]]:
    schema = model.model_json_schema()
    items = schema["properties"][key]["items"]
    return {**items, "$defs": schema.get("$defs", {})}, schema


def _hostile_data(folder: Path) -> set[str]:
    """The fixture knowledge base plus one attacked copy of each entry per payload, written to
    ``folder``; returns the schema paths that received payloads."""
    covered: set[str] = set()
    data = {
        name: read_yaml(FIXTURES / "base" / f"{name}.yaml").data
        for name in ("resources", "faq", "vocabulary")
    }
    resource_schema, _ = _entry_schema(ResourcesFile, "resources")
    faq_schema, _ = _entry_schema(FaqFile, "faq")
    vocabulary = VocabularyFile.model_json_schema()
    for n in range(len(PAYLOADS)):
        suffix = f"-p{n}"
        for key in ("categories", "types", "tags"):
            items = vocabulary["properties"][key]["items"]
            schema = {**items, "$defs": vocabulary.get("$defs", {})}
            for term in list(data["vocabulary"][key][:2]):
                attacked = _attacked(copy.deepcopy(term), schema, n, covered)
                attacked["id"] = term["id"] + suffix
                data["vocabulary"][key].append(attacked)
        for resource in list(data["resources"]["resources"][:2]):
            # Not active, so that its status note is published (and attacked) too.
            stopped = {
                **copy.deepcopy(resource),
                "status": "discontinued",
                "status_note": {"date": "2026-11-30", "fr": "-", "en": "-"},
            }
            attacked = _attacked(stopped, resource_schema, n, covered)
            attacked["replaced_by"] = attacked["url"]  # an address the data accepts
            attacked.pop("url_needed", None)
            attacked.update(
                id=resource["id"] + suffix,
                category=resource["category"] + suffix,
                type=resource["type"],  # the bibliography exports papers by their type
                tags=[tag + suffix for tag in resource.get("tags", ["segmentation"])],
            )
            data["resources"]["resources"].append(attacked)
        for entry in list(data["faq"]["faq"][:2]):
            attacked = _attacked(copy.deepcopy(entry), faq_schema, n, covered)
            attacked.update(
                id=entry["id"] + suffix,
                tags=["segmentation" + suffix],
                related=["cellpose" + suffix],
            )
            data["faq"]["faq"].append(attacked)
    # Words searched as others reach every page's search dialog (data-ds-searched-as) and
    # search.js: each payload of one word, both ways, in a synonym group of its own.
    searched_as: dict[str, dict[str, str]] = {"fr": {}, "en": {}}
    for n, payload in enumerate(PAYLOADS):
        if len(payload.split()) == 1:
            data["vocabulary"]["synonyms"].append([payload, f"cours{n}"])
            searched_as["fr"][payload] = f"cours{n}"
            searched_as["en"][f"cours{n}"] = payload
    data["vocabulary"]["searched_as"] = searched_as
    for name, content in data.items():
        text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=10_000)
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return covered


# The checks of the output


class _Markup(HTMLParser):
    """What in a page could run script or change the page: one finding per live piece."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self._inside: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inside = tag if tag in {"script", "style", "title"} else None
        if tag in FORBIDDEN_TAGS or MARKER.search(tag):
            self.findings.append(f"<{tag}>")
        if tag == "meta" and any(name == "http-equiv" for name, _ in attrs):
            self.findings.append("<meta http-equiv>")
        for name, value in attrs:
            if name.startswith("on") or MARKER.search(name):
                self.findings.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and value and DANGEROUS_SCHEME.match(value):
                self.findings.append(f"<{tag} {name}={value[:40]}>")
            if name == "markdown" or (name == "style" and tag not in {"svg", "path"}):
                self.findings.append(f"<{tag} {name}>")

    def handle_endtag(self, tag: str) -> None:
        self._inside = None

    def handle_data(self, data: str) -> None:
        if self._inside in {"script", "style"} and MARKER.search(data):
            self.findings.append(f"{self._inside} holding {MARKER.search(data)}")


def _page_findings(site: Path) -> list[tuple[str, str]]:
    findings = []
    for path in sorted(site.rglob("*.html")):
        where = path.relative_to(site).as_posix()
        html = path.read_text(encoding="utf-8")
        findings += [(where, finding) for finding in _Markup(html).findings]
        findings += [(where, "template evaluated") for _ in re.findall(r"XSSTPL\d", html)]
    return findings


def _export_findings(site: Path, papers: int) -> list[str]:
    findings = []
    rows = list(csv.reader(io.StringIO((site / "resources.csv").read_text(encoding="utf-8"))))
    findings += [
        f"csv formula {cell[:20]!r}"
        for row in rows
        for cell in row
        if cell[:1] in {"=", "+", "-", "@", "\t", "\r"}
    ]
    library = parse_string((site / "bibliography.bib").read_text(encoding="utf-8"))
    findings += [f"bibtex block failed: {block}" for block in library.failed_blocks]
    if len(library.entries) != papers:
        findings.append(f"bibtex holds {len(library.entries)} entries, not {papers}")
    # Each entry has exactly the fields the exporter meant to write: a payload that closed its
    # field ("} title = {XSS12}, @misc{x,") would add one, or start another entry.
    base = load_knowledge_base(DataFiles.in_folder(site.parent / "data"))
    meant = {r.id: [f.key for f in bibliography_fields(r)] for r in base.resources}
    findings += [
        f"bibtex {entry.key}: fields {[f.key for f in entry.fields]}"
        for entry in library.entries
        if [f.key for f in entry.fields] != meant.get(entry.key)
    ]
    atom = "{http://www.w3.org/2005/Atom}"
    for feed in sorted(site.glob("feed.*.xml")):
        root = ElementTree.fromstring(feed.read_bytes())
        for element in root.iter():
            if element.tag in {f"{atom}summary", f"{atom}title", f"{atom}content"}:
                if element.get("type") not in {None, "text"}:
                    findings.append(f"{feed.name}: {element.tag} of type {element.get('type')}")
                if len(element):
                    findings.append(f"{feed.name}: markup inside {element.tag}")
    for name in ("resources.json", "faq.json", "explore/entries.json", "en/explore/entries.json"):
        json.loads((site / name).read_text(encoding="utf-8"))
    return findings


# The test


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    covered = _hostile_data(project / "data")
    result = build_site(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site", covered


def _string_fields(model: type[Any], key: str | None) -> set[str]:
    """Every schema path of a string that is not an id, a code, a date or a choice."""
    schema = model.model_json_schema()
    definitions = schema.get("$defs", {})
    found: set[str] = set()

    def walk(node: dict[str, Any], path: str) -> None:
        node = _resolve(node, definitions)
        if node.get("type") == "object":
            for name, field in node.get("properties", {}).items():
                walk(field, f"{path}.{name}")
        elif node.get("type") == "array":
            walk(node.get("items", {}), f"{path}[]")
        elif node.get("type") == "string" and not {"enum", "const"} & set(node):
            if node.get("format") not in {None, "uri"}:
                return
            if node.get("pattern") not in IDENTIFIER_PATTERNS and path not in REFERENCES:
                found.add(path)

    walk(schema["properties"][key]["items"] if key else schema, "")
    return found


def test_every_text_field_of_the_three_files_is_attacked(
    hostile_site: tuple[Path, set[str]],
) -> None:
    _, covered = hostile_site
    fields = _string_fields(ResourcesFile, "resources") | _string_fields(FaqFile, "faq")
    for key in ("categories", "types", "tags"):
        fields |= {
            path.removeprefix(f".{key}[]")
            for path in _string_fields(VocabularyFile, None)
            if path.startswith(f".{key}[]")
        }
    assert fields - covered == set()
    assert {".title.fr", ".description.en", ".authors[]", ".url", ".links[].url", ".doi"} <= covered


def test_no_page_holds_live_markup_from_the_data(hostile_site: tuple[Path, set[str]]) -> None:
    site, _ = hostile_site
    assert _page_findings(site) == []
    # The text is still there for the reader, shown as text, in both languages.
    for root in ("", "en/"):
        page = (site / root / "categories" / "software-p0" / "index.html").read_text("utf-8")
        assert (
            "&lt;script&gt;alert(&#x27;XSS1&#x27;)" in page or "&lt;script&gt;alert('XSS1')" in page
        )


def test_no_export_holds_live_markup_or_formulas(hostile_site: tuple[Path, set[str]]) -> None:
    site, _ = hostile_site
    papers = 1 + len(PAYLOADS)  # the fixture's paper, and one attacked copy per payload
    assert _export_findings(site, papers) == []


@pytest.fixture(scope="module")
def hostile_url(hostile_site: tuple[Path, set[str]]) -> Iterator[str]:
    site, _ = hostile_site
    with served(site) as url:
        yield url


def test_chromium_opens_no_dialog_on_any_page(
    browser: Browser, hostile_site: tuple[Path, set[str]], hostile_url: str
) -> None:
    site, _ = hostile_site
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []

    def record(dialog: Dialog) -> None:
        dialogs.append(f"{page.url}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", record)
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    for path in pages:
        page.goto(hostile_url + path.removesuffix("index.html"), wait_until="load")
    # The entries drawn by script (Explore) and the search results (Pagefind's excerpts).
    for root in ("", "en/"):
        page.goto(f"{hostile_url}{root}explore/?q=alert", wait_until="load")
        page.wait_for_timeout(500)
        page.goto(f"{hostile_url}{root}", wait_until="load")
        page.keyboard.press("/")
        page.wait_for_timeout(300)
        page.keyboard.type("alert script")
        page.wait_for_timeout(1500)
    context.close()
    assert len(pages) > 20
    assert dialogs == []


_HEADER_TOPIC = re.compile(
    r'data-md-component="header-topic">\s*<span class="md-ellipsis">(.*?)</span>', re.S
)


def test_the_header_shows_a_page_title_as_its_heading_does(
    hostile_site: tuple[Path, set[str]],
) -> None:
    """The sticky header repeats the page's title: a tag named "<script>…" reads the same
    there as in the heading, neither run nor shown as "&lt;script&gt;"."""
    site, _ = hostile_site
    for root in ("", "en/"):
        page = (site / root / "tags" / "segmentation-p0" / "index.html").read_text("utf-8")
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
        topic = _HEADER_TOPIC.search(page)
        assert heading and topic
        without_permalink = re.sub(r'<a class="headerlink".*?</a>', "", heading.group(1))
        shown = html.unescape(re.sub(r"<[^>]+>", "", without_permalink)).strip()
        assert "<script>" in shown  # the payload, as text
        assert html.unescape(topic.group(1)).strip() == shown
