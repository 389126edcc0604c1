"""Reading a file of the repository that a merge request may have put there: a regular file
only, and no more of it than a limit. A data file or a link report linked to ``/dev/zero`` was
read until memory ran out; linked to a file of the runner, it would be read as data."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotRegularFile(OSError):
    """The path is a symbolic link, a folder, a pipe or a device."""


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, at most ``limit`` + 1 of them (so that a caller can tell a file
    over the limit); :class:`NotRegularFile` for anything but a regular file, OSError when it
    cannot be read."""
    if not stat.S_ISREG(os.lstat(path).st_mode):
        raise NotRegularFile(f"{path}: not a regular file")
    with path.open("rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):  # replaced meanwhile
            raise NotRegularFile(f"{path}: not a regular file")
        return file.read(limit + 1)
