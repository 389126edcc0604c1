"""The hint after a name that is not allowed: the near miss, or the short list of choices."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from deepscopie.problems import Message, msg

SHORT_LIST = 12


def hint(value: str, choices: Sequence[str], *, list_up_to: int | None = SHORT_LIST) -> str:
    """``: did you mean 'segmentation'?`` for a near miss; else `` (allowed: a, b)`` when there
    are at most ``list_up_to`` choices (``None``: any number); else nothing."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6) if value else []
    if close:
        return f": did you mean '{close[0]}'?"
    if choices and (list_up_to is None or len(choices) <= list_up_to):
        return f" (allowed: {', '.join(choices)})"
    return ""


def hint_message(
    value: str, choices: Sequence[str], *, list_up_to: int | None = SHORT_LIST
) -> Message:
    """:func:`hint` as a message of the catalogue, said in the editor's language."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6) if value else []
    if close:
        return msg("hint.did-you-mean", choice=close[0])
    if choices and (list_up_to is None or len(choices) <= list_up_to):
        return msg("hint.allowed", choices=", ".join(choices))
    return msg("hint.none")
