"""One HTTP GET for ``deepscopie add --from``: bounded in time and size, never to a private
address.

Every request (and every redirect it follows) first goes through :func:`refuse_non_public`:
an address that resolves to localhost, a private or link-local network is refused unless it
is in ``DEEPSCOPIE_ALLOW_NETWORKS`` (comma-separated CIDR blocks; the tests allow
127.0.0.0/8 for their local servers).
"""

from __future__ import annotations

import ipaddress
import os
import socket
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

DEFAULT_TIMEOUT = 10.0  # seconds; DEEPSCOPIE_FETCH_TIMEOUT changes it
MAX_BYTES = 4 * 1024 * 1024  # a metadata record or a page's head: far less than this
USER_AGENT = "deepscopie-add (+https://gitlab.com/; metadata of one resource)"


class FetchError(Exception):
    """The resource could not be read; the message says why, for the editor."""


def fetch(url: str, *, accept: str = "*/*", timeout: float | None = None) -> bytes:
    """The body of ``url`` (following redirects, each one checked); :class:`FetchError` if
    the address is refused, does not answer in time, or answers with an error."""
    refuse_non_public(url)
    timeout = timeout or float(os.environ.get("DEEPSCOPIE_FETCH_TIMEOUT") or DEFAULT_TIMEOUT)
    request = urllib.request.Request(url, headers={"Accept": accept, "User-Agent": USER_AGENT})
    opener = urllib.request.build_opener(_CheckedRedirects())
    try:
        with opener.open(request, timeout=timeout) as response:
            body: bytes = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        reason = "not found" if error.code in (404, 410) else "the server refused"
        raise FetchError(f"{reason} (HTTP {error.code})") from None
    except TimeoutError:
        raise FetchError(f"no answer within {timeout:g} s") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"no answer within {timeout:g} s") from None
        if isinstance(error.reason, FetchError):
            raise error.reason from None
        raise FetchError(f"cannot connect: {error.reason}") from None
    except (OSError, ValueError) as error:
        raise FetchError(f"cannot read: {error}") from None
    if len(body) > MAX_BYTES:
        raise FetchError(f"the answer is larger than {MAX_BYTES // 1024 // 1024} MiB")
    return body


def refuse_non_public(url: str) -> None:
    """Raise :class:`FetchError` unless every address ``url``'s host resolves to is public
    (or allowed by ``DEEPSCOPIE_ALLOW_NETWORKS``)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not a web address: {url}")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as error:
        raise FetchError(f"unknown host {parts.hostname} ({error})") from None
    allowed = _allowed_networks()
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global and not any(address in network for network in allowed):
            raise FetchError(
                f"{parts.hostname} is a local or private address ({address}): not fetched "
                "(DEEPSCOPIE_ALLOW_NETWORKS allows a network)"
            )


def _allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    text = os.environ.get("DEEPSCOPIE_ALLOW_NETWORKS", "")
    return [ipaddress.ip_network(part.strip(), strict=False) for part in text.split(",") if part]


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is a new request: its target is checked like the first."""

    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        refuse_non_public(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)
