"""Small HTTP requests of the project's own (previous link report, redirect probes, code-host
APIs), each hop refused when it leads to a non-public address.

Contributors are untrusted: a URL in a merge request, a redirect or a DNS answer must never make
the CI runner connect to an internal address. Every request here goes through
:func:`refuse_non_public` before connecting, and redirects are followed by hand so that each hop
goes through it again. Networks listed in ``DEEPSCOPIE_ALLOW_NETWORKS`` (comma-separated, e.g.
``127.0.0.0/8`` for tests on local servers) are allowed.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit

USER_AGENT = "DeepScopie (link and maintenance checks of a knowledge base)"
MAX_BYTES = 16 * 1024 * 1024
MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class FetchError(OSError):
    """The request could not be made or was refused; the message says why."""


class RefusedAddress(FetchError):
    """The address (or one of its hops) is not public and not allowed."""


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


def allowed_networks() -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """The non-public networks a maintainer (or a test) allowed in DEEPSCOPIE_ALLOW_NETWORKS."""
    text = os.environ.get("DEEPSCOPIE_ALLOW_NETWORKS", "")
    try:
        return tuple(ipaddress.ip_network(part.strip()) for part in text.split(",") if part.strip())
    except ValueError as error:
        raise FetchError(f"DEEPSCOPIE_ALLOW_NETWORKS: {error}") from None


def refuse_non_public(url: str) -> None:
    """Raise :class:`RefusedAddress` unless every address ``url``'s host resolves to is public
    (or allowed)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RefusedAddress(f"{url}: only http(s) addresses are fetched")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (OSError, ValueError) as error:
        raise FetchError(f"{url}: cannot resolve {parts.hostname}: {error}") from None
    allowed = allowed_networks()
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not address.is_global and not any(address in network for network in allowed):
            raise RefusedAddress(f"{url}: {parts.hostname} is a non-public address ({address})")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # the caller follows, through the guard


_OPENER = urllib.request.build_opener(_NoRedirect)


def get(
    url: str,
    headers: Mapping[str, str] | None = None,
    timeout: float = 20.0,
    method: str = "GET",
) -> Answer:
    """One request, redirects not followed; any HTTP status is an answer, not an error."""
    refuse_non_public(url)
    request = urllib.request.Request(
        url, method=method, headers={"User-Agent": USER_AGENT, **(headers or {})}
    )
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return Answer(url, response.status, _headers(response.headers), _read(response))
    except urllib.error.HTTPError as error:
        with error:
            body = _read(error) if method != "HEAD" else b""
            return Answer(url, error.code, _headers(error.headers), body)
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(f"{url}: {reason}") from None


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


def _read(response: object) -> bytes:
    read = getattr(response, "read", None)
    if read is None:
        return b""
    body: bytes = read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        raise FetchError(f"answer larger than {MAX_BYTES} bytes")
    return body
