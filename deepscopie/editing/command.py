"""``deepscopie add`` and ``deepscopie add-faq``: options, questions in a terminal, the result.

Run in a terminal, a command asks for each required field it was not given; run anywhere
else (CI, scripts), it refuses and names the missing options instead of waiting for input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from deepscopie.editing.add import (
    EditRefused,
    NewEntryInvalid,
    add_entry,
    already_listed,
    propose_id,
    today,
)
from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.problems import DataError, Problem, format_problems
from deepscopie.suggest import hint

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

Ask = Callable[[str], str]


def add_resource_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``add``."""
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--id", help="permanent id (proposed from the English title)")
    parser.add_argument("--url", help="the resource's address")
    parser.add_argument("--url-needed", action="store_true", help="the address is not known yet")
    parser.add_argument("--title-fr")
    parser.add_argument("--title-en")
    parser.add_argument("--description-fr")
    parser.add_argument("--description-en")
    parser.add_argument("--category", help="a category id of data/vocabulary.yaml")
    parser.add_argument("--subcategory", help="a sub-category id of that category")
    parser.add_argument("--type", help="a type id of data/vocabulary.yaml")
    parser.add_argument("--tag", action="append", default=[], help="a tag id (repeat for several)")
    parser.add_argument(
        "--language", action="append", default=[], help="the resource's language (en, fr…)"
    )
    parser.add_argument("--year", type=int)
    parser.add_argument("--author", action="append", default=[])
    parser.add_argument("--doi")
    parser.set_defaults(run=run_add_resource)


def add_faq_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``add-faq``."""
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--id", help="permanent id (proposed from the English title)")
    parser.add_argument("--source", choices=("slack", "skype"))
    parser.add_argument("--date", help="date of the question, YYYY-MM-DD")
    parser.add_argument("--title-fr", help="the question in a few words")
    parser.add_argument("--title-en")
    parser.add_argument("--question-fr")
    parser.add_argument("--question-en")
    parser.add_argument("--answer-fr", help="leave out both answers for an open question")
    parser.add_argument("--answer-en")
    parser.add_argument("--tag", action="append", default=[])
    parser.add_argument("--related", action="append", default=[], help="a resource id (repeat)")
    parser.set_defaults(run=run_add_faq)


def run_add_resource(args: argparse.Namespace, ask: Ask | None = None) -> int:
    """Add a resource from the options (and answers); return the exit code."""
    return _run(args, "resources", _resource_fields, ask)


def run_add_faq(args: argparse.Namespace, ask: Ask | None = None) -> int:
    """Add an FAQ entry from the options (and answers); return the exit code."""
    return _run(args, "faq", _faq_fields, ask)


def _run(
    args: argparse.Namespace,
    kind: str,
    make_fields: Callable[[argparse.Namespace, KnowledgeBase], dict[str, Any]],
    ask: Ask | None,
) -> int:
    if ask is None and sys.stdin.isatty():
        ask = input
    try:
        base = load_knowledge_base(DataFiles.in_folder(args.data))
    except DataError as error:
        print(format_problems(error.problems))
        print("the data has problems already: fix them before adding an entry", file=sys.stderr)
        return EXIT_REFUSED
    try:
        _complete(args, kind, base, ask)
        added = add_entry(args.data, kind, make_fields(args, base))
    except _Missing as missing:
        print(
            f"missing: {', '.join(missing.options)} (give them, or run in a terminal to be asked)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except EditRefused as refused:
        print(f"refused: {refused}", file=sys.stderr)
        return EXIT_REFUSED
    except NewEntryInvalid as error:
        print(_as_options(error.problems, error.where))
        print(
            "nothing was written: fix the values above and run the command again", file=sys.stderr
        )
        return EXIT_REFUSED
    print(f"added '{added.entry_id}' to {added.path}:{added.line}")
    return EXIT_OK


def _as_options(problems: list[Problem], where: str) -> str:
    """Problems of the new entry said as options (``--category: …``): the file was not
    written, so a line number would point nowhere."""
    lines = []
    for problem in sorted(problems):
        if problem.where == where or problem.where.startswith((f"{where}.", f"{where}[")):
            field = problem.where.removeprefix(where).lstrip(".").split(".")[0].split("[")[0]
            option = f"--{field.replace('_', '-').removesuffix('s')}" if field else "the entry"
            lines.append(f"{option}: {problem.message} ({problem.rule})")
        else:
            lines.append(problem.format())
    return "\n".join(lines)


class _Missing(Exception):
    def __init__(self, options: list[str]) -> None:
        super().__init__(options)
        self.options = options


_REQUIRED = {
    "resources": ("title_fr", "title_en", "description_fr", "description_en", "category", "type"),
    "faq": ("source", "title_fr", "title_en", "question_fr", "question_en"),
}


def _complete(args: argparse.Namespace, kind: str, base: KnowledgeBase, ask: Ask | None) -> None:
    """Ask for what is missing (in a terminal), or say what is."""
    required = list(_REQUIRED[kind])
    if kind == "resources" and not args.url_needed:
        required.insert(0, "url")
    missing = [name for name in required if not getattr(args, name)]
    if kind == "resources" and not args.language:
        missing.append("language")
    if missing and ask is None:
        raise _Missing([f"--{name.replace('_', '-')}" for name in missing])
    if ask is None:
        return
    for name in missing:
        _ask_field(args, name, base, ask)
    if kind == "resources":
        # Not required, but they decide where the entry goes and how readers find it.
        subcategories = _allowed("subcategory", base, args)
        if subcategories and not args.subcategory:
            _ask_field(args, "subcategory", base, ask, optional=True)
        if not args.tag:
            _ask_field(args, "tag", base, ask, optional=True)


def _ask_field(
    args: argparse.Namespace, name: str, base: KnowledgeBase, ask: Ask, optional: bool = False
) -> None:
    """Ask until the answer is allowed; a name from the vocabulary is checked on the spot."""
    allowed = _allowed(name, base, args)
    choices = f" ({', '.join(allowed)})" if allowed and len(allowed) <= 30 else _choices(name)
    if optional:
        choices += " [empty: none]"
    while True:
        answer = ask(f"{name.replace('_', ' ')}{choices}: ").strip()
        values = [part.strip() for part in answer.split(",") if part.strip()]
        if not values and optional:
            return
        unknown = [value for value in values if allowed and value not in allowed]
        if values and not unknown:
            break
        for value in unknown or [""]:
            print(f"  '{value}' is not allowed{hint(value, allowed, list_up_to=0)}")
    if name in ("language", "tag"):
        setattr(args, name, values)
    else:
        setattr(args, name, values[0] if name in _VOCABULARY else answer)


_VOCABULARY = ("category", "subcategory", "type", "tag", "source")


def _allowed(name: str, base: KnowledgeBase, args: argparse.Namespace) -> list[str]:
    vocabulary = base.vocabulary
    if name == "category":
        return [c.id for c in vocabulary.categories]
    if name == "subcategory":
        category = next((c for c in vocabulary.categories if c.id == args.category), None)
        return [s.id for s in category.subcategories] if category else []
    if name == "type":
        return [t.id for t in vocabulary.types]
    if name == "tag":
        return [t.id for t in vocabulary.tags]
    if name == "source":
        return ["slack", "skype"]
    return []


def _choices(name: str) -> str:
    if name == "language":
        return " (en, fr…, comma-separated)"
    if name == "tag":
        return " (comma-separated; listed in the contribution guide)"
    return ""


def _resource_fields(args: argparse.Namespace, base: KnowledgeBase) -> dict[str, Any]:
    if args.url and args.url_needed:
        raise EditRefused("give --url or --url-needed, not both")
    if args.url:
        owner = already_listed(base, args.url)
        if owner is not None:
            raise EditRefused(f"{args.url} is already in the data: resource '{owner}'")
    taken = {r.id for r in base.resources}
    entry_id = args.id or propose_id(args.title_en, taken)
    if entry_id in taken:
        raise EditRefused(
            f"the id '{entry_id}' is taken: ids are permanent, choose another with --id"
        )
    fields: dict[str, Any] = {"id": entry_id, "title": {"fr": args.title_fr, "en": args.title_en}}
    fields.update({"url": args.url} if args.url else {"url_needed": True})
    fields["description"] = {"fr": args.description_fr, "en": args.description_en}
    fields["category"] = args.category
    if args.subcategory:
        fields["subcategory"] = args.subcategory
    fields["type"] = args.type
    if args.tag:
        fields["tags"] = args.tag
    fields["languages"] = args.language
    optional = {"year": args.year, "authors": args.author, "doi": args.doi}
    fields.update({name: value for name, value in optional.items() if value})
    fields["added"] = today()
    return fields


def _faq_fields(args: argparse.Namespace, base: KnowledgeBase) -> dict[str, Any]:
    taken = {e.id for e in base.faq}
    entry_id = args.id or propose_id(args.title_en, taken)
    if entry_id in taken:
        raise EditRefused(
            f"the id '{entry_id}' is taken: ids are permanent, choose another with --id"
        )
    if bool(args.answer_fr) != bool(args.answer_en):
        raise EditRefused(
            "give the answer in both languages (--answer-fr and --answer-en), or neither"
        )
    fields: dict[str, Any] = {"id": entry_id, "source": args.source}
    if args.date:
        fields["date"] = args.date
    fields["title"] = {"fr": args.title_fr, "en": args.title_en}
    fields["question"] = {"fr": args.question_fr, "en": args.question_en}
    if args.answer_fr:
        fields["answer"] = {"fr": args.answer_fr, "en": args.answer_en}
    if args.tag:
        fields["tags"] = args.tag
    if args.related:
        fields["related"] = args.related
    fields["added"] = today()
    return fields
