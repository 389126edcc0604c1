"""The knowledge base's typed, immutable objects, and the schema of the data files.

A resource in ``data/resources.yaml`` reads::

    - id: cellpose
      title: {fr: Cellpose, en: Cellpose}
      url: https://www.cellpose.org/
      description:
        fr: Segmentation généraliste de cellules et de noyaux…
        en: Generalist segmentation of cells and nuclei…
      category: software
      subcategory: nucleus-detection
      type: tool
      tags: [segmentation, cells, nuclei]
      languages: [en]
      added: 2026-11-22

Field descriptions below are shown by editors (through the JSON Schema) and in
the contribution guide, so they are written for curators.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SECTION_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?$"
LANGUAGE_PATTERN = r"^[a-z]{2}$"


_SLUG = re.compile(SLUG_PATTERN)


def _not_blank(text: str) -> str:
    if not text.strip():
        raise PydanticCustomError("blank_text", "the text is empty or only spaces")
    return text


def _valid_slug(text: str) -> str:
    if not _SLUG.fullmatch(text):
        raise PydanticCustomError(
            "invalid_slug",
            "'{value}' is not a valid id: use lower-case letters, digits and single hyphens",
            {"value": text},
        )
    return text


def _valid_section(text: str) -> str:
    if not all(_SLUG.fullmatch(part) for part in text.split("/", 1)):
        raise PydanticCustomError(
            "invalid_section",
            "'{value}' is not a section: write 'category' or 'category/subcategory'",
            {"value": text},
        )
    return text


# The patterns are given to the JSON Schema only (editors flag them as you type); validation
# itself goes through the functions above, whose messages name the fix.
Text = Annotated[
    str,
    AfterValidator(_not_blank),
    Field(strict=True, json_schema_extra={"minLength": 1, "pattern": r"\S"}),
]
Slug = Annotated[
    str,
    AfterValidator(_valid_slug),
    Field(strict=True, json_schema_extra={"pattern": SLUG_PATTERN}),
]
Section = Annotated[
    str,
    AfterValidator(_valid_section),
    Field(strict=True, json_schema_extra={"pattern": SECTION_PATTERN}),
]
# Addresses are checked by deepscopie.urls (scheme, host, credentials), with their own messages.
Url = Annotated[
    str,
    Field(
        strict=True,
        json_schema_extra={"pattern": "^https?://", "format": "uri"},
        description="A full address starting with https:// (or http://).",
    ),
]
# Dates are accepted unquoted (YAML reads them as dates) or quoted (as text).
Day = Annotated[datetime.date, Field(strict=False)]


Provenance = Annotated[
    tuple[Annotated[str, Field(strict=True)], ...],
    Field(
        description="Where the entry came from (private Slack links, attachments). Kept for "
        "curators: never published, never link-checked.",
        exclude=True,  # never in an export: dumps and export schemas leave it out
    ),
]


class _Frozen(BaseModel):
    # Lax at the model level so that YAML lists fill tuples; every scalar type above is strict,
    # so YAML 1.1's `no` (a boolean) or `012` (a number) is never taken for text.
    model_config = ConfigDict(frozen=True, extra="forbid")


class Localized(_Frozen):
    """A text a reader sees, in French (the source) and in English."""

    fr: Text = Field(description="French text (the original).")
    en: Text = Field(description="English text: a faithful translation written for a reader.")

    def get(self, language: str) -> str:
        """The text in ``language`` (``fr`` or ``en``)."""
        return self.fr if language == "fr" else self.en


class Link(_Frozen):
    """A further link of a resource: its documentation, a video, its code…"""

    url: Url
    label: Localized = Field(
        description="What the link leads to, e.g. Documentation / Documentation."
    )


class Resource(_Frozen):
    """One curated resource: a tool, a dataset, a paper, a video, a course…"""

    id: Slug = Field(
        description="Permanent identifier and permalink anchor (lower-case, hyphens). "
        "Never change or reuse it."
    )
    title: Localized = Field(description="The resource's name, as its authors write it.")
    url: Url | None = Field(
        default=None, description="The resource's address. Leave out only with url_needed: true."
    )
    url_needed: Annotated[bool, Field(strict=True)] = Field(
        default=False,
        description="true when the resource is known but its address is not: it is listed as "
        "needing one. Never invent an address.",
    )
    links: tuple[Link, ...] = Field(
        default=(), description="Further links: documentation, code, a video, a presentation."
    )
    description: Localized = Field(description="One to three sentences, Markdown allowed, no HTML.")
    category: Slug = Field(description="A category id from data/vocabulary.yaml.")
    subcategory: Slug | None = Field(
        default=None, description="A sub-category id of that category, where it has some."
    )
    also_in: tuple[Section, ...] = Field(
        default=(),
        description="Other categories the resource is listed in, as 'category' or "
        "'category/subcategory'.",
    )
    type: Slug = Field(description="A type id from data/vocabulary.yaml (tool, paper, video…).")
    tags: tuple[Slug, ...] = Field(default=(), description="Tag ids from data/vocabulary.yaml.")
    languages: tuple[Annotated[str, Field(pattern=LANGUAGE_PATTERN, strict=True)], ...] = Field(
        min_length=1,
        description="Languages the resource itself is in, as ISO 639-1 codes (en, fr…).",
    )
    year: Annotated[int, Field(strict=True)] | None = Field(
        default=None, ge=1900, le=2100, description="Year of publication."
    )
    authors: tuple[Text, ...] = Field(default=(), description="Authors, as 'First Last'.")
    venue: Text | None = Field(
        default=None,
        description="Where it was published: the journal, conference or publisher, as its "
        "record names it.",
    )
    doi: Annotated[str, Field(pattern=r"^10\.\d{4,9}/\S+$", strict=True)] | None = Field(
        default=None, description="DOI without its https://doi.org/ prefix, e.g. 10.1038/xxxx."
    )
    licence: Text | None = Field(
        default=None,
        description="The resource's licence, as its source states it: an SPDX id (MIT, "
        "BSD-3-Clause, CC-BY-4.0) or the licence's address.",
    )
    provenance: Provenance = ()
    added: Day = Field(
        description="Date the resource was added to the knowledge base (YYYY-MM-DD)."
    )

    @model_validator(mode="after")
    def _url_or_url_needed(self) -> Resource:
        if self.url is None and not self.url_needed:
            raise PydanticCustomError(
                "url_missing", "give a 'url', or 'url_needed: true' when the address is unknown"
            )
        if self.url is not None and self.url_needed:
            raise PydanticCustomError(
                "url_and_url_needed", "'url_needed: true' goes with no 'url': remove one of them"
            )
        return self


class FaqEntry(_Frozen):
    """A question from the course's Slack or Skype sessions, with its answer if it has one."""

    id: Slug = Field(description="Permanent identifier and permalink anchor. Never reuse it.")
    source: Literal["slack", "skype"] = Field(description="Where the question was asked.")
    date: Day | None = Field(default=None, description="Date of the question, where known.")
    title: Localized = Field(
        description="The question in a few words, shown as its heading and in search results."
    )
    question: Localized = Field(description="The question in full, Markdown allowed.")
    answer: Localized | None = Field(
        default=None,
        description="The answer, Markdown allowed. Leave out when nobody answered: the question "
        "is shown as open.",
    )
    tags: tuple[Slug, ...] = Field(default=(), description="Tag ids from data/vocabulary.yaml.")
    related: tuple[Slug, ...] = Field(default=(), description="Ids of related resources.")
    provenance: Provenance = ()
    added: Day = Field(description="Date the entry was added to the knowledge base.")

    @property
    def is_open(self) -> bool:
        """True when the question has no answer yet."""
        return self.answer is None


class Subcategory(_Frozen):
    """A section of a category page."""

    id: Slug = Field(description="Permanent identifier of the section (its anchor).")
    name: Localized = Field(description="The section's heading.")


class Category(_Frozen):
    """A theme of the site, with its own page; listed in this order."""

    id: Slug = Field(description="Permanent identifier: the page's address (categories/<id>/).")
    name: Localized = Field(description="The category's name, in the navigation and as title.")
    intro: Localized | None = Field(
        default=None, description="Text shown at the top of the category page (Markdown)."
    )
    subcategories: tuple[Subcategory, ...] = Field(
        default=(), description="The sections of the page, in this order."
    )


class Term(_Frozen):
    """A resource type or a tag."""

    id: Slug = Field(description="Permanent identifier, used in resources and in addresses.")
    name: Localized = Field(description="The name readers see.")


class VocabularyFile(_Frozen):
    """``data/vocabulary.yaml``: the categories, types and tags editors choose from."""

    categories: tuple[Category, ...] = Field(min_length=1)
    types: tuple[Term, ...] = Field(min_length=1)
    tags: tuple[Term, ...] = Field(min_length=1)


class ResourcesFile(_Frozen):
    """``data/resources.yaml``: every curated resource."""

    resources: tuple[Resource, ...]


class FaqFile(_Frozen):
    """``data/faq.yaml``: the questions and answers."""

    faq: tuple[FaqEntry, ...]
