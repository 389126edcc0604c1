"""``deepscopie check-repos``: the maintenance signals of the data's code repositories, kept in
the link report (``repositories``) for the site to show. Run on the schedule, before the link
check. Exit 0 (a rate limit only leaves repositories for the next run), 2 when it cannot run."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from deepscopie.escaping import shown_in_terminal
from deepscopie.fetch import FetchError
from deepscopie.knowledge_base import DataFiles, load_knowledge_base
from deepscopie.links.history import ReportError, load_section, save_section
from deepscopie.links.repositories import (
    Apis,
    RepositoryRecord,
    check_repositories,
    repositories_of,
)
from deepscopie.problems import DataError, format_problems

SECTION = "repositories"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``check-repos``."""
    parser.add_argument("--data", type=Path, default=Path("data"), help="data folder (data)")
    parser.add_argument(
        "--report", type=Path, default=Path("link-report.json"),
        help="the link report that keeps the results (link-report.json)",
    )  # fmt: skip
    parser.add_argument(
        "--max-age", type=float, default=168.0, metavar="HOURS",
        help="ask again only about results older than this (168: a week)",
    )  # fmt: skip
    parser.add_argument(
        "--max-wait", type=float, default=60.0, metavar="SECONDS",
        help="wait for a rate limit at most this long; longer ones wait for the next run (60)",
    )  # fmt: skip
    parser.add_argument("--github-api", help="GitHub's API ($DEEPSCOPIE_GITHUB_API or its own)")
    parser.add_argument("--gitlab-api", help="gitlab.com's API ($DEEPSCOPIE_GITLAB_API or its own)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Ask about the repositories whose results are stale; write them into the report."""
    try:
        base = load_knowledge_base(DataFiles.in_folder(args.data))
        cached = {
            record.url: record
            for record in map(RepositoryRecord.from_json, load_section(args.report, SECTION))
        }
        apis = Apis(max_wait=args.max_wait)
        apis.github = args.github_api or apis.github
        apis.gitlab = args.gitlab_api or apis.gitlab
        now = datetime.datetime.now(datetime.UTC)
        records, log = check_repositories(
            list(repositories_of(base).values()),
            cached,
            now,
            datetime.timedelta(hours=args.max_age),
            apis,
        )
        save_section(args.report, SECTION, [records[url].to_json() for url in sorted(records)])
    except DataError as error:
        print(format_problems(error.problems))
        return 2
    except (ReportError, FetchError, OSError, TypeError) as error:
        print(f"check-repos: {error}", file=sys.stderr)
        return 2
    print("\n".join(shown_in_terminal(line) for line in log))  # what hosts answered
    return 0
