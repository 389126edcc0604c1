"""One HTTP GET for ``deepscopie add --from``: bounded in time and size, never to a non-public
address.

The request itself is the project's one guarded client (:mod:`deepscopie.fetch`: the address
checked as text, then every connection and every redirect hop checked by the network guard,
with ``DEEPSCOPIE_ALLOW_NETWORKS`` for the tests' local servers); this module only words its
failures for an editor.
"""

from __future__ import annotations

import os

from deepscopie import fetch as http
from deepscopie.net_guard import REFUSED

DEFAULT_TIMEOUT = 10.0  # seconds; DEEPSCOPIE_FETCH_TIMEOUT changes it
MAX_BYTES = 4 * 1024 * 1024  # a metadata record or a page's head: far less than this
USER_AGENT = "deepscopie-add (metadata of one resource for a curated knowledge base)"


class FetchError(Exception):
    """The resource could not be read; the message says why, for the editor."""


def fetch(url: str, *, accept: str = "*/*", timeout: float | None = None) -> bytes:
    """The body of ``url`` (following redirects, each one checked); :class:`FetchError` if
    the address is refused, does not answer in time, or answers with an error."""
    timeout = timeout or float(os.environ.get("DEEPSCOPIE_FETCH_TIMEOUT") or DEFAULT_TIMEOUT)
    headers = {"Accept": accept, "User-Agent": USER_AGENT}
    try:
        answer, _ = http.follow(url, headers, timeout)
    except http.FetchTimeout:
        raise FetchError(f"no answer within {timeout:g} s") from None
    except http.FetchError as error:
        raise FetchError(_reason(str(error))) from None
    if answer.status >= 400:
        reason = "not found" if answer.status in (404, 410) else "the server refused"
        raise FetchError(f"{reason} (HTTP {answer.status})")
    if len(answer.body) > MAX_BYTES:
        raise FetchError(f"the answer is larger than {MAX_BYTES // 1024 // 1024} MiB")
    return answer.body


def _reason(message: str) -> str:
    """The shared client's ``url: reason`` as the reason alone."""
    if REFUSED in message:
        return message[message.index(REFUSED) :].removeprefix(f"{REFUSED}: ")
    return message.split(": ", 1)[-1]
