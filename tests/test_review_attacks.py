"""A security review's attacks on what landed: each case here got through before its fix."""

from __future__ import annotations

import ipaddress
from typing import Any

import pytest
import yaml

from deepscopie.net_guard import RefusedAddress, check_peer
from deepscopie.urls import is_acceptable_url
from tests.conftest import REPO


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


def test_every_pages_deployment_needs_the_checks_of_its_pipeline() -> None:
    """A merge request's parallel Pages deployment (``preview-pages``) is published on the
    site's own domain: it waits for the same three checks as the main deployment, or an
    unchecked contribution is online before the tests have run (or after they failed)."""
    pipeline = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    deployments = [
        name
        for name, job in pipeline.items()
        if isinstance(job, dict) and not name.startswith(".") and _deploys_pages(pipeline, job)
    ]
    assert {"pages", "preview-pages"} <= set(deployments)
    for name in deployments:
        needs = _resolved(pipeline, pipeline[name]).get("needs", [])
        needed = {need if isinstance(need, str) else need["job"] for need in needs}
        assert set(CHECKS) <= needed, f"{name} deploys Pages with only {sorted(needed)}"


CHECKS = ("validate", "test", "internal-links")


def _resolved(pipeline: dict[str, Any], job: dict[str, Any]) -> dict[str, Any]:
    """The job with what it ``extends`` (enough of GitLab's merge for top-level keys)."""
    parents = job.get("extends", [])
    merged: dict[str, Any] = {}
    for parent in [parents] if isinstance(parents, str) else parents:
        merged.update(_resolved(pipeline, pipeline[parent]))
    return {**merged, **{k: v for k, v in job.items() if k != "extends"}}


def _deploys_pages(pipeline: dict[str, Any], job: dict[str, Any]) -> bool:
    resolved = _resolved(pipeline, job)
    return job is pipeline["pages"] or "pages" in resolved
