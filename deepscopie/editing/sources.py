"""What a resource says about itself: its DOI record, its Zenodo record, its code host's
description, or its web page's title and meta tags.

Only what the source states is kept (nothing guessed): a field it does not give stays
``None``, and ``deepscopie add`` asks for it. Descriptions are kept in the source's words,
with the language the source declares, for the editor to check and translate.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote

from deepscopie.editing.fetch import FetchError, fetch
from deepscopie.fetch import FetchError as HttpFetchError
from deepscopie.fetch import json_answer
from deepscopie.urls import doi_address

# The public APIs; each base can be replaced (tests point them at local servers).
API_BASES = {
    "crossref": ("DEEPSCOPIE_CROSSREF_API", "https://api.crossref.org"),
    "datacite": ("DEEPSCOPIE_DATACITE_API", "https://api.datacite.org"),
    "zenodo": ("DEEPSCOPIE_ZENODO_API", "https://zenodo.org/api"),
    "github": ("DEEPSCOPIE_GITHUB_API", "https://api.github.com"),
    "gitlab": ("DEEPSCOPIE_GITLAB_API", "https://gitlab.com/api/v4"),
}

DOI = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)?(10\.\d{4,9}/\S+)$", re.IGNORECASE)
ZENODO_RECORD = re.compile(r"^https?://(?:www\.)?zenodo\.org/records?/(\d+)/?", re.IGNORECASE)
ZENODO_DOI = re.compile(r"^10\.5281/zenodo\.(\d+)$", re.IGNORECASE)
GITHUB = re.compile(r"^https?://(?:www\.)?github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?/?$")
GITLAB = re.compile(r"^https?://gitlab\.com/((?:[\w.-]+/)+[\w.-]+?)(?:\.git)?/?$")
# ISO 639-2/3 codes some records use, for the two languages descriptions are written in.
_THREE_LETTERS = {"eng": "en", "fre": "fr", "fra": "fr"}


@dataclass
class Found:
    """What the source gives (``None`` or empty: it does not say)."""

    source: str  # where it was read: "Crossref", "Zenodo", "GitHub", "the page"…
    url: str | None = None
    title: str | None = None
    description: str | None = None
    description_language: str | None = None  # fr, en… when the source says
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    venue: str | None = None
    doi: str | None = None
    licence: str | None = None
    type: str | None = None  # a type of data/vocabulary.yaml, when the source states one
    keywords: list[str] = field(default_factory=list)  # topics, keywords: suggested tags
    languages: list[str] = field(default_factory=list)  # the resource's own language


def api_base(name: str) -> str:
    """The base address of an API (its environment variable, or the public one)."""
    variable, default = API_BASES[name]
    return (os.environ.get(variable) or default).rstrip("/")


def read_source(address: str) -> Found:
    """Read what ``address`` (a DOI, a Zenodo record, a GitHub or GitLab repository, or any
    web page) says about itself; :class:`FetchError` when it cannot be read."""
    address = address.strip()
    doi = DOI.match(address)
    if doi:
        zenodo = ZENODO_DOI.match(doi.group(1))
        return _zenodo(zenodo.group(1)) if zenodo else _doi(doi.group(1))
    zenodo = ZENODO_RECORD.match(address)
    if zenodo:
        return _zenodo(zenodo.group(1))
    github = GITHUB.match(address)
    if github:
        return _github(github.group(1), github.group(2))
    gitlab = GITLAB.match(address)
    if gitlab and "/-/" not in address:
        return _gitlab(gitlab.group(1))
    return _page(address)


def _json(url: str) -> Any:
    body = fetch(url, accept="application/json")
    try:
        return json_answer(body, url)
    except HttpFetchError:
        raise FetchError(f"{url} did not answer JSON") from None


# DOIs: Crossref, then DataCite (datasets, software)


_CROSSREF_TYPES = {
    "journal-article": "paper",
    "proceedings-article": "paper",
    "posted-content": "paper",
    "book": "book",
    "monograph": "book",
    "dataset": "dataset",
}
_DATACITE_TYPES = {"Dataset": "dataset", "Software": "tool", "Book": "book"}


def _doi(doi: str) -> Found:
    try:
        record = _json(f"{api_base('crossref')}/works/{quote(doi, safe='/')}")["message"]
    except FetchError as crossref:
        if "not found" not in str(crossref):
            raise
        return _datacite(doi)
    found = Found("Crossref", url=doi_address(doi), doi=doi)
    found.title = _first(record.get("title"))
    found.authors = [
        _person(a.get("given"), a.get("family"))
        for a in record.get("author", [])
        if a.get("family")
    ]
    for key in ("published-print", "published-online", "issued", "published"):
        parts = (record.get(key) or {}).get("date-parts") or [[None]]
        if parts[0] and parts[0][0]:
            found.year = int(parts[0][0])
            break
    found.venue = _first(record.get("container-title"))
    found.type = _CROSSREF_TYPES.get(str(record.get("type")))
    if record.get("abstract"):
        found.description = _text_of(str(record["abstract"]))
        found.description_language = _language(record.get("language"))
    found.keywords = [str(s) for s in record.get("subject", [])]
    licences = [str(item.get("URL")) for item in record.get("license", []) if item.get("URL")]
    found.licence = licences[0] if licences else None
    return found


def _datacite(doi: str) -> Found:
    data = _json(f"{api_base('datacite')}/dois/{quote(doi, safe='/')}")["data"]["attributes"]
    found = Found("DataCite", url=doi_address(doi), doi=doi)
    found.title = _first([t.get("title") for t in data.get("titles", [])])
    found.authors = [_creator(c) for c in data.get("creators", []) if _creator(c)]
    year = data.get("publicationYear")
    found.year = int(year) if str(year).isdigit() else None
    found.venue = data.get("publisher") if isinstance(data.get("publisher"), str) else None
    abstracts = [d for d in data.get("descriptions", []) if d.get("descriptionType") == "Abstract"]
    if abstracts:
        found.description = _text_of(str(abstracts[0].get("description", "")))
        found.description_language = _language(abstracts[0].get("lang") or data.get("language"))
    found.type = _DATACITE_TYPES.get(str((data.get("types") or {}).get("resourceTypeGeneral")))
    found.keywords = [str(s.get("subject")) for s in data.get("subjects", []) if s.get("subject")]
    rights = [r.get("rightsIdentifier") or r.get("rights") for r in data.get("rightsList", [])]
    found.licence = next((str(r) for r in rights if r), None)
    return found


# Zenodo


_ZENODO_TYPES = {"dataset": "dataset", "software": "tool", "video": "video", "lesson": "course"}


def _zenodo(record_id: str) -> Found:
    record = _json(f"{api_base('zenodo')}/records/{record_id}")
    metadata = record.get("metadata", {})
    found = Found("Zenodo", url=(record.get("links") or {}).get("html"))
    found.url = found.url or f"https://zenodo.org/records/{record_id}"
    found.title = metadata.get("title")
    found.authors = [_creator(c) for c in metadata.get("creators", []) if _creator(c)]
    date = str(metadata.get("publication_date", ""))
    found.year = int(date[:4]) if date[:4].isdigit() else None
    found.doi = metadata.get("doi") or record.get("doi")
    licence = metadata.get("license")
    found.licence = licence.get("id") if isinstance(licence, dict) else licence
    if metadata.get("description"):
        found.description = _text_of(str(metadata["description"]))
        found.description_language = _language(metadata.get("language"))
    resource_type = metadata.get("resource_type") or {}
    found.type = _ZENODO_TYPES.get(str(resource_type.get("type")))
    found.keywords = [str(k) for k in metadata.get("keywords", [])]
    language = _language(metadata.get("language"))
    found.languages = [language] if language else []
    return found


# Code hosts


def _github(owner: str, name: str) -> Found:
    repository = _json(f"{api_base('github')}/repos/{quote(owner)}/{quote(name)}")
    found = Found("GitHub", url=repository.get("html_url") or f"https://github.com/{owner}/{name}")
    found.title = repository.get("name")
    found.description = repository.get("description") or None
    licence = repository.get("license") or {}
    spdx = licence.get("spdx_id")
    found.licence = spdx if spdx and spdx != "NOASSERTION" else licence.get("name")
    found.keywords = [str(topic) for topic in repository.get("topics", [])]
    return found


def _gitlab(path: str) -> Found:
    project = _json(f"{api_base('gitlab')}/projects/{quote(path, safe='')}?license=true")
    found = Found("GitLab", url=project.get("web_url") or f"https://gitlab.com/{path}")
    found.title = project.get("name")
    found.description = project.get("description") or None
    licence = project.get("license") or {}
    found.licence = licence.get("nickname") or licence.get("name")
    found.keywords = [str(t) for t in project.get("topics") or project.get("tag_list") or []]
    return found


# Any web page: its <title>, Open Graph and citation_ meta tags (Google Scholar's)


def _page(url: str) -> Found:
    reader = _HeadReader()
    reader.feed(fetch(url, accept="text/html,application/xhtml+xml").decode("utf-8", "replace"))
    reader.close()
    meta = reader.meta
    found = Found("the page", url=url)
    found.title = (
        _first(meta.get("citation_title"))
        or _first(meta.get("og:title"))
        or (reader.title.strip() or None)
    )
    found.description = _first(meta.get("og:description")) or _first(meta.get("description"))
    language = _language(reader.language) or _language(_first(meta.get("og:locale")))
    found.description_language = language if found.description else None
    found.languages = [language] if language else []
    found.authors = [_creator({"name": a}) for a in meta.get("citation_author", [])]
    date = _first(meta.get("citation_publication_date")) or _first(meta.get("citation_date"))
    year = re.match(r"\d{4}", date or "")
    found.year = int(year.group()) if year else None
    found.venue = _first(meta.get("citation_journal_title")) or _first(
        meta.get("citation_conference_title")
    )
    doi = DOI.match(_first(meta.get("citation_doi")) or "")
    found.doi = doi.group(1) if doi else None
    found.type = "paper" if found.venue or meta.get("citation_title") else None
    keywords = _first(meta.get("keywords")) or ""
    found.keywords = [k.strip() for k in re.split(r"[,;]", keywords) if k.strip()]
    return found


class _HeadReader(HTMLParser):
    """The page's language, title and meta tags (``name`` or ``property`` -> contents)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.language = ""
        self.title = ""
        self.meta: dict[str, list[str]] = {}
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): value or "" for name, value in attrs}
        if tag == "html":
            self.language = attributes.get("lang", "")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = (attributes.get("name") or attributes.get("property") or "").lower()
            content = attributes.get("content", "").strip()
            if key and content:
                self.meta.setdefault(key, []).append(content)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


_BLOCKS = frozenset(
    {"p", "div", "br", "li", "title", "sec", "section", "h1", "h2", "h3", "h4", "h5", "h6"}
)


class _TextReader(HTMLParser):
    """The text of an HTML or JATS fragment (an abstract), its tags dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag.removeprefix("jats:") in _BLOCKS:
            self.parts.append(" ")  # a heading or paragraph ends a word: "Abstract" "Many"

    def handle_endtag(self, tag: str) -> None:
        self.handle_starttag(tag, [])

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _text_of(markup: str) -> str | None:
    reader = _TextReader()
    reader.feed(markup)
    reader.close()
    text = " ".join("".join(reader.parts).split())
    # JATS abstracts often begin with the heading "Abstract".
    return re.sub(r"^(abstract|summary)\s*[:.]?\s+", "", text, flags=re.IGNORECASE) or None


# Small conversions


def _first(values: Any) -> str | None:
    if isinstance(values, list):
        values = next((v for v in values if isinstance(v, str) and v.strip()), None)
    return values.strip() if isinstance(values, str) and values.strip() else None


def _person(given: str | None, family: str | None) -> str:
    return " ".join(part.strip() for part in (given, family) if part and part.strip())


def _creator(creator: dict[str, Any]) -> str:
    """``{"name": "Stringer, Carsen"}`` or given/family names -> ``Carsen Stringer``."""
    given = creator.get("givenName") or creator.get("given")
    family = creator.get("familyName") or creator.get("family")
    if family:
        return _person(given, family)
    name = str(creator.get("name") or "").strip()
    if "," in name:
        family_name, _, given_name = name.partition(",")
        return _person(given_name, family_name)
    return name


def _language(value: Any) -> str | None:
    """``fr``, ``fr-FR``, ``fr_FR``, ``fra`` -> ``fr``; ``None`` when not said."""
    if not isinstance(value, str) or not value.strip():
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    code = _THREE_LETTERS.get(code, code)
    return code if re.fullmatch(r"[a-z]{2}", code) else None
