"""The characters a text must not hold, one definition for the data's validation (which
refuses them, deepscopie.model) and for what is shown from elsewhere (a server's text on a
page or in a terminal, which deepscopie.escaping writes out or removes)."""

# Characters no text may hold: controls (tab and line feed excepted), which XML and the feeds
# refuse; zero-width and invisible formatting characters, and bidirectional overrides and
# isolates, which make a text read differently from what it holds (a reviewer sees one thing,
# readers another); line separators, non-characters and Unicode's invisible "tag" letters; and
# the other default-ignorable characters, which draw nothing either (soft hyphen, grapheme
# joiner, Hangul fillers, Khmer and Mongolian invisibles, musical and shorthand format
# characters, the blank Braille pattern, the unassigned specials), except the variation
# selectors that emoji and ideographs need: one after a character, never a run of them, which
# draws nothing and can hide a message.
_VARIATION_SELECTORS = "\ufe00-\ufe0f\U000e0100-\U000e01ef"
INVISIBLE_OR_CONTROL = (
    "(?:[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f\u2800\u3164\ufdd0-\ufdef\ufeff\uffa0"
    "\ufff0-\ufffb\ufffe\uffff\ud800-\udfff\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e00ff\U000e01f0-\U000e0fff]"
    f"|(?<=[{_VARIATION_SELECTORS}])[{_VARIATION_SELECTORS}])"
)

# Accents (combining diacritical marks) stacked on one letter past two: Vietnamese writes two
# (ệ), no language more; a run of them draws over the lines above and below it ("Z" with 200
# accents covered Explore's introduction, its count and its chips, and the search's cards).
_ACCENTS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
STACKED_ACCENT = f"(?<=[{_ACCENTS}]{{2}})[{_ACCENTS}]"
