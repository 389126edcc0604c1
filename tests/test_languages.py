"""Languages are data: each page speaks its language only, in its typography, and a third
language needs a list entry and a catalogue, not code."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import material  # type: ignore[import-untyped]
import pytest
import yaml

from deepscopie.languages import CATALOGUES, LanguageError, reload_languages, site_languages
from deepscopie.model import Localized
from deepscopie.render.texts import MissingTextError, count, format_date, text
from deepscopie.yaml_source import read_yaml
from tests.conftest import REPO, build_site, copy_base_data, copy_project

# Elements whose text is code (never typeset) or not shown.
CODE = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg"})
# Attributes a reader hears or sees (screen readers, tooltips, fields).
SPOKEN = ("title", "aria-label", "placeholder", "alt")
# "(!!binary" is code written in prose, not punctuation.
SPACE_BEFORE_PUNCTUATION = re.compile(r"[ \u00a0][?!;:](?![\w!?;:])")


class _Visible(HTMLParser):
    """The text nodes outside code, and the spoken attributes, of a page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.attributes: list[str] = []
        self._stack: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "path"}:
            self._stack.append(tag)
        self.attributes += [value for name, value in attrs if name in SPOKEN and value]

    def handle_endtag(self, tag: str) -> None:
        if tag in self._stack:
            while self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if data.strip() and not CODE.intersection(self._stack):
            self.texts.append(data)


def _pages(site: Path, language: str) -> list[Path]:
    root = site / site_languages()[language].root
    others = [site / lang.root for lang in site_languages() if lang.root and lang.code != language]
    return sorted(
        path
        for path in root.rglob("*.html")
        if "pagefind" not in path.parts and not any(path.is_relative_to(o) for o in others)
    )


def _material_texts(language: str) -> set[str]:
    """Material for MkDocs' interface texts in ``language`` (its partials/languages file)."""
    source = Path(material.__file__).parent / "templates/partials/languages" / f"{language}.html"
    pairs = re.findall(r'^\s*"([\w.]+)": "(.*)",?$', source.read_text(encoding="utf-8"), re.M)
    return {value for key, value in pairs if "." in key and len(value) > 3}


def _foreign_texts(language: str) -> set[str]:
    """Interface texts of every other language that this one writes differently."""
    own = set(site_languages()[language].texts.values()) | _material_texts(language)
    foreign: set[str] = set()
    for other in site_languages():
        if other.code != language:
            # Whole texts, and what comes before the first {value} of the others ("Made with").
            foreign |= {t.split("{", 1)[0].strip() for t in other.texts.values()}
            foreign |= _material_texts(other.code)
    own |= {t.split("{", 1)[0].strip() for t in own}
    own_folded = {t.casefold() for t in own}  # "tags" is French too ("Tags")
    return {t for t in foreign if len(t) > 3 and t.casefold() not in own_folded}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_each_page_speaks_its_language_only(built_site: Path, language: str) -> None:
    foreign = _foreign_texts(language)
    found = []
    for path in _pages(built_site, language):
        page = _Visible(path.read_text(encoding="utf-8"))
        for value in [t.strip() for t in page.texts] + page.attributes:
            if value in foreign:
                found.append(f"{path.relative_to(built_site)}: {value!r}")
    assert found == [], "\n".join(found[:20])


def test_french_pages_keep_punctuation_with_its_word(built_site: Path) -> None:
    found = []
    for path in _pages(built_site, "fr"):
        page = _Visible(path.read_text(encoding="utf-8"))
        for value in page.texts:
            for match in SPACE_BEFORE_PUNCTUATION.finditer(value):
                context = value[max(0, match.start() - 30) : match.end() + 10]
                found.append(f"{path.relative_to(built_site)}: {context!r}")
    assert found == [], "\n".join(found[:20])


@pytest.mark.parametrize(
    ("language", "n", "said"),
    [
        ("fr", 0, "0 question ouverte"),
        ("fr", 1, "1 question ouverte"),
        ("fr", 2, "2 questions ouvertes"),
        ("en", 0, "0 open questions"),
        ("en", 1, "1 open question"),
        ("en", 2, "2 open questions"),
    ],
)
def test_a_count_takes_the_number_its_language_gives_it(language: str, n: int, said: str) -> None:
    """French puts none in the singular, English in the plural (a FAQ topic without an open
    question read "0 questions ouvertes"), as the pages' scripts count (Intl.PluralRules)."""
    assert count("open_question_count", n, language) == said


def test_the_scan_finds_what_it_looks_for() -> None:
    page = _Visible('<p title="Permanent link">Pourquoi ? <code>a : b</code></p>')
    assert page.attributes == ["Permanent link"]
    assert "Permanent link" in _foreign_texts("fr")
    assert [t for t in page.texts if SPACE_BEFORE_PUNCTUATION.search(t)] == ["Pourquoi ? "]


def test_a_missing_text_is_an_error_not_another_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = shutil.copytree(CATALOGUES, tmp_path / "catalogues")
    english = (folder / "en.yaml").read_text(encoding="utf-8")
    (folder / "en.yaml").write_text(english.replace("faq_title:", "faq_titel:"), "utf-8")
    monkeypatch.setenv("DEEPSCOPIE_LANGUAGES", str(folder))
    reload_languages()
    with pytest.raises(LanguageError, match=r"en.yaml: the text 'faq_title' is missing"):
        site_languages()
    monkeypatch.delenv("DEEPSCOPIE_LANGUAGES")
    reload_languages()
    with pytest.raises(MissingTextError):
        text("no_such_text", "fr")
    with pytest.raises(LanguageError):
        text("faq_title", "de")  # not a language of the site
    with pytest.raises(LanguageError):
        Localized(fr="Outil", en="Tool").get("de")


@pytest.mark.parametrize("borrowed", ["de", "fr"])
def test_a_language_borrows_words_only_from_another_of_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, borrowed: str
) -> None:
    folder = shutil.copytree(CATALOGUES, tmp_path / "catalogues")
    listed = (folder / "languages.yaml").read_text(encoding="utf-8")
    changed = listed.replace("borrows_words_from: en", f"borrows_words_from: {borrowed}")
    assert changed != listed
    (folder / "languages.yaml").write_text(changed, "utf-8")
    monkeypatch.setenv("DEEPSCOPIE_LANGUAGES", str(folder))
    reload_languages()
    try:
        with pytest.raises(LanguageError, match=rf"borrows_words_from '{borrowed}' is not another"):
            site_languages()
    finally:
        monkeypatch.delenv("DEEPSCOPIE_LANGUAGES")
        reload_languages()


def test_a_text_given_twice_in_a_catalogue_is_an_error_at_its_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # YAML keeps the last of two equal keys: the first text would be lost without a word.
    folder = shutil.copytree(CATALOGUES, tmp_path / "catalogues")
    french = (folder / "fr.yaml").read_text(encoding="utf-8")
    (folder / "fr.yaml").write_text(f"{french}faq_title: Encore\n", "utf-8")
    line = len(french.splitlines()) + 1
    monkeypatch.setenv("DEEPSCOPIE_LANGUAGES", str(folder))
    reload_languages()
    try:
        with pytest.raises(
            LanguageError, match=rf"fr.yaml:{line}:1: duplicate-key \(key='faq_title'"
        ):
            site_languages()
    finally:
        monkeypatch.delenv("DEEPSCOPIE_LANGUAGES")
        reload_languages()


def test_a_text_needs_every_language_and_no_other() -> None:
    assert Localized(fr="Outil", en="Tool").texts == {"fr": "Outil", "en": "Tool"}
    with pytest.raises(ValueError, match=r"the English text \('en'\) is missing"):
        Localized(fr="Outil")
    with pytest.raises(ValueError, match="unknown field 'de'"):
        Localized(fr="Outil", en="Tool", de="Werkzeug")


def test_dates_follow_each_language() -> None:
    import datetime

    nbsp = "\u00a0"  # a date never breaks across lines
    assert format_date(datetime.date(2026, 11, 1), "fr") == f"1er{nbsp}novembre{nbsp}2026"
    assert format_date(datetime.date(2026, 11, 21), "fr") == f"21{nbsp}novembre{nbsp}2026"
    assert format_date(datetime.date(2026, 11, 1), "en") == f"1{nbsp}November{nbsp}2026"


# Words that change what a question asks: never left out of a search.
MEANINGFUL = {"sans", "pas", "non", "aucun", "jamais", "not", "no", "without", "never", "none"}
# What a question asks for beside its subject: a reason, a time.
QUESTION_WORDS = {"pourquoi", "quand", "why", "when"}


@pytest.mark.parametrize("code", ["fr", "en"])
def test_stop_words_are_as_readers_type_them_and_never_change_a_question(code: str) -> None:
    from deepscopie.folding import fold

    words = site_languages()[code].stop_words.split()
    assert len(words) > 20
    assert [word for word in words if fold(word) != word] == []  # search.js folds what is typed
    assert set(words) & (MEANINGFUL | QUESTION_WORDS) == set()
    assert len(set(words)) == len(words)


# The words French elides before a vowel ("qu'un"): a phrase that ends with one is not said
# there, as search reads a question without its elided words.
ELIDED_BEFORE_A_VOWEL = {"que", "de", "le", "la", "je", "me", "te", "se", "ne", "ce"}


@pytest.mark.parametrize("code", ["fr", "en"])
def test_filler_phrases_are_a_chat_s_and_never_what_is_asked(code: str) -> None:
    phrases = site_languages()[code].filler_phrases
    assert len(phrases) > 20
    assert len(set(phrases.values())) == len(phrases)  # each once, however typed
    for words in phrases.values():
        assert not set(words) <= MEANINGFUL | QUESTION_WORDS, words
        assert words[-1] not in ELIDED_BEFORE_A_VOWEL, words


def test_a_filler_phrase_is_read_as_a_question_s_words() -> None:
    from deepscopie.folding import question_words

    # As search.js compares them: bare, elided words left out, a hyphenated word one word.
    assert question_words("Quelqu’un saurait-il, d'après vous ?") == (
        "quelquun",
        "sauraitil",
        "apres",
        "vous",
    )
    assert question_words("  ?  ") == ()


@pytest.mark.parametrize("code", ["fr", "en"])
def test_each_language_says_how_its_readers_join_alternatives(code: str) -> None:
    words = site_languages()[code].or_words.split()
    assert words and all(word == word.lower() for word in words)  # search.js lowers what is typed
    assert not set(words) & (MEANINGFUL | QUESTION_WORDS)


LANGUAGE_CODE_BRANCH = re.compile(
    r"""(==|!=|\bin)\s*\(?\s*["'](fr|en)["']|["'](fr|en)["']\s*(==|!=)"""
)


def test_no_code_branches_on_a_language_code() -> None:
    sources = [*REPO.glob("deepscopie/**/*.py"), *REPO.glob("hooks/*.py")]
    sources += [*REPO.glob("overrides/**/*.html"), *REPO.glob("docs/assets/javascripts/*.js")]
    found = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in sources
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if LANGUAGE_CODE_BRANCH.search(line) or "theme.language ==" in line
    ]
    assert found == []


def _add_german(project: Path, catalogues: Path) -> None:
    """German added as data: a list entry, a catalogue, the i18n plugin's entry, the texts."""
    listed = yaml.safe_load((catalogues / "languages.yaml").read_text(encoding="utf-8"))
    listed["languages"].append(
        {
            "code": "de",
            "name": "Deutsch",
            "locale": "de_DE",
            "date_format": "d. MMMM y",
            "typography": "plain",
            "root": "de/",
            "theme_language": "de",
        }
    )
    (catalogues / "languages.yaml").write_text(yaml.safe_dump(listed), encoding="utf-8")
    english = yaml.safe_load((catalogues / "en.yaml").read_text(encoding="utf-8"))
    german = {key: f"DE {value}" for key, value in english.items()}
    german["faq_title"] = "Häufige Fragen"
    (catalogues / "de.yaml").write_text(yaml.safe_dump(german, allow_unicode=True), "utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "        - locale: en\n          name: English\n          build: true\n",
        "        - locale: en\n          name: English\n          build: true\n"
        "        - locale: de\n          name: Deutsch\n          build: true\n",
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for path in (project / "data").glob("*.yaml"):
        data = read_yaml(path).data
        path.write_text(yaml.safe_dump(_with_german(data), allow_unicode=True), "utf-8")
    for page in (project / "docs").glob("*.en.md"):
        shutil.copy(page, page.with_name(page.name.replace(".en.md", ".de.md")))


def _with_german(data: object) -> object:
    """Every text of the data (a mapping with ``en``) with its German version too."""
    if isinstance(data, list):
        return [_with_german(item) for item in data]
    if not isinstance(data, dict):
        return data
    texts = {key: _with_german(value) for key, value in data.items()}
    return {**texts, "de": f"DE {data['en']}"} if "en" in data and "fr" in data else texts


def test_a_third_language_is_data_and_a_catalogue(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "data")
    copy_base_data(project / "data")
    catalogues = shutil.copytree(CATALOGUES, tmp_path / "catalogues")
    _add_german(project, catalogues)
    result = build_site(project, DEEPSCOPIE_LANGUAGES=str(catalogues))
    assert result.returncode == 0, result.stderr[-3000:]
    faq = (project / "site" / "de" / "faq" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in faq
    assert "Häufige Fragen" in faq
    assert 'title="DE Permanent link"' in faq
    assert "DE Made with" in faq
    assert (project / "site" / "feed.de.xml").exists()
    assert (project / "site" / "de" / "explore" / "entries.json").exists()
