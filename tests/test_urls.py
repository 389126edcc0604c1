# ruff: noqa: RUF001 - look-alike and fullwidth characters are what these cases are about
"""The one definition of an acceptable address, in every spelling an attacker would try."""

from __future__ import annotations

import pytest

from deepscopie.urls import is_acceptable_url, url_problems


def _rules(url: str) -> list[str]:
    return [rule for _, rule in url_problems(url)]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.cellpose.org/",
        "http://8.8.8.8/",
        "https://[2606:4700:4700::1111]/dns-query",
        "https://www.example.org:8443/x?a=1#top",
        "https://münchen.de/",
        "https://xn--mnchen-3ya.de/",
        "https://пример.рф/",
        "https://例え.jp/",
        "https://github.com/a'b/(c)",
    ],
)
def test_public_addresses_are_accepted(url: str) -> None:
    assert url_problems(url) == []
    assert is_acceptable_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/", "http://LOCALHOST./", "http://foo.localhost/", "http://nas.local/",
        "http://printer.lan/", "http://router.home.arpa/", "http://metadata.internal/",
        "http://127.0.0.1/", "http://127.1/", "http://127.0.1/", "http://0x7f.1/",
        "http://0x7f000001/", "http://2130706433/", "http://017700000001/", "http://0177.0.0.1/",
        "http://0/", "http://0.0.0.0/", "http://10.0.0.1/", "http://172.16.0.1/",
        "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/",
        "http://192.0.0.8/", "http://198.18.0.1/", "http://240.0.0.1/", "http://224.0.0.1/",
        "http://255.255.255.255/", "http://１２７．０．０．１/", "http://127。0。0。1/",
        "http://127｡0｡0｡1/", "http://127．1/", "http://[::1]/", "http://[::]/",
        "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::127.0.0.1]/",
        "http://[::7f00:1]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:c0a8:101::]/",
        "http://[fe80::1]/", "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[ff02::1]/",
        "http://[2001:db8::1]/",
    ],
)  # fmt: skip
def test_local_and_private_addresses_are_refused_in_every_spelling(url: str) -> None:
    rules = _rules(url)
    assert rules and set(rules) <= {"url-local", "url-host", "url-invalid"}, rules
    assert not is_acceptable_url(url)


@pytest.mark.parametrize(
    ("url", "rule"),
    [
        ("javascript:alert(1)", "url-scheme"),
        ("file:///etc/passwd", "url-scheme"),
        ("gopher://example.org/", "url-scheme"),
        ("ftp://example.org/", "url-scheme"),
        ("//example.org/", "url-scheme"),
        ("https://user:secret@example.org/", "url-credentials"),
        ("https://example.org@evil.example.com/", "url-credentials"),
        ("https://example.org:99999/", "url-port"),
        ("https://example.org:0/", "url-port"),
        ("https://example.org:-1/", "url-port"),
        ("https://example.org:8o/", "url-port"),
        ("https://example.org:８０/", "url-port"),
        ("https://example.org/" + "a" * 2000, "url-length"),
        ("https://example.org/a b", "url-invalid"),
        ("https://example.org/a\tb", "url-invalid"),
        ("https://example.org/a\nb", "url-invalid"),
        ("https://example.org/a\x00b", "url-invalid"),
        ("https://example.org/a\u200bb", "url-invalid"),
        ("https://exam\u202eple.org/", "url-invalid"),
        ('https://example.org/"onmouseover="x', "url-invalid"),
        ("https://example.org/<script>", "url-invalid"),
        ("https://example.org\\@evil.example.com/", "url-invalid"),
        ("http:example.org", "url-invalid"),
        ("https:/example.org", "url-invalid"),
        ("https://[fe80::1%25eth0]/", "url-invalid"),
        ("https://wiki/", "url-host"),
        ("https://example.org./", "url-host"),
        ("https://аpple.com/", "url-host"),
        ("https://xn--pple-43d.com/", "url-host"),
        ("https://аррӏе.com/", "url-host"),
        ("https://paypaӏ.com/", "url-host"),
        ("https://a..b.org/", "url-host"),
        ("https://-a.org/", "url-host"),
        ("https://%31%32%37.0.0.1/", "url-host"),
        ("https://1.2.3.4.5/", "url-host"),
        ("https://08.8.8.8/", "url-host"),
        ("https://0x08.0x08.0x08.0x08/", "url-host"),
        ("https://134744072/", "url-host"),
    ],
)
def test_each_refusal_names_its_rule(url: str, rule: str) -> None:
    assert rule in _rules(url), url_problems(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org:99999999999999999999/",
        "http://[::1/",
        "http://[]/",
        "https://@/",
        "http://:80/",
        "https://\udcff.org/",
    ],
)
def test_no_address_raises(url: str) -> None:
    assert url_problems(url) != []
