"""Typography of a language, applied to text (never to markup, code, addresses or attributes).

French (``typography: french`` in ``deepscopie/catalogues/languages.yaml``) puts a narrow
no-break space before ``? ! ; :`` and inside « », and holds a number to its unit and the
groups of a large number together, so that a question mark never wraps alone onto the next
line. :func:`typeset` does it to one piece of plain text; the callers apply it where text
becomes markup: the data's texts before they are escaped, the tokens of contributed Markdown
(:mod:`deepscopie.render.safe_html`), and the text nodes of every Markdown page's tree
(:mod:`deepscopie.render.markdown_typography`), skipping code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from deepscopie.languages import site_languages
from deepscopie.render.texts import language as site_language

NARROW_NO_BREAK_SPACE = "\u202f"
NO_BREAK_SPACE = "\u00a0"

# A space (ordinary or no-break, narrow too: a text typeset twice is typeset once) before high
# punctuation; "::" or "?=" right after is left alone (code-like text), and so is punctuation
# glued to a word ("http://").
# Each run of spaces is tried once, from its first space: tried from each of its spaces, a
# run not followed by punctuation took a time that grows as the square of its length (a
# title of 90,000 spaces, ten minutes of build).
_BEFORE_HIGH_PUNCTUATION = re.compile(r"(?<![ \u00a0\u202f])[ \u00a0\u202f]+([?!;:])")
_AFTER_OPENING_QUOTE = re.compile(r"«[ \u00a0\u202f]*")
_BEFORE_CLOSING_QUOTE = re.compile(r"(?<![ \u00a0\u202f])[ \u00a0\u202f]*»")
# 10 000 -> 10 000 (narrow, unbreakable): groups of three digits after one to three digits.
_DIGIT_GROUPS = re.compile(r"(?<![\d.,])(\d{1,3})(?: (\d{3}))+(?![\d])")
_UNITS = (
    "%", "‰", "€", "$", "°C", "°", "px", "dpi", "ppp", "fps", "Hz", "kHz", "MHz", "GHz",
    "nm", "µm", "μm", "mm", "cm", "m", "km", "ms", "s", "min", "h", "j", "ko", "Ko", "Mo", "Go",
    "To", "kB", "KB", "MB", "GB", "TB", "Kio", "Mio", "Gio", "Tio", "KiB", "MiB", "GiB", "TiB",
    "W", "kW", "V", "x", "×", "bits", "bit", "octets", "images", "pixels", "voxels",
)  # fmt: skip
_NUMBER_AND_UNIT = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)?) (" + "|".join(map(re.escape, _UNITS)) + r")(?![\w°])"
)


# What any rule below needs in a text to change it.
_MIGHT_CHANGE = re.compile(r"[?!;:«»\d]")


def _group_digits(match: re.Match[str]) -> str:
    return match.group(0).replace(" ", NARROW_NO_BREAK_SPACE)


def french(text: str) -> str:
    """``Pourquoi ?`` -> ``Pourquoi\u202f?``; ``« mot »`` -> ``«\u202fmot\u202f»``;
    ``10 000 images`` and ``16 Go`` held together."""
    if not _MIGHT_CHANGE.search(text):
        return text  # most texts: nothing to do, and this is on every title of a long page
    text = _BEFORE_HIGH_PUNCTUATION.sub(NARROW_NO_BREAK_SPACE + r"\1", text)
    text = _AFTER_OPENING_QUOTE.sub("«" + NARROW_NO_BREAK_SPACE, text)
    text = _BEFORE_CLOSING_QUOTE.sub(NARROW_NO_BREAK_SPACE + "»", text)
    text = _DIGIT_GROUPS.sub(_group_digits, text)
    return _NUMBER_AND_UNIT.sub(r"\1" + NO_BREAK_SPACE + r"\2", text)


def plain(text: str) -> str:
    """No typography rule: the text as written."""
    return text


RULES: dict[str, Callable[[str], str]] = {"french": french, "plain": plain}


def rules_of(language: str) -> Callable[[str], str]:
    """The typography function of the site's language ``language``."""
    return RULES[site_language(language).typography]


def _rules_by_code() -> dict[str, Callable[[str], str]]:
    languages = site_languages()
    if _cached_rules.get("languages") is not languages:
        _cached_rules.clear()
        _cached_rules["languages"] = languages
        _cached_rules["rules"] = {lang.code: RULES[lang.typography] for lang in languages}
    rules: dict[str, Callable[[str], str]] = _cached_rules["rules"]
    return rules


# The typography function of each language, for the languages read last (typeset is called
# on every text a page shows).
_cached_rules: dict[str, Any] = {}


def typeset(text: str, language: str) -> str:
    """``text`` (plain text, not markup) with ``language``'s typography."""
    rules = _rules_by_code().get(language)
    return rules(text) if rules is not None else rules_of(language)(text)
