"""What makes an address acceptable, and when two addresses are the same.

An acceptable address is http or https, has no credentials, a port from 1 to 65535 if any, no
space or control character, at most 2,000 characters, and a host that is either a dotted public
domain name written in one script (IDNA-mapped as browsers do, punycode decoded before the
script is looked at) or a global unicast IP address written the usual way. Every spelling a
browser or ``inet_aton`` reads as a number (``127.1``, ``0x7f.0.0.1``, ``2130706433``,
fullwidth digits and dots) is read as such first, so a local address cannot hide behind one.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import idna

from deepscopie.problems import Message, msg

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

MAX_URL_LENGTH = 2000
MAX_PORT = 65535

# Whitespace, control characters and the characters RFC 3986 never allows unencoded (a page
# that needs one writes it %7C, %7B…); a backslash is read as "/" by browsers, which then
# see another host than the text shows, and "|" ends a cell of a Markdown table.
_FORBIDDEN_CHARACTER = re.compile(
    r'[\s\x00-\x1f\x7f-\x9f<>"`\\{}|^\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]'
)
# Names of local networks (RFC 6761, RFC 8375, common private suffixes; "svc": Kubernetes
# services, where GitLab runners often run; "home": never delegated, used by home routers).
# ".invalid" is not one: it never resolves at all, and the link checker reports it as an
# unknown host.
_LOCAL_NAMES = frozenset(
    {
        "localhost",
        "local",
        "internal",
        "lan",
        "home.arpa",
        "arpa",
        "test",
        "example",
        "intranet",
        "corp",
        "private",
        "localdomain",
        "svc",
        "home",
    }
)
# A label of a host name once IDNA-mapped: letters, digits, hyphens (underscore: some real
# hosts have one).
_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")
# What the WHATWG URL parser (every browser) and inet_aton read as a number in a host.
_NUMERIC_PART = re.compile(r"^(0x[0-9a-f]*|[0-9]+)$")
_CANONICAL_IPV4 = re.compile(
    r"^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$"
)
# Scripts that one label may mix (Japanese, Chinese and Korean writing combine them).
_SCRIPT_FAMILIES = (
    {"CJK", "HIRAGANA", "KATAKANA", "LATIN"},
    {"CJK", "HANGUL", "LATIN"},
    {"CJK", "BOPOMOFO", "LATIN"},
)
# Cyrillic and Greek letters that look like Latin ones: a label made only of them
# (Cyrillic "a", "p", "p", "l", "e" spelling "apple") reads as a Latin name (Chromium's
# whole-script confusable rule).
_LATIN_LOOKALIKES = frozenset(
    "\u0430\u0441\u0435\u043e\u0440\u0445\u0443\u0456\u0458\u0455\u0501\u04bb\u051b"
    "\u051d\u04cf\u043a\u03bf\u03bd\u03b1\u03b9\u03ba\u03c5\u03b5\u03c7\u03c1"
)


def url_problems(url: str) -> list[tuple[Message, str]]:
    """Why ``url`` cannot be published or fetched, as ``(message, rule)`` pairs; empty when fine.

    The project's one definition of an acceptable address: validation, ``deepscopie add`` and
    the link checker (for every hop) call it.
    """
    if len(url) > MAX_URL_LENGTH:
        return [(msg("url-length", length=len(url), limit=MAX_URL_LENGTH), "url-length")]
    bad = _FORBIDDEN_CHARACTER.search(url)
    if bad:
        variant = "space" if bad.group().isspace() else "character"
        problem = msg(f"url-invalid.{variant}", what=_describe(bad.group()))
        return [(problem, "url-invalid")]
    try:
        parts = urlsplit(url)
    except ValueError as error:
        return [(msg("url-invalid.unreadable", error=str(error)), "url-invalid")]
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        scheme = parts.scheme or "none"
        return [(msg("url-scheme", scheme=scheme), "url-scheme")]
    if not parts.netloc or not url[len(parts.scheme) + 1 :].startswith("//"):
        return [(msg("url-invalid.no-host"), "url-invalid")]
    problems: list[tuple[Message, str]] = []
    _credentials, at, hostport = parts.netloc.rpartition("@")
    if at:
        problems.append((msg("url-credentials"), "url-credentials"))
    host, port_problem = _split_port(hostport)
    if port_problem:
        problems.append((port_problem, "url-port"))
    problems += host_problems(host)
    tracking = sorted(name for name, _ in parse_qsl(parts.query) if _is_tracking(name))
    if tracking:
        names = ", ".join(tracking)
        problems.append((msg("url-tracking", names=names), "url-tracking"))
    return problems


def is_acceptable_url(url: str) -> bool:
    """True when ``url`` is an address the project may publish and fetch."""
    return not [rule for _, rule in url_problems(url) if rule != "url-tracking"]


def host_problems(host: str) -> list[tuple[Message, str]]:
    """Why ``host`` (as written in an address, IPv6 in brackets) is not a public host."""
    if not host:
        return [(msg("url-invalid.no-host"), "url-invalid")]
    if host.startswith("["):
        return _ipv6_problems(host)
    try:
        mapped = idna.uts46_remap(host, std3_rules=False, transitional=False)
    except idna.IDNAError as error:
        return [(msg("url-host.invalid", host=host, error=str(error)), "url-host")]
    if mapped.endswith("."):
        return [(msg("url-host.dot", host=host), "url-host")]
    labels = mapped.split(".")
    if _NUMERIC_PART.match(labels[-1]):
        return _ipv4_problems(host, labels)
    if mapped in _LOCAL_NAMES or any(mapped.endswith(f".{name}") for name in _LOCAL_NAMES):
        return [(msg("url-local", host=host), "url-local")]
    if len(labels) < 2:
        return [(msg("url-host.no-dot", host=host), "url-host")]
    unicode_labels = []
    for label in labels:
        problem, decoded = _label(host, label)
        if problem:
            return [(problem, "url-host")]
        unicode_labels.append(decoded)
    for label in unicode_labels:
        problem = _script_problem(host, label, unicode_labels[-1])
        if problem:
            return [(problem, "url-host")]
    return []


def is_public_ip(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True for a global unicast address, and for IPv6 only when the IPv4 address it carries
    (mapped, compatible, NAT64, 6to4, Teredo) is one too."""
    if any(address in network for network in _NOT_PUBLIC):
        return False
    if (
        not address.is_global
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or address.is_link_local
        or address.is_loopback
        or (isinstance(address, ipaddress.IPv6Address) and address.is_site_local)
    ):
        return False
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return is_public_ip(embedded)
    return True


def is_local_host(host: str) -> bool:
    """True for a host that is not a public one (localhost, private or numeric spellings…)."""
    return any(rule in {"url-local", "url-host", "url-invalid"} for _, rule in host_problems(host))


def _split_port(hostport: str) -> tuple[str, Message | None]:
    """``(host, problem with the port)``; the port must be a number from 1 to 65535."""
    if hostport.startswith("["):
        end = hostport.find("]")
        host, rest = (hostport[: end + 1], hostport[end + 1 :]) if end >= 0 else (hostport, "")
    else:
        host, colon, port = hostport.partition(":")
        rest = f"{colon}{port}"
    if not rest:
        return host, None
    port = rest.removeprefix(":")
    if not rest.startswith(":") or not port.isascii() or not port.isdigit():
        return host, msg("url-port.number", port=port)
    if not 1 <= int(port) <= MAX_PORT:
        return host, msg("url-port.range", port=int(port), limit=MAX_PORT)
    return host, None


def _ipv6_problems(host: str) -> list[tuple[Message, str]]:
    if not host.endswith("]") or "%" in host:
        return [(msg("url-invalid.ipv6", host=host), "url-invalid")]
    try:
        address = ipaddress.IPv6Address(host[1:-1])
    except ValueError:
        return [(msg("url-invalid.ipv6", host=host), "url-invalid")]
    if not is_public_ip(address):
        return [(msg("url-local", host=host), "url-local")]
    return []


def _ipv4_problems(host: str, labels: list[str]) -> list[tuple[Message, str]]:
    """A host whose last label is a number is an IPv4 address for browsers and inet_aton,
    in any of their spellings (127.1, 0x7f.1, 017700000001, 2130706433)."""
    address = _whatwg_ipv4(labels)
    if address is None:
        return [(msg("url-host.neither", host=host), "url-host")]
    if not is_public_ip(address):
        return [(msg("url-local", host=host), "url-local")]
    if not _CANONICAL_IPV4.match(host):
        return [(msg("url-host.spelling", host=host, address=str(address)), "url-host")]
    return []


def _whatwg_ipv4(labels: list[str]) -> ipaddress.IPv4Address | None:
    """The address the WHATWG URL parser reads, or None when the host is not a valid one."""
    if labels and labels[-1] == "":
        labels = labels[:-1]
    if not 1 <= len(labels) <= 4 or not all(_NUMERIC_PART.match(label) for label in labels):
        return None
    numbers = []
    for label in labels:
        if label.startswith("0x"):
            numbers.append(int(label[2:] or "0", 16))
        elif len(label) > 1 and label.startswith("0"):
            if any(digit in "89" for digit in label):
                return None
            numbers.append(int(label, 8))
        else:
            numbers.append(int(label))
    *first, last = numbers
    if any(number > 255 for number in first) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for index, number in enumerate(first):
        value += number << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    packed = int(address)
    if packed >> 32 == 0 or address in _NAT64:  # IPv4-compatible (::a.b.c.d), NAT64
        return ipaddress.IPv4Address(packed & 0xFFFFFFFF)
    return None


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
# Special-purpose blocks that some Python versions call global (the IANA registries changed).
_NOT_PUBLIC = tuple(
    ipaddress.ip_network(block)
    for block in (
        "0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24",
        "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4",
        "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "3fff::/20", "5f00::/16",
    )
)  # fmt: skip


def _label(host: str, label: str) -> tuple[Message | None, str]:
    """``(problem, the label in Unicode)``: punycode is decoded, so that its script is seen."""
    if not label:
        return msg("url-host.empty-part", host=host), label
    try:
        decoded = idna.decode(label) if label.startswith("xn--") else label
        if not label.isascii() or label.startswith("xn--"):
            idna.encode(decoded, uts46=True)
    except (idna.IDNAError, UnicodeError) as error:
        return msg("url-host.invalid", host=host, error=str(error)), label
    if label.isascii() and not label.startswith("xn--") and not _LABEL.match(label):
        return msg("url-host.invalid-name", host=host), label
    return None, decoded


def _script_problem(host: str, label: str, top_level: str) -> Message | None:
    scripts = {_script(character) for character in label if character.isalpha()}
    scripts.discard("COMMON")
    mixed = len(scripts) > 1 and not any(scripts <= family for family in _SCRIPT_FAMILIES)
    if mixed:
        names = ", ".join(sorted(script.title() for script in scripts))
        return msg("url-host.mixed-scripts", host=host, scripts=names)
    lookalike = (
        scripts & {"CYRILLIC", "GREEK"}
        and top_level.isascii()
        and all(character in _LATIN_LOOKALIKES for character in label if character.isalpha())
    )
    if lookalike:
        return msg("url-host.lookalike", host=host, script=scripts.pop().title())
    return None


def _script(character: str) -> str:
    """The script of a letter, from its Unicode name ("CYRILLIC SMALL LETTER A")."""
    name = unicodedata.name(character, "COMMON")
    first = name.split()[0]
    return "CJK" if first in {"CJK", "IDEOGRAPHIC"} else first


def _describe(character: str) -> Message:
    if character == " ":
        return msg("character.space")
    if character.isspace():
        return msg("character.white-space", code=f"{ord(character):04X}")
    if character in '<>"`\\{}|^':
        return msg("character.visible", character=character)
    return msg("character.control", code=f"{ord(character):04X}")


def normalise_url(url: str) -> str:
    """The form under which two addresses of the same page compare equal.

    The scheme, a leading ``www.``, letter case of the host, a default port, a trailing
    slash, tracking parameters, parameter order and empty or text-highlight fragments
    (``#:~:text=``) do not count.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()  # unreadable: validation reports it; compared as written
    _credentials, _, hostport = parts.netloc.rpartition("@")
    host, port_problem = _split_port(hostport)
    port = "" if port_problem else hostport[len(host) + 1 :].lstrip("0")
    host = host.lower().removeprefix("www.")
    netloc = f"{host}:{port}" if port not in ("", "80", "443") else host
    path = parts.path.rstrip("/")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _is_tracking(k)))
    fragment = "" if parts.fragment.startswith(":~:") or parts.fragment == "/" else parts.fragment
    return urlunsplit(("", netloc, path, query, fragment))


def without_credentials(url: str) -> str:
    """``url`` without a user name or password (a redirect may carry some: never written)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


DOI_RESOLVER = "https://doi.org/"
# What a DOI may hold that an address may not, percent-encoded as the DOI Handbook asks ("#"
# and "?" cut it short: "10.1234/abc#x" was linked, and checked, as "10.1234/abc").
_DOI_KEPT = "/:;()[]!*'@$&+=,.~-_"


def doi_address(doi: str) -> str:
    """The address of a DOI (``10.1038/…``): where the DOI system resolves it."""
    return DOI_RESOLVER + quote(doi, safe=_DOI_KEPT)


# The DOI system's host, and its older name that still resolves.
_RESOLVERS = frozenset({urlsplit(DOI_RESOLVER).hostname, "dx.doi.org"})


def is_resolver_address(url: str) -> bool:
    """Whether ``url`` is a persistent identifier's address (a DOI's), which redirects to
    where the work is today by design: the data keeps it, whatever it redirects to."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return False
    return host.lower() in _RESOLVERS
