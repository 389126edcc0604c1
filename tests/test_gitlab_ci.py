"""The GitLab pipeline stays in step with the Makefile: every job calls targets that exist."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.conftest import REPO

JOBS = (
    "validate",
    "test",
    "internal-links",
    "changed-links",
    "external-links",
    "pages",
    "preview",
    "preview-pages",
)
MERGE_REQUEST = {"CI_PIPELINE_SOURCE": "merge_request_event"}


@pytest.fixture(scope="module")
def pipeline() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    return loaded


def _job(pipeline: dict[str, Any], name: str) -> dict[str, Any]:
    """A job with what it ``extends`` (GitLab merges mappings key by key, deeply)."""
    job = pipeline[name]
    merged: dict[str, Any] = {}
    for parent in (
        [job["extends"]] if isinstance(job.get("extends"), str) else job.get("extends", [])
    ):
        merged = _merge(merged, _job(pipeline, parent))
    return _merge(merged, {k: v for k, v in job.items() if k != "extends"})


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    result = dict(base)
    for key, value in over.items():
        both = isinstance(value, dict) and isinstance(result.get(key), dict)
        result[key] = _merge(result[key], value) if both else value
    return result


def _runs(job: dict[str, Any], variables: dict[str, str]) -> bool:
    """Whether the job's first matching rule (of the simple forms used here) runs it."""
    for rule in job.get("rules", []):
        condition = rule.get("if", "true")
        clauses = [c.strip() for c in condition.split("&&")]
        if all(_clause_holds(clause, variables) for clause in clauses):
            return bool(rule.get("when") != "never")
    return False


def _clause_holds(clause: str, variables: dict[str, str]) -> bool:
    if clause == "true":
        return True
    name, operator, value = re.fullmatch(r'\$(\w+) (==|!=) "?([^"]*)"?', clause).groups()  # type: ignore[union-attr]
    actual = variables.get(name, "")
    return (actual == value) == (operator == "==")


def test_the_pipeline_is_valid_for_gitlab(pipeline: dict[str, Any]) -> None:
    # GitLab's own CI schema, as vendored by check-jsonschema (with GitLab's licence, MIT).
    schema_file = resources.files("check_jsonschema.builtin_schemas.vendor") / "gitlab-ci.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(pipeline)
    # The schema does catch a mistake (a misspelt keyword).
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(schema).validate(
            {**pipeline, "pages": {**pipeline["pages"], "artifact": {}}}
        )


def test_every_merge_request_gets_a_preview_and_the_main_site_is_never_touched(
    pipeline: dict[str, Any],
) -> None:
    free, premium = _job(pipeline, "preview"), _job(pipeline, "preview-pages")
    # GitLab Free (the default): the built site as an exposed artifact, with its index linked.
    assert _runs(free, MERGE_REQUEST) and not _runs(premium, MERGE_REQUEST)
    assert free["artifacts"]["expose_as"] and free["artifacts"]["paths"] == ["public/"]
    assert "make pages" in free["script"]
    assert "/artifacts/public/index.html" in free["script"][-1]
    assert free["environment"]["url"] == "$PREVIEW_URL"
    assert free["artifacts"]["reports"]["dotenv"] == "preview.env"
    # Premium: one variable switches to a parallel Pages deployment, per merge request.
    switched = {**MERGE_REQUEST, "PREVIEW_PAGES": "true"}
    assert _runs(premium, switched) and not _runs(free, switched)
    assert premium["pages"]["path_prefix"] == "mr-$CI_MERGE_REQUEST_IID"
    assert premium["pages"]["expire_in"] == "1 week"
    assert premium["environment"]["name"] == "preview/mr-$CI_MERGE_REQUEST_IID"
    # Neither runs outside merge requests; the main deployment has no prefix and stays alone.
    for variables in ({"CI_PIPELINE_SOURCE": "push"}, {"CI_PIPELINE_SOURCE": "schedule"}):
        assert not _runs(free, variables) and not _runs(
            premium, {**variables, "PREVIEW_PAGES": "true"}
        )
    assert "pages" not in pipeline["pages"] or "path_prefix" not in pipeline["pages"]["pages"]
    assert not _runs(pipeline["pages"], switched | {"CI_COMMIT_BRANCH": "feature"})


def _targets() -> set[str]:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.MULTILINE))


def _recipe(makefile: str, target: str) -> str:
    return makefile.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0]


def test_every_job_runs_makefile_targets_that_exist(pipeline: dict[str, Any]) -> None:
    targets = _targets()
    for job in JOBS:
        script = _job(pipeline, job)["script"]
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


def test_ci_never_lets_the_link_checker_reach_a_private_network() -> None:
    for path in (REPO / ".gitlab-ci.yml", REPO / "Makefile", REPO / ".ci" / "run"):
        text = path.read_text(encoding="utf-8")
        assert "DEEPSCOPIE_ALLOW_NETWORKS" not in text and "--allow-network" not in text, path


def _scratch_repository(folder: Path) -> Path:
    """A git repository with the project's Makefile and .gitignore, and one committed file."""
    for name in ("Makefile", ".gitignore"):
        shutil.copy(REPO / name, folder / name)
    (folder / "README.md").write_text("#\n", encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    subprocess.run(["git", "add", "."], cwd=folder, check=True)
    subprocess.run([*git, "commit", "-qm", "start"], cwd=folder, check=True)
    return folder


def _committed_outputs(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "committed-outputs"],
        cwd=folder,
        capture_output=True,
        text=True,
    )


def test_a_link_report_forced_into_a_merge_request_fails_validation(tmp_path: Path) -> None:
    """A link report committed with the change (git add -f) would give the preview, and the
    site published after the merge, link statuses nobody checked: the validate job refuses
    any file .gitignore excludes, and names it, whatever the file."""
    repository = _scratch_repository(tmp_path)
    assert _committed_outputs(repository).returncode == 0
    forged = {"version": 1, "links": {"https://example.org/": {"status": "ok"}}}
    (repository / "link-report.json").write_text(json.dumps(forged), encoding="utf-8")
    (repository / "docs" / "categories").mkdir(parents=True)
    (repository / "docs" / "categories" / "tools.fr.md").write_text("#\n", encoding="utf-8")
    subprocess.run(["git", "add", "-f", "."], cwd=repository, check=True)
    refused = _committed_outputs(repository)
    assert refused.returncode != 0
    assert "  link-report.json" in refused.stdout
    assert "  docs/categories/tools.fr.md" in refused.stdout
    assert "git rm --cached" in refused.stdout


def test_the_validate_target_runs_the_check_of_committed_outputs() -> None:
    """`make validate` (the CI's validate job, and an editor's own check) includes it."""
    dry_run = subprocess.run(
        ["make", "-n", "validate"], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert "git ls-files --cached --ignored --exclude-standard" in dry_run.stdout


def test_a_link_report_is_refused_even_once_gitignore_no_longer_names_it(tmp_path: Path) -> None:
    """A merge request may change .gitignore as well."""
    repository = _scratch_repository(tmp_path)
    ignored = (repository / ".gitignore").read_text(encoding="utf-8")
    kept = "".join(line for line in ignored.splitlines(True) if "link-report" not in line)
    (repository / ".gitignore").write_text(kept, encoding="utf-8")
    (repository / "link-report.json").write_text("[]", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repository, check=True)
    refused = _committed_outputs(repository)
    assert refused.returncode != 0 and "  link-report.json" in refused.stdout


def test_in_ci_a_checkout_git_cannot_read_fails_the_check(tmp_path: Path) -> None:
    """Else a checkout of another owner (git: "dubious ownership") passed unchecked."""
    for name in ("Makefile", ".gitignore"):
        shutil.copy(REPO / name, tmp_path / name)
    run = ["make", "--no-print-directory", "committed-outputs"]
    outside = {"GIT_CEILING_DIRECTORIES": str(tmp_path.parent), "PATH": os.environ["PATH"]}
    assert subprocess.run(run, cwd=tmp_path, env=outside, capture_output=True).returncode == 0
    in_ci = subprocess.run(run, cwd=tmp_path, env={**outside, "CI": "true"}, capture_output=True)
    assert in_ci.returncode != 0


def test_the_validate_job_tells_editors_their_problems_in_french(
    pipeline: dict[str, Any], tmp_path: Path
) -> None:
    # A runner's locale is C.UTF-8: the merge request's problems came in English.
    from tests.conftest import copy_base_data

    data = copy_base_data(tmp_path / "data")
    resources = data / "resources.yaml"
    text = resources.read_text(encoding="utf-8")
    resources.write_text(re.sub(r"added: [\d-]+", "added: 2026-02-30", text, count=1))
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "DEEPSCOPIE_"))}
    environment |= {"LANG": "C.UTF-8", **_job(pipeline, "validate").get("variables", {})}
    for command in (["validate"], ["fmt", "--check"]):
        done = subprocess.run(
            [sys.executable, "-m", "deepscopie.cli", *command, "--data", str(data)],
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 1
        assert "n'est pas une date valide" in done.stdout, done.stdout + done.stderr
