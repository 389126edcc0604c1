"""Shared paths and helpers for the tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = Path(os.environ.get("DEEPSCOPIE_SEEDS", REPO.parent / "shared" / "seeds"))


def copy_base_data(folder: Path) -> Path:
    """A valid little knowledge base in ``folder``; returns ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in (FIXTURES / "base").glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def seeds() -> Path:
    """The seed documents beside the repository (shared/seeds)."""
    if not SEEDS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the seed documents are missing: {SEEDS}")
        pytest.skip(f"the seed documents are not beside this clone ({SEEDS})")
    return SEEDS
