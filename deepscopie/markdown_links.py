"""The addresses a Markdown text links to, as a Markdown parser reads them."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt

# How the site reads contributed Markdown (render/safe_html.py renders with it). Raw HTML off:
# the lines after "<div>" stay Markdown, and their links are links on the page, which the
# checks must see (with raw HTML on, they were one HTML block, unchecked, then published).
MARKDOWN_PRESET = "commonmark"
MARKDOWN_OPTIONS = {"html": False, "typographer": False}


class _EveryLinkParser(MarkdownIt):
    """CommonMark drops javascript:/data: links silently, but other renderers (Python-Markdown)
    keep them: this parser keeps every link, so that the checks see what the author wrote."""

    def validateLink(self, url: str) -> bool:
        return True


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return _EveryLinkParser(MARKDOWN_PRESET, MARKDOWN_OPTIONS)


def links_in(markdown: str) -> list[str]:
    """Every link and image address in ``markdown``, in order of appearance."""
    if "](" not in markdown and "<" not in markdown and "]:" not in markdown:
        return []  # no link syntax at all: skip parsing (most descriptions)
    found: list[str] = []
    for block in _parser().parse(markdown):
        for token in block.children or ():
            if token.type == "link_open":
                found.append(str(token.attrGet("href")))
            elif token.type == "image":
                found.append(str(token.attrGet("src")))
    return found
