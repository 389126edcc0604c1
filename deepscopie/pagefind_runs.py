"""Several Pagefinds at once, waited for together.

``python -m deepscopie.pagefind_runs FOLDER PLAN`` runs, for each language of the JSON
``PLAN`` (``{"command": [...], "sites": {"fr": SITE, ...}, "bundles": BUNDLES, "build":
PID, "more": true}``), the command with ``--site SITE --output-path BUNDLES/LANGUAGE``
(BUNDLES: FOLDER if not given); with ``more``, then for the languages of each line of its
standard input (``{"en": SITE}``), until it ends: a build gives each language's records as
soon as they are made. What each said goes to ``FOLDER/LANGUAGE.txt`` and the exit statuses
to ``FOLDER/status.json``. Each SITE, a folder of records written for this run, is removed once
the Pagefinds end (and the input, with ``more``), even if the build that wrote it is gone; so
are FOLDER and BUNDLES when that build is gone (killed): nobody will install its bundles, and
in memory (``/dev/shm``) they would hold it until the machine restarts.

The search index (:mod:`deepscopie.search_index`) starts it in a session of its own: its
Pagefinds are then one process group, stopped together, and, where Linux shares the cores
between sessions (autogroup), one share beside MkDocs, which keeps a core to itself. It
imports nothing heavy: it starts at every build.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

STATUS_FILE = "status.json"


def main(arguments: Sequence[str]) -> int:
    folder, plan = Path(arguments[0]), json.loads(arguments[1])
    build = plan.get("build")  # the process id of the build that waits for the bundles
    sites: dict[str, str] = {}
    bundles = Path(plan.get("bundles") or folder)
    runs: dict[str, subprocess.Popen[bytes]] = {}
    statuses: dict[str, int | str] = {}

    def start(languages: dict[str, str]) -> None:
        sites.update(languages)
        for language, site in languages.items():
            output_path = str(bundles / language)
            command = [*plan["command"], "--site", site, "--output-path", output_path]
            with (folder / f"{language}.txt").open("wb") as output:
                runs[language] = subprocess.Popen(
                    command, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT
                )

    try:
        start(plan["sites"])
        if plan.get("more"):  # the build's other languages, each line as their records are made
            for line in sys.stdin:
                start(json.loads(line))
        for language, run in runs.items():
            statuses[language] = run.wait()
    except (OSError, ValueError, KeyboardInterrupt) as error:  # said for the missing statuses
        for language in sites.keys() - statuses.keys():
            statuses[language] = f"not run: {error}"
    finally:
        for run in runs.values():
            if run.poll() is None:
                run.kill()
                run.wait()
        for site in sites.values():
            shutil.rmtree(site, ignore_errors=True)
    if build is not None and os.getppid() != build:  # gone: this process has another parent
        shutil.rmtree(bundles, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)
        return 0
    (folder / STATUS_FILE).write_text(json.dumps(statuses), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
