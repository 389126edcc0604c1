"""What the hand-written part of the site (docs/) may hold: a merge request may change it, and
its preview is built and published before anyone reads it, on the site's own origin.

MkDocs copies every file of docs/ into the site as it is: an HTML or SVG file would run its
script there, a ``.gz`` beside a page would be served in its place to every browser that
accepts gzip, ``_redirects`` would redirect the site's addresses, a ``link-report.json``
would be taken for the link checker's own; a symbolic link would publish what it points to
(the runner's environment, ``/proc/self/environ``). And Material chooses a page's template
from its front matter (``template: redirect.html`` prints ``location`` unescaped inside a
script). So docs/ holds Markdown pages, and the site's own stylesheets, scripts, images and
fonts under assets/, as regular files; a page's front matter says its title, description,
what to hide and whether it is searched.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

PAGE_SUFFIX = ".md"
ASSETS = "assets"
ASSET_SUFFIXES = frozenset(
    {".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2"}
)
FRONT_MATTER = frozenset({"title", "description", "hide", "search"})

# Why a file of docs/ is refused (the catalogues' site_file_<reason>).
LINK = "link"
SPECIAL = "special"
KIND = "kind"


def refused_files(docs: Path) -> list[tuple[str, str]]:
    """Each file of ``docs`` (path relative to it, "/"-separated) that may not be published,
    with why (LINK, SPECIAL or KIND), in path order. Hidden files and folders are left out:
    MkDocs does not publish them."""
    refused = []
    for folder, folders, names in os.walk(docs):
        relative = PurePosixPath(Path(folder).relative_to(docs).as_posix())
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in [*folders, *names]:
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            why = _why_refused(relative / name, os.lstat(path), is_folder=name in folders)
            if why:
                refused.append(((relative / name).as_posix().removeprefix("./"), why))
    return sorted(refused)


def _why_refused(relative: PurePosixPath, status: os.stat_result, is_folder: bool) -> str:
    if stat.S_ISLNK(status.st_mode):
        return LINK
    if is_folder:
        return ""
    if not stat.S_ISREG(status.st_mode):
        return SPECIAL  # a pipe or a device: reading it would wait, or never end
    suffix = relative.suffix.lower()
    if suffix == PAGE_SUFFIX:
        return ""
    if relative.parts[:1] == (ASSETS,) and suffix in ASSET_SUFFIXES:
        return ""
    return KIND


def refused_front_matter(keys: Iterable[object]) -> list[str]:
    """The keys of a page's front matter that it may not set, sorted."""
    return sorted(str(key) for key in keys if key not in FRONT_MATTER)
