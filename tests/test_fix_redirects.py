"""`check-links --fix-redirects`: permanent redirects seen on two runs rewritten in the data,
against local servers; temporary ones, login pages, home pages and first sightings left alone."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from deepscopie.cli import main
from deepscopie.knowledge_base import DataFiles, load_knowledge_base
from deepscopie.links.classify import Verdict
from deepscopie.links.history import RedirectProbe, merge
from deepscopie.links.redirects import refusal
from deepscopie.links.targets import link_targets
from tests.conftest import copy_base_data
from tests.link_servers import LocalHost, Requests, _redirect, _text

FAST = ["--timeout", "2", "--retries", "0", "--processes", "2", "--max-age", "0"]
PUBLIC = "https://old.example.org"

ROUTES: dict[str, Any] = {
    "/p301": lambda h, n: _redirect(301, "/new-301"),
    "/p308": lambda h, n: _redirect(308, "/new-308"),
    "/p302": lambda h, n: _redirect(302, "/new-302"),
    "/to-root": lambda h, n: _redirect(301, "/"),
    "/to-login": lambda h, n: _redirect(301, "/users/sign_in?return_to=%2Fp"),
    "/mixed": lambda h, n: _redirect(301, "/mid"),
    "/mid": lambda h, n: _redirect(307, "/end"),
    "/later": lambda h, n: _text(200),
    **{path: (lambda h, n: _text(200)) for path in ("/", "/new-301", "/new-308", "/new-302")},
    **{path: (lambda h, n: _text(200)) for path in ("/users/sign_in?return_to=%2Fp", "/end")},
    "/new-later": lambda h, n: _text(200),
}
MOVED = ("/p301", "/p308", "/p302", "/to-root", "/to-login", "/mixed", "/later")

DATA = """\
  # Moved permanently: rewritten after two runs.
  - id: moved-301
    title: {fr: Déplacé, en: Moved}  # a comment that stays
    url: PUBLIC/p301 # the address, as published
    description:
      fr: Voir [la page](PUBLIC/p301) et PUBLIC/p301/annexe.
      en: >-
        See <PUBLIC/p301>, not PUBLIC/p301x.
    category: software
    type: tool
    languages: [en]
    added: 2026-11-22
  - id: moved-308
    title: {fr: Déplacé 308, en: Moved 308}
    url: "PUBLIC/p308"
    links:
      - url: PUBLIC/p302
        label: {fr: Temporaire, en: Temporary}
    description: {fr: Déplacé., en: Moved.}
    category: software
    type: tool
    languages: [en]
    added: 2026-11-22
  # Redirects that must be left alone.
  - id: to-root
    title: {fr: Racine, en: Root}
    url: PUBLIC/to-root
    description: {fr: Racine., en: Root.}
    category: software
    type: tool
    languages: [en]
    added: 2026-11-22
  - id: to-login
    title: {fr: Connexion, en: Login}
    url: PUBLIC/to-login
    description: {fr: Connexion., en: Login.}
    category: software
    type: tool
    languages: [en]
    added: 2026-11-22
  - id: mixed
    title: {fr: Mixte, en: Mixed}
    url: PUBLIC/mixed
    description: {fr: Mixte., en: Mixed.}
    category: software
    type: tool
    languages: [en]
    added: 2026-11-22
  - id: later
    title: {fr: Plus tard, en: Later}
    url: PUBLIC/later
    description: {fr: Plus tard., en: Later.}
    category: software
    type: tool
    languages: [en]
    added: 2026-11-22
""".replace("PUBLIC", PUBLIC)


@pytest.fixture(scope="module")
def host() -> Iterator[LocalHost]:
    served = LocalHost(dict(ROUTES), Requests())
    yield served
    served.close()


@pytest.fixture(scope="module")
def two_runs(host: LocalHost, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Two scheduled runs against the local server; /later moves only before the second."""
    folder = tmp_path_factory.mktemp("redirects")
    urls = folder / "urls.txt"
    urls.write_text("".join(f"{host.url}{path}\n" for path in MOVED), encoding="utf-8")
    report = folder / "report.json"
    arguments = ["check-links", "--urls", str(urls), "--report", str(report), *FAST]
    arguments += ["--data", str(copy_base_data(folder / "data"))]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DEEPSCOPIE_ALLOW_NETWORKS", "127.0.0.0/8")
        main(arguments)
        host.routes["/later"] = lambda h, n: _redirect(301, "/new-later")
        main(arguments)
    text = report.read_text(encoding="utf-8")
    records = {record["url"].removeprefix(host.url): record for record in json.loads(text)["links"]}
    return {"folder": folder, "report": text, "records": records}


def test_each_hop_is_asked_so_permanent_and_temporary_redirects_are_told_apart(
    two_runs: dict[str, Any], host: LocalHost
) -> None:
    records = two_runs["records"]
    seen = {
        path: (r["redirect_status"], r["permanent_url"], r["redirect_runs"])
        for path, r in records.items()
    }
    assert seen["/p301"] == (301, f"{host.url}/new-301", 2)
    assert seen["/p308"] == (308, f"{host.url}/new-308", 2)
    assert seen["/p302"] == (302, None, 0)
    assert seen["/mixed"] == (301, f"{host.url}/mid", 2)  # up to the temporary hop only
    assert seen["/later"] == (301, f"{host.url}/new-later", 1)  # a first sighting


def _data_and_report(two_runs: dict[str, Any], host: LocalHost, folder: Path) -> Path:
    """The data with the test resources, and the two runs' report as it would read had the
    local server been old.example.org (the same answers, under a public name)."""
    data = copy_base_data(folder / "data")
    resources = data / "resources.yaml"
    resources.write_text(resources.read_text(encoding="utf-8") + DATA, encoding="utf-8")
    records = json.loads(two_runs["report"].replace(host.url, PUBLIC))["links"]
    known = {record["url"] for record in records}
    stamp = records[0]["checked_at"]
    for url in link_targets(load_knowledge_base(DataFiles.in_folder(data))):
        if url not in known:  # the fixture's other addresses: fresh, fine, not fetched again
            records.append(
                {"url": url, "class": "ok", "status": 200, "final_url": None, "message": "200 OK",
                 "checked_at": stamp, "first_failure": None, "consecutive_failures": 0}
            )  # fmt: skip
    # (the first version of the report, a bare list of links, is still read)
    (folder / "report.json").write_text(json.dumps(records), encoding="utf-8")
    return data


def test_permanent_redirects_seen_twice_are_rewritten_and_nothing_else(
    two_runs: dict[str, Any], host: LocalHost, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data_and_report(two_runs, host, tmp_path)
    resources = data / "resources.yaml"
    before = resources.read_text(encoding="utf-8")
    code = main(
        ["check-links", "--data", str(data), "--report", str(tmp_path / "report.json"),
         "--max-age", "1000", "--fix-redirects"]
    )  # fmt: skip
    assert code == 0
    after = resources.read_text(encoding="utf-8")
    changed = [
        (old, new)
        for old, new in zip(before.splitlines(), after.splitlines(), strict=True)
        if old != new
    ]
    assert changed == [
        (
            f"    url: {PUBLIC}/p301 # the address, as published",
            f"    url: {PUBLIC}/new-301 # the address, as published",
        ),
        (
            f"      fr: Voir [la page]({PUBLIC}/p301) et {PUBLIC}/p301/annexe.",
            f"      fr: Voir [la page]({PUBLIC}/new-301) et {PUBLIC}/p301/annexe.",
        ),
        (f"        See <{PUBLIC}/p301>, not {PUBLIC}/p301x.", f"        See <{PUBLIC}/new-301>, not {PUBLIC}/p301x."),
        (f'    url: "{PUBLIC}/p308"', f'    url: "{PUBLIC}/new-308"'),
        (f"    url: {PUBLIC}/mixed", f"    url: {PUBLIC}/mid"),
    ]  # fmt: skip

    # Every comment kept, word for word; the result validates.
    def comments(text: str) -> list[str]:
        return [line[line.index("#") :] for line in text.splitlines() if "#" in line]

    assert comments(after) == comments(before) and len(comments(before)) == 4
    load_knowledge_base(DataFiles.in_folder(data))
    out = capsys.readouterr().out
    assert (
        f"resources.yaml:{before.splitlines().index(changed[0][0]) + 1}:10: {PUBLIC}/p301 → {PUBLIC}/new-301 (301, seen on 2 runs)"
        in out
    )
    assert f"{PUBLIC}/p308 → {PUBLIC}/new-308 (308, seen on 2 runs)" in out
    assert f"left alone: {PUBLIC}/to-root → {PUBLIC}/: it leads to the site's home page" in out
    assert (
        f"left alone: {PUBLIC}/to-login → {PUBLIC}/users/sign_in?return_to=%2Fp: it leads to a login page"
        in out
    )
    assert "fix-redirects: 3 address(es) rewritten at 5 places in" in out
    for untouched in ("/p302", "/to-root", "/to-login", "/later"):
        assert f"url: {PUBLIC}{untouched}\n" in after


def test_a_rewrite_that_would_not_validate_writes_nothing(
    two_runs: dict[str, Any], host: LocalHost, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data_and_report(two_runs, host, tmp_path)
    resources = data / "resources.yaml"
    # Another resource already has the new address: two entries would share it.
    resources.write_text(
        resources.read_text(encoding="utf-8").replace(f"{PUBLIC}/later", f"{PUBLIC}/new-308"),
        encoding="utf-8",
    )
    before = resources.read_text(encoding="utf-8")
    main(["check-links", "--data", str(data), "--report", str(tmp_path / "report.json"),
          "--max-age", "1000", "--fix-redirects"])  # fmt: skip
    assert (
        f"left alone: {PUBLIC}/p308 → {PUBLIC}/new-308: the new address is already in the data"
        in capsys.readouterr().out
    )
    assert f'url: "{PUBLIC}/p308"' in resources.read_text(encoding="utf-8")
    assert resources.read_text(encoding="utf-8") != before  # the others were still fixed


def test_a_redirect_that_would_change_the_yaml_around_it_is_left_alone(
    two_runs: dict[str, Any], host: LocalHost, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An entry written as a flow mapping; a server that redirects it to an address whose
    # commas and quotes, written in place, would add fields (a status, a replacement).
    data = _data_and_report(two_runs, host, tmp_path)
    resources = data / "resources.yaml"
    flow = (
        "  - {id: flowy, title: {fr: Flux, en: Flow}, url: PUBLIC/flowy, description: {fr: Flux., "
        "en: Flow.}, category: software, type: tool, languages: [en], added: 2026-11-22}\n"
    ).replace("PUBLIC", PUBLIC)
    resources.write_text(resources.read_text(encoding="utf-8") + flow, encoding="utf-8")
    report = tmp_path / "report.json"
    records = json.loads(report.read_text(encoding="utf-8"))
    hostile = f"{PUBLIC}/b,'status':'discontinued','replaced_by':'https://phish-example.org/x'"
    moved = next(record for record in records if record["url"] == f"{PUBLIC}/p301")
    records.append({**moved, "url": f"{PUBLIC}/flowy", "permanent_url": hostile})
    report.write_text(json.dumps(records), encoding="utf-8")
    main(["check-links", "--data", str(data), "--report", str(report), "--max-age", "1000",
          "--fix-redirects"])  # fmt: skip
    out = capsys.readouterr().out
    assert f"left alone: {PUBLIC}/flowy → {hostile}: written in place, it would change" in out
    after = resources.read_text(encoding="utf-8")
    assert flow in after and f"{PUBLIC}/new-301" in after  # the others were still fixed
    flowy = next(
        r for r in load_knowledge_base(DataFiles.in_folder(data)).resources if r.id == "flowy"
    )
    assert (flowy.url, flowy.status, flowy.replaced_by) == (f"{PUBLIC}/flowy", "active", None)


@pytest.mark.parametrize(
    ("new", "reason"),
    [
        ("https://accounts.example.org/ServiceLogin?continue=x", "it leads to a login page"),
        ("https://example.org/login", "it leads to a login page"),
        ("https://sso.example.org/idp/profile", "it leads to a login page"),
        ("https://example.org/", "it leads to the site's home page, not to the page itself"),
        ("https://example.org/page?utm_source=x", "the new address is not acceptable: remove the tracking parameters (utm_source)"),
        ("http://10.0.0.8/page", "the new address is not acceptable: '10.0.0.8' is a local or private address, not reachable by readers"),
        ("https://example.org/blog/logging-in-microscopy", None),
        ("https://example.org/docs/", None),
    ],
)  # fmt: skip
def test_what_a_redirect_may_not_be_rewritten_to(new: str, reason: str | None) -> None:
    assert refusal("https://example.org/old/page", new) == reason


def test_a_redirect_that_could_not_be_asked_keeps_its_history() -> None:
    """A timeout on the second run says nothing about the redirect: it is not started again."""
    url, new = f"{PUBLIC}/p301", f"{PUBLIC}/new-301"
    verdict = {url: Verdict(url, "redirected", 301, new, "")}
    first = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
    seen = merge({}, verdict, {}, first, {url: RedirectProbe(301, new)})
    unanswered = RedirectProbe(None, None, answered=False)
    kept = merge(seen, verdict, {}, first + datetime.timedelta(days=1), {url: unanswered})
    assert (kept[url].permanent_url, kept[url].redirect_runs) == (new, 1)
    again = merge(
        kept, verdict, {}, first + datetime.timedelta(days=2), {url: RedirectProbe(301, new)}
    )
    assert again[url].redirect_runs == 2
