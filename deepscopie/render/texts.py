"""The words of the interface, from each language's catalogue (the data's words are in the data).

The catalogues are data (``deepscopie/catalogues/<code>.yaml``, see :mod:`deepscopie.languages`);
a text a catalogue lacks is an error, never another language's words.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date

from deepscopie.languages import Language, LanguageError, site_languages


class MissingTextError(LanguageError):
    """An interface text that the language's catalogue does not have."""


def language_codes() -> tuple[str, ...]:
    """The site's language codes, the default first."""
    return site_languages().codes


def language(code: str) -> Language:
    """The site's language ``code`` (raises :class:`LanguageError` for any other)."""
    return site_languages()[code]


def text(key: str, language_code: str, **values: object) -> str:
    """The interface text ``key`` in ``language_code``, with ``{placeholders}`` filled."""
    texts = language(language_code).texts
    if key not in texts:
        raise MissingTextError(f"the catalogue '{language_code}' has no text '{key}'")
    chosen = texts[key]
    return chosen.format(**values) if values else chosen


def count(key: str, n: int, language_code: str) -> str:
    """``3 ressources`` / ``1 resource`` / ``0 ressource``: the singular where the language's
    plural rule says "one" (CLDR's, by Babel, as the pages' scripts ask Intl.PluralRules:
    French puts 0 in the singular, English in the plural)."""
    return text(key if takes_singular(n, language_code) else f"{key}_plural", language_code, n=n)


def takes_singular(n: int, language_code: str) -> bool:
    """Whether ``n`` of something takes the singular in ``language_code``: its plural rule
    (CLDR's, by Babel) says "one"."""
    return _plural_form(language(language_code).locale)(n) == "one"


@lru_cache(maxsize=64)
def _plural_form(locale: str) -> Callable[[float], str]:
    return Locale.parse(locale).plural_form


def label(key: str, language_code: str) -> str:
    """The text ``key`` as the label of a value: ``Type :`` / ``Type:`` (see label_format)."""
    return text("label_format", language_code, label=text(key, language_code))


def language_name(code: str, language_code: str) -> str:
    """The name of language ``code`` in ``language_code`` (``en`` -> ``anglais``), by Babel."""
    return _language_name(code, language(language_code).locale)


def language_names(codes: Iterable[str], language_code: str) -> str:
    """An entry's languages, named in ``language_code`` (``anglais, français``): its line on
    the category pages and on search's cards."""
    return ", ".join(language_name(code, language_code) for code in codes)


@lru_cache(maxsize=1024)
def _language_name(code: str, locale: str) -> str:
    # Asked for each entry of each page and search record (Babel parses the locale each
    # time: a quarter of a second at 10,000 entries); by locale, which a catalogue may change.
    try:
        name = Locale.parse(locale).languages.get(code)
    except (UnknownLocaleError, ValueError):
        name = None
    return name or code.upper()


def format_date(day: datetime.date, language_code: str) -> str:
    """``1er juin 2022`` / ``1 June 2022`` (no-break spaces): the language's date format, by
    Babel."""
    chosen = language(language_code)
    pattern = chosen.date_format
    if day.day == 1 and chosen.first_day:
        # A literal in Babel's pattern ('1er'), in place of the day's number.
        pattern = pattern.replace("dd", "d").replace("d", "'" + chosen.first_day + "'", 1)
    # A date is not broken across lines ("22 / novembre 2026").
    return babel_format_date(day, format=pattern, locale=chosen.locale).replace(" ", "\u00a0")


SEARCH_TEXTS = (
    "label",
    "close",
    "pages",
    "entries",
    "none",
    "no_entry",
    "one",
    "many",
    "some_one",
    "some_many",
    "whole_some_one",
    "whole_some",
    "hint",
    "examples",
    "more",
    "failed",
    "corrected",
    "as_typed",
    "suggested",
    "absent",
    "absent_many",
    "quoted",
    "lacks",
    "left_out",
    "elsewhere",
    "explore",
)


def search_texts(language_code: str) -> dict[str, str]:
    """The search dialog's words in ``language_code``, by short name (``label``, ``none``…),
    in the language's typography (the dialog's script puts them in the page as text)."""
    from deepscopie.render.typography import typeset  # typography reads the language list

    return {
        key: typeset(text(f"search_{key}", language_code), language_code) for key in SEARCH_TEXTS
    }
