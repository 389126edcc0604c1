"""Python's cyclic garbage collector around the large, long-lived data of a build.

Loading 10,000 entries makes millions of objects (YAML nodes, the data, its positions, the
models), and none of them forms a cycle. Left alone, the collector scans them as they are
made and again each time they move to an older generation: about a second of a 10,000-entry
build, a tenth of it, for nothing collected.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(*, keep: bool = False) -> Iterator[None]:
    """No collection while the block runs. With ``keep``, the block builds data that lives
    on, replacing what the last such block built: what was kept is given back to the
    collector first, and what exists at the end is kept (see :func:`keep_out_of_collections`).
    So a long-running process (a preview server, a test run) keeps one load's worth at most."""
    was_enabled = gc.isenabled()
    if keep:
        collect_all_again()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if keep:
                keep_out_of_collections()
            gc.enable()


def keep_out_of_collections() -> None:
    """Leave every object alive now out of later collections, until :func:`collect_all_again`.
    Reference counting still frees them: only a cycle among them would outlive its use."""
    gc.freeze()


def collect_all_again() -> None:
    """Undo :func:`keep_out_of_collections` (a long-running process, between two builds)."""
    gc.unfreeze()
