"""The language an editor reads the command's messages in: their choice, else their locale."""

from __future__ import annotations

import os
from collections.abc import Mapping

from deepscopie.render.texts import language_codes

DEFAULT = "en"  # the language of anyone whose locale is not one the project speaks
# POSIX precedence: LC_ALL overrides LC_MESSAGES, which overrides LANG.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def editor_language(choice: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """``--lang``, else ``DEEPSCOPIE_LANG``, else the locale (``fr_FR.UTF-8`` -> ``fr``);
    a language the project does not speak, and the C/POSIX locale, give English."""
    environ = os.environ if environ is None else environ
    for value in (choice, environ.get("DEEPSCOPIE_LANG")):
        if value:
            return _spoken(value)
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:  # an empty variable does not count, as for the C library
            return _spoken(value)
    return DEFAULT


def _spoken(value: str) -> str:
    code = value.lower().replace("-", "_").split("_")[0].split(".")[0]
    return code if code in language_codes() else DEFAULT
