"""A security review's attacks on what landed: each case here got through before its fix."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import ipaddress
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from deepscopie import fetch
from deepscopie.knowledge_base import DataFiles, load_knowledge_base
from deepscopie.links import repositories
from deepscopie.links.classify import classify
from deepscopie.links.linkchecker_output import CheckedRow
from deepscopie.links.targets import link_targets
from deepscopie.model import Resource
from deepscopie.net_guard import RefusedAddress, check_peer
from deepscopie.render.health import LinkHealth
from deepscopie.render.maintenance import maintenance_meta, render_maintenance
from deepscopie.urls import doi_address, is_acceptable_url
from tests.conftest import REPO, copy_base_data

DEEPSCOPIE = str(Path(sys.executable).with_name("deepscopie"))


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


def test_the_gitlab_token_goes_to_the_gitlab_api_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A contributor's ``repository: https://gitlab.attacker.example/a/b`` made the scheduled
    check send the maintainers' GITLAB_TOKEN to that host; GitHub's token likewise goes to
    GitHub's API only."""
    monkeypatch.setenv("GITLAB_TOKEN", "gl-secret")
    monkeypatch.setenv("GITHUB_TOKEN", "gh-secret")
    sent: dict[str, dict[str, str]] = {}

    def fake_get(url: str, headers: dict[str, str] | None = None, **_: object) -> fetch.Answer:
        sent[url] = dict(headers or {})
        return fetch.Answer(url, 404)

    monkeypatch.setattr(fetch, "get", fake_get)
    addresses = (
        "https://gitlab.attacker.example/group/project",
        "https://gitlab.com/group/project",
        "https://github.com/owner/name",
    )
    found = [repositories.repository_of(address) for address in addresses]
    now = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)
    repositories.check_repositories(
        [r for r in found if r is not None],
        {},
        now,
        datetime.timedelta(days=1),
        repositories.Apis(),
    )
    secrets = {url: set(headers.values()) & {"gl-secret", "gh-secret", "Bearer gh-secret"}
               for url, headers in sent.items()}  # fmt: skip
    foreign = [url for url, found_secrets in secrets.items() if found_secrets and not url.startswith(
        (repositories.GITLAB_API, repositories.GITHUB_API))]  # fmt: skip
    assert any(url.startswith("https://gitlab.attacker.example/") for url in sent)
    assert foreign == []
    assert any(secrets[url] for url in sent if url.startswith(repositories.GITLAB_API))
    assert any(secrets[url] for url in sent if url.startswith(repositories.GITHUB_API))


class _Counting(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.server.hits.append(self.path)  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def _server(host: str) -> Iterator[tuple[str, list[str]]]:
    server = ThreadingHTTPServer((host, 0), _Counting)
    server.hits = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}", server.hits  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()


_FETCHES = {
    "fetch.get": "from deepscopie import fetch; print(fetch.get(URL).status)",
    "add --from": "from deepscopie.editing.fetch import fetch; print(fetch(URL))",
}


@pytest.mark.parametrize("client", _FETCHES)
def test_the_projects_own_fetches_never_go_through_a_proxy(client: str) -> None:
    """A proxy connects on the fetcher's behalf, out of the guard's sight (it resolves names
    and follows its own routes): the guarded fetches go direct, whatever the environment
    (urllib reads ``http_proxy`` when an opener is built, before the guard removes it)."""
    with _server("127.0.0.3") as (proxy, proxied), _server("127.0.0.2") as (target, asked):
        environment = {
            **os.environ,
            "http_proxy": proxy,
            "HTTP_PROXY": proxy,
            "DEEPSCOPIE_ALLOW_NETWORKS": "127.0.0.0/8",
        }
        environment.pop("no_proxy", None)
        environment.pop("NO_PROXY", None)
        code = _FETCHES[client].replace("URL", repr(f"{target}/page"))
        result = subprocess.run(
            [sys.executable, "-c", code],
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    assert proxied == [], f"went through the proxy: {proxied}"
    assert asked == ["/page"]


@pytest.mark.parametrize(
    "link",
    [
        "[here](http://127.0.0.1:8080/admin)",
        "<http://169.254.169.254/latest/meta-data/>",
        "[x][r]\\n\\n[r]: http://0x7f.1/",
        "[x](javascript:alert(1))",
        "![x](https://user:secret@example.org/x.png)",
        # After a line of HTML, which the site shows as text: the link is a link on the page.
        "\\n\\n<div>\\n[here](http://127.0.0.1:8080/admin)\\n</div>\\n",
        "\\n\\n<x>\\n[x](//evil.example/phish)",
    ],
)
def test_links_in_a_category_introduction_meet_the_address_rules(link: str, tmp_path: Path) -> None:
    """A category's introduction is Markdown on its page, like a description: its links go
    through the one definition of an acceptable address, at their line."""
    data = copy_base_data(tmp_path)
    vocabulary = (data / "vocabulary.yaml").read_text(encoding="utf-8")
    heading = "    name: {fr: Bibliographie, en: Bibliography}\n"
    intro = f'    intro: {{fr: "Voir.", en: "See {link}."}}\n'
    (data / "vocabulary.yaml").write_text(vocabulary.replace(heading, heading + intro))
    line = vocabulary[: vocabulary.index(heading)].count("\n") + 2
    result = subprocess.run(
        [DEEPSCOPIE, "validate", "--data", str(data)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"vocabulary.yaml:{line}:" in result.stdout + result.stderr


def test_the_link_checker_checks_the_links_of_category_introductions(tmp_path: Path) -> None:
    data = copy_base_data(tmp_path)
    vocabulary = (data / "vocabulary.yaml").read_text(encoding="utf-8")
    heading = "    name: {fr: Bibliographie, en: Bibliography}\n"
    intro = '    intro: {fr: "[Voir](https://www.example.org/fr).", en: "[See](https://www.example.org/en)."}\n'
    (data / "vocabulary.yaml").write_text(vocabulary.replace(heading, heading + intro))
    targets = link_targets(load_knowledge_base(DataFiles.in_folder(data)))
    assert targets["https://www.example.org/en"] == ("category:bibliography",)
    assert "https://www.example.org/fr" in targets


@pytest.mark.parametrize(
    "character",
    [
        "\u00ad",  # soft hyphen
        "\u034f",  # combining grapheme joiner
        "\u115f",  # Hangul choseong filler
        "\u3164",  # Hangul filler: an "empty" name that is not empty
        "\uffa0",  # halfwidth Hangul filler
        "\u17b4",  # Khmer inherent vowel (invisible)
        "\u180b",  # Mongolian variation selector
        "\U0001d173",  # musical symbol begin beam (a format character)
        "\U000e0fff",  # the unassigned rest of the tag block, ignorable by definition
        "\u2800",  # Braille pattern blank: a title that looks empty
        "\U0001bca0",  # shorthand format letter overlap
        "\ufff0",  # an unassigned special
    ],
)
def test_invisible_characters_are_refused_in_text(character: str, tmp_path: Path) -> None:
    """Unicode's default-ignorable characters draw nothing: two titles that look the same
    would differ, or an empty-looking name would pass (the zero-width class of the issue)."""
    data = copy_base_data(tmp_path)
    resources = (data / "resources.yaml").read_text(encoding="utf-8")
    hostile = resources.replace("en: Cellpose}", f'en: "Cell{character}pose"}}', 1)
    (data / "resources.yaml").write_text(hostile, encoding="utf-8")
    result = subprocess.run(
        [DEEPSCOPIE, "validate", "--data", str(data)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1, result.stdout
    assert "resources.yaml:3:" in result.stdout + result.stderr
    assert f"U+{ord(character):04X}" in result.stdout + result.stderr


def test_a_run_of_variation_selectors_is_refused_one_after_a_character_is_not(
    tmp_path: Path,
) -> None:
    """A run of selectors draws nothing and can hide a message; an emoji needs one."""
    data = copy_base_data(tmp_path)
    resources = (data / "resources.yaml").read_text(encoding="utf-8")
    hidden = "\ufe01" * 28
    hostile = resources.replace("en: Cellpose}", f'en: "Cellpose{hidden} \u2764\ufe0f"}}', 1)
    (data / "resources.yaml").write_text(hostile, encoding="utf-8")
    result = subprocess.run(
        [DEEPSCOPIE, "validate", "--data", str(data)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1, result.stdout
    assert result.stdout.count("U+FE01") == 1 and "U+FE0F" not in result.stdout


@pytest.mark.parametrize(
    "stacked",
    [
        "Z" + "\u0301\u0302\u0303" * 60,  # accents that draw over the lines around the title
        "Z\u0301\u0302&#x303;",  # the third written as a character reference
        "Z" + "\u1dc0\u20d0\ufe20",  # from the blocks of combining marks beyond the first
    ],
)
def test_accents_stacked_on_one_letter_past_two_are_refused(stacked: str, tmp_path: Path) -> None:
    """A run of accents draws over the lines above and below ("Zalgo"): "Z" and 200 covered
    Explore's introduction, count and chips. Two are a language's (Vietnamese "ệ")."""
    data = copy_base_data(tmp_path)
    resources = (data / "resources.yaml").read_text(encoding="utf-8")
    two = "Cellpose ho\u0323\u0302c"  # "học", decomposed: two accents on one letter
    (data / "resources.yaml").write_text(
        resources.replace("en: Cellpose}", f'en: "{two}"}}', 1), encoding="utf-8"
    )
    command = [DEEPSCOPIE, "validate", "--data", str(data)]
    assert subprocess.run(command, capture_output=True, check=False).returncode == 0
    hostile = resources.replace("en: Cellpose}", f'en: "Cellpose {stacked}"}}', 1)
    (data / "resources.yaml").write_text(hostile, encoding="utf-8")
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stdout
    assert "resources.yaml:3:" in result.stdout
    assert "more than two accents" in result.stdout and "(invalid-character)" in result.stdout


@pytest.mark.parametrize(
    ("file", "written", "hostile", "line", "said"),
    [
        (
            "resources.yaml",
            "en: Cellpose}",
            'en: "Cellpose {}"}}'.format("nuclei " * 50),
            3,
            "a title or a name has 300 at most",
        ),
        (
            "faq.yaml",
            'en: "Its [data](https://www.cellpose.org/dataset)."}',
            'en: "Its data. {}"}}'.format("x" * 200_000),
            7,
            "more than 10000: say it in fewer words",
        ),
    ],
    ids=["title", "any-text"],
)
def test_texts_longer_than_their_kind_are_refused_at_their_place(
    file: str, written: str, hostile: str, line: int, said: str, tmp_path: Path
) -> None:
    """A pasted page of 200,000 letters passed, and a title of any length."""
    data = copy_base_data(tmp_path)
    text = (data / file).read_text(encoding="utf-8")
    assert text.count(written) == 1
    (data / file).write_text(text.replace(written, hostile), encoding="utf-8")
    result = subprocess.run(
        [DEEPSCOPIE, "validate", "--data", str(data)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1, result.stdout
    assert f"{file}:{line}:" in result.stdout and "(invalid-value)" in result.stdout
    assert said in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_keyword_of_punctuation_alone_is_refused(tmp_path: Path) -> None:
    """Search matches a keyword by its letters and digits: "(((" and "\\" were both nothing,
    and the editor was told that one was given twice."""
    data = copy_base_data(tmp_path)
    resources = (data / "resources.yaml").read_text(encoding="utf-8")
    hostile = resources.replace(
        "    languages: [en]\n",
        '    keywords: {fr: ["(((", "\\\\"], en: []}\n    languages: [en]\n',
        1,
    )
    (data / "resources.yaml").write_text(hostile, encoding="utf-8")
    result = subprocess.run(
        [DEEPSCOPIE, "validate", "--data", str(data)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1, result.stdout
    assert "'(((' has no letter or digit" in result.stdout, result.stdout
    assert "given twice" not in result.stdout


_HOSTILE_ANSWERS = {
    "a list": [],
    "a string licence": {"pushed_at": "2026-01-01T00:00:00Z", "license": "MIT"},
    "dates that are not dates": {
        "pushed_at": "yesterday",
        "last_activity_at": {"a": 1},
        "license": {"spdx_id": ["x"], "key": 5, "name": 7},
        "tag_name": {"x": 1},
        "published_at": "soon",
        "released_at": 12,
    },
}


@pytest.mark.parametrize("answer", _HOSTILE_ANSWERS)
@pytest.mark.parametrize(
    "address", ["https://github.com/owner/name", "https://gitlab.attacker.example/group/project"]
)
def test_a_hostile_api_answer_neither_crashes_check_repos_nor_the_build(
    answer: str, address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A self-hosted "gitlab.*" host named in the data answers what its owner wants (and so
    could GitHub's API through a proxy or a bug): the record keeps only well-typed values,
    and the site renders it."""
    body = json.dumps(_HOSTILE_ANSWERS[answer]).encode()
    release = json.dumps(
        [_HOSTILE_ANSWERS[answer]] if "gitlab" in address else _HOSTILE_ANSWERS[answer]
    ).encode()
    monkeypatch.setattr(
        fetch,
        "get",
        lambda url, headers=None, **_: fetch.Answer(
            url, 200, {}, release if "release" in url else body
        ),
    )
    repository = repositories.repository_of(address)
    assert repository is not None
    now = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)
    records, _ = repositories.check_repositories(
        [repository], {}, now, datetime.timedelta(days=1), repositories.Apis()
    )
    stored = json.loads(json.dumps({url: r.to_json() for url, r in records.items()}))
    health = LinkHealth(
        {}, repositories={u: repositories.RepositoryRecord.from_json(r) for u, r in stored.items()}
    )
    for language in ("fr", "en"):
        resource = Resource.model_validate(
            {"id": "x", "title": {"fr": "X", "en": "X"}, "url": address,
             "description": {"fr": "D.", "en": "D."}, "category": "software", "type": "tool",
             "languages": ["en"], "added": "2026-11-22"}
        )  # fmt: skip
        render_maintenance(resource, health, language)
        maintenance_meta(resource, health, language)


@pytest.mark.parametrize(
    "url",
    [
        "http://kubernetes.default.svc/",  # the cluster's services: CI runners on Kubernetes
        "http://vault.ci.svc/v1/secret",
        "http://router.home/",  # never delegated (ICANN's name-collision list), home routers
    ],
)
def test_names_of_private_networks_are_refused(url: str) -> None:
    assert not is_acceptable_url(url)


def test_the_link_checker_checks_the_address_a_resource_is_replaced_by(tmp_path: Path) -> None:
    # Published as a link in the status note, it was never fetched.
    base = load_knowledge_base(DataFiles.in_folder(copy_base_data(tmp_path)))
    cellpose, other = base.resources[0], base.resources[1]
    replaced = cellpose.model_copy(update={"replaced_by": "https://www.example.org/new"})
    by_id = other.model_copy(update={"replaced_by": cellpose.id})
    targets = link_targets(dataclasses.replace(base, resources=(replaced, by_id)))
    assert targets["https://www.example.org/new"] == (f"resource:{cellpose.id}",)
    assert cellpose.id not in targets  # another entry's id is not an address


def test_the_link_checker_checks_the_address_a_doi_is_published_as(tmp_path: Path) -> None:
    # Its page links to doi.org: a DOI that resolves nowhere was published unchecked.
    base = load_knowledge_base(DataFiles.in_folder(copy_base_data(tmp_path)))
    paper = base.resources[0].model_copy(update={"doi": "10.99999/does-not-exist"})
    targets = link_targets(dataclasses.replace(base, resources=(paper, *base.resources[1:])))
    assert targets["https://doi.org/10.99999/does-not-exist"] == (f"resource:{paper.id}",)
    assert paper.doi_url == "https://doi.org/10.99999/does-not-exist"


@pytest.mark.parametrize(
    ("doi", "address"),
    [
        ("10.1234/abc#part", "https://doi.org/10.1234/abc%23part"),  # not 10.1234/abc
        ("10.1234/a?b=c", "https://doi.org/10.1234/a%3Fb=c"),
        ("10.1234/a%2Fb", "https://doi.org/10.1234/a%252Fb"),
        ("10.1002/(SICI)35:4<517>", "https://doi.org/10.1002/(SICI)35:4%3C517%3E"),
        ("10.1038/s41592-020-01018-x", "https://doi.org/10.1038/s41592-020-01018-x"),
    ],
)
def test_a_doi_is_linked_and_checked_whole(doi: str, address: str) -> None:
    assert doi_address(doi) == address


@pytest.mark.parametrize("url", ["https://doi.org/10.1038/x", "http://dx.doi.org/10.1038/x"])
def test_a_doi_that_redirects_is_not_an_address_to_replace(url: str) -> None:
    # doi.org redirects every DOI to its publisher: the report told editors to put the
    # publisher's address in the data in place of the persistent one.
    def checked(address: str) -> str:
        warnings = "Redirected to `https://www.nature.com/articles/x'."
        row = CheckedRow(address, "200 OK", warnings, "", True, "https://www.nature.com/articles/x")
        return classify(row).klass

    assert checked(url) == "ok"
    assert checked("https://www.example.org/old") == "redirected"


def test_an_address_with_its_scheme_in_capitals_is_checked(tmp_path: Path) -> None:
    """Browsers follow "HTTPS://…" as they do "https://…": such a link is checked too."""
    data = copy_base_data(tmp_path)
    resources = (data / "resources.yaml").read_text(encoding="utf-8")
    assert "https://www.cellpose.org/" in resources
    capitals = resources.replace("https://www.cellpose.org/", "HTTPS://www.cellpose.org/")
    (data / "resources.yaml").write_text(capitals, encoding="utf-8")
    targets = link_targets(load_knowledge_base(DataFiles.in_folder(data)))
    assert "HTTPS://www.cellpose.org/" in targets
