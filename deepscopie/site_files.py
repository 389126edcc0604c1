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
what to hide and whether it is searched, and a page's title and description hold no markup
(Material prints a title as it is: a page without a heading gets ``<h1>{{ page.title }}</h1>``,
from its front matter or its file's name, so names are plain too).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePosixPath

PAGE_SUFFIX = ".md"
ASSETS = "assets"
ASSET_SUFFIXES = frozenset(
    {".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2"}
)
FRONT_MATTER = frozenset({"title", "description", "hide", "search"})
# How an image's or a font's file begins. A server that has no type for an extension (.ico,
# .woff) may guess it from the content: HTML named logo.ico would be served as a page.
_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),  # then the size, then "WEBP" (checked below)
    ".ico": (b"\x00\x00\x01\x00",),
    ".woff": (b"wOFF",),
    ".woff2": (b"wOF2",),
}

# Why a file of docs/ is refused (the catalogues' site_file_<reason>).
LINK = "link"
SPECIAL = "special"
KIND = "kind"
NAME = "name"
THEME = "theme"
CONTENT = "content"
# A file's or folder's name: what MkDocs may print as a page's title, and put in addresses.
_PLAIN_NAME = re.compile(r"[A-Za-z0-9._-]+")
# What a title or a description may not hold: Material prints them unescaped.
_MARKUP = re.compile(r"[<>]")


def refused_files(docs: Path, themes: Sequence[Path] = ()) -> list[tuple[str, str]]:
    """Each file of ``docs`` (path relative to it, "/"-separated) that may not be published,
    with why, in path order: LINK, SPECIAL, NAME, KIND; CONTENT, an image or a font that is
    not one; THEME, a file of one of the ``themes`` folders, which it would replace on every
    page (Material's own script included). Hidden files and folders are left out: MkDocs does
    not publish them."""
    refused = []
    for folder, folders, names in os.walk(docs):
        relative = PurePosixPath(Path(folder).relative_to(docs).as_posix())
        folders[:] = [name for name in folders if not name.startswith(".")]
        entries = [(name, True) for name in folders]
        entries += [(name, False) for name in names if not name.startswith(".")]
        for name, is_folder in entries:
            why = _why_refused(os.path.join(folder, name), relative / name, is_folder, themes)
            if why:
                refused.append(((relative / name).as_posix().removeprefix("./"), why))
    return sorted(refused)


def _why_refused(
    path: str, relative: PurePosixPath, is_folder: bool, themes: Sequence[Path]
) -> str:
    status = os.lstat(path)
    if stat.S_ISLNK(status.st_mode):
        return LINK
    if not _PLAIN_NAME.fullmatch(relative.name):
        return NAME
    if is_folder:
        return ""
    if not stat.S_ISREG(status.st_mode):
        return SPECIAL  # a pipe or a device: reading it would wait, or never end
    suffix = relative.suffix.lower()
    if suffix != PAGE_SUFFIX and not (relative.parts[:1] == (ASSETS,) and suffix in ASSET_SUFFIXES):
        return KIND
    if not _is_what_it_says(path):
        return CONTENT
    if _in_a_theme(relative, themes):
        return THEME
    return ""


def _is_what_it_says(path: str) -> bool:
    """Whether an image or a font begins as its kind does (other files: nothing to check)."""
    signatures = _SIGNATURES.get(os.path.splitext(path)[1].lower())
    if signatures is None:
        return True
    try:
        with open(path, "rb") as file:
            start = file.read(12)
    except OSError:  # unreadable: it cannot be published either
        return False
    if path.lower().endswith(".webp") and start[8:12] != b"WEBP":
        return False
    return start.startswith(signatures)


def _in_a_theme(relative: PurePosixPath, themes: Sequence[Path]) -> bool:
    return any(os.path.lexists(os.path.join(theme, *relative.parts)) for theme in themes)


def refused_front_matter(keys: Iterable[object]) -> list[str]:
    """The keys of a page's front matter that it may not set, sorted."""
    return sorted(str(key) for key in keys if key not in FRONT_MATTER)


def with_markup(meta: Mapping[str, object]) -> list[str]:
    """The keys of a page's front matter, title and description, whose value is not plain
    text (markup, or not a text at all), sorted."""
    return sorted(
        key
        for key in ("title", "description")
        if key in meta and (not isinstance(meta[key], str) or has_markup(str(meta[key])))
    )


def has_markup(text: str) -> bool:
    """Whether ``text`` holds what HTML would read as a tag."""
    return bool(_MARKUP.search(text))
