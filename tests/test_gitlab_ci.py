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


def _recipe(makefile: str, target: str) -> str:
    return makefile.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0]


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
    assert "make check-repos" in job["script"]  # maintenance signals, cached in the report
    # The fallback history: a cache of its own, saved even when broken links fail the job.
    cache = next(c for c in job["cache"] if c["key"] == "link-report")
    assert cache["paths"] == [".cache/link-report"] and cache["when"] == "always"
    assert any("cp link-report.json .cache/link-report/" in line for line in job["after_script"])


def test_the_history_needs_no_token_and_no_paid_tier(pipeline: dict[str, Any]) -> None:
    text = (REPO / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert "CI_JOB_TOKEN" not in text and "jobs/artifacts" not in text
    assert not (REPO / ".ci" / "fetch-link-report").exists()
    # Every pages job, of a schedule or of a push, publishes the latest report with the site.
    assert pipeline["pages"]["script"] == ["make fetch-link-report", "make pages"]
    cache = next(c for c in pipeline["pages"]["cache"] if c["key"] == "link-report")
    assert cache["policy"] == "pull"  # only the scheduled job writes the history


def test_merge_requests_show_link_results_and_data_problems(pipeline: dict[str, Any]) -> None:
    for job in ("changed-links", "external-links"):
        assert pipeline[job]["artifacts"]["reports"]["junit"] == "link-report.junit.xml"
        assert pipeline[job]["artifacts"]["when"] == "always"
    validate = pipeline["validate"]
    assert validate["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert validate["artifacts"]["when"] == "always"
    assert validate["script"][0] == "make code-quality-report"
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert (
        "deepscopie validate --format codequality --output gl-code-quality-report.json" in makefile
    )
    for target in ("check-changed", "check-external"):
        assert "--junit link-report.junit.xml" in _recipe(makefile, target)


def test_the_scheduled_job_proposes_redirect_fixes_without_pushing(
    pipeline: dict[str, Any],
) -> None:
    job = pipeline["external-links"]
    assert "redirects.diff" in job["artifacts"]["paths"]
    assert any("make fix-redirects" in line for line in job["after_script"])
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = _recipe(makefile, "fix-redirects")
    assert "--fix-redirects" in recipe and "git diff" in recipe and "redirects.diff" in recipe
    assert "git push" not in makefile and "git commit" not in makefile
