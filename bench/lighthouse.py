"""Lighthouse (npm, run with Debian's Chromium) on the home page, a category page, the FAQ and
Explore (or, with --all-kinds, one page of every kind), in both languages, with its default mobile
profile (a mid-range phone on a slow 4G link).

Prints the four scores (performance, accessibility, best practices, SEO; target ≥ 95 each),
the largest contentful paint and total blocking time, and each page's weight.
The site is built with a public address (SITE_URL) as GitLab Pages builds it, and served
with the compressed copies `make pages` writes, by a local server that sends them as GitLab
Pages does.

Run: .venv/bin/python bench/lighthouse.py [--runs 3] [--all-kinds | --only Explore,tag]
(first: npm ci --prefix bench/lighthouse)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import REPO, chromium_path, mkdocs_build, project_copy, served_under

LIGHTHOUSE = Path(__file__).resolve().parent / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "category": "categories/software/", "FAQ": "faq/", "Explore": "explore/"}
# One page of every other kind (the readers' pages the three above do not stand for).
OTHER_KINDS = {
    "tag": "tags/segmentation/",
    "tag index": "tags/",
    "type": "types/tool/",
    "type index": "types/",
    "statistics": "statistics/",
    "about": "about/",
    "contribute": "contribute/",
    "propose": "propose/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PORT = 8931
SUB_PATH = "/deepscopie/"


def audit(url: str, output: Path) -> dict[str, float]:
    flags = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            f"--chrome-flags={flags}",
            "--output=json",
            f"--output-path={output}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        env={**os.environ, "CHROME_PATH": chromium_path()},
        check=True,
    )
    report = json.loads(output.read_text(encoding="utf-8"))
    figures = {name: report["categories"][name]["score"] * 100 for name in CATEGORIES}
    audits = report["audits"]
    figures["lcp"] = audits["largest-contentful-paint"]["numericValue"]
    figures["tbt"] = audits["total-blocking-time"]["numericValue"]
    figures["bytes"] = audits["total-byte-weight"]["numericValue"]
    failing = [
        f"{name}: {audits[ref['id']]['title']}"
        for name in CATEGORIES
        for ref in report["categories"][name]["auditRefs"]
        if ref.get("weight") and (audits[ref["id"]].get("score") or 1) < 0.9
    ]
    for line in failing:
        print(f"  {url}: {line}", file=sys.stderr)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--all-kinds", action="store_true", help="every kind of page")
    parser.add_argument("--only", help="these kinds of page (comma-separated names)")
    args = parser.parse_args()
    pages = {**PAGES, **OTHER_KINDS} if args.all_kinds or args.only else PAGES
    if args.only:
        wanted = args.only.split(",")
        if unknown := set(wanted) - pages.keys():
            known = ", ".join(pages)
            sys.exit(f"no such kind of page: {', '.join(sorted(unknown))} (among {known})")
        pages = {name: pages[name] for name in wanted}
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: npm ci --prefix bench/lighthouse")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        project = project_copy(REPO / "data", work / "project")
        # Built with its public address, as GitLab Pages builds it.
        mkdocs_build(project, environment={"SITE_URL": f"http://127.0.0.1:{PORT}{SUB_PATH}"})
        print(f"Lighthouse {lighthouse_version()}, mobile profile, median of {args.runs}\n")
        print(
            "| page | performance | accessibility | best practices | SEO "
            "| largest paint | blocking time | weight |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        with served_under(project / "site", SUB_PATH, PORT) as address:
            for language, root in (("fr", ""), ("en", "en/")):
                for name, path in pages.items():
                    runs = [
                        audit(f"{address}{root}{path}", work / f"report-{n}.json")
                        for n in range(args.runs)
                    ]
                    median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
                    print(
                        f"| {name} ({language}) | {median['performance']:.0f} "
                        f"| {median['accessibility']:.0f} | {median['best-practices']:.0f} "
                        f"| {median['seo']:.0f} | {median['lcp'] / 1000:.1f} s "
                        f"| {median['tbt']:.0f} ms | {median['bytes'] / 1024:.0f} KiB |",
                        flush=True,
                    )


def lighthouse_version() -> str:
    return subprocess.run(
        [str(LIGHTHOUSE), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()


if __name__ == "__main__":
    main()
