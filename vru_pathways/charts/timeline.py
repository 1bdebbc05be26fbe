"""The timeline chart: coverage over the months ahead above the funding that pays for
it, on one time axis, sized for an A4 page in portrait.

Top to bottom: the title; the legend of the lines; the coverage panel (one line per
model, the as-of date, a numbered mark at each month funding ends in); the key to those
numbers; the funding Gantt; the legends of funders and of marks.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..analysis.timeline import Timeline
from . import ChartFormat, coverage, gantt
from .describe import chart_description, chart_title, key_entries, subtitle, whole
from .figure import LABEL, PAGE_WIDTH, TEXT, TITLE, Page, new_figure, save, style
from .figure import width as text_width
from .plan import Plan, plan
from .text import month, safe, short_date, shorten, wrap

LEFT, RIGHT = 0.62, 0.30
"""Inches of margin: the coverage axis's labels on the left, the arrows on the right."""
PLOT = PAGE_WIDTH - LEFT - RIGHT
LINE = 0.155
"""Inches per line of 8-point text."""
HANDLE = 0.42
"""Inches a legend entry gives its symbol and the space after it."""


def fits(room: float = PLOT, size: float = TEXT, bold: bool = False) -> Callable[[str], bool]:
    """Whether a text fits in ``room`` inches."""
    return lambda text: text_width(text, size, bold) <= room


def _line_labels(p: Plan) -> list[str]:
    column = PLOT - HANDLE - 0.3
    out = []
    for line in p.lines:
        (_, first), (last_month, last) = line.points[0], line.points[-1]
        tail = f": {whole(first)} now, {whole(last)} in {month(last_month)}"
        name = "Coverage" if len(p.lines) == 1 else safe(line.label)
        out.append(shorten(name, fits(column - text_width(tail))) + tail)
    return out


def _funders(p: Plan) -> tuple[list[Artist], list[str]]:
    fills = gantt.colours(p)
    handles: list[Artist] = [
        Patch(facecolor=fills[f], edgecolor="#4D4D4D", linewidth=0.5) for f, _ in p.funders
    ]
    return handles, [in_column(safe(name)) for _, name in p.funders]


def _marks(p: Plan) -> tuple[list[Artist], list[str]]:
    horizon = " or ".join(short_date(d) for d in p.horizon)
    handles: list[Artist] = [
        Patch(facecolor="white", edgecolor="#000000", hatch=gantt.HATCH, linewidth=1.4),
        Line2D([], [], color="#000000", linewidth=1.2),
        Line2D([], [], color=coverage.MARK_COLOUR, linestyle=(0, (3, 2)), linewidth=0.8),
        Line2D([], [], color="#999999", marker=">", linestyle="none", markersize=6),
    ]
    labels = [
        f"Ends by {horizon} (funding horizon)",
        "Today (the as-of date)",
        "Month funding ends in (see the key)",
        "Runs on past the chart, or no end date",
    ]
    return handles, [in_column(label) for label in labels]


COLUMN = PLOT / 2 - HANDLE - 0.15
"""Inches of text in a column of a two-column legend."""


def in_column(text: str) -> str:
    """A legend entry in at most two lines of a column."""
    lines = wrap(text, fits(COLUMN))
    return "\n".join(
        lines[:1] + [shorten(" ".join(lines[1:]), fits(COLUMN))] if len(lines) > 1 else lines
    )


def legend_height(labels: list[str]) -> float:
    """Inches a two-column legend of ``labels`` takes (they fill the first column first)."""
    half = math.ceil(len(labels) / 2)
    tall = [
        max(labels[i].count("\n"), labels[i + half].count("\n") if i + half < len(labels) else 0)
        for i in range(half)
    ]
    return 0.06 + LINE * 1.12 * sum(1 + t for t in tall)


def _layout(key: int, p: Plan, levels: int, bars: int, funders: float, marks: float) -> Page:
    page = Page()
    page.add("title", 0.6)
    page.add("lines", 0.08 + LINE * 1.15 * len(p.lines))
    page.add("badges", 0.16 + 0.18 * levels)
    page.add("coverage", 2.2)
    page.add("ticks", 0.42)
    page.add("key", 0.1 + LINE * max(1, key))
    page.add("funding", 0.3)
    if bars:
        page.add("gantt", gantt.ROW * bars)
        page.add("gantt-ticks", 0.42)
        page.add("funders", LINE * 1.3 + funders)
        page.add("marks", marks)
    else:
        page.add("gantt", 0.3)
    page.add("foot", 0.2)
    return page


def _text(fig: Figure, page: Page, block: str, lines: Sequence[str], **look: Any) -> None:
    for i, line in enumerate(lines):
        fig.text(LEFT / PAGE_WIDTH, page.y(block, 0.04 + LINE * i), line, va="top", **look)


def _legend(
    fig: Figure, page: Page, block: str, entries: tuple[list[Artist], list[str]], **more: Any
) -> None:
    """A legend whose top left corner is the top left of ``block``; two columns unless
    ``more`` says otherwise."""
    look: dict[str, Any] = {"ncol": 2, "handlelength": 2.4, "columnspacing": 1.0, **more}
    handles, labels = entries
    fig.legend(
        handles,
        labels,
        loc="upper left",
        bbox_to_anchor=(LEFT / PAGE_WIDTH - 0.01, page.y(block, 0.02)),
        borderaxespad=0,
        **look,
    )


def _heading(fig: Figure, page: Page, timelines: list[Timeline]) -> None:
    title = shorten(chart_title(timelines), fits(size=TITLE, bold=True))
    _text(fig, page, "title", [title], fontsize=TITLE, fontweight="bold")
    for i, line in enumerate(wrap(subtitle(timelines), fits())[:2]):
        fig.text(LEFT / PAGE_WIDTH, page.y("title", 0.3 + LINE * i), line, va="top")


def _coverage(fig: Figure, page: Page, p: Plan, levels: list[int]) -> None:
    coverage.draw(fig.add_axes(page.rect("coverage", LEFT, RIGHT)), p, levels)
    handles: list[Artist] = [
        Line2D([], [], color=c, linestyle=d, marker=m, linewidth=1.6, markersize=4)
        for c, d, m in (coverage.look(i) for i in range(len(p.lines)))
    ]
    _legend(fig, page, "lines", (handles, _line_labels(p)), handlelength=3.2, ncol=1)


def figure(timelines: list[Timeline]) -> Figure:
    """The chart as a matplotlib figure (draw it inside :func:`.figure.style`)."""
    p = plan(timelines)
    key = key_entries(p, lambda text, indent: fits(PLOT - indent)(text))
    rows = gantt.rows(p, fits())
    bars = len(rows) if any(r.bar is not None for r in rows) else 0
    funders, marks = _funders(p), _marks(p)
    levels = coverage.badge_levels(p.marks, p.start, p.end, 0.24 / PLOT)
    page = _layout(
        len(key),
        p,
        max(levels, default=0) + 1,
        bars,
        legend_height(funders[1]),
        legend_height(marks[1]),
    )
    fig = new_figure(page)
    _heading(fig, page, timelines)
    _coverage(fig, page, p, levels)
    for i, (indent, line) in enumerate(key or [(0.0, "No funding ends in these months.")]):
        fig.text((LEFT + indent) / PAGE_WIDTH, page.y("key", 0.04 + LINE * i), line, va="top")
    _text(fig, page, "funding", ["Funding sources"], fontsize=LABEL, fontweight="bold")
    if bars:
        gantt.draw(fig.add_axes(page.rect("gantt", LEFT, RIGHT)), p, rows)
        _legend(fig, page, "funders", funders, title="Funders", alignment="left")
        _legend(fig, page, "marks", marks)
    else:
        _text(fig, page, "gantt", [r.text for r in rows], fontstyle="italic")
    if p.hidden:
        more = f"… and {p.hidden} more funding sources, not shown: the table lists them all."
        _text(fig, page, "foot", [more])
    return fig


def timeline_chart(timelines: list[Timeline], fmt: ChartFormat, dpi: int = 200) -> bytes:
    """The chart of one or more models' timelines as SVG, PNG or PDF bytes."""
    with style():
        fig = figure(timelines)
    return save(fig, fmt, dpi, chart_title(timelines), chart_description(timelines))
