"""How long a clean bilingual build takes, and how much memory, against the same pages built
as plain Markdown without the hooks (the baseline), for knowledge bases of several sizes.

The baseline is the generated pages as the hooks wrote them, copied as hand-written Markdown
(home and guide with their markers filled), mkdocs.yml without the hooks but with the same
navigation, and Pagefind run on the result: the same site and search index, without reading
the YAML or rendering it. The hooks' overhead is the ratio between the two.

Run: .venv/bin/python bench/build.py [--runs 3] [--sizes 150,1000,10000] [--real]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from common import BUILD_ENVIRONMENT, project_copy, real_data, synthetic_data

from deepscopie.generated_files import write_pages
from deepscopie.knowledge_base import DataFiles, load_knowledge_base
from deepscopie.render.navigation import navigation
from deepscopie.render.pages import fill_guide_page, fill_home_page
from deepscopie.render.texts import language_codes

# One build in a fresh interpreter, reporting its wall time and the peak memory of the
# largest process it ran (MkDocs itself, or Pagefind).
_TIMED_BUILD = """
import resource, subprocess, sys, time
started = time.perf_counter()
subprocess.run(sys.argv[1:], check=True)
for command in PAGEFIND:
    subprocess.run(command, check=True)
elapsed = time.perf_counter() - started
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


@dataclass(frozen=True)
class BuildFigures:
    seconds: float  # median wall time
    peak_mib: float  # median peak resident memory of the largest process


def timed_build(project: Path, config: str, with_pagefind: bool, site: str) -> tuple[float, float]:
    """(seconds, peak MiB) of one clean build of ``project`` into its new folder ``site``."""
    pagefind = [[sys.executable, "-m", "pagefind", "--site", site, "--silent"]]
    script = _TIMED_BUILD.replace("PAGEFIND", repr(pagefind if with_pagefind else []))
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "--site-dir", site]
    run = subprocess.run(
        [sys.executable, "-c", script, *mkdocs],
        cwd=project,
        env=BUILD_ENVIRONMENT,
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:  # what failed, rather than a bare exit status
        sys.exit(f"{config} in {project}: the build failed\n{run.stderr[-4000:]}")
    output = run.stdout.split()
    return float(output[-2]), int(output[-1]) / 1024


def clean_generated(project: Path) -> None:
    """Remove the pages the hooks generate, so that the next build starts from nothing."""
    write_pages(project / "docs", [])


def one_build(project: Path, config: str, with_pagefind: bool) -> tuple[float, float]:
    """(seconds, peak MiB) of a clean build of ``project``, generated pages included.

    Each build writes a site folder of its own, removed only with the bench's folder: on a
    filesystem without a journal (ext4 on this project's virtual machines), creating files
    within a minute or so of deleting many is slowed by the search for inodes not recently
    freed (20,000 Pagefind files after the last site's 20,000 took 5 to 10 s of system time).
    A clean build (a fresh clone in CI) follows no such deletion; the bench's own would."""
    if config == "mkdocs.yml":
        clean_generated(project)
    sites = sorted(project.glob("site-*"))
    return timed_build(project, config, with_pagefind, f"site-{len(sites)}")


def figures(samples: list[tuple[float, float]]) -> BuildFigures:
    return BuildFigures(
        statistics.median(s for s, _ in samples), statistics.median(m for _, m in samples)
    )


def plain_markdown_copy(project: Path, folder: Path) -> Path:
    """The site of ``project`` (built once) as plain Markdown and a configuration without hooks."""
    shutil.copytree(project, folder, ignore=shutil.ignore_patterns("site-*"))
    base = load_knowledge_base(DataFiles.in_folder(project / "data"))
    for language in language_codes():
        home = folder / "docs" / f"index.{language}.md"
        filled = fill_home_page(home.read_text(encoding="utf-8"), base, language, "index.md")
        home.write_text(filled, encoding="utf-8")
        guide = folder / "docs" / f"contribute.{language}.md"
        filled = fill_guide_page(guide.read_text(encoding="utf-8"), base, language, form=False)
        guide.write_text(filled, encoding="utf-8")
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^hooks:\n(  - .*\n)+", "hooks:\n  - hooks/texts.py\n", config)
    config += "\n" + yaml.safe_dump(
        {"nav": navigation(base, language_codes()[0])}, allow_unicode=True
    )
    (folder / "plain.yml").write_text(config, encoding="utf-8")
    shutil.rmtree(folder / "hooks")
    (folder / "hooks").mkdir()
    (folder / "hooks" / "texts.py").write_text(_TEMPLATE_TEXTS_HOOK, encoding="utf-8")
    return folder


# The templates' words (the interface's, per language), which any site in several languages
# needs: the baseline gets them too, without the data (the 404 page lists no category).
_TEMPLATE_TEXTS_HOOK = """
from deepscopie.languages import site_languages
from deepscopie.render.template_globals import template_globals
from deepscopie.render.texts import text
from deepscopie.render.typography import typeset


def on_env(env, config, files):
    i18n = config.plugins.get("i18n")
    code = getattr(i18n, "current_language", None) or site_languages().default.code
    env.globals.update(
        t=lambda key, **values: typeset(text(key, code), code).format(**values),
        **template_globals(code, None),
        not_found={"categories": [], "languages": [], "site_path": "/"},
    )
    return env
"""


def knowledge_bases(work: Path, sizes: list[int], real: bool) -> dict[str, Path]:
    bases = {f"{size:,} (synthetic)": synthetic_data(work / f"data-{size}", size) for size in sizes}
    if real:
        bases["960 (NFDI4BIOIMAGE list)"] = real_data(work / "data-real")
    return bases


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="150,1000,10000")
    parser.add_argument("--real", action="store_true", help="the real 960-entry list too")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"Clean bilingual build, median of {args.runs}\n")
    print("| resources | build | peak memory | plain Markdown (baseline) | hooks' overhead |")
    print("|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for name, data in knowledge_bases(work, sizes, args.real).items():
            project = project_copy(data, work / f"project-{data.name}")
            one_build(project, "mkdocs.yml", with_pagefind=False)  # the pages the baseline copies
            plain = plain_markdown_copy(project, work / f"plain-{data.name}")
            one_build(plain, "plain.yml", with_pagefind=True)  # its first build, untimed too
            # Alternated, each first in turn, so that a slower minute of a shared machine
            # weighs on both alike.
            sides = [(project, "mkdocs.yml", False), (plain, "plain.yml", True)]
            samples: dict[str, list[tuple[float, float]]] = {"mkdocs.yml": [], "plain.yml": []}
            for run in range(args.runs):
                for side, config, with_pagefind in sides if run % 2 == 0 else sides[::-1]:
                    samples[config].append(one_build(side, config, with_pagefind))
            ours, baseline = figures(samples["mkdocs.yml"]), figures(samples["plain.yml"])
            overhead = ours.seconds / baseline.seconds - 1
            print(
                f"| {name} | {ours.seconds:.1f} s | {ours.peak_mib:.0f} MiB "
                f"| {baseline.seconds:.1f} s | {overhead:+.0%} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
