"""Check many external URLs quickly and politely: split by host across LinkChecker processes,
retry what may pass on a second try, and skip what the ignore list names.

LinkChecker spaces the requests to one host (0.1 to 0.6 s between two starts), and waits for
that while holding a global lock: when its next URL is on the host it just asked, the whole
process sleeps, which caps it near 3 URLs per second. So:

- each host goes to exactly one process, which keeps LinkChecker's spacing per host whatever
  the number of processes, and at most ``threads`` requests in flight to it;
- each process gets several hosts, and its URLs are interleaved host by host, so that the next
  URL is rarely on the host just asked and nobody sleeps;
- several processes run at once.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import zip_longest
from urllib.parse import urlsplit

from deepscopie.links.classify import (
    IGNORED,
    RATE_LIMITED,
    REFUSED_ADDRESS,
    TIMEOUT,
    TRANSIENT,
    Verdict,
    classify,
)
from deepscopie.links.ignore import IgnoreList
from deepscopie.links.linkchecker_run import RunSettings, run_linkchecker
from deepscopie.net_guard import allowed_networks, url_refusal


@dataclass(frozen=True)
class CheckSettings:
    """How a run checks external URLs."""

    processes: int = 8
    retries: int = 2
    retry_wait: float = 5.0  # seconds before the first retry; doubled each time
    max_retry_after: float = 120.0  # a longer Retry-After is not waited for
    run: RunSettings = field(default_factory=RunSettings)


def check_external(
    urls: Sequence[str],
    settings: CheckSettings,
    ignore: IgnoreList | None = None,
    on_checked: Callable[[str], None] | None = None,
) -> dict[str, Verdict]:
    """The verdict on each of ``urls`` (after retries of transient failures)."""
    verdicts: dict[str, Verdict] = {}
    pending = []
    allowed = allowed_networks(settings.run.allow_networks)
    for url in dict.fromkeys(urls):
        reason = ignore.reason_for(url) if ignore else None
        refusal = url_refusal(url, allowed)
        if refusal is not None:  # the text alone says where it leads: not even LinkChecker sees it
            verdicts[url] = Verdict(url, REFUSED_ADDRESS, None, None, refusal)
        elif reason is not None:
            verdicts[url] = Verdict(url, IGNORED, None, None, reason)
        else:
            pending.append(url)
    for attempt in range(settings.retries + 1):
        if not pending:
            break
        if attempt:
            time.sleep(_pause(attempt, [verdicts[url] for url in pending], settings))
        verdicts.update(_check_once(pending, settings, on_checked if attempt == 0 else None))
        pending = [url for url in pending if verdicts[url].klass in TRANSIENT]
    return verdicts


def split_by_host(urls: Sequence[str], processes: int) -> list[list[str]]:
    """At most ``processes`` lists of URLs, each host in exactly one, sizes balanced, and each
    list interleaved host by host (``a1 b1 c1 a2 b2 …``)."""
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        by_host[urlsplit(url).netloc.lower()].append(url)
    bins: list[list[list[str]]] = [[] for _ in range(max(1, min(processes, len(by_host))))]
    for host_urls in sorted(by_host.values(), key=len, reverse=True):
        min(bins, key=lambda hosts: sum(map(len, hosts))).append(host_urls)
    return [_interleave(hosts) for hosts in bins if hosts]


def _interleave(hosts: list[list[str]]) -> list[str]:
    return [url for row in zip_longest(*hosts) for url in row if url is not None]


def _check_once(
    urls: Sequence[str], settings: CheckSettings, on_checked: Callable[[str], None] | None
) -> dict[str, Verdict]:
    chunks = split_by_host(urls, settings.processes)
    with ThreadPoolExecutor(max_workers=len(chunks)) as pool:
        answers = list(
            pool.map(lambda chunk: run_linkchecker(chunk, settings.run, on_checked), chunks)
        )
    verdicts = {row.url: classify(row) for rows in answers for row in rows}
    # A URL LinkChecker did not report on (it stopped early) is tried again like a timeout.
    for url in urls:
        verdicts.setdefault(url, Verdict(url, TIMEOUT, None, None, "LinkChecker gave no answer"))
    return {url: verdicts[url] for url in urls}


def _pause(attempt: int, failures: Sequence[Verdict], settings: CheckSettings) -> float:
    """Exponential backoff, or longer when a server asked for it with Retry-After."""
    wait: float = settings.retry_wait * 2.0 ** (attempt - 1)
    asked = [v.retry_after for v in failures if v.klass == RATE_LIMITED and v.retry_after]
    if asked:
        wait = max(wait, min(float(max(asked)), settings.max_retry_after))
    return wait
