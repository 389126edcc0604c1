"""A security review's attacks on what landed: each case here got through before its fix."""

from __future__ import annotations

import ipaddress

import pytest

from deepscopie.net_guard import RefusedAddress, check_peer
from deepscopie.urls import is_acceptable_url


@pytest.mark.parametrize(
    "address",
    [
        "fec0::1",  # site-local (RFC 3879, deprecated but still routed inside some networks)
        "fed0:1234::5",
        "feff:ffff::1",
        "3fff::1",  # the second documentation prefix (RFC 9637)
        "3fff:0fff:ffff::1",
    ],
)
def test_non_public_ipv6_blocks_are_refused_by_validation_and_at_connection(address: str) -> None:
    assert not is_acceptable_url(f"http://[{address}]/")
    with pytest.raises(RefusedAddress):
        check_peer(address, ())
    assert not is_acceptable_url(f"http://[{ipaddress.ip_address(address).exploded}]:8080/x")


def test_global_ipv6_next_to_those_blocks_stays_acceptable() -> None:
    assert is_acceptable_url("http://[2606:4700:4700::1111]/")
    assert is_acceptable_url("http://[2a00:1450:4007:80e::200e]/")
