"""What a link check tells people: a summary by class, and a Markdown (or HTML) report for a
GitLab job log or a merge-request comment."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from markdown_it import MarkdownIt

from deepscopie.escaping import html_text
from deepscopie.links.classify import (
    BLOCKED,
    BROKEN,
    CLASSES,
    IGNORED,
    RATE_LIMITED,
    REDIRECTED,
    SERVER_ERROR,
    TIMEOUT,
)  # fmt: skip
from deepscopie.links.history import LinkRecord

# Sections of the report, most urgent first: (title, which records, what to do).
_SECTIONS = (
    (
        "Broken",
        "broken",
        "Fix or replace these addresses (or mark the resource `url_needed: true`).",
    ),
    (
        "Failing, not yet confirmed",
        "failing",
        "Failed this run only: checked again next run before being called broken.",
    ),
    ("Redirected", REDIRECTED, "The address moved: put the final address in the data."),
    ("Blocked", BLOCKED, "The site refuses automated clients: check by hand if in doubt."),
    ("Rate-limited", RATE_LIMITED, "The site asked to slow down: checked again next run."),
    ("Ignored", IGNORED, "Listed in data/link-ignore.yaml."),
)


def summary_table(records: Iterable[LinkRecord], threshold: int) -> str:
    """``class  count`` lines, plus how many are called broken."""
    records = list(records)
    counts = Counter(record.klass for record in records)
    width = max(len(klass) for klass in CLASSES)
    lines = [f"{'class':<{width}}  count", f"{'-' * width}  -----"]
    lines += [f"{klass:<{width}}  {counts[klass]:>5}" for klass in CLASSES if counts[klass]]
    lines.append(f"{'total':<{width}}  {len(records):>5}")
    broken = sum(record.is_broken(threshold) for record in records)
    lines.append(f"{broken} broken for {threshold} run(s) in a row or more")
    return "\n".join(lines)


def markdown_report(
    records: Mapping[str, LinkRecord], threshold: int, title: str = "Link check"
) -> str:
    """The report as Markdown: a summary, then the links that need a look, by kind."""
    values = sorted(records.values(), key=lambda record: record.url)
    parts = [f"# {title}", "```text\n" + summary_table(values, threshold) + "\n```"]
    for heading, kind, advice in _SECTIONS:
        chosen = [record for record in values if _in_section(record, kind, threshold)]
        if not chosen:
            continue
        rows = ["| address | seen in | what happened |", "| --- | --- | --- |"]
        rows += [
            _row(record.url, ", ".join(record.sources), _what(record, threshold))
            for record in chosen
        ]
        parts.append(f"## {heading} ({len(chosen)})\n\n{advice}\n\n" + "\n".join(rows))
    if len(parts) == 2:
        parts.append("Every address answered.")
    return "\n\n".join(parts) + "\n"


def html_report(markdown: str, title: str = "Link check") -> str:
    """The Markdown report as a standalone HTML page."""
    # Raw HTML off: the report quotes addresses and messages that any web server chose.
    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html_text(title)}</title><style>{_STYLE}</style></head>"
        f"<body>\n{body}</body></html>\n"
    )


def _in_section(record: LinkRecord, kind: str, threshold: int) -> bool:
    if kind == "broken":
        return record.is_broken(threshold)
    if kind == "failing":
        return record.klass in (BROKEN, TIMEOUT, SERVER_ERROR) and not record.is_broken(threshold)
    return record.klass == kind


def _what(record: LinkRecord, threshold: int) -> str:
    text = record.message
    if record.final_url:
        text = f"now at {record.final_url}"
    if record.is_broken(threshold) and record.first_failure:
        text += f" (failing since {record.first_failure[:10]}, {record.consecutive_failures} runs)"
    return text


_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}"
    "table{border-collapse:collapse}"
    "td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}"
)


def _row(*cells: str) -> str:
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
