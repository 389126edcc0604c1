"""What a LinkChecker answer means for a reader: the class of a URL.

| class | meaning |
| --- | --- |
| ok | the page answered |
| redirected | it answered after redirects: the data should point at ``final_url`` |
| broken | 404/410, unknown host, refused connection, bad TLS certificate, redirect loop |
| blocked | the site refuses automated clients (403, 999, robots.txt): unverifiable, not dead |
| rate-limited | 429 Too Many Requests, even after waiting as asked |
| timeout | no answer in time, even after retries |
| server-error | 5xx, even after retries |
| ignored | listed in data/link-ignore.yaml, with its reason |
| refused-address | the URL or a redirect leads to a non-public address: nothing was fetched |
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from deepscopie.escaping import one_line
from deepscopie.fetch import retry_after_seconds
from deepscopie.links.linkchecker_output import CheckedRow
from deepscopie.net_guard import REFUSED
from deepscopie.urls import is_resolver_address, without_credentials

OK, REDIRECTED, BROKEN, BLOCKED = "ok", "redirected", "broken", "blocked"
RATE_LIMITED, TIMEOUT, SERVER_ERROR, IGNORED = "rate-limited", "timeout", "server-error", "ignored"
REFUSED_ADDRESS = REFUSED
CLASSES = (
    OK, REDIRECTED, BROKEN, BLOCKED, RATE_LIMITED, TIMEOUT, SERVER_ERROR, IGNORED, REFUSED_ADDRESS
)  # fmt: skip
# Worth asking again in the same run, after a pause.
TRANSIENT = frozenset({RATE_LIMITED, TIMEOUT, SERVER_ERROR})
# Count towards "broken since": a link is called broken after enough of these in a row.
FAILING = frozenset({BROKEN, TIMEOUT, SERVER_ERROR})

_STATUS = re.compile(r"^(\d{3})\b")
_REFUSED = re.compile(rf"{REFUSED}: [^\n'\")]*")
_REDIRECT = re.compile(r"Redirected to `([^']+)'")
# LinkChecker's warning: "Rate limited (Retry-After: <the header as the server sent it>)".
_RETRY_AFTER = re.compile(r"Retry-After: ([^)\n]*)\)")
_BLOCKING_STATUSES = frozenset({401, 403, 999})
_CAUSES = (
    ("Access denied by robots.txt", BLOCKED, "robots.txt disallows automated checks"),
    ("TooManyRedirects", BROKEN, "redirect loop"),
    ("SSLError", BROKEN, "bad TLS certificate"),
    ("CERTIFICATE_VERIFY_FAILED", BROKEN, "bad TLS certificate"),
    ("NameResolutionError", BROKEN, "unknown host (DNS)"),
    ("Failed to resolve", BROKEN, "unknown host (DNS)"),
    ("Name or service not known", BROKEN, "unknown host (DNS)"),
    ("Connection refused", BROKEN, "connection refused"),
    ("[Errno 111]", BROKEN, "connection refused"),
    ("Timeout", TIMEOUT, "no answer in time"),
    ("timed out", TIMEOUT, "no answer in time"),
    ("RemoteDisconnected", SERVER_ERROR, "connection closed by the server"),
    ("Connection reset", SERVER_ERROR, "connection reset by the server"),
    ("ConnectionError", BROKEN, "cannot connect"),
    ("URL is unrecognized or has invalid syntax", BROKEN, "invalid address"),
)


@dataclass(frozen=True)
class Verdict:
    """The class of one URL and what supports it."""

    url: str
    klass: str
    status: int | None
    final_url: str | None
    message: str
    retry_after: int | None = None


def classify(row: CheckedRow) -> Verdict:
    """The class of the URL LinkChecker reported in ``row``."""
    text = f"{row.info}\n{row.result}"
    refused = _REFUSED.search(text)
    if refused:  # the guard stopped a connection: before any byte was sent
        return Verdict(row.url, REFUSED_ADDRESS, None, None, refused.group(0))
    status_match = _STATUS.match(row.result)
    status = int(status_match.group(1)) if status_match else None
    if "Access denied by robots.txt" in row.info:
        # LinkChecker calls these valid after checking only their syntax: they are not verified.
        return Verdict(row.url, BLOCKED, None, None, "robots.txt disallows automated checks")
    if status is not None:
        return _by_status(row, status)
    for needle, klass, message in _CAUSES:
        if needle in text:
            return Verdict(row.url, klass, None, None, message)
    return Verdict(row.url, BROKEN, None, None, one_line(row.result)[:200] or "no answer")


def _by_status(row: CheckedRow, status: int) -> Verdict:
    reason = one_line(row.result)  # the server's reason phrase: any text, even line breaks
    if 200 <= status < 300:
        hops = _REDIRECT.findall(row.warnings)
        if hops and not is_resolver_address(row.url):
            final = without_credentials(hops[-1])
            return Verdict(row.url, REDIRECTED, status, final, f"redirected to {final}")
        return Verdict(row.url, OK, status, None, reason)
    if status == 429:
        wait = _RETRY_AFTER.search(row.warnings)
        asked = retry_after_seconds(wait.group(1)) if wait else None
        seconds = None if asked is None else int(asked)
        return Verdict(row.url, RATE_LIMITED, status, None, reason, retry_after=seconds)
    if status in _BLOCKING_STATUSES:
        return Verdict(
            row.url, BLOCKED, status, None, f"{reason}: the site refuses automated clients"
        )
    if status >= 500:
        return Verdict(row.url, SERVER_ERROR, status, None, reason)
    return Verdict(row.url, BROKEN, status, None, reason)
