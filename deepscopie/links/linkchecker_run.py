"""Run one LinkChecker process on a list of URLs and read its answer.

URLs go in on standard input and the csv comes back on standard output: no file is shared
with the process, which matters because LinkChecker run as root switches to user `nobody`
and could not read or write ours.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from deepscopie.links.linkchecker_output import CheckedRow, parse_csv
from deepscopie.net_guard import guarded_environment

# Used when the caller gives none (see the file for why there is always one).
DEFAULT_CONFIG = Path(__file__).with_name("linkcheckerrc")


class LinkCheckerError(RuntimeError):
    """LinkChecker could not run; the message says what it printed."""


@dataclass(frozen=True)
class RunSettings:
    """How one LinkChecker process checks its URLs."""

    timeout: int = 20  # seconds per connection attempt
    threads: int = 4
    user_agent: str | None = None
    config_file: Path | None = None
    recursive: bool = False  # internal checks crawl the site; external ones check each URL only
    check_external: bool = True
    # Networks the guard lets LinkChecker connect to beyond public addresses (tests, the
    # internal check's own server); DEEPSCOPIE_ALLOW_NETWORKS adds to them.
    allow_networks: tuple[str, ...] = ()


def run_linkchecker(
    urls: Sequence[str], settings: RunSettings, on_checked: Callable[[str], None] | None = None
) -> list[CheckedRow]:
    """LinkChecker's rows for ``urls``; ``on_checked(url)`` is called as each one is reported."""
    command = [
        # LinkChecker inside the network guard: no connection to a non-public address.
        sys.executable, "-m", "deepscopie.links.guarded_linkchecker", "--no-status", "--verbose",
        "--output", "csv/utf-8",
        "--timeout", str(settings.timeout), "--threads", str(settings.threads), "--stdin",
    ]  # fmt: skip
    if not settings.recursive:
        command += ["--recursion-level", "0"]
    if settings.check_external:
        command.append("--check-extern")
    if settings.user_agent:
        command += ["--user-agent", settings.user_agent]
    command += ["--config", str(settings.config_file or DEFAULT_CONFIG)]
    given = set(urls)
    output: list[str] = []
    errors: list[str] = []
    with subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=guarded_environment(settings.allow_networks),
    ) as process:
        assert process.stdin and process.stdout and process.stderr
        stderr = process.stderr
        reader = threading.Thread(target=lambda: errors.append(stderr.read()), daemon=True)
        reader.start()
        process.stdin.write("\n".join(urls) + "\n")
        process.stdin.close()
        for line in process.stdout:
            output.append(line)
            started = line.split(";", 1)[0]
            if on_checked is not None and started in given:
                on_checked(started)
        process.wait()
        reader.join()
    # LinkChecker exits 1 when it found errors or warnings: that is an answer, not a failure.
    if process.returncode not in (0, 1):
        raise LinkCheckerError(
            f"LinkChecker exited with {process.returncode}: {''.join(errors)[-2000:]}"
        )
    return parse_csv("".join(output))
