"""Maintenance signals of code: for each resource whose address is a GitHub or GitLab repository
(or that names one in ``repository``), the host's public API says when it was last active,
whether it is archived, its latest release and its licence.

Results are kept in the link report (``repositories``), each with the time it was asked, and
asked again only once older than ``max_age``: the scheduled job makes a few calls a day, not
thousands. Without a token GitHub allows 60 calls an hour: a rate-limit answer (403 or 429 with
``X-RateLimit-Remaining: 0``, ``X-RateLimit-Reset``, ``Retry-After``) is waited for when it is
short, else that host is left for the next run, the cached results kept. ``GITHUB_TOKEN`` and
``GITLAB_TOKEN`` raise the limits when a maintainer sets them. Every call goes through the
non-public-address guard of :mod:`deepscopie.fetch`; the API addresses can be overridden
(``DEEPSCOPIE_GITHUB_API``, ``DEEPSCOPIE_GITLAB_API``) for tests against local servers.
"""

from __future__ import annotations

import datetime
import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

from deepscopie import fetch
from deepscopie.escaping import one_line
from deepscopie.knowledge_base import KnowledgeBase
from deepscopie.model import Resource

GITHUB_API = "https://api.github.com"
GITLAB_API = "https://gitlab.com/api/v4"
_NOT_REPOSITORY_PARTS = frozenset(
    {"orgs", "topics", "sponsors", "features", "marketplace", "settings", "collections"}
)


@dataclass(frozen=True)
class Repository:
    """A code repository: its host's kind, its address, and its path on the host."""

    kind: str  # "github" or "gitlab"
    url: str  # https://github.com/owner/name, the key in the report
    host: str
    path: str  # owner/name, or group/subgroup/project


@dataclass(frozen=True)
class RepositoryRecord:
    """What the host said of a repository, and when it was asked."""

    url: str
    checked_at: str
    found: bool = True
    archived: bool = False
    last_activity: str | None = None  # ISO 8601, the last push (GitHub) or activity (GitLab)
    release: str | None = None
    release_date: str | None = None
    licence: str | None = None
    message: str = ""

    def __post_init__(self) -> None:
        # An API answer (a self-hosted host named in the data answers what its owner wants)
        # or a report read back: only well-typed values are kept, so that nothing downstream
        # (the report, the site's badges) meets a date that is not one.
        for name in ("last_activity", "release_date"):
            if not _is_timestamp(getattr(self, name)):
                object.__setattr__(self, name, None)
        # One line of text each: a host's line breaks would start blocks of Markdown.
        for name in ("release", "licence"):
            value = getattr(self, name)
            object.__setattr__(
                self, name, (one_line(value) or None) if isinstance(value, str) else None
            )
        object.__setattr__(self, "message", one_line(str(self.message or "")))
        object.__setattr__(self, "archived", self.archived is True)
        object.__setattr__(self, "found", self.found is not False)

    def to_json(self) -> dict[str, Any]:
        """The record as stored in the report."""
        return asdict(self)

    @classmethod
    def from_json(cls, item: Mapping[str, Any]) -> RepositoryRecord:
        """A record read back from the report (unknown keys ignored)."""
        names = set(cls.__dataclass_fields__)
        return cls(**{key: value for key, value in item.items() if key in names})

    def checked(self) -> datetime.datetime:
        """When it was asked."""
        return datetime.datetime.fromisoformat(self.checked_at)


class RateLimited(fetch.FetchError):
    """The host asked to wait longer than a run waits; ``until`` says till when."""

    def __init__(self, message: str, until: datetime.datetime | None) -> None:
        super().__init__(message)
        self.until = until


def repository_of(address: str) -> Repository | None:
    """The repository ``address`` is the home of, or None (a page inside one, a user, a file)."""
    parts = urlsplit(address)
    host = (parts.hostname or "").lower().removeprefix("www.")
    segments = [segment for segment in parts.path.split("/") if segment]
    if host == "github.com":
        if len(segments) != 2 or segments[0] in _NOT_REPOSITORY_PARTS:
            return None
        owner, name = segments[0], segments[1].removesuffix(".git")
        return Repository("github", f"https://github.com/{owner}/{name}", host, f"{owner}/{name}")
    if host == "gitlab.com" or host.startswith("gitlab."):
        if "-" in segments or len(segments) < 2:  # /-/ starts a page inside the project
            return None
        path = "/".join([*segments[:-1], segments[-1].removesuffix(".git")])
        return Repository("gitlab", f"https://{host}/{path}", host, path)
    return None


def resource_repository(resource: Resource) -> Repository | None:
    """A resource's repository: its ``repository``, else its address when that is a
    repository's home."""
    for address in (resource.repository, resource.url):
        repository = repository_of(address) if address else None
        if repository is not None:
            return repository
    return None


def repositories_of(base: KnowledgeBase) -> dict[str, Repository]:
    """Every repository of the data, by its address."""
    found: dict[str, Repository] = {}
    for resource in base.resources:
        repository = resource_repository(resource)
        if repository is not None:
            found.setdefault(repository.url, repository)
    return found


RECENT, INACTIVE, ARCHIVED = "recent", "inactive", "archived"


def activity_state(record: RepositoryRecord, inactive_after_days: int) -> str | None:
    """``archived``, ``inactive`` (no activity for longer than the threshold when the host was
    asked) or ``recent``; None when the host said nothing of its activity."""
    last = last_activity_day(record)
    if last is None:
        return None
    if record.archived:
        return ARCHIVED
    if (record.checked().date() - last).days > inactive_after_days:
        return INACTIVE
    return RECENT


def last_activity_day(record: RepositoryRecord) -> datetime.date | None:
    """The day of the repository's last activity, when the host gave it."""
    if not record.found or not record.last_activity:
        return None
    return iso_day(record.last_activity)


def iso_day(stamp: str) -> datetime.date:
    """The day of an API's ISO 8601 time (``2026-10-01T10:00:00Z``)."""
    return datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00")).date()


@dataclass
class Apis:
    """Where each host's API is, the tokens to send, and how long a run waits for a limit."""

    github: str = field(default_factory=lambda: os.environ.get("DEEPSCOPIE_GITHUB_API", GITHUB_API))
    gitlab: str = field(default_factory=lambda: os.environ.get("DEEPSCOPIE_GITLAB_API", GITLAB_API))
    github_token: str | None = field(default_factory=lambda: os.environ.get("GITHUB_TOKEN"))
    gitlab_token: str | None = field(default_factory=lambda: os.environ.get("GITLAB_TOKEN"))
    max_wait: float = 60.0  # seconds a run waits for a rate limit; longer: left for next run
    timeout: float = 20.0
    sleep: Callable[[float], None] = time.sleep


def check_repositories(
    repositories: Sequence[Repository],
    cached: Mapping[str, RepositoryRecord],
    now: datetime.datetime,
    max_age: datetime.timedelta,
    apis: Apis,
) -> tuple[dict[str, RepositoryRecord], list[str]]:
    """Fresh records for the repositories whose cached one is older than ``max_age`` (the
    others kept); and the log lines (what was asked, what was left for the next run)."""
    records: dict[str, RepositoryRecord] = {}
    log: list[str] = []
    limited: dict[str, datetime.datetime | None] = {}
    asked = 0
    for repository in repositories:
        before = cached.get(repository.url)
        if before is not None and now - before.checked() < max_age:
            records[repository.url] = before
            continue
        if repository.host in limited:
            if before is not None:
                records[repository.url] = before
            continue
        try:
            records[repository.url] = _ask(repository, now, apis)
            asked += 1
        except (RateLimited, fetch.RefusedAddress) as error:
            # Either way the host's API will not answer this run: it is not asked again.
            limited[repository.host] = getattr(error, "until", None)
            log.append(f"check-repos: {error}")
            if before is not None:
                records[repository.url] = before
        except fetch.FetchError as error:
            log.append(f"check-repos: {repository.url}: {error}")
            if before is not None:
                records[repository.url] = before
    left = [r for r in repositories if r.host in limited and r.url not in records]
    stale = sum(
        1 for r in repositories if r.host in limited and r.url in records and
        now - records[r.url].checked() >= max_age
    )  # fmt: skip
    if limited:
        log.append(
            f"check-repos: API not asked further; {len(left)} never asked and {stale} kept from "
            "earlier runs, asked again next run (a GITHUB_TOKEN / GITLAB_TOKEN raises the limit)"
        )
    log.append(f"check-repos: {asked} asked, {len(records) - asked} from earlier runs")
    return records, log


def _ask(repository: Repository, now: datetime.datetime, apis: Apis) -> RepositoryRecord:
    stamp = now.isoformat(timespec="seconds")
    if repository.kind == "github":
        headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
        if apis.github_token:
            headers["Authorization"] = f"Bearer {apis.github_token}"
        base = f"{apis.github.rstrip('/')}/repos/{repository.path}"
        status, data = _get_json(base, headers, apis)
        if status == 404:
            return RepositoryRecord(repository.url, stamp, found=False, message="not found (404)")
        _expect_ok(status, base)
        data = _object(data)
        release_status, release = _get_json(f"{base}/releases/latest", headers, apis)
        has_release = release_status == 200 and isinstance(release, dict)
        licence = _object(data.get("license"))
        return RepositoryRecord(
            repository.url,
            stamp,
            archived=bool(data.get("archived")),
            last_activity=data.get("pushed_at"),
            release=(release.get("tag_name") or release.get("name")) if has_release else None,
            release_date=release.get("published_at") if has_release else None,
            licence=_licence(licence.get("spdx_id"), licence.get("name")),
        )
    own_api = repository.host == "gitlab.com"
    api = apis.gitlab if own_api else f"https://{repository.host}/api/v4"
    # The maintainers' token is for gitlab.com's API: a self-hosted "gitlab.*" host named in
    # the data (by any contributor) is asked without it, or it would receive the secret.
    headers = {"PRIVATE-TOKEN": apis.gitlab_token} if apis.gitlab_token and own_api else {}
    base = f"{api.rstrip('/')}/projects/{quote(repository.path, safe='')}"
    status, data = _get_json(f"{base}?license=true", headers, apis)
    if status == 404:
        return RepositoryRecord(repository.url, stamp, found=False, message="not found (404)")
    _expect_ok(status, base)
    release_status, releases = _get_json(f"{base}/releases?per_page=1", headers, apis)
    latest = _object(
        releases[0] if release_status == 200 and isinstance(releases, list) and releases else {}
    )
    data = _object(data)
    licence = _object(data.get("license"))
    return RepositoryRecord(
        repository.url,
        stamp,
        archived=bool(data.get("archived")),
        last_activity=data.get("last_activity_at"),
        release=latest.get("tag_name") or latest.get("name"),
        release_date=latest.get("released_at"),
        licence=_licence(str(licence.get("key") or "").upper() or None, licence.get("name")),
    )


def _is_timestamp(value: object) -> bool:
    """True for an ISO 8601 date or time, as the APIs write them (``2026-01-01T00:00:00Z``)."""
    if not isinstance(value, str):
        return False
    try:
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _object(value: object) -> dict[str, Any]:
    """A JSON object of an answer, or an empty one when the host answered something else."""
    return value if isinstance(value, dict) else {}


def _licence(identifier: object, name: object) -> str | None:
    if isinstance(identifier, str) and identifier and identifier not in ("NOASSERTION", "OTHER"):
        return identifier
    return name if isinstance(name, str) and name and name != "Other" else None


def _expect_ok(status: int, url: str) -> None:
    if status != 200:
        raise fetch.FetchError(f"{url}: HTTP {status}")


def _get_json(url: str, headers: Mapping[str, str], apis: Apis) -> tuple[int, Any]:
    """One call, waiting once for a short rate limit; :class:`RateLimited` for a long one."""
    for attempt in range(2):
        answer = fetch.get(url, headers=headers, timeout=apis.timeout)
        wait = _rate_limit_wait(answer)
        if wait is None:
            if answer.status != 200:
                return answer.status, None
            return 200, fetch.json_answer(answer.body, url)
        until = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=wait)
        host = urlsplit(url).netloc
        if wait > apis.max_wait or attempt:
            raise RateLimited(
                f"{host} rate limit: it asks to wait until {until.isoformat(timespec='seconds')}",
                until,
            )
        apis.sleep(wait)
    raise AssertionError("unreachable")


# A rate limit whose end cannot be read from its headers: a minute, as GitHub's docs advise.
_UNREADABLE_LIMIT = 60.0


def _rate_limit_wait(answer: fetch.Answer) -> float | None:
    """Seconds the host asks to wait, or None when the answer is not a rate limit."""
    if answer.status not in (403, 429):
        return None
    retry_after = answer.header("retry-after")
    if retry_after:
        asked = fetch.retry_after_seconds(retry_after)
        return _UNREADABLE_LIMIT if asked is None else asked
    remaining = answer.header("x-ratelimit-remaining") or answer.header("ratelimit-remaining")
    reset = answer.header("x-ratelimit-reset") or answer.header("ratelimit-reset")
    if remaining == "0" or (answer.status == 429 and reset):
        until = fetch.reset_in_seconds(reset, time.time()) if reset else None
        return _UNREADABLE_LIMIT if until is None else until + 1.0
    return None  # a 403 that is not a limit: the repository is private or blocked
