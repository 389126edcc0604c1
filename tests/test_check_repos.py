"""`deepscopie check-repos` against local servers playing GitHub's and GitLab's APIs: last
activity, archived flag, latest release, licence; rate limits, a missing repository, tokens."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from deepscopie.cli import main
from deepscopie.links.repositories import repository_of
from tests.conftest import copy_base_data
from tests.link_servers import LocalHost, Requests

LONG_RESET = 3600


def _json(data: Any, status: int = 200, **headers: str) -> tuple[int, dict[str, str], bytes]:
    return status, {"Content-Type": "application/json", **headers}, json.dumps(data).encode()


def _limited(handler: object, hit: int) -> tuple[int, dict[str, str], bytes]:
    reset = str(int(time.time()) + LONG_RESET)
    return _json(
        {"message": "API rate limit exceeded"},
        403,
        **{"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset},
    )


def _slow_then_fine(handler: object, hit: int) -> tuple[int, dict[str, str], bytes]:
    if hit == 1:
        return _json({"message": "secondary rate limit"}, 429, **{"Retry-After": "1"})
    return _json({"pushed_at": "2026-06-01T08:00:00Z", "archived": False, "license": None})


GITHUB: dict[str, Any] = {
    "/repos/good/tool": lambda h, n: _json(
        {"pushed_at": "2026-10-01T10:00:00Z", "archived": False,
         "license": {"spdx_id": "BSD-3-Clause", "name": "BSD 3-Clause"}}
    ),
    "/repos/good/tool/releases/latest": lambda h, n: _json(
        {"tag_name": "v2.1", "published_at": "2026-09-01T00:00:00Z"}
    ),
    "/repos/old/tool": lambda h, n: _json(
        {"pushed_at": "2023-01-05T00:00:00Z", "archived": True,
         "license": {"spdx_id": "NOASSERTION", "name": "Other"}}
    ),
    "/repos/slow/tool": _slow_then_fine,
    "/repos/limited/tool": _limited,
    "/repos/after/tool": lambda h, n: _json({"pushed_at": "2026-01-01T00:00:00Z"}),
}  # fmt: skip
GITLAB: dict[str, Any] = {
    "/api/v4/projects/group%2Fsub%2Fproject?license=true": lambda h, n: _json(
        {"last_activity_at": "2026-11-20T12:00:00.000Z", "archived": False,
         "license": {"key": "mit", "name": "MIT License"}}
    ),
    "/api/v4/projects/group%2Fsub%2Fproject/releases?per_page=1": lambda h, n: _json(
        [{"tag_name": "1.4.0", "released_at": "2026-11-01T00:00:00.000Z"}]
    ),
}  # fmt: skip

RESOURCES = "".join(
    f"""\
  - id: {rid}
    title: {{fr: {rid}, en: {rid}}}
    url: {url}
    description: {{fr: Un outil., en: A tool.}}
    category: software
    type: tool
    languages: [en]
{extra}    added: 2026-11-22
"""
    for rid, url, extra in (
        ("good", "https://github.com/good/tool", ""),
        ("old", "https://github.com/old/tool/", ""),
        ("gone", "https://github.com/gone/tool", ""),
        ("on-gitlab", "https://gitlab.com/group/sub/project", ""),
        ("docs-site", "https://example.org/docs", "    repository: https://github.com/slow/tool\n"),
        ("limited", "https://github.com/limited/tool", ""),
        ("after", "https://github.com/after/tool", ""),
        ("wiki", "https://github.com/good/tool/wiki/Install", ""),
    )
)


@pytest.fixture
def apis(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[LocalHost, LocalHost]]:
    monkeypatch.setenv("DEEPSCOPIE_ALLOW_NETWORKS", "127.0.0.0/8")
    for name in ("GITHUB_TOKEN", "GITLAB_TOKEN", "DEEPSCOPIE_GITHUB_API", "DEEPSCOPIE_GITLAB_API"):
        monkeypatch.delenv(name, raising=False)
    github, gitlab = LocalHost(dict(GITHUB), Requests()), LocalHost(dict(GITLAB), Requests())
    yield github, gitlab
    github.close()
    gitlab.close()


def _run(folder: Path, github: LocalHost, gitlab: LocalHost, *extra: str) -> int:
    data = folder / "data"
    if not data.exists():
        copy_base_data(data)
        resources = data / "resources.yaml"
        resources.write_text(resources.read_text(encoding="utf-8") + RESOURCES, encoding="utf-8")
    return main(
        ["check-repos", "--data", str(data), "--report", str(folder / "link-report.json"),
         "--github-api", github.url, "--gitlab-api", f"{gitlab.url}/api/v4", *extra]
    )  # fmt: skip


def _records(folder: Path) -> dict[str, dict[str, Any]]:
    report = json.loads((folder / "link-report.json").read_text(encoding="utf-8"))
    return {record["url"]: record for record in report["repositories"]}


def test_each_repository_gets_its_activity_archive_flag_release_and_licence(
    apis: tuple[LocalHost, LocalHost], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    github, gitlab = apis
    assert _run(tmp_path, github, gitlab) == 0
    records = _records(tmp_path)
    good = records["https://github.com/good/tool"]
    assert (good["found"], good["archived"], good["last_activity"]) == (
        True, False, "2026-10-01T10:00:00Z",
    )  # fmt: skip
    assert (good["release"], good["release_date"], good["licence"]) == (
        "v2.1", "2026-09-01T00:00:00Z", "BSD-3-Clause",
    )  # fmt: skip
    old = records["https://github.com/old/tool"]
    assert old["archived"] is True and old["release"] is None and old["licence"] is None
    gone = records["https://github.com/gone/tool"]
    assert gone["found"] is False and gone["message"] == "not found (404)"
    lab = records["https://gitlab.com/group/sub/project"]
    assert (lab["last_activity"], lab["release"], lab["licence"]) == (
        "2026-11-20T12:00:00.000Z", "1.4.0", "MIT",
    )  # fmt: skip
    # A short rate limit (429, Retry-After: 1) is waited for, then asked again.
    slow = records["https://github.com/slow/tool"]
    assert slow["last_activity"] == "2026-06-01T08:00:00Z"
    first, second = github.requests.times["/repos/slow/tool"]
    assert second - first >= 1.0
    # A long one (403, X-RateLimit-Remaining: 0, reset in an hour) stops asking that host:
    # what comes after it waits for the next run; the other host goes on.
    assert "https://github.com/limited/tool" not in records
    assert "https://github.com/after/tool" not in records
    assert "/repos/after/tool" not in github.requests.times
    out = capsys.readouterr().out
    assert "rate limit: it asks to wait until" in out
    assert "API not asked further; 2 never asked and 0 kept from earlier runs" in out
    # A page inside a repository (its wiki) is not the repository.
    assert len(records) == 5


def test_results_are_reused_until_stale_and_kept_when_the_host_refuses(
    apis: tuple[LocalHost, LocalHost], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    github, gitlab = apis
    _run(tmp_path, github, gitlab)
    asked = sum(map(len, github.requests.times.values()))
    assert _run(tmp_path, github, gitlab) == 0
    assert sum(map(len, github.requests.times.values())) == asked + 1  # only the limited one
    assert "4 asked" not in capsys.readouterr().out
    first = _records(tmp_path)["https://github.com/good/tool"]
    # Stale: asked again, and a refusal keeps what the earlier run learnt.
    github.routes["/repos/good/tool"] = _limited
    assert _run(tmp_path, github, gitlab, "--max-age", "0") == 0
    assert _records(tmp_path)["https://github.com/good/tool"] == first


def test_tokens_are_sent_when_a_maintainer_sets_them(
    apis: tuple[LocalHost, LocalHost], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    github, gitlab = apis
    monkeypatch.setenv("GITHUB_TOKEN", "gh-secret")
    monkeypatch.setenv("GITLAB_TOKEN", "gl-secret")
    _run(tmp_path, github, gitlab)
    assert github.requests.headers["/repos/good/tool"][0]["Authorization"] == "Bearer gh-secret"
    sent = gitlab.requests.headers["/api/v4/projects/group%2Fsub%2Fproject?license=true"][0]
    assert sent["Private-Token"] == "gl-secret"


def test_without_a_token_nothing_is_sent_and_the_report_keeps_its_links(
    apis: tuple[LocalHost, LocalHost], tmp_path: Path
) -> None:
    github, gitlab = apis
    (tmp_path / "link-report.json").write_text(
        json.dumps(
            [{"url": "https://x.org/", "class": "ok", "checked_at": "2026-11-30T00:00:00+00:00"}]
        ),
        encoding="utf-8",
    )
    _run(tmp_path, github, gitlab)
    assert "Authorization" not in github.requests.headers["/repos/good/tool"][0]
    report = json.loads((tmp_path / "link-report.json").read_text(encoding="utf-8"))
    assert [link["url"] for link in report["links"]] == ["https://x.org/"]
    assert report["format"] == "deepscopie-link-report" and report["version"] == 2


def test_a_non_public_api_address_is_refused_unless_allowed(
    apis: tuple[LocalHost, LocalHost],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    github, gitlab = apis
    monkeypatch.delenv("DEEPSCOPIE_ALLOW_NETWORKS")
    assert _run(tmp_path, github, gitlab) == 0
    assert not github.requests.times and not gitlab.requests.times
    out = capsys.readouterr().out
    assert "refused-address: '127.0.0.1' is a local or private address" in out
    assert out.count("refused-address") == 2  # once per API host, not once per repository


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("https://github.com/MouseLand/cellpose", "https://github.com/MouseLand/cellpose"),
        ("https://github.com/stardist/stardist.git", "https://github.com/stardist/stardist"),
        ("https://www.github.com/a/b/", "https://github.com/a/b"),
        ("https://github.com/HenriquesLab/ZeroCostDL4Mic/wiki/Glossary", None),
        ("https://github.com/orgs/napari", None),
        ("https://github.com/napari", None),
        ("https://gitlab.com/a/b/c", "https://gitlab.com/a/b/c"),
        ("https://gitlab.com/a/b/-/blob/main/doc.pdf", None),
        ("https://gitlab.inria.fr/team/tool", "https://gitlab.inria.fr/team/tool"),
        ("https://example.org/a/b", None),
    ],
)
def test_which_addresses_are_repositories(address: str, expected: str | None) -> None:
    found = repository_of(address)
    assert (found.url if found else None) == expected
