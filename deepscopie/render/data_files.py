"""The JSON of the data files the site's scripts fetch (search's names, words and jobs,
Explore's entries): what a reader's browser downloads, so no spaces, and every character
past ASCII escaped ("\u00e9"). A file of ASCII is read by the browser as one byte per
letter; one narrow no-break space or dash among 7.7 MB of UTF-8 (Explore's 10,000 entries)
made it read two per letter, in 120 to 180 ms instead of 70 (bench/explore.py). Escaped,
the file is 2 % longer, and 0.3 % compressed."""

from __future__ import annotations

import json


def compact_json(value: object) -> str:
    """``value`` as the text of a data file of the site."""
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"))
