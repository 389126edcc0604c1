"""Small HTTP requests of the project's own (previous link report, redirect probes, code-host
APIs), each hop refused when it leads to a non-public address.

Contributors are untrusted: a URL in a merge request, a redirect or a DNS answer must never make
the CI runner connect to an internal address. Every request here is checked by its text first,
then made inside :func:`deepscopie.net_guard.guarded`, which checks the address each connection
is actually made to; redirects are followed by hand so that each hop goes through both again.
Networks listed in ``DEEPSCOPIE_ALLOW_NETWORKS`` (e.g. ``127.0.0.0/8`` for tests on local
servers) are allowed.
"""

from __future__ import annotations

import datetime
import email.utils
import http.client
import json
import re
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import Message
from typing import Any
from urllib.parse import urljoin

from deepscopie.net_guard import (
    ALLOW_VARIABLE,
    REFUSED,
    AllowlistError,
    allowed_networks,
    direct_opener,
    guarded,
    url_refusal,
)
from deepscopie.net_guard import RefusedAddress as GuardRefusal

USER_AGENT = "DeepScopie (link and maintenance checks of a knowledge base)"
MAX_BYTES = 16 * 1024 * 1024
_PIECE = 64 * 1024
# A whole answer may take this many times the timeout of one read (a slow but honest server).
ANSWER_TIMEOUTS = 3
MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class FetchError(OSError):
    """The request could not be made or was refused; the message says why."""


class RefusedAddress(FetchError):
    """The address (or one of its hops) is not public and not allowed."""


class FetchTimeout(FetchError):
    """The server did not answer within the time given."""


@dataclass(frozen=True)
class Answer:
    """A server's answer: status, headers (lower-case names), body, and the address asked."""

    url: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""

    def header(self, name: str) -> str | None:
        """The header ``name`` (any case), or None."""
        return self.headers.get(name.lower())


def refusal(url: str) -> str | None:
    """Why ``url`` must not be fetched, from its text (scheme, host, port…), or None."""
    try:
        return url_refusal(url, allowed_networks())
    except AllowlistError as error:
        raise FetchError(f"{ALLOW_VARIABLE}: {error}") from None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # the caller follows, through the guard


_OPENER = direct_opener(_NoRedirect())


def get(
    url: str,
    headers: Mapping[str, str] | None = None,
    timeout: float = 20.0,
    method: str = "GET",
) -> Answer:
    """One request, redirects not followed; any HTTP status is an answer, not an error.

    Refused (:class:`RefusedAddress`) when the address, or the one its host resolves to at
    connection time, is not public (issue 11's guard, which checks the connection itself)."""
    refused = refusal(url)
    if refused is not None:
        raise RefusedAddress(f"{url}: {refused}")
    request = urllib.request.Request(
        url, method=method, headers={"User-Agent": USER_AGENT, **(headers or {})}
    )
    deadline = time.monotonic() + ANSWER_TIMEOUTS * timeout
    try:
        with guarded(), _OPENER.open(request, timeout=timeout) as response:
            body = _read(response, deadline)
            return Answer(url, response.status, _headers(response.headers), body)
    except urllib.error.HTTPError as error:
        with error:
            try:
                body = _read(error, deadline) if method != "HEAD" else b""
            except (http.client.HTTPException, OSError):
                body = b""  # a body cut short: the status is the answer
            return Answer(url, error.code, _headers(error.headers), body)
    except http.client.HTTPException as error:
        # A status line, a header or a body that breaks HTTP (a hostile or broken server):
        # named by its kind, never by the server's own text.
        raise FetchError(f"{url}: not a valid HTTP answer ({type(error).__name__})") from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, GuardRefusal) or REFUSED in str(reason):
            raise RefusedAddress(f"{url}: {reason}") from None
        if isinstance(reason, TimeoutError):
            raise FetchTimeout(f"{url}: no answer within {timeout:g} s") from None
        if isinstance(reason, socket.gaierror):
            raise FetchError(f"{url}: unknown host") from None
        raise FetchError(f"{url}: cannot connect: {reason}") from None


def json_answer(body: bytes | str, url: str) -> Any:
    """The JSON a server answered; :class:`FetchError` when it is not JSON, or nests deeper
    than Python reads (a hostile server's "[[[[…" is a RecursionError, not a ValueError)."""
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        raise FetchError(f"{url}: the answer is not JSON") from None


# The longest wait a server's rate limit is read as: its header may hold any number.
LONGEST_WAIT = 86_400.0
_SECONDS = re.compile(r"[0-9]{1,12}")


def retry_after_seconds(value: str, now: datetime.datetime | None = None) -> float | None:
    """The seconds a ``Retry-After`` header asks to wait (a number of seconds or an HTTP
    date), at most :data:`LONGEST_WAIT`; None when it is neither (a server's header is
    untrusted text: "soon", a superscript digit, a number of 5,000 digits)."""
    text = value.strip()
    if text.isascii() and text.isdigit():
        return min(float(text), LONGEST_WAIT) if _SECONDS.fullmatch(text) else LONGEST_WAIT
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000": a time in UTC, the zone unsaid
        when = when.replace(tzinfo=datetime.UTC)
    now = now or datetime.datetime.now(datetime.UTC)
    return min(max(0.0, (when - now).total_seconds()), LONGEST_WAIT)


def reset_in_seconds(value: str, now: float) -> float | None:
    """The seconds until ``X-RateLimit-Reset`` (a Unix time), at most :data:`LONGEST_WAIT`;
    None when it is not a number of seconds."""
    text = value.strip()
    if not (text.isascii() and text.isdigit()):
        return None
    if not _SECONDS.fullmatch(text):
        return LONGEST_WAIT
    return min(max(0.0, float(text) - now), LONGEST_WAIT)


def follow(
    url: str, headers: Mapping[str, str] | None = None, timeout: float = 20.0
) -> tuple[Answer, list[Answer]]:
    """The final answer after redirects, and each redirect on the way, every hop guarded."""
    hops: list[Answer] = []
    answer = get(url, headers, timeout)
    while answer.status in REDIRECT_STATUSES and answer.header("location"):
        if len(hops) == MAX_REDIRECTS:
            raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
        hops.append(answer)
        answer = get(urljoin(answer.url, answer.header("location") or ""), headers, timeout)
    return answer, hops


def _headers(message: Message) -> dict[str, str]:
    return {name.lower(): value for name, value in message.items()}


def _read(response: object, deadline: float) -> bytes:
    """The body, up to :data:`MAX_BYTES`, read by the piece it arrives in: a server that sends
    it a byte at a time, each within the read timeout, is stopped at ``deadline`` (a
    TimeoutError, said as no answer in time)."""
    read = getattr(response, "read1", None) or getattr(response, "read", None)
    if read is None:
        return b""
    chunks: list[bytes] = []
    size = 0
    while chunk := read(_PIECE):
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchError(f"answer larger than {MAX_BYTES} bytes")
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise TimeoutError("the answer came too slowly")
    return b"".join(chunks)
