"""The link check as a JUnit XML report, which GitLab shows in the merge request (its Tests tab
and widget): one test case per address.

GitLab reads a subset of JUnit: ``testsuites/testsuite/testcase`` with ``name`` and
``classname`` (shown as its name and suite), ``file``, ``time``, and inside a test case a
``failure``, ``error`` or ``skipped`` element whose *text* it shows, and ``system-out``. So:

- an address that blocks (broken for enough runs, or now with ``--changed-since``, or refused
  because it leads to a non-public address) is a ``failure`` whose text says what happened and
  where the address is used;
- one that may pass next time or cannot be verified (failing once, blocked, rate-limited,
  ignored) is ``skipped`` with its reason;
- the others pass; a redirect says its final address in ``system-out``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable

from deepscopie.links.classify import OK, REDIRECTED
from deepscopie.links.history import LinkRecord

SUITE = "external links"
# Characters XML 1.0 cannot carry, even escaped: a server's message could hold some.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FILES = {"resource": "data/resources.yaml", "faq": "data/faq.yaml"}


def junit_report(records: Iterable[LinkRecord], blocks: Callable[[LinkRecord], bool]) -> str:
    """The report of ``records``; ``blocks(record)`` says which fail the check."""
    records = sorted(records, key=lambda record: record.url)
    cases = [_case(record, blocks(record)) for record in records]
    failures = sum(case.find("failure") is not None for case in cases)
    skipped = sum(case.find("skipped") is not None for case in cases)
    counts = {"tests": str(len(cases)), "failures": str(failures), "errors": "0"}
    suites = ElementTree.Element("testsuites", {"name": "check-links", **counts})
    suite = ElementTree.SubElement(
        suites, "testsuite", {"name": SUITE, **counts, "skipped": str(skipped), "time": "0"}
    )
    suite.extend(cases)
    ElementTree.indent(suites)
    body = ElementTree.tostring(suites, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _case(record: LinkRecord, blocking: bool) -> ElementTree.Element:
    used_in = ", ".join(record.sources) or "-"
    case = ElementTree.Element(
        "testcase",
        {
            "name": _clean(record.url),
            "classname": _clean(record.sources[0] if record.sources else SUITE),
            "file": _file(record),
            "time": "0",
        },
    )
    what = _what(record)
    if blocking:
        failure = ElementTree.SubElement(
            case, "failure", {"type": record.klass, "message": _clean(what)}
        )
        failure.text = _clean(f"{record.klass}: {what}\naddress: {record.url}\nused in: {used_in}")
    elif record.klass not in (OK, REDIRECTED):
        skipped = ElementTree.SubElement(case, "skipped", {"message": _clean(what)})
        skipped.text = _clean(f"{record.klass}: {what} (not blocking)")
    output = ElementTree.SubElement(case, "system-out")
    output.text = _clean(f"{record.klass}: {what}\nused in: {used_in}")
    return case


def _what(record: LinkRecord) -> str:
    if record.klass == REDIRECTED and record.final_url:
        return f"redirected to {record.final_url}: put the final address in the data"
    if record.consecutive_failures > 1 and record.first_failure:
        return (
            f"{record.message} (failing since {record.first_failure[:10]}, "
            f"{record.consecutive_failures} runs in a row)"
        )
    return record.message


def _file(record: LinkRecord) -> str:
    kind = record.sources[0].split(":", 1)[0] if record.sources else ""
    return _FILES.get(kind, _clean(record.sources[0]) if record.sources else "")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
