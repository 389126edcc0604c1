"""A Python-Markdown extension: the page's language's typography on every text node of the
tree, before the table of contents and the page's title are taken from it.

Code (``<code>``, ``<pre>``, ``<kbd>``) and attributes are never touched, whether written in
Markdown or as raw tags (``<kbd>/</kbd>``, whose text sits in the tree between two stashed
tags). A raw HTML block is not in the tree: the text it holds was typeset when it was rendered.
Configured per language by the build (``language: fr``)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from deepscopie.render.typography import rules_of

# Elements whose text is code or machine text: never changed.
UNTOUCHED = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea"})


# Python-Markdown's placeholder of a stashed piece of raw HTML, its index captured.
_PLACEHOLDER = HTML_PLACEHOLDER_RE
_RAW_TAG = re.compile(r"<(/?)(" + "|".join(UNTOUCHED) + r")\b", re.IGNORECASE)


class TypographyTreeprocessor(Treeprocessor):
    """Applies one typography function to every text node outside code, in document order."""

    def __init__(self, md: Markdown, rules: Callable[[str], str]) -> None:
        super().__init__(md)
        self.rules = rules
        self.inside_raw_code = 0  # depth of raw <code>/<kbd>… tags open at this point

    def run(self, root: etree.Element) -> None:
        self.inside_raw_code = 0
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in UNTOUCHED:
            return
        if element.text:
            element.text = self._text(element.text)
        for child in element:
            self._walk(child)
            if child.tail:
                child.tail = self._text(child.tail)

    def _text(self, text: str) -> str:
        """``text`` typeset, except the parts inside raw code tags (kept as placeholders)."""
        parts = []
        for number, part in enumerate(_PLACEHOLDER.split(text)):
            if number % 2:  # a placeholder's index: a raw tag, stashed
                parts.append(self.md.htmlStash.get_placeholder(int(part)))
                self._follow(self.md.htmlStash.rawHtmlBlocks[int(part)])
            else:
                parts.append(part if self.inside_raw_code else self.rules(part))
        return "".join(parts)

    def _follow(self, raw: object) -> None:
        for closing, _ in _RAW_TAG.findall(str(raw)):
            self.inside_raw_code = max(0, self.inside_raw_code + (-1 if closing else 1))


class TypographyExtension(Extension):
    """``markdown_extensions: [deepscopie.render.markdown_typography]``, language set per build."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"language": ["", "The code of the page's language ('' for none)."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        language = str(self.getConfig("language"))
        if not language:
            return
        # After attr_list (8) has taken its "{ .class }" out of the text, before the table
        # of contents (5) and MkDocs' page title (-1) read the headings.
        md.treeprocessors.register(
            TypographyTreeprocessor(md, rules_of(language)), "deepscopie_typography", 6
        )


def makeExtension(**kwargs: Any) -> TypographyExtension:
    """The extension, as Python-Markdown loads it by its module's name."""
    return TypographyExtension(**kwargs)
