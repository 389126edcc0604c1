"""The GitLab pipeline stays in step with the Makefile: every job calls targets that exist."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from tests.conftest import REPO

JOBS = ("validate", "test", "internal-links", "changed-links", "external-links", "pages")


@pytest.fixture(scope="module")
def pipeline() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    return loaded


def _targets() -> set[str]:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.MULTILINE))


def test_every_job_runs_makefile_targets_that_exist(pipeline: dict[str, Any]) -> None:
    targets = _targets()
    for job in JOBS:
        script = pipeline[job]["script"]
        commands = [script] if isinstance(script, str) else script
        called = [
            target for command in commands for target in re.findall(r"\bmake ([a-z-]+)", command)
        ]
        called += ["test" for command in commands if command.startswith("bash .ci/run")]
        assert called, f"{job} calls no Makefile target"
        assert set(called) <= targets, f"{job} calls unknown targets: {set(called) - targets}"


def test_pages_are_published_only_from_the_default_branch_after_the_checks(
    pipeline: dict[str, Any],
) -> None:
    pages = pipeline["pages"]
    assert pages["stage"] == pipeline["stages"][-1]
    assert pages["rules"] == [
        {
            "if": '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE != "merge_request_event"'
        }
    ]
    assert pages["artifacts"]["paths"] == ["public"]


def test_the_scheduled_check_keeps_its_report_for_the_next_run(pipeline: dict[str, Any]) -> None:
    job = pipeline["external-links"]
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "schedule"'}]
    assert "link-report.json" in job["artifacts"]["paths"]
    assert job["script"][0] == "make fetch-link-report"
