"""ruff and mypy, as in the merge request pipeline."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_is_clean(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_site_scripts_use_no_regular_expression_lookbehind() -> None:
    # Safari before 16.4 (iOS 16.3 and older) rejects a whole script that writes one: search,
    # the permalink's highlight and Explore would all be gone for its readers.
    scripts = sorted((REPO / "docs" / "assets" / "javascripts").glob("*.js"))
    assert scripts
    found = [
        f"{script.name}:{number}"
        for script in scripts
        for number, line in enumerate(script.read_text(encoding="utf-8").splitlines(), 1)
        if "(?<=" in line or "(?<!" in line
    ]
    assert not found, found
