"""Horizontal bar charts as inline SVG, drawn at build time: no JavaScript, and colours from
the page's theme (CSS classes), so they read in light and dark mode alike.

Each label stands above its bar, so the chart needs little width: on a phone it keeps its
size and its text stays readable, and a long label is never cut.
"""

from __future__ import annotations

# The charts go into Markdown pages, whose processor reads Markdown inside an <svg>.
from deepscopie.escaping import html_attribute, html_in_markdown

WIDTH = 400
BAR_WIDTH = 340  # the longest bar; its value follows it
ROW_HEIGHT = 36
BAR_HEIGHT = 12


def bar_chart(
    title: str,
    rows: list[tuple[str, int]],
    chart_id: str,
    addresses: list[str | None] | None = None,
    spoken: list[str] | None = None,
) -> str:
    """An SVG bar chart with its title for screen readers, one bar per ``(label, value)``;
    a bar with an address (``addresses``, in the rows' order) links to the list it counts,
    named for a screen reader by ``spoken`` (in the rows' order), where given: else its
    label and value, run together ("Bibliographie28")."""
    top = max((value for _, value in rows), default=0) or 1
    height = ROW_HEIGHT * len(rows)
    targets = addresses or [None] * len(rows)
    names: list[str | None] = [*spoken] if spoken else [None] * len(rows)
    # A chart of links is a group of them (an image's content is hidden from screen readers).
    role = "group" if any(targets) else "img"
    parts = [
        f'<svg class="ds-chart" role="{role}" aria-labelledby="{chart_id}-title" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-title">{html_in_markdown(title)}</title>',
    ]
    for index, ((label, value), target, name) in enumerate(zip(rows, targets, names, strict=True)):
        y = index * ROW_HEIGHT
        length = max(2, round(BAR_WIDTH * value / top))
        row = (
            f'<text class="ds-chart__label" x="0" y="{y + 12}">{html_in_markdown(label)}</text>'
            f'<rect class="ds-chart__bar" x="0" y="{y + 17}" width="{length}" '
            f'height="{BAR_HEIGHT}" rx="2"/>'
            f'<text class="ds-chart__value" x="{length + 6}" y="{y + 27}">{value}</text>'
        )
        if target:
            named = f' aria-label="{html_attribute(name)}"' if name else ""
            row = f'<a class="ds-chart__link" href="{html_attribute(target)}"{named}>{row}</a>'
        parts.append(row)
    parts.append("</svg>")
    return "".join(parts)
