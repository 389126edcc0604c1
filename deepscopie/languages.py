"""The site's languages, as data: their list and one catalogue of interface texts each.

``catalogues/languages.yaml`` lists the languages (code, name, locale, date format,
typography rules, where their pages are); ``catalogues/<code>.yaml`` holds every interface
text of one language. Adding a language is adding its entry and its catalogue (and the
data's texts in it): no code names a language. ``DEEPSCOPIE_LANGUAGES`` points at another
folder of the same shape (a site with other languages, or a test's).

A catalogue that lacks a text, or has one the default language has not, is an error when the
languages are read: the build stops, rather than showing a reader another language's words.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from deepscopie.folding import fold, question_words
from deepscopie.yaml_source import read_yaml

CATALOGUES = Path(__file__).resolve().parent / "catalogues"
LIST_FILE = "languages.yaml"
TYPOGRAPHIES = ("french", "plain")


class LanguageError(Exception):
    """The list of languages or a catalogue is wrong (its message says where and how)."""


@dataclass(frozen=True)
class Language:
    """One language of the site."""

    code: str
    name: str
    locale: str
    date_format: str
    typography: str
    root: str
    theme_language: str
    first_day: str | None = None
    search_terms: str = "as-typed"
    stop_words: str = ""  # words separated by spaces
    filler_words: str = ""  # phrases separated by commas
    request_words: str = ""  # words separated by spaces
    showing_words: str = ""  # words separated by spaces
    kept_words: str = ""  # words separated by spaces
    or_words: str = ""  # words separated by spaces
    instead_words: str = ""  # words separated by spaces
    other_words: str = ""  # words separated by spaces
    better_words: str = ""  # words separated by spaces
    comparative_words: str = ""  # words separated by spaces
    degree_words: str = ""  # words separated by spaces
    quality_words: str = ""  # words separated by spaces
    than_words: str = ""  # words separated by spaces
    like_words: str = ""  # words separated by spaces
    thing_words: str = ""  # words separated by spaces
    explaining_words: str = ""  # words separated by spaces
    version_words: str = ""  # words separated by spaces
    negation_words: str = ""  # words separated by spaces
    not_words: str = ""  # words separated by spaces
    but_words: str = ""  # words separated by spaces
    and_words: str = ""  # words separated by spaces
    page_words: str = ""  # words separated by spaces
    ending_words: str = ""  # endings separated by spaces
    verb_ending_words: str = ""  # endings separated by spaces
    # The languages whose words its readers also type (codes separated by spaces), for the
    # words a slip is offered (deepscopie.render.search_words).
    borrows_words_from: str = ""
    # Words of the synonym groups that mean another thing in this language (separated by
    # spaces): a text of it that says one does not use the group by it.
    false_friends: str = ""
    texts: Mapping[str, str] = field(default_factory=dict, repr=False)

    @cached_property
    def word_lists(self) -> dict[str, str]:
        """Every list of words search reads (the fields named ``…_words``), by field name: set
        on the search's dialog as one attribute (overrides/partials/deepscopie-search.html)."""
        names = [one.name for one in fields(self) if one.name.endswith("_words")]
        return {name: getattr(self, name) for name in names}

    @cached_property
    def negating_words(self) -> frozenset[str]:
        """The words that turn what follows them into its opposite ("sans", "no"): those that
        change what is asked but those that only oppose ("mais", "but")."""
        return frozenset(self.kept_words.split()) - frozenset(self.but_words.split())

    @cached_property
    def filler_phrases(self) -> dict[str, tuple[str, ...]]:
        """The filler phrases (``filler_words``, separated by commas), as written, each with
        its words as search.js compares a question's (:func:`deepscopie.folding.question_words`)."""
        phrases = {
            " ".join(phrase.split()): question_words(phrase)
            for phrase in self.filler_words.split(",")
        }
        return {phrase: words for phrase, words in phrases.items() if words}

    @cached_property
    def stop_word_set(self) -> frozenset[str]:
        """The stop words, folded (lower case, no accents): how a text's words compare."""
        return frozenset(fold(word) for word in self.stop_words.split())


@dataclass(frozen=True)
class Languages:
    """The site's languages, the default first."""

    all: tuple[Language, ...]

    def __iter__(self) -> Iterator[Language]:
        return iter(self.all)

    def __getitem__(self, code: str) -> Language:
        language = self._by_code.get(code)
        if language is None:
            raise LanguageError(f"'{code}' is not one of the site's languages ({self.codes_text})")
        return language

    # Cached: asked for on every text a page shows.
    @cached_property
    def _by_code(self) -> dict[str, Language]:
        return {language.code: language for language in self.all}

    @property
    def default(self) -> Language:
        """The language at the site's root."""
        return self.all[0]

    @cached_property
    def codes(self) -> tuple[str, ...]:
        """``('fr', 'en')``."""
        return tuple(language.code for language in self.all)

    @property
    def codes_text(self) -> str:
        """``fr, en``: for messages."""
        return ", ".join(self.codes)

    def word_lists(self, code: str) -> dict[str, str]:
        """The lists of words search reads on the pages of the language ``code`` (its
        :attr:`Language.word_lists`), and the verb endings of the languages it borrows words
        from (``borrowed_verb_ending_words``): French readers type the field's English words,
        and Explore reads "labelled" as "label" on the French pages too."""
        language = self[code]
        borrowed = [self[other].verb_ending_words for other in language.borrows_words_from.split()]
        return {**language.word_lists, "borrowed_verb_ending_words": " ".join(borrowed)}


def languages_folder() -> Path:
    """Where the list and the catalogues are read from."""
    configured = os.environ.get("DEEPSCOPIE_LANGUAGES")
    return Path(configured) if configured else CATALOGUES


def site_languages() -> Languages:
    """The site's languages with their catalogues, read once (asked for about a million
    times in a build at 10,000 entries: every interface text, every typeset text, so it does
    no more than return them); :func:`reload_languages` reads them again (and
    ``DEEPSCOPIE_LANGUAGES`` with them), which the build does once per run so that
    `mkdocs serve` sees an edited catalogue."""
    if _loaded:
        return _loaded[0]
    languages = _read(languages_folder())
    _loaded.append(languages)
    return languages


def reload_languages() -> None:
    """Forget the languages read so far (they are read again when next asked for)."""
    _loaded.clear()


# The languages read, if they were.
_loaded: list[Languages] = []


def _read(folder: Path) -> Languages:
    listed = _load(folder / LIST_FILE).get("languages")
    if not isinstance(listed, list) or not listed:
        raise LanguageError(f"{folder / LIST_FILE}: 'languages' must list at least one language")
    languages = []
    for number, entry in enumerate(listed):
        where = f"{folder / LIST_FILE}: languages[{number}]"
        if not isinstance(entry, dict):
            raise LanguageError(f"{where}: expected a mapping of fields")
        try:
            fields: dict[str, str] = {str(key): str(value) for key, value in entry.items()}
            language = Language(**fields)  # type: ignore[arg-type]  # checked by TypeError
        except TypeError as error:
            raise LanguageError(f"{where}: {error}") from None
        if language.typography not in TYPOGRAPHIES:
            raise LanguageError(
                f"{where}: typography '{language.typography}' is not one of {TYPOGRAPHIES}"
            )
        texts = _load(folder / f"{language.code}.yaml")
        languages.append(replace_texts(language, texts))
    _check_catalogues(folder, languages)
    _check_borrowed(folder, languages)
    return Languages(tuple(languages))


def _check_borrowed(folder: Path, languages: list[Language]) -> None:
    """A language borrows words from another of the site's languages."""
    codes = [language.code for language in languages]
    for number, language in enumerate(languages):
        for code in language.borrows_words_from.split():
            if code not in codes or code == language.code:
                raise LanguageError(
                    f"{folder / LIST_FILE}: languages[{number}]: borrows_words_from '{code}' "
                    f"is not another of the site's languages ({', '.join(codes)})"
                )


def replace_texts(language: Language, texts: Mapping[str, object]) -> Language:
    """``language`` with its catalogue (every value as text)."""
    as_text = {str(key): str(value) for key, value in texts.items()}
    return Language(**{**language.__dict__, "texts": MappingProxyType(as_text)})


def _check_catalogues(folder: Path, languages: list[Language]) -> None:
    """Every catalogue has exactly the default language's keys."""
    expected = set(languages[0].texts)
    problems = []
    for language in languages:
        keys = set(language.texts)
        problems += [
            f"{folder / language.code}.yaml: the text '{key}' is missing"
            for key in sorted(expected - keys)
        ]
        problems += [
            f"{folder / language.code}.yaml: unknown text '{key}' (not in {languages[0].code}.yaml)"
            for key in sorted(keys - expected)
        ]
    if problems:
        raise LanguageError("\n".join(problems))


def _load(path: Path) -> dict[str, object]:
    # Read as the data is (yaml_source): a text given twice is an error, where YAML alone
    # would keep the last one without a word. Said by its rule and values, not in a
    # catalogue's words: the catalogues are what is being read.
    if not path.is_file():
        raise LanguageError(f"{path}: cannot be read (no such file)")
    document = read_yaml(path)
    if document.problems:
        first = document.problems[0]
        values = ", ".join(f"{name}={value!r}" for name, value in first.message.params)
        raise LanguageError(f"{path}:{first.line}:{first.column}: {first.rule} ({values})")
    if not isinstance(document.data, dict):
        raise LanguageError(f"{path}: expected a mapping")
    return document.data
