"""``deepscopie check-links``: internal links of the built site, or external URLs of the data.

Exit codes: 0 clean; 1 a broken internal link, or an external URL broken for ``--threshold``
runs in a row (with ``--changed-since``: a new URL that is broken now); 2 the check could not
run (bad arguments, invalid data or report, LinkChecker failing).
"""

from __future__ import annotations

import argparse
import datetime
import functools
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from deepscopie.escaping import shown_in_terminal
from deepscopie.knowledge_base import DataFiles, load_knowledge_base
from deepscopie.links.classify import BROKEN, REDIRECTED, REFUSED_ADDRESS
from deepscopie.links.external import CheckSettings, check_external
from deepscopie.links.history import (
    LinkRecord,
    ReportError,
    fresh_urls,
    load_report,
    merge,
    save_report,
)
from deepscopie.links.ignore import load_ignore_list
from deepscopie.links.internal import check_internal
from deepscopie.links.junit import junit_report
from deepscopie.links.linkchecker_run import LinkCheckerError, RunSettings
from deepscopie.links.redirects import describe, fix_redirects, probe_redirects
from deepscopie.links.report import html_report, markdown_report, summary_table
from deepscopie.links.targets import link_targets, new_targets
from deepscopie.net_guard import AllowlistError
from deepscopie.problems import DataError, format_problems

EXIT_OK, EXIT_BROKEN, EXIT_ERROR = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``check-links``."""
    parser.add_argument(
        "--internal-only", action="store_true", help="check the links inside the built site only"
    )
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (site)")
    parser.add_argument(
        "--base-path",
        default=urlsplit(os.environ.get("SITE_URL") or "/").path or "/",
        help="the path the site is published under, for absolute links (SITE_URL's, or /)",
    )
    parser.add_argument("--data", type=Path, default=Path("data"), help="data folder (data)")
    parser.add_argument(
        "--urls",
        type=Path,
        help="check the URLs listed in this file (one per line) instead of the data",
    )
    parser.add_argument(
        "--changed-since",
        metavar="REF",
        help="check only the URLs added or modified since this git ref",
    )
    parser.add_argument("--report", type=Path, help="JSON report to read (history) and write")
    parser.add_argument(
        "--markdown",
        type=Path,
        help="write a Markdown report here (job log, merge-request comment)",
    )
    parser.add_argument("--html", type=Path, help="write an HTML report here")
    parser.add_argument(
        "--junit",
        type=Path,
        help="write a JUnit XML report here (one test case per address), for GitLab's "
        "merge-request test report",
    )
    parser.add_argument(
        "--fix-redirects",
        action="store_true",
        help="rewrite in the data every address whose permanent redirect (301/308) was seen on "
        "two runs in a row, to its new address (comments and layout kept); print each change",
    )
    parser.add_argument("--ignore", type=Path, help="ignore list (DATA/link-ignore.yaml)")
    parser.add_argument(
        "--threshold",
        type=int,
        default=2,
        help="runs in a row a URL must fail to be called broken (2)",
    )
    parser.add_argument(
        "--max-age",
        type=float,
        default=20.0,
        metavar="HOURS",
        help="reuse results younger than this (20)",
    )
    parser.add_argument(
        "--processes", type=int, default=8, help="LinkChecker processes, hosts split among them (8)"
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=4,
        help="requests in flight per process, so per host at most (4)",
    )
    parser.add_argument(
        "--timeout", type=int, default=20, help="seconds to wait for an answer (20)"
    )
    parser.add_argument(
        "--retries", type=int, default=2, help="retries of timeouts, 5xx and 429 (2)"
    )
    parser.add_argument(
        "--retry-wait",
        type=float,
        default=5.0,
        help="seconds before the first retry, doubled after (5)",
    )
    parser.add_argument(
        "--allow-network",
        action="append",
        default=[],
        metavar="CIDR",
        help="also connect to this non-public network (tests on loopback; repeatable; adds to "
        "DEEPSCOPIE_ALLOW_NETWORKS). Never in CI",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the check the arguments ask for; return the exit code."""
    try:
        return _internal(args) if args.internal_only else _external(args)
    except DataError as error:
        print(format_problems(error.problems))
        return EXIT_ERROR
    except (ReportError, LinkCheckerError, AllowlistError, OSError, UnicodeError) as error:
        print(f"check-links: {error}", file=sys.stderr)
        return EXIT_ERROR


def _internal(args: argparse.Namespace) -> int:
    if not (args.site / "index.html").exists():
        print(f"check-links: no built site in {args.site}: run `make build` first", file=sys.stderr)
        return EXIT_ERROR
    problems = check_internal(args.site, base_path=args.base_path)
    for problem in problems:
        print(problem.format())
    if problems:
        print(f"{len(problems)} broken internal link(s) in {args.site}")
        return EXIT_BROKEN
    print(f"ok: every internal link and anchor of {args.site} leads somewhere")
    return EXIT_OK


def _external(args: argparse.Namespace) -> int:
    now = datetime.datetime.now(datetime.UTC)
    targets = _targets(args)
    previous = load_report(args.report) if args.report else {}
    reused = fresh_urls(previous, now, datetime.timedelta(hours=args.max_age)) & set(targets)
    to_check = [url for url in targets if url not in reused]
    ignore = load_ignore_list(args.ignore or args.data / "link-ignore.yaml")
    progress = _Progress(len(to_check)) if sys.stderr.isatty() else None
    settings = CheckSettings(
        processes=args.processes,
        retries=args.retries,
        retry_wait=args.retry_wait,
        run=RunSettings(
            timeout=args.timeout,
            threads=args.threads,
            allow_networks=tuple(args.allow_network),
        ),
    )
    verdicts = check_external(to_check, settings, ignore, progress.tick if progress else None)
    if progress:
        progress.done()
    moved = [url for url, verdict in verdicts.items() if verdict.klass == REDIRECTED]
    redirects = probe_redirects(moved, timeout=args.timeout)
    records = merge(previous, verdicts, targets, now, redirects)
    if not (args.urls or args.changed_since):
        records = {
            url: record for url, record in records.items() if url in targets
        }  # gone from the data
    current = {url: records[url] for url in targets}
    if args.report:
        save_report(args.report, records)
    if args.markdown:
        args.markdown.write_text(markdown_report(current, args.threshold), encoding="utf-8")
    if args.html:
        args.html.write_text(
            html_report(markdown_report(current, args.threshold)), encoding="utf-8"
        )
    if args.junit:
        blocks = functools.partial(_fails_in_junit, args=args)
        args.junit.write_text(junit_report(current.values(), blocks), encoding="utf-8")
    print(summary_table(current.values(), args.threshold))
    print(
        f"{len(to_check)} checked, {len(reused)} reused from checks younger than {args.max_age:g} h"
    )
    if args.fix_redirects:
        _fix_redirects(args, current)
    blocking = [record for record in current.values() if _blocks(record, args=args)]
    for record in blocking:
        sources = ", ".join(record.sources) or "-"
        # What a server said, and where it sent: its text is shown, never obeyed by a terminal.
        print(shown_in_terminal(f"broken: {record.url} ({record.message}) in {sources}"))
    return EXIT_BROKEN if blocking else EXIT_OK


def _fix_redirects(args: argparse.Namespace, records: dict[str, LinkRecord]) -> None:
    if args.urls:
        print("fix-redirects: nothing rewritten: --urls checks addresses outside the data")
        return
    rewrites, notes = fix_redirects(args.data, records)
    for line in [*describe(rewrites, records), *notes]:
        print(shown_in_terminal(line))  # addresses a server gave
    addresses = len({rewrite.old for rewrite in rewrites})
    print(
        f"fix-redirects: {addresses} address(es) rewritten at {len(rewrites)} places in {args.data}"
    )


def _blocks(record: LinkRecord, *, args: argparse.Namespace) -> bool:
    if args.changed_since:
        # New links have no history to wait for: a definitive failure blocks the merge request,
        # and so does an address that leads to a non-public network.
        return record.klass in (BROKEN, REFUSED_ADDRESS)
    return record.is_broken(args.threshold)


def _fails_in_junit(record: LinkRecord, *, args: argparse.Namespace) -> bool:
    """What a reviewer must see as failed: what blocks, and an address refused because it
    leads to a non-public network (not fetched, so not broken, but never acceptable)."""
    return _blocks(record, args=args) or record.klass == REFUSED_ADDRESS


def _targets(args: argparse.Namespace) -> dict[str, tuple[str, ...]]:
    if args.urls:
        lines = args.urls.read_text(encoding="utf-8").splitlines()
        urls = [
            line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")
        ]
        return dict.fromkeys(urls, (f"{args.urls.name}",))
    targets = link_targets(load_knowledge_base(DataFiles.in_folder(args.data)))
    if args.changed_since:
        targets = new_targets(targets, _targets_at(args.changed_since, args.data))
    return targets


def _targets_at(ref: str, data: Path) -> dict[str, tuple[str, ...]]:
    """The data's URLs as they were at git ``ref`` (none if the data did not exist then)."""
    top = subprocess.run(
        ["git", "-C", str(data), "rev-parse", "--show-toplevel"],
        capture_output=True,
        text=True,
        check=True,
    )
    prefix = data.resolve().relative_to(Path(top.stdout.strip()).resolve()).as_posix()
    with tempfile.TemporaryDirectory() as folder:
        for name in ("vocabulary.yaml", "resources.yaml", "faq.yaml"):
            shown = subprocess.run(
                ["git", "-C", str(data), "show", f"{ref}:{prefix}/{name}"],
                capture_output=True,
                check=False,
            )
            if shown.returncode != 0:
                return {}
            (Path(folder) / name).write_bytes(shown.stdout)
        try:
            return link_targets(load_knowledge_base(DataFiles.in_folder(Path(folder))))
        except DataError:
            return {}  # the old data was invalid: every URL counts as new


class _Progress:
    """``checked 120/960`` on the terminal, rewritten in place."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0

    def tick(self, url: str) -> None:
        self.count += 1
        print(f"\rchecked {self.count}/{self.total}", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        print(file=sys.stderr)
