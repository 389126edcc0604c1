"""MkDocs glue: the data is validated before anything is built.

The logic lives in the ``deepscopie`` package; this file only connects it to MkDocs's events.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from deepscopie.knowledge_base import DataFiles, load_knowledge_base
from deepscopie.problems import DataError, format_problems

DATA = Path(__file__).resolve().parent.parent / "data"


# Hooks


def on_config(config: Any) -> Any:
    """Refuse to build from data with problems: nothing half-published."""
    try:
        load_knowledge_base(DataFiles.in_folder(DATA))
    except DataError as error:
        raise PluginError(
            f"data/ has {len(error.problems)} problem(s):\n{format_problems(error.problems)}"
        ) from None
    return config
