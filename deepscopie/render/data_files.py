"""The JSON of the data files the site's scripts fetch (search's names, words and jobs,
Explore's entries): what a reader's browser downloads, so no spaces, and the characters as
they are (UTF-8) rather than escaped, which is shorter for accented text."""

from __future__ import annotations

import json


def compact_json(value: object) -> str:
    """``value`` as the text of a data file of the site."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
