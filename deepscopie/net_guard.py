"""Never connect to a non-public address: the guard of every network fetch the project makes.

A contributor controls the URLs the CI runner fetches, and the redirects they lead to, and the
DNS answers of their names. Checking the text of a URL is not enough: the guard checks the
address each TCP connection is actually made to, after resolution, at every hop, by wrapping
``socket.socket.connect`` in the process that fetches (LinkChecker's, through
``deepscopie.links.guarded_linkchecker``; ours, through ``guarded()``). Only global unicast
addresses pass (``deepscopie.urls.is_public_ip``), plus the networks of an explicit allowlist,
empty by default: ``DEEPSCOPIE_ALLOW_NETWORKS=127.0.0.2/32,…`` or ``--allow-network CIDR``,
which tests set for their servers on loopback.

Use it around any HTTP call (urllib, requests, http.client)::

    with guarded(allow=args.allow_network):
        response = requests.get(url, timeout=20)

A refused connection raises ``RefusedAddress`` (an ``OSError``, so HTTP libraries report it as
a connection failure) whose message starts with ``refused-address``.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import threading
import urllib.request
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

from deepscopie.urls import is_public_ip, url_problems

ALLOW_VARIABLE = "DEEPSCOPIE_ALLOW_NETWORKS"
REFUSED = "refused-address"
# A proxy would connect on our behalf, out of the guard's sight: guarded fetches go direct.
PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                   "ALL_PROXY")  # fmt: skip

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class RefusedAddress(ConnectionRefusedError):
    """A connection to a non-public address that the allowlist does not name."""


class AllowlistError(ValueError):
    """The allowlist is not a comma-separated list of networks (CIDR)."""


def parse_networks(texts: Iterable[str]) -> tuple[Network, ...]:
    """Networks from CIDR texts (each may hold several, comma-separated)."""
    networks = []
    for text in texts:
        for part in text.split(","):
            if part.strip():
                try:
                    networks.append(ipaddress.ip_network(part.strip(), strict=False))
                except ValueError:
                    raise AllowlistError(
                        f"'{part.strip()}' is not a network: write it like 127.0.0.2/32"
                    ) from None
    return tuple(networks)


def allowed_networks(extra: Sequence[str] = ()) -> tuple[Network, ...]:
    """The allowlist: ``DEEPSCOPIE_ALLOW_NETWORKS`` and ``extra`` (``--allow-network``)."""
    return parse_networks([os.environ.get(ALLOW_VARIABLE, ""), *extra])


def is_allowed_address(address: Address, allowed: Sequence[Network]) -> bool:
    """True for a public address, or one in an allowed network."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return is_public_ip(address) or any(
        address.version == network.version and address in network for network in allowed
    )


def url_refusal(url: str, allowed: Sequence[Network] = ()) -> str | None:
    """Why ``url`` must not be fetched (its text), or None; an IP in the allowlist passes."""
    problems = [(m, rule) for m, rule in url_problems(url) if rule != "url-tracking"]
    if not problems:
        return None
    try:
        host = (urlsplit(url).hostname or "").strip("[]")
        if is_allowed_address(ipaddress.ip_address(host), allowed):
            problems = [(m, r) for m, r in problems if r not in {"url-local", "url-host"}]
    except ValueError:
        pass
    return f"{REFUSED}: {problems[0][0]}" if problems else None


def check_peer(host: str, allowed: Sequence[Network]) -> None:
    """Raise ``RefusedAddress`` unless ``host`` (an IP address) may be connected to."""
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        raise RefusedAddress(f"{REFUSED}: '{host}' is not an IP address") from None
    if not is_allowed_address(address, allowed):
        raise RefusedAddress(
            f"{REFUSED}: {address} is not a public address; nothing was fetched "
            f"(tests allow their own networks with {ALLOW_VARIABLE})"
        )


_original_connect = socket.socket.connect
_original_connect_ex = socket.socket.connect_ex
# The allowlist of each guard in force, one entry per guard: guards overlap (the redirect
# probes fetch from eight threads at once), and a guard that ends takes only its own entry
# away. Saving and restoring one shared allowlist let a guard that ended first leave the
# others with an empty one, which refused their allowed connections.
_active: list[tuple[Network, ...]] = []
_lock = threading.Lock()


def _allowed() -> tuple[Network, ...]:
    """What the guards in force allow (the union of their allowlists)."""
    with _lock:
        return tuple(network for allowlist in _active for network in allowlist)


def _checked(sock: socket.socket, address: Any) -> Any:
    """The address to connect ``sock`` to, once checked; a name is resolved here, so that
    the address checked is the one connected to (no second lookup to rebind)."""
    if sock.family not in (socket.AF_INET, socket.AF_INET6) or not (sock.type & socket.SOCK_STREAM):
        return address  # Unix sockets, and UDP (the system's DNS resolver may be on loopback)
    host, *rest = address
    try:
        ipaddress.ip_address(str(host).split("%", 1)[0])
    except ValueError:
        infos = socket.getaddrinfo(host, rest[0], sock.family, socket.SOCK_STREAM)
        host = infos[0][4][0]
    check_peer(str(host), _allowed())
    return (host, *rest)


def _guarded_connect(self: socket.socket, address: Any) -> None:
    _original_connect(self, _checked(self, address))


def _guarded_connect_ex(self: socket.socket, address: Any) -> int:
    return _original_connect_ex(self, _checked(self, address))


def install(allow: Sequence[str] = ()) -> tuple[Network, ...]:
    """Guard every TCP connection of this process from now on (the LinkChecker wrapper);
    returns the allowlist it put in force."""
    allowlist = allowed_networks(allow)
    with _lock:
        _active.append(allowlist)
        socket.socket.connect = _guarded_connect  # type: ignore[method-assign, assignment]
        socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign, assignment]
    for name in PROXY_VARIABLES:
        os.environ.pop(name, None)
    return allowlist


@contextmanager
def guarded(allow: Sequence[str] = ()) -> Iterator[None]:
    """Guard every TCP connection of this process while the block runs (any HTTP library)."""
    saved = {name: os.environ[name] for name in PROXY_VARIABLES if name in os.environ}
    allowlist = install(allow)
    try:
        yield
    finally:
        with _lock:
            _active.remove(allowlist)
            if not _active:
                socket.socket.connect = _original_connect  # type: ignore[method-assign]
                socket.socket.connect_ex = _original_connect_ex  # type: ignore[method-assign]
        os.environ.update(saved)


def guarded_environment(allow: Sequence[str] = ()) -> dict[str, str]:
    """The environment of a guarded subprocess: the allowlist passed on, no proxy."""
    environment = {k: v for k, v in os.environ.items() if k not in PROXY_VARIABLES}
    networks = ",".join(str(network) for network in allowed_networks(allow))
    environment[ALLOW_VARIABLE] = networks
    return environment


def direct_opener(*handlers: urllib.request.BaseHandler) -> urllib.request.OpenerDirector:
    """A urllib opener that never uses a proxy: urllib reads ``http_proxy`` when the opener is
    built (before ``guarded`` removes it), and a proxy would connect out of the guard's sight."""
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), *handlers)
