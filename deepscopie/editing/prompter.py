"""Questions in a terminal: each answer checked as soon as it is typed, names completed.

A rejected answer is said why (in validation's own words) and asked again; nothing typed
before is lost. In a real terminal, Tab completes the names a question accepts (tags,
categories…), one item of a comma-separated list at a time.
"""

from __future__ import annotations

import contextlib
import textwrap
from collections.abc import Callable, Iterator, Sequence

from deepscopie.editing.questions import say

Ask = Callable[[str], str]
Check = Callable[[str], list[str]]  # the problems of one answer (empty: accepted)


class Prompter:
    """Asks questions through ``ask`` (``input`` in a terminal), in ``language``."""

    def __init__(self, ask: Ask, language: str, *, completion: bool = False) -> None:
        self.ask = ask
        self.language = language
        self.completion = completion

    def say(self, key: str, **params: object) -> str:
        """A text of the questions' catalogue in the editor's language."""
        return say(self.language, key, **params)

    def tell(self, text: str) -> None:
        """A line for the editor (a note, a list of choices)."""
        print(text, flush=True)

    def one(
        self,
        key: str,
        *,
        check: Check | None = None,
        default: str | None = None,
        optional: bool = False,
        choices: Sequence[str] = (),
        **params: object,
    ) -> str | None:
        """One answer (``None``: left empty where that is allowed)."""
        values = self._ask(key, check, default, optional, choices, False, params)
        return values[0] if values else None

    def many(
        self,
        key: str,
        *,
        check: Check | None = None,
        optional: bool = True,
        choices: Sequence[str] = (),
        default: Sequence[str] | None = None,
        **params: object,
    ) -> list[str]:
        """A comma-separated list of answers, each checked."""
        shown = ", ".join(default) if default else None
        return self._ask(key, check, shown, optional, choices, True, params)

    def yes(self, key: str, **params: object) -> bool:
        """A yes/no question whose answer by default is yes."""
        while True:
            answer = self.ask(f"{self.say(key, **params)} [{self.say('yes_no')}] ").strip().lower()
            if not answer or answer in self.say("yes_words").split():
                return True
            if answer in self.say("no_words").split():
                return False

    def list_choices(self, key: str, choices: Sequence[str]) -> None:
        """Show the names a question accepts before it is asked."""
        listing = textwrap.fill(
            "  ".join(choices),
            width=96,
            initial_indent="  ",
            subsequent_indent="  ",
            break_on_hyphens=False,
        )
        self.tell(f"{self.say(key)}\n{listing}")

    def _ask(
        self,
        key: str,
        check: Check | None,
        default: str | None,
        optional: bool,
        choices: Sequence[str],
        many: bool,
        params: dict[str, object],
    ) -> list[str]:
        question = self.say(key, **params)
        if default:
            question += f" [{default}]"
        while True:
            with self._completing(choices):
                answer = self.ask(f"{question}: ").strip()
            if not answer and default:
                answer = default
            values = [v.strip() for v in answer.split(",") if v.strip()] if many else [answer]
            # Each once: "python, python" is python (the data refuses a list that names a
            # thing twice, and said so only once every question had been answered).
            values = list(dict.fromkeys(value for value in values if value))
            if not values:
                if optional:
                    return []
                self.tell(f"  {self.say('required')}")
                continue
            problems = [problem for value in values for problem in (check(value) if check else [])]
            if not problems:
                return values
            for problem in problems:
                self.tell(f"  {problem}")

    @contextlib.contextmanager
    def _completing(self, choices: Sequence[str]) -> Iterator[None]:
        if not (self.completion and choices):
            yield
            return
        import readline  # only in a terminal: not every platform has it

        def complete(text: str, state: int) -> str | None:
            matches = [choice for choice in choices if choice.startswith(text)]
            return matches[state] if state < len(matches) else None

        previous = readline.get_completer(), readline.get_completer_delims()
        readline.set_completer(complete)
        readline.set_completer_delims(", ")  # each item of a comma-separated list
        readline.parse_and_bind("tab: complete")
        try:
            yield
        finally:
            readline.set_completer(previous[0])
            readline.set_completer_delims(previous[1])
