"""The link report: one record per URL, carried over from run to run.

The JSON file is an object: its format and version, ``links`` (one object per URL, sorted by
URL) and ``repositories`` (the maintenance signals of code, :mod:`repositories`). A file of an
earlier version, a bare list of links, is read too. A link reads::

    {"url": "https://…", "class": "broken", "status": 404, "final_url": null,
     "message": "404 Not Found", "checked_at": "2026-11-22T03:50:00+00:00",
     "first_failure": "2026-11-21T03:50:00+00:00", "consecutive_failures": 2,
     "sources": ["resource:cellpose"], "redirect_status": null, "permanent_url": null,
     "redirect_runs": 0}

A redirected address also has the status of its first hop (``redirect_status``), the address
its permanent hops lead to (``permanent_url``) and the runs in a row that was seen
(``redirect_runs``): ``check-links --fix-redirects`` rewrites it after two.

A URL is called broken only once it failed ``threshold`` runs in a row: ``first_failure`` says
since when. A record younger than the freshness window is reused instead of fetched again.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from deepscopie.links.classify import FAILING, Verdict
from deepscopie.regular_files import read_regular


@dataclass(frozen=True)
class RedirectProbe:
    """What a redirected address answers when asked without following: the first hop's status,
    and the address reached through permanent hops (301/308) only, if any."""

    first_status: int | None
    permanent_url: str | None
    # False when the address could not be asked (a timeout, a reset): that says nothing about
    # its redirect, so the history of its redirect is kept rather than started again.
    answered: bool = True


class ReportError(ValueError):
    """The report file cannot be read; the message says where."""


@dataclass(frozen=True)
class LinkRecord:
    """What is known of one URL after the latest run."""

    url: str
    klass: str
    status: int | None
    final_url: str | None
    message: str
    checked_at: str
    first_failure: str | None
    consecutive_failures: int
    sources: tuple[str, ...] = ()
    # Redirects: the status of the first hop (301/308 permanent, 302/303/307 temporary), the
    # address reached through permanent hops only, and how many runs in a row it was the same.
    redirect_status: int | None = None
    permanent_url: str | None = None
    redirect_runs: int = 0

    def is_broken(self, threshold: int) -> bool:
        """Failed ``threshold`` runs in a row (one failure may be a passing hiccup)."""
        return self.consecutive_failures >= threshold

    def checked(self) -> datetime.datetime:
        """When it was last fetched."""
        return datetime.datetime.fromisoformat(self.checked_at)

    def to_json(self) -> dict[str, Any]:
        """The record as stored, with ``class`` for its class."""
        data = asdict(self)
        data["class"] = data.pop("klass")
        data["sources"] = list(self.sources)
        return data


REPORT_FORMAT = {"format": "deepscopie-link-report", "version": 2}


# A report of 10,000 addresses takes a few megabytes.
MAX_REPORT_BYTES = 256 * 1024 * 1024


def read_report_text(path: Path) -> str:
    """The text of the report at ``path``; a :class:`ReportError` that says why when it
    cannot be one (a folder, a link, a pipe; too large; not UTF-8), rather than a crash."""
    try:
        raw = read_regular(path, MAX_REPORT_BYTES)
    except OSError as error:
        raise ReportError(f"{path}: cannot be read ({error.strerror or error})") from None
    if len(raw) > MAX_REPORT_BYTES:
        raise ReportError(f"{path}: larger than {MAX_REPORT_BYTES // 1024 // 1024} MiB")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReportError(f"{path}: not UTF-8 text (byte {error.start})") from None


def load_report(path: Path) -> dict[str, LinkRecord]:
    """The previous report, by URL (empty when there is none yet)."""
    if not path.exists():
        return {}
    return parse_report(read_report_text(path), str(path))


def parse_report(text: str, where: str) -> dict[str, LinkRecord]:
    """The records of a report's text; ``where`` names it in errors."""
    document = parse_document(text, where)
    try:
        return {item["url"]: _record(item) for item in document["links"]}
    # OverflowError: a count written 1e400, which JSON reads as infinity.
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as error:
        raise ReportError(f"{where}: not a link report ({error})") from None


def parse_document(text: str, where: str) -> dict[str, Any]:
    """The report's sections (``links``, ``repositories``…), from either version of it."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportError(
            f"{where}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}"
        ) from None
    except RecursionError:  # "[[[[…": nested deeper than Python reads
        raise ReportError(f"{where}: not valid JSON: nested too deeply") from None
    if isinstance(document, list):
        return {"links": document, "repositories": []}
    if not isinstance(document, dict) or not isinstance(document.get("links"), list):
        raise ReportError(f"{where}: not a link report (no list of links)")
    if not isinstance(document.get("repositories", []), list):
        raise ReportError(f"{where}: not a link report (repositories is not a list)")
    return {"repositories": [], **document}


def load_section(path: Path, name: str) -> list[Any]:
    """One section of the report at ``path`` (empty when there is no report yet)."""
    if not path.exists():
        return []
    section: list[Any] = parse_document(read_report_text(path), str(path))[name]
    return section


def save_section(path: Path, name: str, items: list[Any]) -> None:
    """Write one section of the report, keeping the others as they are."""
    document = (
        parse_document(read_report_text(path), str(path))
        if path.exists()
        else {"links": [], "repositories": []}
    )
    document = {**document, **REPORT_FORMAT, name: items}
    ordered = {key: document[key] for key in ("format", "version", "links", "repositories")}
    ordered.update(document)
    path.write_text(json.dumps(ordered, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def latest_check(records: Mapping[str, LinkRecord]) -> str | None:
    """When the most recent of ``records`` was checked (ISO 8601), or None when empty."""
    latest = latest_check_time(records)
    return latest.isoformat() if latest else None


def latest_check_time(records: Mapping[str, LinkRecord]) -> datetime.datetime | None:
    """When the most recent of ``records`` was checked, compared as times: as texts,
    "20260101T000000+0000" (ISO 8601 too) came after "2026-12-02T03:00:00+00:00"."""
    return max((record.checked() for record in records.values()), default=None)


def save_report(path: Path, records: Mapping[str, LinkRecord]) -> None:
    """Write the report, sorted by URL, so that its diffs are readable."""
    save_section(path, "links", [records[url].to_json() for url in sorted(records)])


def fresh_urls(
    previous: Mapping[str, LinkRecord], now: datetime.datetime, max_age: datetime.timedelta
) -> set[str]:
    """URLs checked recently enough to reuse their result."""
    return {url for url, record in previous.items() if now - record.checked() < max_age}


def merge(
    previous: Mapping[str, LinkRecord],
    verdicts: Mapping[str, Verdict],
    sources: Mapping[str, tuple[str, ...]],
    now: datetime.datetime,
    redirects: Mapping[str, RedirectProbe] | None = None,
) -> dict[str, LinkRecord]:
    """Records after this run: new verdicts (and the redirects probed) update their URL's
    history; others are kept."""
    redirects = redirects or {}
    records = dict(previous)
    stamp = now.isoformat(timespec="seconds")
    for url, verdict in verdicts.items():
        before = previous.get(url)
        streak = before.consecutive_failures if before is not None else 0
        if verdict.klass in FAILING:
            first_failure = before.first_failure if before is not None and streak else stamp
            consecutive = streak + 1
        else:
            first_failure, consecutive = None, 0
        probe = redirects.get(url, RedirectProbe(None, None))
        if not probe.answered and before is not None:
            probe = RedirectProbe(before.redirect_status, before.permanent_url)
            runs = before.redirect_runs  # not seen this time, nor disproved
        else:
            seen_before = before is not None and before.permanent_url == probe.permanent_url
            runs = (before.redirect_runs if before is not None and seen_before else 0) + 1
        records[url] = LinkRecord(
            url=url,
            klass=verdict.klass,
            status=verdict.status,
            final_url=verdict.final_url,
            message=verdict.message,
            checked_at=stamp,
            first_failure=first_failure,
            consecutive_failures=consecutive,
            sources=sources.get(url, before.sources if before is not None else ()),
            redirect_status=probe.first_status,
            permanent_url=probe.permanent_url,
            redirect_runs=runs if probe.permanent_url else 0,
        )
    for url in list(records):
        if url in sources and records[url].sources != sources[url]:
            records[url] = _with_sources(records[url], sources[url])
    return records


def _with_sources(record: LinkRecord, sources: tuple[str, ...]) -> LinkRecord:
    data = asdict(record)
    data["sources"] = sources
    return LinkRecord(**data)


# How far ahead of this machine's clock a report's time may be (another machine's clock).
_CLOCK_TOLERANCE = datetime.timedelta(days=1)


def _moment(value: object, name: str) -> str:
    """A time of the report (ISO 8601, with its zone), checked: a date that is not one
    crashed the build, and one in the future ("9999-12-31") kept its addresses "fresh", never
    checked again."""
    try:
        moment = datetime.datetime.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{name} {value!r} is not a date and time (ISO 8601)") from None
    if moment.tzinfo is None:
        raise ValueError(f"{name} {value!r} has no time zone")
    if moment > datetime.datetime.now(datetime.UTC) + _CLOCK_TOLERANCE:
        raise ValueError(f"{name} {value!r} is in the future")
    return str(value)


def _record(item: dict[str, Any]) -> LinkRecord:
    first_failure = item.get("first_failure")
    return LinkRecord(
        url=str(item["url"]),
        klass=str(item["class"]),
        status=item.get("status"),
        final_url=item.get("final_url"),
        message=str(item.get("message", "")),
        checked_at=_moment(item["checked_at"], "checked_at"),
        first_failure=None if first_failure is None else _moment(first_failure, "first_failure"),
        consecutive_failures=int(item.get("consecutive_failures", 0)),
        sources=tuple(item.get("sources", ())),
        redirect_status=item.get("redirect_status"),
        permanent_url=item.get("permanent_url"),
        redirect_runs=int(item.get("redirect_runs", 0)),
    )
