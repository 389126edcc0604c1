"""Several Pagefinds at once, waited for together.

``python -m deepscopie.pagefind_runs FOLDER PLAN`` runs, for each language of the JSON
``PLAN`` (``{"command": [...], "sites": {"fr": SITE, ...}}``), the command with
``--site SITE --output-path FOLDER/LANGUAGE``; what each said goes to ``FOLDER/LANGUAGE.txt``
and the exit statuses to ``FOLDER/status.json``.

The search index (:mod:`deepscopie.search_index`) starts it in a session of its own: its
Pagefinds are then one process group, stopped together, and, where Linux shares the cores
between sessions (autogroup), one share beside MkDocs, which keeps a core to itself. It
imports nothing heavy: it starts at every build.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

STATUS_FILE = "status.json"


def main(arguments: Sequence[str]) -> int:
    folder, plan = Path(arguments[0]), json.loads(arguments[1])
    runs = {}
    for language, site in plan["sites"].items():
        command = [*plan["command"], "--site", site, "--output-path", str(folder / language)]
        with (folder / f"{language}.txt").open("wb") as output:
            runs[language] = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    statuses = {language: run.wait() for language, run in runs.items()}
    (folder / STATUS_FILE).write_text(json.dumps(statuses), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
