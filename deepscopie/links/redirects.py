"""Redirects: which are permanent, and ``check-links --fix-redirects``, which rewrites them in
the data.

LinkChecker follows redirects and reports only the final address, not the status of each hop.
So each address it reports as redirected is asked again here, without following (HEAD, or GET
where HEAD is refused), hop by hop through the non-public-address guard: the hops answered 301
or 308 lead to its permanent address; the first 302, 303 or 307 stops there (a temporary
redirect says the old address stays the right one).

An address is rewritten only when the same permanent address was seen on two runs in a row,
and never to a login page, never to a site's root from a deeper page, never to an address the
data would refuse. The rewrite touches the text of the address in the YAML and nothing else:
comments, quotes, blank lines and layout stay as they were.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from deepscopie import fetch
from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.links.history import LinkRecord, RedirectProbe
from deepscopie.urls import normalise_url, url_problems, without_credentials
from deepscopie.yaml_source import Loc, read_yaml

PERMANENT = frozenset({301, 308})
TEMPORARY = frozenset({302, 303, 307})
RUNS_BEFORE_FIX = 2
MAX_HOPS = 5

# Where a site sends visitors it wants to sign in: such an address is never the resource's.
_LOGIN_PATH = re.compile(
    r"/(log-?in|sign-?in|sign_in|signon|sso|auth|oauth2?|saml2?|cas/login|session/new|"
    r"users/sign_in|account/login|accounts/login|idp|adfs)(/|$|\?|\.)",
    re.IGNORECASE,
)
_LOGIN_HOST = re.compile(r"^(accounts?|login|signin|sso|auth|idp|adfs|cas)\.", re.IGNORECASE)
_LOGIN_QUERY = re.compile(r"(^|&)(returnurl|return_to|redirect_uri|continue|next)=", re.I)


def probe_redirect(url: str, timeout: float = 20.0) -> RedirectProbe:
    """The first hop's status and the address ``url``'s permanent hops lead to (None when the
    first hop is not permanent)."""
    first_status: int | None = None
    current = url
    for _ in range(MAX_HOPS):
        answer = fetch.get(current, timeout=timeout, method="HEAD")
        if answer.status in (403, 405, 501):  # HEAD refused: ask the way a browser does
            answer = fetch.get(current, timeout=timeout)
        if first_status is None:
            first_status = answer.status
        location = answer.header("location")
        if answer.status not in PERMANENT or not location:
            break
        current = urljoin(current, location)
    # Never written with a user name or password that a Location header gave.
    return RedirectProbe(first_status, without_credentials(current) if current != url else None)


def probe_redirects(urls: Sequence[str], timeout: float = 20.0) -> dict[str, RedirectProbe]:
    """:func:`probe_redirect` of each of ``urls`` (a few at a time); an address that cannot be
    asked is marked unanswered (its history is kept)."""

    def probe(url: str) -> RedirectProbe:
        try:
            return probe_redirect(url, timeout)
        except fetch.FetchError:
            return RedirectProbe(None, None, answered=False)

    if not urls:
        return {}
    with ThreadPoolExecutor(max_workers=min(8, len(urls))) as pool:
        return dict(zip(urls, pool.map(probe, urls), strict=True))


def refusal(old: str, new: str) -> str | None:
    """Why ``old`` must not be rewritten to ``new``, or None when it may."""
    parts = urlsplit(new)
    if _LOGIN_HOST.match(parts.hostname or "") or _LOGIN_PATH.search(parts.path):
        return "it leads to a login page"
    if _LOGIN_QUERY.search(parts.query):
        return "it leads to a login page"
    if parts.path in ("", "/") and not parts.query and urlsplit(old).path not in ("", "/"):
        return "it leads to the site's home page, not to the page itself"
    problems = url_problems(new)
    if problems:
        return f"the new address is not acceptable: {problems[0][0]}"
    return None


@dataclass(frozen=True)
class Rewrite:
    """One address rewritten at one place in a data file."""

    path: Path
    line: int
    column: int
    old: str
    new: str


def fix_redirects(data: Path, records: Mapping[str, LinkRecord]) -> tuple[list[Rewrite], list[str]]:
    """Rewrite in ``data``'s files every address whose permanent redirect was seen on
    :data:`RUNS_BEFORE_FIX` runs in a row; return the rewrites and what was left alone, why.

    Nothing is written unless the rewritten data validates."""
    files = DataFiles.in_folder(data)
    base = load_knowledge_base(files)
    in_use = {normalise_url(url) for url in _urls(base)}
    chosen: dict[str, str] = {}
    notes: list[str] = []
    for url, record in sorted(records.items()):
        if record.redirect_runs < RUNS_BEFORE_FIX or not record.permanent_url:
            continue
        new = record.permanent_url
        reason = refusal(url, new)
        if reason is None and normalise_url(new) in in_use - {normalise_url(url)}:
            reason = "the new address is already in the data"
        if reason is not None:
            notes.append(f"left alone: {url} → {new}: {reason}")
        else:
            chosen[url] = new
    # A comma, brace or quote in an address would change the YAML around it (a flow mapping
    # would gain fields): the data must hold the same, but for the addresses. All at once,
    # then, if that fails, one by one to find which.
    if chosen and not _changes_only_the_addresses(files, chosen):
        for url, new in list(chosen.items()):
            if not _changes_only_the_addresses(files, {url: new}):
                del chosen[url]
                notes.append(
                    f"left alone: {url} → {new}: written in place, it would change more of "
                    "the data than the address"
                )
    rewrites: list[Rewrite] = []
    texts: dict[Path, str] = {}
    for path in (files.resources, files.faq):
        text, done = _rewrite_file(path, chosen)
        if done:
            texts[path] = text
            rewrites += done
    if texts:
        _write_if_valid(files, texts)
    return rewrites, notes


def _changes_only_the_addresses(files: DataFiles, chosen: Mapping[str, str]) -> bool:
    """Whether rewriting the addresses of ``chosen`` (old: new) in the text of ``files`` leaves
    data that differs from today's in those addresses alone."""
    pattern = _token_pattern(chosen)
    for path in (files.resources, files.faq):
        text, done = _rewrite_file(path, chosen)
        if not done:
            continue
        expected = _with_addresses(read_yaml(path).data, pattern, chosen)
        with tempfile.TemporaryDirectory() as folder:
            trial = Path(folder) / path.name
            trial.write_text(text, encoding="utf-8")
            if read_yaml(trial).data != expected:
                return False
    return True


def _with_addresses(value: Any, pattern: re.Pattern[str], chosen: Mapping[str, str]) -> Any:
    """``value`` with each address ``pattern`` finds replaced by its new one in every string."""
    if isinstance(value, str):
        return pattern.sub(lambda found: chosen[found.group(0)], value)
    if isinstance(value, dict):
        return {key: _with_addresses(item, pattern, chosen) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_addresses(item, pattern, chosen) for item in value]
    return value


def _urls(base: KnowledgeBase) -> Iterable[str]:
    for resource in base.resources:
        if resource.url:
            yield resource.url
        yield from (link.url for link in resource.links)


def _rewrite_file(path: Path, chosen: Mapping[str, str]) -> tuple[str, list[Rewrite]]:
    document = read_yaml(path)
    text = path.read_text(encoding="utf-8")
    if document.data is None or not chosen:
        return text, []
    lines = text.splitlines(keepends=True)
    pattern = _token_pattern(chosen)
    rewrites: list[Rewrite] = []
    for loc, value in _strings(document.data, ()):
        if not pattern.search(value):
            continue
        start = document.source.values[loc]
        last = document.source.last_lines.get(loc, start.line)
        style = lines[start.line - 1][start.column - 1 : start.column]
        for number in range(start.line, last + 1):
            line = lines[number - 1]
            begin = start.column - 1 if number == start.line else 0
            end = len(line) if style and style in "\"'|>" else _comment_start(line, begin)

            def replace(match: re.Match[str], number: int = number, begin: int = begin) -> str:
                old = match.group(0)
                column = begin + match.start() + 1
                rewrites.append(Rewrite(path, number, column, old, chosen[old]))
                return chosen[old]

            lines[number - 1] = line[:begin] + pattern.sub(replace, line[begin:end]) + line[end:]
    return "".join(lines), rewrites


def _token_pattern(chosen: Mapping[str, str]) -> re.Pattern[str]:
    # The address as a whole token: not the start of a longer address, nor the end of one.
    alternatives = "|".join(re.escape(url) for url in sorted(chosen, key=len, reverse=True))
    return re.compile(rf"(?<![\w/:.%~+@-])(?:{alternatives})(?![\w/%~+=&?#@-]|\.\w)")


def _comment_start(line: str, begin: int) -> int:
    found = line.find(" #", begin)
    return found if found >= 0 else len(line)


def _strings(value: Any, loc: Loc) -> Iterable[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*loc, index))


def _write_if_valid(files: DataFiles, texts: Mapping[Path, str]) -> None:
    """Write the rewritten files only if the data they make validates (else raise, having
    written nothing)."""
    with tempfile.TemporaryDirectory() as folder:
        trial = DataFiles.in_folder(Path(folder))
        for path, copy in zip(files.all(), trial.all(), strict=True):
            if path in texts:
                copy.write_text(texts[path], encoding="utf-8")
            elif path.exists():
                shutil.copy(path, copy)
        load_knowledge_base(trial)
    for path, text in texts.items():
        path.write_text(text, encoding="utf-8")


def describe(rewrites: Sequence[Rewrite], records: Mapping[str, LinkRecord]) -> list[str]:
    """One line per rewrite: ``file:line:col: old → new (301, seen on 2 runs)``."""
    lines = []
    for rewrite in rewrites:
        record = records[rewrite.old]
        lines.append(
            f"{rewrite.path}:{rewrite.line}:{rewrite.column}: {rewrite.old} → {rewrite.new} "
            f"({record.redirect_status}, seen on {record.redirect_runs} runs)"
        )
    return lines
