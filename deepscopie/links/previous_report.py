"""``deepscopie fetch-link-report``: the previous link report, for a scheduled check to carry its
history over, on GitLab Free and without a token.

The ``pages`` job publishes ``link-report.json`` with the site, so the latest report is always
at ``$CI_PAGES_URL/link-report.json``; a push to the default branch publishes the site again
with the report it fetched from there, so it never resets the history. A pipeline cache holds
the scheduled job's own copy, for when the site is not published yet (or not reachable). Of all
the reports that can be had (the published one, the cache's, one already in place), the most
recently checked wins. When none can be had, the job log says so and why.
"""

from __future__ import annotations

import argparse
import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from deepscopie import fetch
from deepscopie.links.history import (
    LinkRecord,
    ReportError,
    latest_check,
    latest_check_time,
    parse_report,
    read_report_text,
)

DEFAULT_CACHE = Path(".cache/link-report/link-report.json")
REPORT_NAME = "link-report.json"
IN_PLACE = "this pipeline's report"


@dataclass(frozen=True)
class Candidate:
    """A previous report that could be read, and where from."""

    origin: str
    text: str
    records: dict[str, LinkRecord]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``fetch-link-report``."""
    pages = os.environ.get("CI_PAGES_URL")
    parser.add_argument(
        "--url",
        default=f"{pages.rstrip('/')}/{REPORT_NAME}" if pages else None,
        help="the published report ($CI_PAGES_URL/link-report.json)",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=DEFAULT_CACHE,
        help=f"the pipeline cache's copy ({DEFAULT_CACHE})",
    )
    parser.add_argument(
        "--output", type=Path, default=Path(REPORT_NAME), help=f"where to put it ({REPORT_NAME})"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Put the most recent previous report at ``--output``; say where it came from. Always 0:
    a run without history is worse, not impossible."""
    print("\n".join(fetch_previous_report(args.output, args.url, args.cache)))
    return 0


def fetch_previous_report(output: Path, url: str | None, cache: Path | None) -> list[str]:
    """Write the most recent report that can be had to ``output``; return the log lines."""
    log: list[str] = []
    candidates = [
        found
        for found in (
            _from_file(output, IN_PLACE, log),
            _from_site(url, log),
            _from_file(cache, "the pipeline cache", log) if cache else None,
        )
        if found is not None
    ]
    if not candidates:
        log.append(
            "fetch-link-report: no earlier link report could be had: this run starts without "
            "history, so no address can be called broken before the next run"
        )
        return log
    earliest = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    best = max(candidates, key=lambda found: latest_check_time(found.records) or earliest)
    if best.origin != _origin(output, IN_PLACE):
        output.write_text(best.text, encoding="utf-8")
    log.append(
        f"fetch-link-report: previous link report from {best.origin}: "
        f"{len(best.records)} addresses, last checked {latest_check(best.records) or 'never'}"
    )
    return log


def _from_site(url: str | None, log: list[str]) -> Candidate | None:
    if not url:
        log.append("fetch-link-report: no published site to ask (CI_PAGES_URL is not set)")
        return None
    try:
        answer = fetch.get(url, timeout=30)
    except fetch.FetchError as error:
        log.append(f"fetch-link-report: the published report could not be fetched: {error}")
        return None
    if answer.status != 200:
        log.append(f"fetch-link-report: no published report at {url} (HTTP {answer.status})")
        return None
    return _candidate(f"the published site ({url})", answer.body.decode("utf-8", "replace"), log)


def _from_file(path: Path | None, origin: str, log: list[str]) -> Candidate | None:
    if path is None or not path.is_file():
        return None
    try:
        text = read_report_text(path)
    except ReportError as error:
        log.append(f"fetch-link-report: ignored, {error}")
        return None
    return _candidate(_origin(path, origin), text, log)


def _origin(path: Path, what: str) -> str:
    return f"{what} ({path})"


def _candidate(origin: str, text: str, log: list[str]) -> Candidate | None:
    try:
        return Candidate(origin, text, parse_report(text, origin))
    except ReportError as error:
        log.append(f"fetch-link-report: ignored, {error}")
        return None
