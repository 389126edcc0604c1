"""French typography: a non-breaking space before ? ! ; : and inside « », so that a question
mark never wraps alone onto the next line."""

from __future__ import annotations

import re

NARROW_NO_BREAK_SPACE = "\u202f"
NO_BREAK_SPACE = "\u00a0"

_BEFORE_HIGH_PUNCTUATION = re.compile(r" ([?!;:])(?=[\s*_)\]]|$)")
_OPENING_QUOTE = re.compile(r"« ")
_CLOSING_QUOTE = re.compile(r" »")


def french_spacing(markdown: str) -> str:
    """``Pourquoi ?`` -> ``Pourquoi\u202f?``, ``« mot »`` -> ``«\u00a0mot\u00a0»``."""
    markdown = _BEFORE_HIGH_PUNCTUATION.sub(rf"{NARROW_NO_BREAK_SPACE}\1", markdown)
    markdown = _OPENING_QUOTE.sub(f"«{NO_BREAK_SPACE}", markdown)
    return _CLOSING_QUOTE.sub(f"{NO_BREAK_SPACE}»", markdown)
