"""No input makes a command print a traceback or die by a signal: `validate`, `add`, `add-faq`,
`fmt`, `stats`, `check-links` and the build, each on hostile files, end with exit code 1 or 2
and a message."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import build_site, copy_base_data, copy_project

BILLION_LAUGHS = "\n".join(
    ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    + ["resources: *a9"]
)
ENTRY = (
    "resources:\n  - id: cellpose\n    title: {fr: Cellpose, en: Cellpose}\n"
    "    url: URL\n    description: {fr: S., en: S.}\n    category: software\n"
    "    type: tool\n    languages: [en]\n    added: 2026-11-22\n"
)
# What an attacker (or an accident) puts in data/resources.yaml.
HOSTILE: dict[str, bytes] = {
    "deep flow lists": b"resources: " + b"[" * 50_000 + b"]" * 50_000 + b"\n",
    "deep flow mappings": b"resources: " + b"{a: " * 50_000 + b"1" + b"}" * 50_000 + b"\n",
    "deep block lists": "".join(f"{'  ' * i}- \n" for i in range(3_000)).encode(),
    "deep compact lists": b"resources:\n" + b"- " * 50_000 + b"x\n",
    "huge": b"resources:\n" + b"  # " + b"x" * (33 * 1024 * 1024) + b"\n",
    "binary": bytes(range(256)) * 64,
    "bad utf-8": b"resources:\n  - id: caf\xe9\n",
    "utf-16": "resources: []\n".encode("utf-16"),
    "nul in text": ENTRY.replace("URL", "https://www.cellpose.org/")
    .replace("S., en", '"\\0S.", en')
    .encode(),
    "python tag": b"resources: !!python/object/apply:os.system ['echo owned']\n",
    "tags everywhere": b"resources: !!seq\n  - !!map {id: !!str x}\n",
    "anchors and aliases": BILLION_LAUGHS.encode(),
    "port out of range": ENTRY.replace("URL", "http://www.example.org:99999/").encode(),
    "unreadable address": ENTRY.replace("URL", "http://[::1/").encode(),
    "octal year": ENTRY.replace("URL", "https://www.cellpose.org/").replace(
        "added: 2026-11-22", "added: 2026-11-22\n    year: 0o3720"
    ).encode(),
    "huge number": ENTRY.replace("URL", "https://www.cellpose.org/").replace(
        "added: 2026-11-22", "added: 2026-11-22\n    year: " + "9" * 5000
    ).encode(),
    "huge date": ENTRY.replace("URL", "https://x.org/").replace("2026-11-22", "99999-99-99").encode(),
    "a key that is a list": b"? [a, b]\n: c\nresources: []\n",
    "directives": b"%YAML 1.1\n%TAG ! tag:evil,2026:\n---\nresources: !x []\n",
    "several documents": b"resources: []\n---\nresources: []\n",
    "a scalar": b"just text\n",
    "a list": b"- resources\n",
    "empty": b"",
    "null": b"null\n",  # no data either: "ok: 0 resources", then the build crashed
    "a tilde in a document": b"--- ~\n...\n",
    "resources not a list": b"resources: 5\n",
    "entries not mappings": b"resources: [1, [2], null, true]\n",
    "id a list": b"resources:\n  - id: [1, 2]\n    url: {a: b}\n    tags: {x: 1}\n",
    "long line": b"resources:\n  - id: " + b"a" * 1_000_000 + b"\n",
    # A valid slug too long for a file name (tags/<id>/, the search's records): the build
    # failed after validation had passed.
    # A DOI is published (pages, exports): no right-to-left override, no NUL.
    "doi with a bidi override": ENTRY.replace("URL", "https://www.cellpose.org/")
    .replace("added: 2026-11-22", 'added: 2026-11-22\n    doi: "10.1234/abc\\u202egpj\\0"').encode(),
    "id too long for a file": ENTRY.replace("URL", "https://www.cellpose.org/")
    .replace("id: cellpose", "id: " + "a" * 300).encode(),
}  # fmt: skip
COMMANDS: dict[str, list[str]] = {
    "validate": ["validate", "--data", "DATA"],
    "fmt": ["fmt", "--data", "DATA"],
    "fmt --check": ["fmt", "--check", "--data", "DATA"],
    "stats": ["stats", "--data", "DATA"],
    "add": ["add", "--data", "DATA", "--url", "http://www.example.org:99999/", "--title-fr", "T",
            "--title-en", "T", "--description-fr", "D", "--description-en", "D", "--category",
            "software", "--type", "tool", "--language", "en"],
    "add-faq": ["add-faq", "--data", "DATA", "--source", "slack", "--title-fr", "T",
                "--title-en", "T", "--question-fr", "Q", "--question-en", "Q"],
    "check-links": ["check-links", "--data", "DATA", "--report", "DATA/report.json",
                    "--timeout", "1", "--retries", "0"],
}  # fmt: skip
DEEPSCOPIE = str(Path(sys.executable).with_name("deepscopie"))


def _assert_clean_failure(
    result: subprocess.CompletedProcess[str], what: str, codes: tuple[int, ...] = (1, 2)
) -> None:
    output = result.stdout + result.stderr
    assert result.returncode >= 0, f"{what}: killed by signal {-result.returncode}"
    assert "Traceback" not in output, f"{what}:\n{output[-3000:]}"
    assert result.returncode in codes, f"{what}: exit {result.returncode}\n{output[-2000:]}"
    assert output.strip(), f"{what}: failed without a word"


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folders = {}
    for name, content in HOSTILE.items():
        folder = copy_base_data(tmp_path_factory.mktemp("hostile"))
        (folder / "resources.yaml").write_bytes(content)
        folders[name] = folder
    return folders


# Runs every command on one data folder in one process (a process per command would take
# minutes): a traceback is caught and printed as such; a signal kills the whole process.
_DRIVER = """
import contextlib, io, json, sys, traceback
from deepscopie.cli import main
results = {}
for name, arguments in json.loads(sys.argv[1]).items():
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            code = main(arguments)
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 2
        except BaseException:
            code, _ = None, out.write(traceback.format_exc())
    results[name] = [code, out.getvalue()[-3000:]]
print(json.dumps(results))
"""


@pytest.mark.parametrize("case", HOSTILE)
def test_no_command_crashes_on_hostile_data(
    hostile_data: dict[str, Path], case: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(hostile_data[case], data)
    commands = {
        name: [part.replace("DATA", str(data)) for part in arguments]
        for name, arguments in COMMANDS.items()
    }
    result = subprocess.run(
        [sys.executable, "-c", _DRIVER, json.dumps(commands)],
        capture_output=True,
        text=True,
        errors="replace",
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
        env={**os.environ, "DEEPSCOPIE_ALLOW_NETWORKS": ""},
    )
    assert result.returncode == 0, f"{case}: exit {result.returncode}\n{result.stderr[-2000:]}"
    for command, (code, output) in json.loads(result.stdout).items():
        # fmt lays out any file YAML can read safely: what the data means is validate's job.
        codes = (0, 1, 2) if command.startswith("fmt") else (1, 2)
        done = subprocess.CompletedProcess([command], code if code is not None else 99, output, "")
        _assert_clean_failure(done, f"{command} on {case}", codes)


@pytest.mark.parametrize(
    "arguments",
    [
        ["check-links", "--urls", "URLS", "--allow-network", "not-a-network"],
        ["check-links", "--urls", "/nonexistent/urls.txt"],
        ["validate", "--data", "/nonexistent"],
        ["add", "--data", "/nonexistent", "--year", "2020"],
        ["add", "--data", "DATA", "--year", "9" * 5000],
        ["add-faq", "--data", "DATA", "--date", "2026-02-30"],
    ],
    ids=lambda arguments: " ".join(arguments)[:40],
)
def test_no_command_crashes_on_hostile_arguments(arguments: list[str], tmp_path: Path) -> None:
    data = copy_base_data(tmp_path / "data")
    urls = tmp_path / "urls.txt"
    urls.write_bytes(b"http://127.0.0.1:99999/\nhttp://[::1\n\xff\xfe\n")
    arguments = [part.replace("DATA", str(data)).replace("URLS", str(urls)) for part in arguments]
    result = subprocess.run(
        [DEEPSCOPIE, *arguments],
        capture_output=True,
        text=True,
        errors="replace",
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    _assert_clean_failure(result, " ".join(arguments))


@pytest.mark.parametrize(
    "case",
    [
        "deep flow lists",
        "binary",
        "python tag",
        "port out of range",
        "nul in text",
        "id too long for a file",
        "doi with a bidi override",
    ],
)
def test_the_build_fails_cleanly_on_hostile_data(case: str, tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "data" / "resources.yaml").write_bytes(HOSTILE[case])
    result = build_site(project)
    _assert_clean_failure(result, f"build on {case}")
    assert not (project / "site").exists()


@pytest.mark.parametrize("name", ["vocabulary.yaml", "faq.yaml", "link-ignore.yaml"])
def test_a_data_file_that_says_only_null_is_refused_at_its_place(name: str, tmp_path: Path) -> None:
    data = copy_base_data(tmp_path)
    (data / name).write_text("# emptied\nnull\n", encoding="utf-8")
    result = subprocess.run(
        [DEEPSCOPIE, "validate", "--data", str(data)], capture_output=True, text=True, check=False
    )
    _assert_clean_failure(result, name, codes=(1,))
    assert f"{name}:2:1:" in result.stdout, result.stdout
