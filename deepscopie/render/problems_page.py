"""The page an editor sees under `mkdocs serve` while the data has problems.

Every address of the site shows it: each problem at ``file:line:col``, with the rule, in the
editor's language. A small script asks the server for the same address every second and
reloads once the answer differs (the editor saved the file: the problems changed, or the data
is clean and the site is back), so the page needs no help from MkDocs' own reloader, not even
on an address the broken build does not have (its 404 page).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from deepscopie.escaping import html_text
from deepscopie.problems import Problem, display_path
from deepscopie.render.texts import count, text

STAMP_NAME = "deepscopie-problems"


def problems_stamp(problems: list[Problem]) -> str:
    """What identifies this list of problems (the page reloads when it changes)."""
    listing = "\n".join(f"{p.path}:{p.line}:{p.column}:{p.rule}:{p.message!r}" for p in problems)
    return hashlib.sha256(listing.encode()).hexdigest()[:16]


def problems_html(problems: list[Problem], language: str, root: Path) -> str:
    """The list of problems as an HTML fragment, every text escaped, with the reloader."""
    items = "\n".join(
        "<li><code>{place}</code> {where}{message} <small>({rule})</small></li>".format(
            place=html_text(f"{display_path(p.path, root)}:{p.line}:{p.column}"),
            where=html_text(f"{p.where}: ") if p.where else "",
            message=html_text(p.text(language)),
            rule=html_text(p.rule),
        )
        for p in sorted(problems)
    )
    stamp = problems_stamp(problems)
    return (
        f'<div class="deepscopie-problems" data-{STAMP_NAME}="{stamp}">\n'
        f"<p>{html_text(text('problems_intro', language))}</p>\n"
        f"<p><strong>{html_text(count('problems_count', len(problems), language))}"
        f"</strong></p>\n<ol>\n{items}\n</ol>\n</div>\n{_reloader(stamp)}"
    )


def problems_document(problems: list[Problem], language: str, root: Path) -> str:
    """A whole page for addresses the broken build does not have (served as its 404)."""
    title = html_text(text("problems_title", language))
    return (
        f'<!doctype html>\n<html lang="{language}">\n<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title></head>\n"
        '<body style="font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; '
        f'padding: 0 1rem; line-height: 1.5">\n<h1>{title}</h1>\n'
        f"{problems_html(problems, language, root)}</body>\n</html>\n"
    )


def _reloader(stamp: str) -> str:
    # The stamp is hex; json.dumps makes it a JavaScript string all the same.
    return (
        "<script>(function () {\n"
        f"  var stamp = {json.dumps(stamp)};\n"
        "  function poll() {\n"
        '    fetch(location.href, {cache: "no-store"}).then(function (answer) {\n'
        "      return answer.text();\n"
        "    }).then(function (page) {\n"
        "      if (page.indexOf(stamp) < 0) { location.reload(); }\n"
        "      else { setTimeout(poll, 1000); }\n"
        "    }).catch(function () { setTimeout(poll, 1000); });\n"
        "  }\n"
        "  setTimeout(poll, 1000);\n"
        "})();</script>\n"
    )
