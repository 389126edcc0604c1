"""LinkChecker's csv output, read into one :class:`CheckedRow` per URL.

LinkChecker has no JSON output; its csv is ';'-separated with a header line, comment lines
starting with '#', multi-line quoted fields (one redirect per line), and rows that can be short.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

FIELDS = (
    "urlname", "parentname", "base", "result", "warningstring", "infostring",
    "valid", "url", "line", "column", "name", "dltime", "size", "checktime",
    "cached", "level", "modified",
)  # fmt: skip


@dataclass(frozen=True)
class CheckedRow:
    """What LinkChecker said of one URL."""

    url: str  # as given to LinkChecker
    result: str  # "200 OK", "404 Not Found", "ReadTimeout: …", "syntax OK"
    warnings: str
    info: str
    valid: bool
    final_url: str  # after redirects
    parent: str = ""  # the page the link was found on (internal checks)
    line: str = ""


def parse_csv(text: str) -> list[CheckedRow]:
    """Every row of LinkChecker's csv output."""
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("#")]
    reader = csv.reader(io.StringIO("".join(lines)), delimiter=";", quotechar='"')
    rows = []
    for fields in reader:
        if not fields or fields[0] == "urlname":
            continue
        padded = dict(zip(FIELDS, [*fields, *[""] * len(FIELDS)], strict=False))
        rows.append(
            CheckedRow(
                url=padded["urlname"],
                result=padded["result"],
                warnings=padded["warningstring"],
                info=padded["infostring"],
                valid=padded["valid"] == "True",
                final_url=padded["url"] or padded["urlname"],
                parent=padded["parentname"],
                line=padded["line"],
            )
        )
    return rows
