"""The one escaping path per context: what each helper leaves of hostile text."""

from __future__ import annotations

import pytest
from jinja2 import Environment

from deepscopie.escaping import (
    bibtex_value,
    csv_cell,
    csv_list,
    html_attribute,
    html_href,
    html_in_markdown,
    html_text,
    markdown_text,
    one_line,
    plain_text_filter,
    shown_in_terminal,
)


def test_html_text_and_attributes_escape_every_markup_character() -> None:
    assert html_text("<b>\"'&") == "&lt;b&gt;\"'&amp;"
    assert html_attribute('" onmouseover="x') == "&quot; onmouseover=&quot;x"


@pytest.mark.parametrize(
    "address",
    ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x",
     "vbscript:x", "//evil.example/", "\\\\evil.example"],
)  # fmt: skip
def test_a_link_never_keeps_a_script_scheme_or_another_host(address: str) -> None:
    assert html_href(address) == "#"


def test_a_link_keeps_web_and_relative_addresses_escaped() -> None:
    assert html_href("https://e.org/?a=1&b='2'") == "https://e.org/?a=1&amp;b=&#x27;2&#x27;"
    assert html_href("../types/tool/#x") == "../types/tool/#x"


def test_html_inside_markdown_gives_markdown_nothing_to_read() -> None:
    assert html_in_markdown("![x](javascript:1)") == "&#33;&#91;x&#93;&#40;javascript:1&#41;"


def test_striptags_in_templates_never_revives_markup() -> None:
    environment = Environment()
    environment.filters["striptags"] = plain_text_filter
    template = environment.from_string(
        '<title>{{ t | striptags }}</title><a title="{{ t | striptags | e }}">'
    )
    rendered = template.render(t='<em>A</em> &lt;/title&gt;&lt;script&gt; "')
    assert rendered == (
        "<title>A &lt;/title&gt;&lt;script&gt; &quot;</title>"
        '<a title="A &lt;/title&gt;&lt;script&gt; &quot;">'
    )


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(1)", "\tx", "\rx", "\uff1d1"])
def test_a_csv_cell_that_would_be_a_formula_starts_with_a_quote(cell: str) -> None:
    assert csv_cell(cell) == "'" + cell


def test_each_item_of_a_list_cell_is_safe_on_its_own() -> None:
    # Split on ";" (French spreadsheets read CSV so), "=cmd|…" started a cell of its own.
    cell = csv_cell(csv_list(["Alice Martin", "=cmd|' /C calc'!A0", "@SUM(1)"]))
    assert [item[:1] for item in cell.split(";")] == ["A", "'", "'"]
    assert csv_list(["Alice Martin", "Bob"]) == "Alice Martin;Bob"
    # An item, or a title, that holds a ";" is as many cells there.
    inside = csv_list(["Ada Lovelace;=1+1", "Bob;@SUM(1+1)"])
    assert [piece[:1] for piece in inside.split(";")] == ["A", "'", "B", "'"]
    assert csv_cell("A title; =1+1") == "A title; =1+1"  # " =1+1" is no formula
    assert csv_cell("A title;-1") == "A title;'-1"


def test_an_ordinary_csv_cell_is_unchanged() -> None:
    assert csv_cell("Cellpose, 2.0") == "Cellpose, 2.0"


def test_no_brace_or_backslash_in_a_bibtex_value_can_end_its_field() -> None:
    value = bibtex_value("} title = {x}, \\ % # & $ _ ^ ~ @")
    assert value == (
        r"\} title = \{x\}, \textbackslash{} \% \# \& \$ \_ \textasciicircum{} "
        r"\textasciitilde{} {@}"
    )


def test_text_inside_markdown_stays_on_its_line() -> None:
    # A server's reason phrase in a table row of the link-health page: its line breaks
    # would end the row and start an admonition ("??? danger").
    cell = markdown_text('404 Not\rFound\r??? danger "Injected"\n    body')
    assert cell == '404 Not Found ??? danger "Injected" body'


def test_a_terminal_is_shown_control_characters_not_given_them() -> None:
    line = shown_in_terminal("id 'x\x1b[2K\x1b[1A\rok: all good' \x1b]8;;https://e.example/\x1b\\")
    assert "\x1b" not in line and "\r" not in line
    assert line == "id 'x\\x1b[2K\\x1b[1A\\rok: all good' \\x1b]8;;https://e.example/\\x1b\\"


def test_bidirectional_and_invisible_characters_are_neither_shown_nor_obeyed() -> None:
    # A release name from a contributor's own code host: it would reverse the date shown
    # beside it; in a terminal or a CI log, it would reorder the line.
    assert one_line("v1.0\u202e0.9v\u200b") == "v1.0 0.9v"
    # Accents stacked past two draw over the lines around them; two are a language's.
    assert one_line("Z" + "\u0301" * 50 + " ho\u0323\u0302c") == "Z\u0301\u0301 ho\u0323\u0302c"
    assert shown_in_terminal("ok\u202e: lla\u2066") == "ok\\u202e: lla\\u2066"
