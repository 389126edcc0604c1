"""The ``deepscopie`` command line."""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

from ruamel.yaml.error import YAMLError

from deepscopie.editing import command as editing_command
from deepscopie.editing.fmt import NotCanonical, format_file, unreadable_values
from deepscopie.editing.stats import stats_report
from deepscopie.editor_language import editor_language
from deepscopie.escaping import shown_in_terminal
from deepscopie.knowledge_base import DataFiles, load_knowledge_base
from deepscopie.links import command as links_command
from deepscopie.links import previous_report, repos_command
from deepscopie.links.ignore import load_ignore_list
from deepscopie.precompress import precompress
from deepscopie.problems import FORMATS, DataError, Problem, format_problems, msg, report
from deepscopie.render.texts import language_codes
from deepscopie.schema import SCHEMA_MODELS as _MODELS
from deepscopie.schema import stale_schemas, write_schemas
from deepscopie.yaml_source import read_yaml

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command named in ``argv``; return its exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    code: int = args.run(args)
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="deepscopie", description="Tools for the DeepScopie knowledge base."
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check the data files and report every problem as path:line:col",
        description="Check data/*.yaml; print each problem on one line; exit 1 if any.",
    )
    validate.add_argument("--data", type=Path, default=Path("data"), help="data folder (data)")
    _add_lang_argument(validate)
    validate.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (one line per problem), json, or codequality (GitLab's Code Quality report)",
    )
    validate.add_argument(
        "--output", type=Path, help="write the report to this file (the text still goes to the log)"
    )
    validate.set_defaults(run=_validate)

    schema = commands.add_parser(
        "schema",
        help="write the JSON Schemas of the data files (for editors' autocompletion)",
    )
    schema.add_argument("--out", type=Path, default=Path("schemas"), help="folder (schemas)")
    schema.add_argument("--check", action="store_true", help="exit 1 if a schema is out of date")
    schema.set_defaults(run=_schema)

    check_links = commands.add_parser(
        "check-links",
        help="check the site's internal links, or the data's external URLs, with LinkChecker",
        description=(
            "Check external URLs of the data (default), or with --internal-only every link and "
            "anchor of the built site. Exit 0 clean, 1 broken links, 2 the check could not run."
        ),
    )
    links_command.add_arguments(check_links)
    fetch_report = commands.add_parser(
        "fetch-link-report",
        help="fetch the previous link report (published site, else pipeline cache) for CI",
        description=(
            "Put the most recent earlier link report at --output: the one published with the "
            "site ($CI_PAGES_URL/link-report.json), the pipeline cache's, or one already there."
        ),
    )
    previous_report.add_arguments(fetch_report)
    check_repos = commands.add_parser(
        "check-repos",
        help="ask GitHub and GitLab when the data's code repositories were last active",
        description=(
            "Last activity, archived flag, latest release and licence of each repository of "
            "the data, kept in the link report; only stale results are asked again."
        ),
    )
    repos_command.add_arguments(check_repos)

    add = commands.add_parser(
        "add",
        help="add a resource to data/resources.yaml, where it belongs, touching nothing else",
        description="Add a resource. In a terminal, asks for what is missing.",
    )
    editing_command.add_resource_arguments(add)
    add_faq = commands.add_parser(
        "add-faq",
        help="add a question (and its answer) to data/faq.yaml",
        description="Add an FAQ entry. In a terminal, asks for what is missing.",
    )
    editing_command.add_faq_arguments(add_faq)

    fmt = commands.add_parser(
        "fmt",
        help="put the data files in their canonical form (field order, indents); comments kept",
    )
    fmt.add_argument("--data", type=Path, default=Path("data"), help="data folder (data)")
    _add_lang_argument(fmt)
    fmt.add_argument(
        "--check",
        action="store_true",
        help="change nothing; print the diff of what would change; exit 1 if any",
    )
    fmt.set_defaults(run=_fmt)

    compress = commands.add_parser(
        "precompress",
        help="write a .gz copy beside each file of text of the built site, for GitLab Pages",
        description=(
            "GitLab Pages serves <file>.gz in place of <file> to browsers that accept gzip: "
            "write those copies (`make pages` does, after the build)."
        ),
    )
    compress.add_argument("site", type=Path, help="the built site's folder")
    compress.set_defaults(run=_precompress)

    stats = commands.add_parser("stats", help="counts, and what still needs an editor")
    stats.add_argument("--data", type=Path, default=Path("data"), help="data folder (data)")
    stats.set_defaults(run=_stats)
    return parser


def _add_lang_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--lang",
        choices=language_codes(),
        help="language of the messages (default: DEEPSCOPIE_LANG, else the locale: LC_ALL, "
        "LC_MESSAGES, LANG; English otherwise)",
    )


def _validate(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    files = DataFiles.in_folder(args.data)
    problems = []
    try:
        base = load_knowledge_base(files)
    except DataError as error:
        problems += error.problems
    try:
        load_ignore_list(args.data / "link-ignore.yaml")
    except DataError as error:
        problems += error.problems
    language = editor_language(args.lang)
    if args.output is not None:
        args.output.write_text(report(problems, args.format, language=language) + "\n")
    if problems:
        shown = "text" if args.output is not None else args.format
        print(report(problems, shown, language=language))
        return EXIT_PROBLEMS
    if args.format != "text" and args.output is None:
        print(report(problems, args.format, language=language))
        return EXIT_OK
    elapsed = time.perf_counter() - started
    open_questions = sum(entry.is_open for entry in base.faq)
    needing_url = sum(resource.url_needed for resource in base.resources)
    done = msg(
        "validate-ok",
        resources=len(base.resources),
        needing=needing_url,
        faq=len(base.faq),
        open=open_questions,
        categories=len(base.vocabulary.categories),
        tags=len(base.vocabulary.tags),
        seconds=f"{elapsed:.2f}",
    )
    print(done.text(language))
    return EXIT_OK


def _fmt(args: argparse.Namespace) -> int:
    language = editor_language(args.lang)
    # Only a file YAML can read safely is rewritten: its problems come first.
    problems = [p for path in _data_files(args.data) for p in read_yaml(path).problems]
    if problems:
        print(report(problems, "text", language=language))
        return EXIT_PROBLEMS
    diffs: dict[Path, str] = {}
    for path in _data_files(args.data):
        try:
            diffs[path] = format_file(path, _MODELS[path.stem], check=args.check)
        except (ValueError, YAMLError) as error:  # ruamel.yaml refusing what PyYAML read
            print(_unformattable(args.data, path, error, language))
            return EXIT_PROBLEMS
    changed = [path for path, diff in diffs.items() if diff]
    for path in changed:
        if args.check:  # what `fmt` would change, as a diff an editor can read or apply
            print(diffs[path], end="")
        said = msg("fmt-not-formatted" if args.check else "fmt-formatted", path=str(path))
        print(said.text(language))
    if not changed:
        print(msg("fmt-ok").text(language))
    return EXIT_PROBLEMS if changed and args.check else EXIT_OK


def _unformattable(data: Path, path: Path, error: Exception, language: str) -> str:
    """Why ``path`` cannot be formatted: the data's problems at their place, when validation
    finds some (ruamel.yaml, which keeps the comments, reads "added: 2026-02-30" as a date and
    stops with "day is out of range for month", no place given); else what stopped it."""
    try:
        load_knowledge_base(DataFiles.in_folder(data))
    except DataError as invalid:
        return report(invalid.problems, "text", language=language)
    unreadable = [
        Problem(path, line, column, msg("fmt-unreadable", value=value), "unreadable-value")
        for line, column, value in unreadable_values(path.read_text(encoding="utf-8"))
    ]
    if unreadable:
        return report(unreadable, "text", language=language)
    if isinstance(error, NotCanonical):
        reason = msg("fmt-not-same-data").text(language)
    else:
        reason = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
    # What ruamel.yaml said may quote the data, and its terminal's escape sequences.
    return shown_in_terminal(msg("fmt-cannot", path=str(path), reason=reason).text(language))


def _data_files(data: Path) -> list[Path]:
    return [data / f"{name}.yaml" for name in _MODELS if (data / f"{name}.yaml").exists()]


def _stats(args: argparse.Namespace) -> int:
    try:
        base = load_knowledge_base(DataFiles.in_folder(args.data))
    except DataError as error:
        print(format_problems(error.problems))
        return EXIT_PROBLEMS
    print(stats_report(base))
    return EXIT_OK


def _precompress(args: argparse.Namespace) -> int:
    if not args.site.is_dir():
        print(f"{args.site}: no such folder (build the site first)")
        return EXIT_USAGE
    try:
        done = precompress(args.site)
    except OSError as error:
        print(f"{args.site}: not compressed: {error}")
        return EXIT_PROBLEMS
    print(
        f"ok: {done.files} compressed copies, {done.original_bytes / 1e6:.1f} MB "
        f"served as {done.compressed_bytes / 1e6:.1f} MB"
    )
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    if args.check:
        stale = stale_schemas(args.out)
        for path in stale:
            print(f"{path}: out of date with the model: run 'deepscopie schema'")
        return EXIT_PROBLEMS if stale else EXIT_OK
    for path in write_schemas(args.out):
        print(f"wrote {path}")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
