"""LinkChecker with the network guard installed: ``python -m deepscopie.links.guarded_linkchecker
<LinkChecker's arguments>``.

LinkChecker follows redirects wherever they go; run in this process, every connection it makes
(each hop, robots.txt, after DNS) is checked first by ``deepscopie.net_guard``, whose allowlist
comes from ``DEEPSCOPIE_ALLOW_NETWORKS``.
"""

from __future__ import annotations

import runpy
import sys
from typing import Any

from linkcheck.checker import urlbase

from deepscopie.net_guard import AllowlistError, RefusedAddress, install


def main() -> None:
    """Install the guard, then run LinkChecker as ``python -m linkcheck`` would."""
    try:
        install()
    except AllowlistError as error:
        print(f"check-links: DEEPSCOPIE_ALLOW_NETWORKS: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    _report_refusals_in_full()
    _unreadable_addresses_fail_their_link()
    sys.argv[0] = "linkchecker"
    runpy.run_module("linkcheck", run_name="__main__", alter_sys=True)


def _report_refusals_in_full() -> None:
    """Make LinkChecker's result the guard's message: it would bury it at the end of a
    requests error cut at 240 characters, where a long URL pushes it out of sight."""
    original = urlbase.UrlBase.handle_exception

    def handle_exception(self: Any) -> str:
        message = str(original(self))
        refused = _refusal(sys.exc_info()[1])
        return f"RefusedAddress: {refused}" if refused is not None else message

    urlbase.UrlBase.handle_exception = handle_exception


def _unreadable_addresses_fail_their_link() -> None:
    """Make an address no client can read ("http://[::1", which a server may redirect to) a
    failure of the link that led there. requests raises ValueError for it, which LinkChecker
    takes for a fault of its own: it stopped the whole check ("internal error, over and out")
    and no link got a result."""
    original = urlbase.UrlBase.local_check

    def local_check(self: Any) -> None:
        try:
            original(self)
        except ValueError as error:
            self.set_result(f"InvalidURL: {error}", valid=False)

    urlbase.UrlBase.local_check = local_check


def _refusal(error: BaseException | None, depth: int = 0) -> RefusedAddress | None:
    """The guard's refusal among the causes of ``error`` (requests wraps urllib3's, which
    wraps ours)."""
    if error is None or depth > 8:
        return None
    if isinstance(error, RefusedAddress):
        return error
    linked = [error.__cause__, error.__context__, getattr(error, "reason", None)]
    linked += [arg for arg in error.args if isinstance(arg, BaseException)]
    for cause in linked:
        if isinstance(cause, BaseException):
            found = _refusal(cause, depth + 1)
            if found is not None:
                return found
    return None


if __name__ == "__main__":
    main()
