"""What makes an address acceptable in the data, and when two addresses are the same."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

ALLOWED_SCHEMES = frozenset({"http", "https"})

# Query parameters that only say where a click came from; they never change the page.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
        "urp",
        "psc",
        "content-id",
        "ref_",
        "ref_src",
    }
)
TRACKING_PREFIXES = ("utm_", "pd_rd_", "pf_rd_")

_WHITESPACE = re.compile(r"\s")
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa")


def url_problems(url: str) -> list[tuple[str, str]]:
    """Why ``url`` cannot be published, as ``(message, rule)`` pairs; empty when fine."""
    if _WHITESPACE.search(url):
        return [("the address contains a space: remove it", "url-invalid")]
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError as error:
        return [(f"the address cannot be read: {error}", "url-invalid")]
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        scheme = parts.scheme or "none"
        return [(f"scheme '{scheme}' is not allowed: use https:// (or http://)", "url-scheme")]
    if not host:
        return [("the address has no host name", "url-invalid")]
    problems = []
    if parts.username is not None or parts.password is not None:
        problems.append(
            ("the address contains a user name or password: remove it", "url-credentials")
        )
    if is_local_host(host):
        problems.append(
            (f"'{host}' is a local or private address, not reachable by readers", "url-local")
        )
    tracking = sorted(name for name, _ in parse_qsl(parts.query) if _is_tracking(name))
    if tracking:
        names = ", ".join(tracking)
        problems.append((f"remove the tracking parameters ({names})", "url-tracking"))
    return problems


def is_local_host(host: str) -> bool:
    """True for localhost, private, loopback, link-local and other non-public addresses."""
    host = host.lower().rstrip(".")
    if host == "localhost" or host.endswith(_LOCAL_SUFFIXES):
        return True
    try:
        address = ipaddress.ip_address(int(host) if host.isdigit() else host)
    except ValueError:
        return False
    return not address.is_global


def normalise_url(url: str) -> str:
    """The form under which two addresses of the same page compare equal.

    The scheme, a leading ``www.``, letter case of the host, a default port, a trailing
    slash, tracking parameters, parameter order and empty or text-highlight fragments
    (``#:~:text=``) do not count.
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = parts.port if parts.port not in (None, 80, 443) else None
    netloc = f"{host}:{port}" if port else host
    path = parts.path.rstrip("/")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _is_tracking(k)))
    fragment = "" if parts.fragment.startswith(":~:") or parts.fragment == "/" else parts.fragment
    return urlunsplit(("", netloc, path, query, fragment))


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)
