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
import html
import re
import typing
import unicodedata
from collections.abc import Callable, Mapping
from typing import Annotated, Any, ClassVar, Literal

from babel import Locale
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)
from pydantic_core import PydanticCustomError

from deepscopie.characters import INVISIBLE_OR_CONTROL, STACKED_ACCENT
from deepscopie.folding import squashed
from deepscopie.language_codes import LANGUAGE_PATTERN
from deepscopie.languages import LanguageError, site_languages
from deepscopie.urls import doi_address

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SECTION_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?$"


_SLUG = re.compile(SLUG_PATTERN)
# An id names files and addresses (tags/<id>/, the search's records): past 255 bytes a file
# system refuses the name, and the build failed after validation had passed.
MAX_ID_LENGTH = 100
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The first year a publication about microscopy may have (Hooke's Micrographia: 1665).
FIRST_YEAR = 1600


def _not_blank(text: str) -> str:
    if not text.strip():
        raise PydanticCustomError("blank_text", "the text is empty or only spaces")
    return text


_FORBIDDEN_CHARACTER = re.compile(INVISIBLE_OR_CONTROL)
_STACKED_ACCENT = re.compile(STACKED_ACCENT)


# A character reference ("&#x202E;", "&shy;"): Markdown and HTML turn it into its character.
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


def _clean_characters(text: str) -> str:
    found = _FORBIDDEN_CHARACTER.search(text)
    if found:
        _refuse_character(found.group(), found.start())
    # Written as a reference, the same character reaches the pages once they are rendered.
    for reference in _CHARACTER_REFERENCE.finditer(text):
        hidden = _FORBIDDEN_CHARACTER.search(html.unescape(reference.group()))
        if hidden:
            _refuse_character(hidden.group(), reference.start())
    # (Written as references too: "&#x301;" three times is three accents on the pages.)
    stacked = _STACKED_ACCENT.search(text) or (
        "&" in text and _STACKED_ACCENT.search(html.unescape(text))
    )
    if stacked:
        raise PydanticCustomError(
            "stacked_accents",
            "the text stacks more than two accents on one letter, at character {position}: "
            "they draw over the lines around it",
            {"position": stacked.start() + 1},
        )
    return text


def _refuse_character(character: str, at: int) -> None:
    name = unicodedata.name(character, "a control character")
    raise PydanticCustomError(
        "invalid_character",
        "the text holds an invisible or control character, U+{code} ({name}), at "
        "character {position}: remove it",
        {"code": f"{ord(character):04X}", "name": name, "position": at + 1},
    )


# The most characters of a title or a name: the longest today, a paper's, has 148 (and
# those of the real 960-entry list fit too).
TITLE_LENGTH = 300


def _one_line(text: Localized) -> Localized:
    for language, value in text.texts.items():
        named = {"language": _english_name(language), "language_code": language}
        if "\n" in value or "\t" in value:
            raise PydanticCustomError(
                "invalid_character",
                "the {language} text has a line break or a tab: a title or a name is one line",
                named,
            )
        if len(value) > TITLE_LENGTH:
            raise PydanticCustomError(
                "title_too_long",
                "the {language} text has {length} characters: a title or a name has {most} at most",
                {**named, "length": len(value), "most": TITLE_LENGTH},
            )
    return text


def _one_line_text(text: str) -> str:
    if "\n" in text or "\t" in text:
        raise PydanticCustomError(
            "invalid_character", "the text has a line break or a tab: a name is one line"
        )
    return text


def _iso_day(value: object) -> object:
    """A date typed as YYYY-MM-DD (unquoted or quoted), nothing else: no timestamp with a
    time, no epoch number, no other spelling."""
    if isinstance(value, datetime.datetime):
        raise PydanticCustomError("date_type", "expected a date (YYYY-MM-DD)")
    if isinstance(value, str):
        if not _ISO_DAY.fullmatch(value):
            raise PydanticCustomError("date_parsing", "write the date as YYYY-MM-DD")
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("date_parsing", "not a real date") from None
    return value


# The earliest day an editor may have recorded something of this knowledge base: before it,
# a date is a slip (0001-01-01), as is one after tomorrow (a day ahead: the editor's time
# zone). Sorting by the date added put such an entry first or last.
FIRST_DAY = datetime.date(2000, 1, 1)


def _recorded_day(day: datetime.date) -> datetime.date:
    if day < FIRST_DAY:
        raise PydanticCustomError(
            "day_range",
            "{day} is before {first}: give the day it was recorded (YYYY-MM-DD)",
            {"day": day.isoformat(), "first": FIRST_DAY.isoformat()},
        )
    if day > datetime.date.today() + datetime.timedelta(days=1):
        raise PydanticCustomError(
            "day_range",
            "{day} is in the future: give the day it was recorded (YYYY-MM-DD)",
            {"day": day.isoformat()},
        )
    return day


def _plausible_year(year: int) -> int:
    if year < FIRST_YEAR:
        raise PydanticCustomError(
            "year_range",
            "{year} is before {first}: give the year of publication",
            {"year": year, "first": FIRST_YEAR},
        )
    if year > datetime.date.today().year + 1:
        raise PydanticCustomError(
            "year_range", "{year} is in the future: give the year of publication", {"year": year}
        )
    return year


def _valid_slug(text: str) -> str:
    if len(text) > MAX_ID_LENGTH:
        raise PydanticCustomError(
            "slug_too_long",
            "an id of {length} characters is too long: {limit} at most",
            {"length": len(text), "limit": MAX_ID_LENGTH},
        )
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


# The most characters of any text: a pasted page of 200,000 letters passed (an entry of it
# weighed 260 KB in Explore's file). Not fewer: a paper's abstract as its description, in
# the real 960-entry list (bench/real_data.py), has up to 8,000; our FAQ answers 1,400. A
# title has its own, smaller, limit.
TEXT_LENGTH = 10_000


def _no_longer_than(most: int, error: str, template: str) -> Callable[[str], str]:
    """A validator refusing a text of more than ``most`` characters, as the model's error
    ``error`` (its message in the catalogues, see model_errors; ``template``: the fallback)."""

    def check(text: str) -> str:
        if len(text) > most:
            context = {"value": text, "length": len(text), "most": most}
            raise PydanticCustomError(error, template, context)
        return text

    return check


_not_too_long = _no_longer_than(
    TEXT_LENGTH,
    "text_too_long",
    "the text has {length} characters, more than {most}: say it in fewer words",
)

# The patterns are given to the JSON Schema only (editors flag them as you type); validation
# itself goes through the functions above, whose messages name the fix.
Text = Annotated[
    str,
    AfterValidator(_not_blank),
    AfterValidator(_not_too_long),
    AfterValidator(_clean_characters),
    Field(
        strict=True, json_schema_extra={"minLength": 1, "maxLength": TEXT_LENGTH, "pattern": r"\S"}
    ),
]
Slug = Annotated[
    str,
    AfterValidator(_valid_slug),
    Field(strict=True, json_schema_extra={"pattern": SLUG_PATTERN, "maxLength": MAX_ID_LENGTH}),
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
# Dates are accepted unquoted (YAML reads them as dates) or quoted (as text), as YYYY-MM-DD.
Day = Annotated[
    datetime.date, BeforeValidator(_iso_day), Field(strict=True), AfterValidator(_recorded_day)
]


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


class PerLanguage(_Frozen):
    """Something given once in each language of the site (the first is the source); each
    language's value is of the type its ``__pydantic_extra__`` declares."""

    # One value per language code: which codes, the site's list of languages says (checked
    # below), so that adding a language to the site needs no change here.
    model_config = ConfigDict(
        frozen=True,
        extra="allow",
        json_schema_extra=lambda schema, model: _localized_schema(schema, model),
    )
    # What the JSON Schema says of each language's value: for the site's first language, then
    # for the others ({language} is its English name).
    language_help: ClassVar[tuple[str, str]] = (
        "{language} text (the original).",
        "{language} text: a faithful translation written for a reader.",
    )

    @model_validator(mode="after")
    def _every_language(self) -> PerLanguage:
        languages = site_languages()
        given = self.__pydantic_extra__ or {}
        for code in languages.codes:
            if code not in given:
                raise PydanticCustomError(
                    "missing_translation",
                    "the {name} text ('{code}') is missing",
                    {"code": code, "name": _english_name(code)},
                )
        for code in given:
            if code not in languages.codes:
                raise PydanticCustomError(
                    "unknown_language",
                    "unknown field '{code}': the site's languages are {codes}",
                    {"code": code, "codes": languages.codes_text},
                )
        return self


class Localized(PerLanguage):
    """A text a reader sees, once in each language of the site (the first is the source)."""

    __pydantic_extra__: dict[str, Text] = Field(init=False)

    @classmethod
    def of(cls, texts: Mapping[str, str]) -> Localized:
        """A text from ``{language code: text}``."""
        return cls.model_validate(dict(texts))

    @property
    def texts(self) -> Mapping[str, str]:
        """``{language code: text}``, in the site's order of languages."""
        given = self.__pydantic_extra__ or {}
        return {code: given[code] for code in site_languages().codes}

    def get(self, language: str) -> str:
        """The text in ``language`` (a code of the site's languages)."""
        # Asked for hundreds of thousands of times a build: no mapping of every text is made.
        found = (self.__pydantic_extra__ or {}).get(language)
        if found is not None and language in site_languages().codes:
            return str(found)
        raise LanguageError(
            f"no text in '{language}' (the site's languages are {site_languages().codes_text})"
        )


# A search keyword: a few words, as a reader types them; a few of them per language (more
# would be a list of everything the entry touches, and would push it up every search).
KEYWORD_LENGTH = 40
KEYWORDS_PER_LANGUAGE = 8


def _no_more_than(
    most: int, error: str, template: str, count: Callable[[Any], int] = len
) -> Callable[[Any], Any]:
    """A validator refusing a list of more than ``most`` (``count`` of it: its length by
    default), as the model's error ``error``."""

    def check(items: Any) -> Any:
        if count(items) > most:
            raise PydanticCustomError(error, template, {"count": count(items), "most": most})
        return items

    return check


def _has_letters(text: str) -> str:
    """A synonym or a keyword is matched by its letters and digits: a synonym without any
    ("$&") matched every text, once its punctuation was read as nothing; keywords "(((" and
    "\\" were said to be one given twice."""
    if not any(character.isalnum() for character in text):
        raise PydanticCustomError(
            "without_letters",
            "'{value}' has no letter or digit: search could not tell it in a text",
            {"value": text},
        )
    return text


_short_keyword = _no_longer_than(
    KEYWORD_LENGTH,
    "keyword_too_long",
    "'{value}' has {length} characters: a keyword is a few words, at most {most}",
)
_not_too_many_keywords = _no_more_than(
    KEYWORDS_PER_LANGUAGE,
    "too_many_keywords",
    "{count} keywords: give at most {most}, those readers type most",
)


def _few_keywords(keywords: tuple[str, ...]) -> tuple[str, ...]:
    _not_too_many_keywords(keywords)
    _each_once(keywords, squashed)  # "Pays balte" and "pays  Balte" are one keyword
    return keywords


def _each_once(values: tuple[str, ...], key: Callable[[str], str] = str) -> None:
    """A list in the data names each thing once: a tag listed twice was counted twice by
    Explore's filters, and shown twice on the entry's cards."""
    seen: set[str] = set()
    for at, value in enumerate(values):
        if key(value) in seen:
            # "at": the place of the repeat, which the editor is shown (model_errors).
            raise PydanticCustomError(
                "value_twice", "'{value}' is given twice: give it once", {"value": value, "at": at}
            )
        seen.add(key(value))


def _listed_once(values: tuple[str, ...]) -> tuple[str, ...]:
    _each_once(values)
    return values


Keyword = Annotated[
    Text,
    AfterValidator(_one_line_text),
    AfterValidator(_short_keyword),
    AfterValidator(_has_letters),
    Field(json_schema_extra={"maxLength": KEYWORD_LENGTH}),
]
KeywordList = Annotated[
    tuple[Keyword, ...],
    AfterValidator(_few_keywords),
    Field(json_schema_extra={"maxItems": KEYWORDS_PER_LANGUAGE, "uniqueItems": True}),
]


# Ids listed once each (tags, tasks, languages…): the editor's schema says so too.
ONCE_EACH = Field(json_schema_extra={"uniqueItems": True})
Slugs = Annotated[tuple[Slug, ...], AfterValidator(_listed_once), ONCE_EACH]
Sections = Annotated[tuple[Section, ...], AfterValidator(_listed_once), ONCE_EACH]


class Keywords(PerLanguage):
    """The words readers type for what an entry is for, in each language of the site."""

    __pydantic_extra__: dict[str, KeywordList] = Field(init=False)
    language_help: ClassVar[tuple[str, str]] = (
        "{language} search words ([] for none).",
        "{language} search words ([] for none): those readers of that language type, not a "
        "translation.",
    )

    def get(self, language: str) -> tuple[str, ...]:
        """The keywords in ``language`` (a code of the site's languages; none is fine)."""
        return tuple((self.__pydantic_extra__ or {}).get(language, ()))


def language_value(model: type[PerLanguage]) -> Any:
    """The type of each language's value in ``model`` (``Text`` for :class:`Localized`)."""
    extra = typing.get_type_hints(model, include_extras=True)["__pydantic_extra__"]
    return typing.get_args(extra)[1]


SearchKeywords = Annotated[
    Keywords | None,
    Field(
        default=None,
        description=f"Search words: up to {KEYWORDS_PER_LANGUAGE} per language, each a few "
        f"words (at most {KEYWORD_LENGTH} characters), that readers type "
        "for what the entry is for and that its text does not say (phototoxicity for a "
        "restoration tool that images with less light). Only what the entry's own text "
        "supports; never another entry's name. Found by search, not shown.",
    ),
]


def _english_name(code: str) -> str:
    return Locale("en").languages.get(code) or code


# The ISO 639-1 codes, as Babel (CLDR) names them: a card says the resource's language by
# its name ("zz" showed as "ZZ").
LANGUAGE_CODES = tuple(
    sorted(
        code
        for code in Locale("en").languages
        if isinstance(code, str) and re.fullmatch(LANGUAGE_PATTERN, code)
    )
)


def _known_language(code: str) -> str:
    if code not in LANGUAGE_CODES:
        raise PydanticCustomError(
            "unknown_language_code",
            "'{value}' is not a language code: use ISO 639-1 (en, fr, de…)",
            {"value": code},
        )
    return code


ResourceLanguage = Annotated[
    str,
    Field(pattern=LANGUAGE_PATTERN, strict=True, json_schema_extra={"enum": list(LANGUAGE_CODES)}),
    AfterValidator(_known_language),
]
ResourceLanguages = Annotated[tuple[ResourceLanguage, ...], AfterValidator(_listed_once), ONCE_EACH]


def _localized_schema(schema: dict[str, Any], model: type[PerLanguage]) -> None:
    """The JSON Schema lists the site's languages, each required (editors complete them)."""
    value_schema = schema.get("additionalProperties")
    languages = site_languages()
    first, other = model.language_help
    schema["properties"] = {
        **schema.get("properties", {}),
        **{
            language.code: {
                **(value_schema if isinstance(value_schema, dict) else {"type": "string"}),
                "description": (first if language == languages.default else other).format(
                    language=_english_name(language.code)
                ),
            }
            for language in languages
        },
    }
    codes = languages.codes
    schema["required"] = [*schema.get("required", []), *codes]
    schema["additionalProperties"] = False


# A title, a name or a label: one line, no tab (Markdown texts may have both), not too long.
OneLine = Annotated[Localized, AfterValidator(_one_line)]


def _site_language(code: str) -> str:
    codes = site_languages().codes
    if code not in codes:
        expected = " or ".join(f"'{c}'" for c in codes)
        raise PydanticCustomError(
            "literal_error",
            "'{value}' is not allowed here: use {expected}",
            {"value": code, "expected": expected},
        )
    return code


def _site_language_schema(schema: dict[str, Any]) -> None:
    schema["enum"] = list(site_languages().codes)


# One of the languages the site is written in (its pages' ``lang``), e.g. a title's.
SiteLanguage = Annotated[
    str,
    AfterValidator(_site_language),
    Field(strict=True, json_schema_extra=_site_language_schema),
]


EditorsNote = Annotated[
    Localized | None,
    Field(
        default=None,
        description="What the editors add of their own knowledge (a correction, a context, a "
        "pointer), shown apart under the label 'Editors' note', never merged into the text of "
        "the source. Markdown allowed.",
    ),
]


class Link(_Frozen):
    """A further link of a resource: its documentation, a video, its code…"""

    url: Url
    label: OneLine = Field(
        description="What the link leads to, e.g. Documentation / Documentation."
    )


STATUSES = ("active", "archived", "discontinued", "offline")
# What each status says to a reader; the contribution guide shows this table.
STATUS_MEANINGS = {
    "active": "Maintained or available as described (the default: leave the field out).",
    "archived": "Kept online but no longer updated (a read-only repository, a frozen site).",
    "discontinued": "Its authors stopped it; it may still be downloadable or redirect elsewhere.",
    "offline": "No longer reachable at all.",
}
Status = Literal["active", "archived", "discontinued", "offline"]


class StatusNote(Localized):
    """Why a resource is not active, when an editor established it, in each language of the
    site (``fr``, ``en``: what happened, and where to go instead)."""

    date: Day = Field(
        description="When an editor established this status (YYYY-MM-DD), e.g. the day the "
        "shutdown was announced or checked."
    )


class Resource(_Frozen):
    """One curated resource: a tool, a dataset, a paper, a video, a course…"""

    id: Slug = Field(
        description="Permanent identifier and permalink anchor (lower-case, hyphens). "
        "Never change or reuse it."
    )
    title: OneLine = Field(
        description="The resource's name. A published title (paper, book, talk, software, "
        "course) is kept as published in both languages, untranslated: a gloss goes in the "
        "description."
    )
    title_language: SiteLanguage | None = Field(
        default=None,
        description="The language the title is written in, when it is kept as published in both "
        "languages (en for an English paper's title, fr for a French book's). Leave out when "
        "the title is translated (each text in its own language).",
    )
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
    editors_note: EditorsNote
    category: Slug = Field(description="A category id from data/vocabulary.yaml.")
    subcategory: Slug | None = Field(
        default=None, description="A sub-category id of that category, where it has some."
    )
    also_in: Sections = Field(
        default=(),
        description="Other categories the resource is listed in, as 'category' or "
        "'category/subcategory'.",
    )
    type: Slug = Field(description="A type id from data/vocabulary.yaml (tool, paper, video…).")
    tags: Slugs = Field(default=(), description="Tag ids from data/vocabulary.yaml.")
    tasks: Slugs = Field(
        default=(),
        description="What a reader does with it (task ids from data/vocabulary.yaml: "
        "segmentation, tracking…). Required for tools, models, datasets and courses.",
    )
    ways: Slugs = Field(
        default=(),
        description="How a reader works with it (ids from data/vocabulary.yaml: gui, "
        "plugin, web, python, notebook…). Required for tools and models.",
    )
    keywords: SearchKeywords
    languages: ResourceLanguages = Field(
        min_length=1,
        description="Languages the resource itself is in, as ISO 639-1 codes (en, fr…).",
    )
    year: Annotated[int, Field(strict=True), AfterValidator(_plausible_year)] | None = Field(
        default=None,
        description="Year of publication, written as digits.",
        json_schema_extra={"minimum": FIRST_YEAR},
    )
    authors: tuple[Annotated[Text, AfterValidator(_one_line_text)], ...] = Field(
        default=(), description="Authors, as 'First Last'."
    )
    venue: Annotated[Text, AfterValidator(_one_line_text)] | None = Field(
        default=None,
        description="Where it was published: the journal, conference or publisher, as its "
        "record names it.",
    )
    # Checked for invisible and control characters as any text: "\S" lets a right-to-left
    # override or a NUL through, and the DOI is published (pages, exports).
    doi: (
        Annotated[
            str,
            Field(pattern=r"^10\.\d{4,9}/\S+$", strict=True),
            AfterValidator(_clean_characters),
        ]
        | None
    ) = Field(
        default=None, description="DOI without its https://doi.org/ prefix, e.g. 10.1038/xxxx."
    )
    licence: Annotated[Text, AfterValidator(_one_line_text)] | None = Field(
        default=None,
        description="The resource's licence, as its source states it: an SPDX id (MIT, "
        "BSD-3-Clause, CC-BY-4.0) or the licence's address.",
    )
    repository: Url | None = Field(
        default=None,
        description="The resource's code repository on GitHub or GitLab, when its url is not "
        "the repository itself: its maintenance (last activity, archived, latest release) is "
        "checked on a schedule.",
    )
    status: Status = Field(
        default="active",
        description="active (the default: leave it out), archived, discontinued or offline; "
        "any other than active needs a status_note.",
    )
    status_note: StatusNote | None = Field(
        default=None,
        description="For a status other than active: the date it was established and what "
        "happened, in French and English. Shown to readers with the status.",
    )
    replaced_by: Annotated[str, Field(strict=True, min_length=1)] | None = Field(
        default=None,
        description="What replaces a resource that is not active: another resource's id, or "
        "an address (https://…).",
    )
    provenance: Provenance = ()
    added: Day = Field(
        description="Date the resource was added to the knowledge base (YYYY-MM-DD)."
    )

    @property
    def is_active(self) -> bool:
        """False once archived, discontinued or offline."""
        return self.status == "active"

    @model_validator(mode="after")
    def _status_explained(self) -> Resource:
        if self.status != "active" and self.status_note is None:
            raise PydanticCustomError(
                "status_note_missing",
                "status '{status}' needs a status_note: its date and what happened, in "
                "French and English",
                {"status": self.status},
            )
        if self.status == "active" and (self.status_note or self.replaced_by):
            raise PydanticCustomError(
                "status_active",
                "status_note and replaced_by are for a resource that is not active: set its "
                "status (archived, discontinued or offline) or remove them",
            )
        return self

    @property
    def doi_url(self) -> str | None:
        """The address its page gives for its DOI: published as a link, so checked as one."""
        return doi_address(self.doi) if self.doi else None

    @property
    def replacement_address(self) -> str | None:
        """``replaced_by`` when it is an address, not another entry's id: published as a link,
        so checked as one (validation and the link check)."""
        target = self.replaced_by
        if target is None:
            return None
        if "://" in target or target.lower().startswith(("http:", "https:")):
            return target
        return None

    def markdown_texts(self) -> tuple[tuple[str, Localized], ...]:
        """The Markdown texts readers see, by field: the addresses in them are checked."""
        texts = [("description", self.description)]
        if self.editors_note is not None:
            texts.append(("editors_note", self.editors_note))
        if self.status_note is not None:
            note = self.status_note
            texts.append(("status_note", Localized.of(note.texts)))
        return tuple(texts)

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
    title: OneLine = Field(
        description="The question in a few words, shown as its heading and in search results."
    )
    question: Localized = Field(description="The question in full, Markdown allowed.")
    answer: Localized | None = Field(
        default=None,
        description="The answer, Markdown allowed. Leave out when nobody answered: the question "
        "is shown as open. Only what the source said, faithfully reworded: what the editors "
        "add goes in editors_note.",
    )
    editors_note: EditorsNote
    tags: Slugs = Field(default=(), description="Tag ids from data/vocabulary.yaml.")
    related: Slugs = Field(default=(), description="Ids of related resources.")
    keywords: SearchKeywords
    provenance: Provenance = Field(
        default=(),
        description="Where the question and its answer come from: the private Slack links of its "
        "messages, or the seed document and its number (e.g. 'seed:001 FAQ 7'). Kept for "
        "curators: never published, never link-checked.",
    )
    added: Day = Field(description="Date the entry was added to the knowledge base.")

    def markdown_texts(self) -> tuple[tuple[str, Localized], ...]:
        """The Markdown texts readers see, by field: the addresses in them are checked."""
        texts = [("question", self.question), ("answer", self.answer)]
        texts.append(("editors_note", self.editors_note))
        return tuple((field, text) for field, text in texts if text is not None)

    @property
    def is_open(self) -> bool:
        """True when the question has no answer yet."""
        return self.answer is None


class Subcategory(_Frozen):
    """A section of a category page."""

    id: Slug = Field(description="Permanent identifier of the section (its anchor).")
    name: OneLine = Field(description="The section's heading.")


class Category(_Frozen):
    """A theme of the site, with its own page; listed in this order."""

    id: Slug = Field(description="Permanent identifier: the page's address (categories/<id>/).")
    name: OneLine = Field(description="The category's name, in the navigation and as title.")
    intro: Localized | None = Field(
        default=None, description="Text shown at the top of the category page (Markdown)."
    )
    subcategories: tuple[Subcategory, ...] = Field(
        default=(), description="The sections of the page, in this order."
    )

    def markdown_texts(self) -> tuple[tuple[str, Localized], ...]:
        """The Markdown texts readers see, by field: the addresses in them are checked."""
        return (("intro", self.intro),) if self.intro is not None else ()


class Term(_Frozen):
    """A resource type or a tag."""

    id: Slug = Field(description="Permanent identifier, used in resources and in addresses.")
    name: OneLine = Field(description="The name readers see.")


class ResourceType(Term):
    """A kind of resource (tool, paper…), and the facets its resources must give."""

    requires: tuple[Literal["tasks", "ways"], ...] = Field(
        default=(),
        description="The facets every resource of this type must give: 'tasks' (what it is "
        "for), 'ways' (how one works with it).",
    )


class Way(Term):
    """A way of working with a resource: with a graphical interface, in a notebook…"""

    programming: Annotated[bool, Field(strict=True)] = Field(
        description="true when working this way means writing code (a Python library, a "
        "notebook), false when it does not (an application, a plugin, a web service)."
    )


# Every entry that uses a group gets all its words in its search record, and Explore's list
# carries them all: a group of thousands of words, or thousands of groups, would make every
# build and every reader's download as large. Today: 242 groups, 40 words in the longest
# (four groups are at the bound), 48 letters in the longest word, 3,593 words in all.
SYNONYM_LENGTH = 60
SYNONYMS_PER_GROUP = 40
SYNONYM_GROUPS = 1000
SYNONYM_WORDS = 4000


_short_synonym = _no_longer_than(
    SYNONYM_LENGTH,
    "synonym_too_long",
    "'{value}' has {length} characters: a synonym is a word or a few, at most {most}",
)


_few_synonyms = _no_more_than(
    SYNONYMS_PER_GROUP,
    "too_many_synonyms",
    "{count} words in one group: give at most {most}, or split the idea in two groups",
)
_few_groups = _no_more_than(
    SYNONYM_GROUPS,
    "too_many_synonym_groups",
    "{count} synonym groups: give at most {most}, those of ideas readers search for",
)
# All the groups' words together: Explore's list carries them to every reader.
_few_synonym_words = _no_more_than(
    SYNONYM_WORDS,
    "too_many_synonym_words",
    "{count} words in the synonym groups: give at most {most}, those readers type",
    count=lambda groups: sum(len(group) for group in groups),
)


SynonymGroup = Annotated[
    tuple[
        Annotated[
            Text,
            AfterValidator(_short_synonym),
            AfterValidator(_has_letters),
            Field(json_schema_extra={"maxLength": SYNONYM_LENGTH}),
        ],
        ...,
    ],
    AfterValidator(_few_synonyms),
    Field(
        min_length=2,
        description="Words or phrases a reader may type for the same idea, in any language "
        "(e.g. tracking, suivi): a search for one finds the entries that use another.",
        json_schema_extra={"maxItems": SYNONYMS_PER_GROUP},
    ),
]


def _one_word(text: str) -> str:
    if len(text.split()) != 1:
        raise PydanticCustomError(
            "not_one_word",
            "'{value}' is not one word: search reads a question word by word",
            {"value": text},
        )
    return text


# A word as a reader types it in a question: one word, no space.
SearchWord = Annotated[
    Text, AfterValidator(_one_word), Field(json_schema_extra={"pattern": r"^\S+$"})
]


# ``{typed: searched}``; the schema refuses a key of several words too (editors' completion).
SearchWords = Annotated[
    dict[SearchWord, SearchWord], Field(json_schema_extra={"additionalProperties": False})
]


class SearchedAs(PerLanguage):
    """Words that the search engine's stemmer reads as another word, each with the word
    searched instead, in each language of the site."""

    __pydantic_extra__: dict[str, SearchWords] = Field(init=False)
    language_help: ClassVar[tuple[str, str]] = (
        "{language} words, each as typed: the word searched instead ({{}} for none).",
        "{language} words, each as typed: the word searched instead ({{}} for none).",
    )

    def get(self, language: str) -> Mapping[str, str]:
        """``{typed: searched}`` in ``language`` (a code of the site's languages)."""
        return dict((self.__pydantic_extra__ or {}).get(language, {}))


class FaqTopic(_Frozen):
    """A topic of the FAQ page: it gathers the questions whose first tag among its own is
    theirs (a question goes to the topic of its earliest tag that a topic lists)."""

    id: Slug = Field(description="Permanent identifier: the topic's anchor on the FAQ page.")
    name: Localized = Field(description="The topic's heading on the FAQ page.")
    tags: Slugs = Field(min_length=1, description="The tags whose questions this topic gathers.")


class VocabularyFile(_Frozen):
    """``data/vocabulary.yaml``: the categories, types, tags and facets editors choose from."""

    categories: tuple[Category, ...] = Field(min_length=1)
    types: tuple[ResourceType, ...] = Field(min_length=1)
    tags: tuple[Term, ...] = Field(min_length=1)
    tasks: tuple[Term, ...] = Field(
        default=(), description="What a reader wants to do: segmentation, tracking…"
    )
    ways: tuple[Way, ...] = Field(
        default=(), description="How a reader wants to work: without programming, or with code."
    )
    synonyms: Annotated[
        tuple[SynonymGroup, ...],
        AfterValidator(_few_groups),
        AfterValidator(_few_synonym_words),
    ] = Field(
        default=(),
        description=f"Groups of words that mean the same for a search (at most {SYNONYM_WORDS} "
        "words in all).",
        json_schema_extra={"maxItems": SYNONYM_GROUPS},
    )
    searched_as: SearchedAs | None = Field(
        default=None,
        description="Words that the search engine's stemmer reads as another word (French "
        "'formation', a course, is cut to 'format', as of a file), each with a word of its "
        "synonym group that search looks for instead: every entry that uses the group has it.",
    )
    faq_topics: tuple[FaqTopic, ...] = Field(
        default=(),
        description="The FAQ page's topics, in this order; questions of no topic come last.",
    )


class ResourcesFile(_Frozen):
    """``data/resources.yaml``: every curated resource."""

    resources: tuple[Resource, ...]


class FaqFile(_Frozen):
    """``data/faq.yaml``: the questions and answers."""

    faq: tuple[FaqEntry, ...]


def keywords_in(entry: Resource | FaqEntry, language: str) -> tuple[str, ...]:
    """An entry's keywords in ``language``, none when it has none (or, partly valid in the
    checks across entries, lacks the field)."""
    keywords: Keywords | None = getattr(entry, "keywords", None)
    return keywords.get(language) if keywords is not None else ()
