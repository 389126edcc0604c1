"""One HTTP GET for ``deepscopie add --from``: bounded in time and size, never to a non-public
address.

The address is checked as text first (``deepscopie.urls``, the one definition of an acceptable
address), then every TCP connection the request makes, redirects included, goes through the
project's guard (``deepscopie.net_guard``): only public addresses, or the networks of
``DEEPSCOPIE_ALLOW_NETWORKS`` (the tests allow their local servers).
"""

from __future__ import annotations

import os
import socket
import urllib.error
import urllib.request
from typing import Any

from deepscopie.net_guard import REFUSED, allowed_networks, direct_opener, guarded, url_refusal

DEFAULT_TIMEOUT = 10.0  # seconds; DEEPSCOPIE_FETCH_TIMEOUT changes it
MAX_BYTES = 4 * 1024 * 1024  # a metadata record or a page's head: far less than this
USER_AGENT = "deepscopie-add (metadata of one resource for a curated knowledge base)"


class FetchError(Exception):
    """The resource could not be read; the message says why, for the editor."""


def fetch(url: str, *, accept: str = "*/*", timeout: float | None = None) -> bytes:
    """The body of ``url`` (following redirects, each one checked); :class:`FetchError` if
    the address is refused, does not answer in time, or answers with an error."""
    refuse_non_public(url)
    timeout = timeout or float(os.environ.get("DEEPSCOPIE_FETCH_TIMEOUT") or DEFAULT_TIMEOUT)
    request = urllib.request.Request(url, headers={"Accept": accept, "User-Agent": USER_AGENT})
    opener = direct_opener(_CheckedRedirects())
    try:
        with guarded(), opener.open(request, timeout=timeout) as response:
            body: bytes = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        reason = "not found" if error.code in (404, 410) else "the server refused"
        raise FetchError(f"{reason} (HTTP {error.code})") from None
    except TimeoutError:
        raise FetchError(f"no answer within {timeout:g} s") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise FetchError(f"no answer within {timeout:g} s") from None
        raise FetchError(_reason(error.reason)) from None
    except OSError as error:
        raise FetchError(_reason(error)) from None
    if len(body) > MAX_BYTES:
        raise FetchError(f"the answer is larger than {MAX_BYTES // 1024 // 1024} MiB")
    return body


def refuse_non_public(url: str) -> None:
    """Raise :class:`FetchError` if ``url``'s text already says it must not be fetched."""
    refusal = url_refusal(url, allowed_networks())
    if refusal is not None:
        raise FetchError(refusal.removeprefix(f"{REFUSED}: "))


def _reason(error: object) -> str:
    text = str(error)
    if REFUSED in text:
        return text[text.index(REFUSED) :].removeprefix(f"{REFUSED}: ")
    if isinstance(error, socket.gaierror):
        return "unknown host"
    return f"cannot connect: {text}"


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is a new request: its target is checked like the first."""

    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        refuse_non_public(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)
