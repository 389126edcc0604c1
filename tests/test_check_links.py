"""`deepscopie check-links` against local servers that play every failure of the real web."""

from __future__ import annotations

import argparse
import itertools
import json
import ssl
import subprocess
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import trustme

from deepscopie.cli import main
from deepscopie.links.external import split_by_host
from tests.conftest import FIXTURES, copy_base_data
from tests.link_servers import ROUTES_A, ROUTES_B, ROUTES_C, LocalHost, Requests, refused_url

FAST = ["--timeout", "1", "--retries", "1", "--retry-wait", "0.5", "--processes", "3"]


class Web:
    """Three local hosts, a TLS host with a self-signed certificate, and what they were asked."""

    def __init__(self) -> None:
        self.requests = Requests()
        self.a = LocalHost(ROUTES_A, self.requests)
        self.b = LocalHost(ROUTES_B, self.requests)
        self.c = LocalHost(ROUTES_C, self.requests)
        # A certificate from a private authority nobody trusts: what a self-signed site shows.
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        trustme.CA().issue_cert("127.0.0.1").configure_cert(context)
        self.tls = LocalHost({"/ok": ROUTES_A["/ok"]}, self.requests, context)
        for host in (self.a, self.b, self.c):
            host.peers = {"a": self.a.url, "b": self.b.url}

    def close(self) -> None:
        for host in (self.a, self.b, self.c, self.tls):
            host.close()


@pytest.fixture(scope="module", autouse=True)
def allow_the_local_web() -> Iterator[None]:
    """The servers below listen on 127.0.0.1, which the network guard refuses by default."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DEEPSCOPIE_ALLOW_NETWORKS", "127.0.0.1/32")
        yield


@pytest.fixture(scope="module")
def web() -> Iterator[Web]:
    served = Web()
    yield served
    served.close()


def _expected(web: Web) -> dict[str, tuple[str, int | None]]:
    """Each URL and the class (and status) it must end in."""
    return {
        f"{web.a.url}/ok": ("ok", 200),
        f"{web.a.url}/moved": ("redirected", 200),
        f"{web.a.url}/chain": ("redirected", 200),
        f"{web.a.url}/loop": ("broken", None),
        f"{web.a.url}/missing": ("broken", 404),
        f"{web.a.url}/gone": ("broken", 410),
        f"{web.a.url}/bad-redirect": ("broken", None),
        f"{web.a.url}/bad-redirect-mapped": ("broken", None),
        f"{web.b.url}/forbidden": ("blocked", 403),
        f"{web.b.url}/linkedin": ("blocked", 999),
        f"{web.b.url}/ratelimited": ("rate-limited", 429),
        f"{web.b.url}/flaky": ("ok", 200),
        f"{web.b.url}/unavailable": ("server-error", 503),
        f"{web.c.url}/slow": ("timeout", None),
        f"{web.c.url}/private/page": ("blocked", None),
        refused_url(): ("broken", None),
        "http://deepscopie-test-host.invalid/": ("broken", None),
        f"{web.tls.url}/ok": ("broken", None),
    }


@pytest.fixture(scope="module")
def first_run(web: Web, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One check of every URL: its exit code, report and printed summary."""
    folder = tmp_path_factory.mktemp("links")
    expected = _expected(web)
    (folder / "urls.txt").write_text(
        "# one URL per line\n" + "\n".join(expected) + "\n", encoding="utf-8"
    )
    report, markdown = folder / "report.json", folder / "report.md"
    code = main(
        [
            "check-links",
            "--urls",
            str(folder / "urls.txt"),
            "--report",
            str(report),
            "--markdown",
            str(markdown),
            "--junit",
            str(folder / "report.junit.xml"),
            "--threshold",
            "1",
            "--data",
            str(copy_base_data(folder / "data")),
            *FAST,
        ]
    )
    records = {
        item["url"]: item for item in json.loads(report.read_text(encoding="utf-8"))["links"]
    }
    return {
        "code": code,
        "records": records,
        "expected": expected,
        "markdown": markdown.read_text(encoding="utf-8"),
        "folder": folder,
    }


def test_every_failure_of_the_web_ends_in_its_class(first_run: dict[str, Any]) -> None:
    got = {url: (record["class"], record["status"]) for url, record in first_run["records"].items()}
    assert got == first_run["expected"]


def test_redirects_give_the_final_address_to_put_in_the_data(
    first_run: dict[str, Any], web: Web
) -> None:
    records = first_run["records"]
    assert records[f"{web.a.url}/moved"]["final_url"] == f"{web.a.url}/ok"
    assert records[f"{web.a.url}/chain"]["final_url"] == f"{web.a.url}/ok"


def test_a_flaky_link_is_never_reported_broken(first_run: dict[str, Any], web: Web) -> None:
    flaky = first_run["records"][f"{web.b.url}/flaky"]
    assert flaky["consecutive_failures"] == 0 and flaky["first_failure"] is None
    assert len(web.requests.times["/flaky"]) == 2  # failed once, passed on the retry


def test_a_429_is_retried_only_after_its_retry_after(first_run: dict[str, Any], web: Web) -> None:
    first, second = web.requests.times["/ratelimited"]
    assert second - first >= 1.0


def test_the_messages_say_why(first_run: dict[str, Any], web: Web) -> None:
    records = first_run["records"]
    assert records[f"{web.tls.url}/ok"]["message"] == "bad TLS certificate"
    assert records["http://deepscopie-test-host.invalid/"]["message"] == "unknown host (DNS)"
    assert records[f"{web.a.url}/loop"]["message"] == "redirect loop"
    assert (
        records[f"{web.c.url}/private/page"]["message"] == "robots.txt disallows automated checks"
    )


def test_every_record_has_the_documented_fields(first_run: dict[str, Any]) -> None:
    fields = {
        "url",
        "class",
        "status",
        "final_url",
        "message",
        "checked_at",
        "first_failure",
        "consecutive_failures",
    }
    for record in first_run["records"].values():
        assert fields <= set(record)


def test_broken_links_past_the_threshold_exit_1_and_are_reported(
    first_run: dict[str, Any], web: Web
) -> None:
    assert first_run["code"] == 1
    markdown = first_run["markdown"]
    # 404, 410, loop, refused, DNS, TLS, two unreadable redirects, and 503 and timeout
    assert "## Broken (10)" in markdown
    assert f"| {web.a.url}/missing | urls.txt | 404 Not Found (failing since" in markdown
    assert f"| {web.a.url}/moved | urls.txt | now at {web.a.url}/ok |" in markdown


def test_the_junit_report_has_one_case_per_url_in_gitlabs_format(
    first_run: dict[str, Any], web: Web
) -> None:
    from lxml import etree  # type: ignore[import-untyped]

    path: Path = first_run["folder"] / "report.junit.xml"
    schema = etree.XMLSchema(etree.parse(str(FIXTURES / "formats" / "gitlab-junit.xsd")))
    document = etree.parse(str(path))
    assert schema.validate(document), schema.error_log
    cases = {case.get("name"): case for case in document.iter("testcase")}
    assert set(cases) == set(first_run["expected"])
    outcome = {
        url: next((child.tag for child in case if child.tag != "system-out"), "passed")
        for url, case in cases.items()
    }
    for url, (klass, _) in first_run["expected"].items():
        # Threshold 1: every failure of this run blocks; what cannot be verified is skipped.
        wanted = {"ok": "passed", "redirected": "passed", "broken": "failure"}.get(klass)
        if klass in ("timeout", "server-error"):
            wanted = "failure"
        assert outcome[url] == (wanted or "skipped"), url
    missing = cases[f"{web.a.url}/missing"]
    failure = missing.find("failure")
    assert failure.get("type") == "broken"
    assert "404 Not Found" in failure.text and "used in: urls.txt" in failure.text
    assert missing.get("classname") == "urls.txt"
    moved = cases[f"{web.a.url}/moved"].find("system-out").text
    assert f"redirected to {web.a.url}/ok" in moved
    suite = document.find("testsuite")
    assert suite.get("tests") == str(len(cases))
    assert suite.get("failures") == str(list(outcome.values()).count("failure")) == "10"


def test_a_rerun_within_the_freshness_window_fetches_nothing(
    first_run: dict[str, Any], web: Web, capsys: pytest.CaptureFixture[str]
) -> None:
    folder: Path = first_run["folder"]
    asked_before = sum(len(times) for times in web.requests.times.values())
    code = main(
        [
            "check-links",
            "--urls",
            str(folder / "urls.txt"),
            "--report",
            str(folder / "report.json"),
            "--threshold",
            "1",
            "--data",
            str(folder / "data"),
            *FAST,
        ]
    )
    assert code == 1
    assert f"0 checked, {len(first_run['expected'])} reused" in capsys.readouterr().out
    assert sum(len(times) for times in web.requests.times.values()) == asked_before


def test_a_link_is_called_broken_only_after_consecutive_failures(
    web: Web, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{web.a.url}/missing-twice\n{web.a.url}/ok\n", encoding="utf-8")
    report = tmp_path / "report.json"
    arguments = [
        "check-links",
        "--urls",
        str(urls),
        "--report",
        str(report),
        "--max-age",
        "0",
        "--data",
        str(copy_base_data(tmp_path / "data")),
        *FAST,
    ]
    assert main(arguments) == 0  # one failure: not yet broken (threshold 2)
    first = {r["url"]: r for r in json.loads(report.read_text())["links"]}[
        f"{web.a.url}/missing-twice"
    ]
    assert first["consecutive_failures"] == 1
    assert main(arguments) == 1
    second = {r["url"]: r for r in json.loads(report.read_text())["links"]}[
        f"{web.a.url}/missing-twice"
    ]
    assert second["consecutive_failures"] == 2
    assert second["first_failure"] == first["first_failure"]
    assert (
        f"broken: {web.a.url}/missing-twice (404 Not Found) in urls.txt" in capsys.readouterr().out
    )


def test_ignored_addresses_are_not_fetched_and_say_why(web: Web, tmp_path: Path) -> None:
    data = copy_base_data(tmp_path / "data")
    (data / "link-ignore.yaml").write_text(
        f"ignore:\n  - prefix: {web.b.url}/forbidden\n    reason: Answers robots with 403; checked by hand.\n",
        encoding="utf-8",
    )
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{web.b.url}/forbidden?again\n", encoding="utf-8")
    asked_before = len(web.requests.times["/forbidden?again"])
    report = tmp_path / "report.json"
    assert (
        main(
            [
                "check-links",
                "--urls",
                str(urls),
                "--report",
                str(report),
                "--data",
                str(data),
                *FAST,
            ]
        )
        == 0
    )
    record = json.loads(report.read_text())["links"][0]
    assert (record["class"], record["message"]) == (
        "ignored",
        "Answers robots with 403; checked by hand.",
    )
    assert len(web.requests.times["/forbidden?again"]) == asked_before


def test_an_invalid_ignore_list_is_reported_with_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = copy_base_data(tmp_path / "data")
    (data / "link-ignore.yaml").write_text(
        "ignore:\n  - prefix: https://x.org/\n", encoding="utf-8"
    )
    urls = tmp_path / "urls.txt"
    urls.write_text("https://x.org/a\n", encoding="utf-8")
    assert main(["check-links", "--urls", str(urls), "--data", str(data)]) == 2
    assert (
        "link-ignore.yaml:2:5: ignore[0]: required field 'reason' is missing (missing-field)"
        in capsys.readouterr().out
    )


def test_hosts_are_split_across_processes_one_process_per_host() -> None:
    urls = [f"https://h{host}.example/{n}" for host in range(7) for n in range(host + 1)]
    chunks = split_by_host(urls, 3)
    assert len(chunks) == 3
    assert sorted(url for chunk in chunks for url in chunk) == sorted(urls)
    hosts_per_chunk = [{url.split("/")[2] for url in chunk} for chunk in chunks]
    assert sum(len(hosts) for hosts in hosts_per_chunk) == 7  # no host in two processes
    assert max(map(len, chunks)) - min(map(len, chunks)) <= 7
    # Within a process, hosts take turns: one host comes twice in a row only once the others
    # have no URL left.
    for chunk in chunks:
        hosts = [url.split("/")[2] for url in chunk]
        sizes = [*sorted((hosts.count(host) for host in set(hosts)), reverse=True), 0]
        repeats = sum(a == b for a, b in itertools.pairwise(hosts))
        assert repeats == max(0, sizes[0] - sizes[1] - 1)


def test_merge_request_mode_checks_only_added_or_modified_urls(tmp_path: Path) -> None:
    from deepscopie.links.command import _targets

    data = copy_base_data(tmp_path / "repo" / "data")
    git = ["git", "-C", str(tmp_path / "repo"), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], check=True)
    resources = data / "resources.yaml"
    resources.write_text(
        resources.read_text().replace("https://www.cellpose.org/", "https://www.cellpose.org/new"),
        encoding="utf-8",
    )

    arguments = argparse.Namespace(urls=None, changed_since="HEAD", data=data)
    assert list(_targets(arguments)) == ["https://www.cellpose.org/new"]


def test_internal_check_finds_a_broken_anchor_and_a_missing_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text(
        '<html><body><h1 id="top">Home</h1><a href="en/">en</a> <a href="en/#missing">x</a> <a href="gone/">y</a> <a href="#top">up</a></body></html>',
        encoding="utf-8",
    )
    (site / "en" / "index.html").write_text(
        '<html><body><h1 id="present">Home</h1><a href="../">fr</a></body></html>', encoding="utf-8"
    )
    assert main(["check-links", "--internal-only", "--site", str(site)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "index.html: en/#missing: anchor '#missing' not found on en/index.html" in lines
    assert any(line.startswith("/: gone/: 404") for line in lines)
    assert lines[-1] == f"2 broken internal link(s) in {site}"


def test_the_real_site_has_no_broken_internal_link(
    built_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check-links", "--internal-only", "--site", str(built_site)]) == 0
    assert capsys.readouterr().out.startswith("ok: every internal link and anchor")


def test_anchors_of_absolute_links_are_checked_against_the_sites_path(tmp_path: Path) -> None:
    from deepscopie.links.internal import broken_anchors

    site = tmp_path / "site"
    (site / "en" / "faq").mkdir(parents=True)
    (site / "en" / "faq" / "index.html").write_text(
        '<html><body><h2 id="gpu">GPU</h2></body></html>', encoding="utf-8"
    )
    (site / "index.html").write_text(
        '<html><body><a href="/en/faq/#gpu">ok</a> <a href="/en/faq/#nowhere">x</a>'
        ' <a href="/sub/en/faq/#gpu">ok under /sub/</a> <a href="/sub/en/faq/#gone">x</a>'
        ' <a href="/#top">x</a></body></html>',
        encoding="utf-8",
    )
    at_root = {(p.link, p.message) for p in broken_anchors(site)}
    assert ("/en/faq/#nowhere", "anchor '#nowhere' not found on en/faq/index.html") in at_root
    assert ("/#top", "anchor '#top' not found on index.html") in at_root
    assert not any(link == "/en/faq/#gpu" for link, _ in at_root)
    under_sub = {(p.link, p.message) for p in broken_anchors(site, "/sub")}
    assert ("/sub/en/faq/#gone", "anchor '#gone' not found on en/faq/index.html") in under_sub
    assert ("/en/faq/#gpu", "absolute link outside the site's path /sub/") in under_sub
    assert not any(link == "/sub/en/faq/#gpu" for link, _ in under_sub)


def test_a_refused_address_fails_in_the_junit_report_but_is_not_called_broken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DEEPSCOPIE_ALLOW_NETWORKS", raising=False)
    urls = tmp_path / "urls.txt"
    urls.write_text("http://10.1.2.3/admin\n", encoding="utf-8")
    junit = tmp_path / "report.xml"
    code = main(
        ["check-links", "--urls", str(urls), "--junit", str(junit), *FAST,
         "--data", str(copy_base_data(tmp_path / "data"))]
    )  # fmt: skip
    assert code == 0  # nothing was fetched: not broken
    failure = ElementTree.parse(junit).getroot().find("testsuite/testcase/failure")
    assert failure is not None and failure.get("type") == "refused-address"
