"""``deepscopie add`` and ``deepscopie add-faq``: options, questions in a terminal, the result.

Run in a terminal, a command asks for each field it was not given, checking every answer as
soon as it is typed with validation's own rules (the address, the id, the names of the
vocabulary); a wrong answer is asked again and nothing typed before is lost. Ctrl-C or Ctrl-D
cancels cleanly (exit 130), writing nothing. Run anywhere else (CI, scripts), a command
refuses and names the missing options instead of waiting for input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from deepscopie.checks import unknown_message
from deepscopie.editing.add import (
    EditRefused,
    NewEntryInvalid,
    add_entry,
    already_listed,
    propose_id,
    today,
)
from deepscopie.editing.fetch import FetchError
from deepscopie.editing.prompter import Ask, Check, Prompter
from deepscopie.editing.proposals import STATED, proposals
from deepscopie.editing.questions import say
from deepscopie.editing.sources import read_source
from deepscopie.editor_language import editor_language
from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.model import FaqEntry, Resource
from deepscopie.model_errors import field_problems, text_problems
from deepscopie.problems import DataError, Problem, format_problems
from deepscopie.render.texts import language_codes
from deepscopie.urls import url_problems

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C


def add_resource_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``add``."""
    _common_arguments(parser)
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
        "--task", action="append", default=[], help="a task id: what it is for (repeat)"
    )
    parser.add_argument(
        "--way", action="append", default=[], help="a way-of-working id: how one uses it (repeat)"
    )
    parser.add_argument(
        "--language", action="append", default=[], help="the resource's language (en, fr…)"
    )
    parser.add_argument("--year", type=int)
    parser.add_argument("--author", action="append", default=[])
    parser.add_argument("--doi")
    parser.add_argument("--venue", help="journal, conference or publisher")
    parser.add_argument("--licence", help="SPDX id (MIT, CC-BY-4.0…) or the licence's address")
    parser.add_argument(
        "--from",
        dest="from_source",
        metavar="URL",
        help="fill the entry from the resource itself (a DOI, a Zenodo record, a GitHub or "
        "GitLab repository, or any web page), then ask only for what is missing",
    )
    parser.set_defaults(run=run_add_resource, proposed={})


def add_faq_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``add-faq``."""
    _common_arguments(parser)
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
    parser.set_defaults(run=run_add_faq, proposed={})


def _common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--id", help="permanent id (proposed from the English title)")
    parser.add_argument(
        "--lang",
        choices=language_codes(),
        help="language of the questions and messages (else: locale)",
    )


def run_add_resource(args: argparse.Namespace, ask: Ask | None = None) -> int:
    """Add a resource from the options (and answers); return the exit code."""
    return _run(args, "resources", _ask_resource, _resource_fields, ask)


def run_add_faq(args: argparse.Namespace, ask: Ask | None = None) -> int:
    """Add an FAQ entry from the options (and answers); return the exit code."""
    return _run(args, "faq", _ask_faq, _faq_fields, ask)


Questions = Callable[[argparse.Namespace, KnowledgeBase, DataFiles, Prompter], None]
Fields = Callable[[argparse.Namespace, KnowledgeBase], dict[str, Any]]


def _run(
    args: argparse.Namespace, kind: str, questions: Questions, make_fields: Fields, ask: Ask | None
) -> int:
    language = editor_language(getattr(args, "lang", None))
    terminal = ask is None and sys.stdin.isatty()
    if terminal:
        ask = input
    files = DataFiles.in_folder(args.data)
    try:
        base = load_knowledge_base(files)
    except DataError as error:
        print(format_problems(error.problems))
        print("the data has problems already: fix them before adding an entry", file=sys.stderr)
        return EXIT_REFUSED
    try:
        if getattr(args, "from_source", None):
            _read_from(args, base, language, accept_proposals=ask is None)
        if ask is None:
            _refuse_missing(args, kind)
        else:
            questions(args, base, files, Prompter(ask, language, completion=terminal))
        added = add_entry(args.data, kind, make_fields(args, base))
    except (KeyboardInterrupt, EOFError):
        # Ctrl-C or Ctrl-D: the editor changed their mind; nothing was written.
        print(f"\n{say(language, 'cancelled')}", file=sys.stderr)
        return EXIT_INTERRUPTED
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
    print(say(language, "added", id=added.entry_id, path=added.path, line=added.line))
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


def _refuse_missing(args: argparse.Namespace, kind: str) -> None:
    """Outside a terminal: name every required option that was not given."""
    required = list(_REQUIRED[kind])
    if kind == "resources" and not args.url_needed:
        required.insert(0, "url")
    missing = [name for name in required if not getattr(args, name)]
    if kind == "resources" and not args.language:
        missing.append("language")
    if missing:
        raise _Missing([f"--{name.replace('_', '-')}" for name in missing])


# Filled from the resource itself


def _read_from(
    args: argparse.Namespace, base: KnowledgeBase, language: str, *, accept_proposals: bool
) -> None:
    """What the resource says about itself fills the options the editor did not give: taken
    as they are outside a terminal, proposed (Enter keeps them) in one. Facts of the record
    (year, authors, DOI, venue, licence) are taken either way. A source that cannot be read
    leaves every question to ask."""
    try:
        found = read_source(args.from_source)
    except FetchError as error:
        print(say(language, "fetch_failed", url=args.from_source, reason=error), file=sys.stderr)
        return
    proposed = proposals(found, base.vocabulary)
    print(say(language, "fetched", url=found.source, fields=", ".join(proposed) or "-"))
    args.source_text = found.description
    for name, value in proposed.items():
        if getattr(args, name):
            continue  # an option the editor gave wins
        if accept_proposals or name in STATED:
            setattr(args, name, value)
        else:
            args.proposed[name] = value


# Questions, each answer checked with validation's rules


def _ask_resource(
    args: argparse.Namespace, base: KnowledgeBase, files: DataFiles, prompter: Prompter
) -> None:
    vocabulary = base.vocabulary
    proposed: dict[str, Any] = args.proposed
    check_url = _url_check(base, files, prompter)
    if "url" in proposed and check_url(proposed["url"]):
        for problem in check_url(proposed.pop("url")):  # said before asking, not proposed
            prompter.tell(f"  {problem}")
    while not args.url and not args.url_needed:
        args.url = prompter.one(
            "url", check=check_url, optional=True, default=proposed.pop("url", None)
        )
        # An empty address is either not known (url_needed), or asked again: never invented.
        args.url_needed = args.url is None and prompter.yes("url_unknown")
    for name in ("title_fr", "title_en", "description_fr", "description_en"):
        if getattr(args, name):
            continue
        source_text = getattr(args, "source_text", None)
        if name.startswith("description") and source_text:
            # The resource's own words: to check where they are in this language, else to
            # translate (never invented, never machine-translated).
            note = "proposed" if name in proposed else "translate"
            prompter.tell(f"  {prompter.say(note, text=source_text)}")
        setattr(args, name, prompter.one(name, check=_text_check, default=proposed.get(name)))
    categories = [c.id for c in vocabulary.categories]
    if not args.category:
        args.category = _choose(prompter, "category", categories, "category")
    category = next((c for c in vocabulary.categories if c.id == args.category), None)
    subcategories = [s.id for s in category.subcategories] if category else []
    if subcategories and not args.subcategory:
        args.subcategory = _choose(prompter, "subcategory", subcategories, "sub-category", True)
    if not args.type:
        types = [t.id for t in vocabulary.types]
        args.type = _choose(prompter, "type", types, "type", default=proposed.get("type"))
    if not args.tag:
        tags = [t.id for t in vocabulary.tags]
        prompter.list_choices("choices_tag", tags)
        args.tag = prompter.many(
            "tag", check=_name_check("tag", tags), choices=tags, default=proposed.get("tag")
        )
    # The facets the type requires are asked for (an empty answer is asked again).
    kind = next((t for t in vocabulary.types if t.id == args.type), None)
    required = kind.requires if kind else ()
    facets = (("task", "tasks", vocabulary.tasks), ("way", "ways", vocabulary.ways))
    for name, field, terms in facets:
        if not getattr(args, name) and field in required:
            known = [t.id for t in terms]
            prompter.list_choices(f"choices_{name}", known)
            check = _name_check(name, known)
            setattr(args, name, prompter.many(name, check=check, choices=known, optional=False))
    if not args.language:
        args.language = prompter.many(
            "language",
            check=_field_check(Resource, "languages", tuple_of=True),
            optional=False,
            default=proposed.get("language"),
        )
    if not args.id:
        args.id = _ask_id(prompter, args.title_en, {r.id for r in base.resources}, Resource)


def _ask_faq(
    args: argparse.Namespace, base: KnowledgeBase, files: DataFiles, prompter: Prompter
) -> None:
    if not args.source:
        args.source = prompter.one(
            "source", check=_field_check(FaqEntry, "source"), choices=("slack", "skype")
        )
    if not args.date:
        args.date = prompter.one("date", check=_field_check(FaqEntry, "date"), optional=True)
    for name, key in (
        ("title_fr", "question_title_fr"),
        ("title_en", "question_title_en"),
        ("question_fr", "question_fr"),
        ("question_en", "question_en"),
    ):
        if not getattr(args, name):
            setattr(args, name, prompter.one(key, check=_text_check))
    if not args.answer_fr and not args.answer_en:
        args.answer_fr = prompter.one("answer_fr", check=_text_check, optional=True)
        if args.answer_fr:  # an answer is in both languages, or the question stays open
            args.answer_en = prompter.one("answer_en", check=_text_check)
    if not args.tag:
        tags = [t.id for t in base.vocabulary.tags]
        prompter.list_choices("choices_tag", tags)
        args.tag = prompter.many("tag", check=_name_check("tag", tags), choices=tags)
    if not args.related:
        ids = sorted(r.id for r in base.resources)
        args.related = prompter.many("related", check=_name_check("resource id", ids), choices=ids)
    if not args.id:
        args.id = _ask_id(prompter, args.title_en, {e.id for e in base.faq}, FaqEntry)


def _choose(
    prompter: Prompter,
    name: str,
    choices: list[str],
    what: str,
    optional: bool = False,
    default: str | None = None,
) -> str | None:
    prompter.list_choices(f"choices_{name}", choices)
    check = _name_check(what, choices)
    return prompter.one(name, check=check, choices=choices, optional=optional, default=default)


def _ask_id(
    prompter: Prompter, title: str, taken: set[str], model: type[Resource | FaqEntry]
) -> str:
    """The id proposed from the English title, shown, and changeable before anything is
    written."""
    check = _field_check(model, "id")

    def free(value: str) -> list[str]:
        if value in taken:
            return [prompter.say("taken_id", id=value)]
        return check(value)

    answer = prompter.one("id", check=free, default=propose_id(title, taken))
    assert answer is not None  # a default is always given
    return answer


def _url_check(base: KnowledgeBase, files: DataFiles, prompter: Prompter) -> Check:
    """The address's form (the one definition in deepscopie.urls) and whether a resource
    already points at it, naming that resource and its line."""

    def check(url: str) -> list[str]:
        problems = [f"{message} ({rule})" for message, rule in url_problems(url)]
        if problems:
            return problems
        owner = already_listed(base, url)
        if owner is None:
            return []
        index = next(i for i, r in enumerate(base.resources) if r.id == owner)
        line = base.sources[files.resources].value_position(("resources", index, "id")).line
        return [prompter.say("listed_url", url=url, owner=owner, path=files.resources, line=line)]

    return check


def _text_check(value: str) -> list[str]:
    return _messages(text_problems(value))


def _field_check(model: type[Resource | FaqEntry], field: str, *, tuple_of: bool = False) -> Check:
    def check(value: str) -> list[str]:
        return _messages(field_problems(model, field, (value,) if tuple_of else value))

    return check


def _name_check(what: str, known: list[str]) -> Check:
    known_set = set(known)

    def check(value: str) -> list[str]:
        return [] if value in known_set else [str(unknown_message(what, value, known))]

    return check


def _messages(problems: list[Problem]) -> list[str]:
    return [f"{problem.message} ({problem.rule})" for problem in problems]


# The entry's fields, in the file's order


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
    if args.task:
        fields["tasks"] = args.task
    if args.way:
        fields["ways"] = args.way
    fields["languages"] = args.language
    optional = {
        "year": args.year,
        "authors": args.author,
        "venue": args.venue,
        "doi": args.doi,
        "licence": args.licence,
    }
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
