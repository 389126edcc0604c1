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


CHECKS = ("validate", "test", "internal-links")


def _runs_in(job: dict[str, Any], source: str) -> bool:
    """Whether a job's rules let it run in a pipeline started by ``source`` on the default
    branch (rules read in order, as GitLab does; no rules: always)."""
    for rule in job.get("rules", [{"when": "on_success"}]):
        condition = rule.get("if")
        if condition is None or _holds(condition, source):
            return bool(rule.get("when", "on_success") != "never")
    return False


def _holds(condition: str, source: str) -> bool:
    values = {
        "$CI_PIPELINE_SOURCE": f'"{source}"',
        "$CI_COMMIT_BRANCH": '"main"' if source != "merge_request_event" else '""',
        "$CI_DEFAULT_BRANCH": '"main"',
    }
    expression = condition
    for name, value in values.items():
        expression = expression.replace(name, value)
    expression = expression.replace("&&", " and ").replace("||", " or ")
    return bool(eval(expression, {"__builtins__": {}}))


@pytest.mark.parametrize("source", ["push", "schedule", "web", "api", "trigger"])
def test_pages_deploys_only_after_the_checks_of_the_same_pipeline(
    pipeline: dict[str, Any], source: str
) -> None:
    pages = pipeline["pages"]
    if not _runs_in(pages, source):
        return
    needed = {need if isinstance(need, str) else need["job"] for need in pages["needs"]}
    assert set(CHECKS) <= needed
    for check in CHECKS:
        assert _runs_in(pipeline[check], source), f"{check} does not run in a {source} pipeline"
        assert not pipeline[check].get("allow_failure"), f"{check} may fail and still deploy"
    optional = [n for n in pages["needs"] if isinstance(n, dict) and n["job"] not in CHECKS]
    assert all(n.get("optional") for n in optional)


def test_ci_installs_the_pinned_versions_and_a_developer_the_declared_ones() -> None:
    import subprocess

    def install_command(environment: dict[str, str]) -> str:
        dry_run = subprocess.run(
            ["make", "-n", "-W", "pyproject.toml", ".venv/.ready"],
            cwd=REPO, capture_output=True, text=True, check=True,
            env={**environment, "PATH": "/usr/bin:/bin"},
        )  # fmt: skip
        return next(line for line in dry_run.stdout.splitlines() if "-e '.[test]'" in line)

    assert install_command({"CI": "true"}).endswith("-c constraints.txt")
    assert "constraints" not in install_command({})


def test_the_constraints_pin_every_dependency() -> None:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + [
        d for ds in project["optional-dependencies"].values() for d in ds
    ]
    names = {re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0] for requirement in wanted}
    pinned = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: '{line}' is not pinned with =="
            pinned[_canonical(name)] = version
    missing = {name for name in names if _canonical(name) not in pinned}
    assert not missing, f"not in constraints.txt (run `make constraints`): {sorted(missing)}"


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
