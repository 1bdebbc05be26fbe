"""The coverage panel: one line per model over the months, the as-of date, and a
numbered mark at every month in which funding ends."""

from __future__ import annotations

import datetime as dt
import math
from typing import Literal

from matplotlib.axes import Axes

from .axis import set_time_axis, x
from .plan import EndMark, Line, Plan
from .text import long_date

Dash = Literal["-", "--", ":", "-."] | tuple[float, tuple[float, ...]]
LOOKS: tuple[tuple[str, Dash, str], ...] = (
    ("#000000", "-", "o"),
    ("#000000", "--", "s"),
    ("#5A5A5A", ":", "^"),
    ("#5A5A5A", "-.", "D"),
    ("#000000", (0, (5, 1, 1, 1, 1, 1)), "v"),
    ("#5A5A5A", (0, (8, 2)), "P"),
)
"""A model's line: shade, dash and marker, never a colour: the funders' colours are the
Gantt's, and a line is told apart in greyscale."""
MARK_COLOUR = "#6E6E6E"
PAST = "#EFEFEF"
MAX_MARKERS = 26
"""Markers on a line at most: beyond that, every second month, and so on."""


def look(i: int) -> tuple[str, Dash, str]:
    return LOOKS[i % len(LOOKS)]


def _line(ax: Axes, line: Line, end: dt.date, i: int, lines: int) -> None:
    colour, dash, marker = look(i)
    days = [x(d) for d, _ in line.points] + [x(end)]
    values = [v for _, v in line.points] + [line.points[-1][1]]
    ax.plot(
        days,
        values,
        drawstyle="steps-post",
        color=colour,
        linestyle=dash,
        linewidth=1.6,
        marker=marker,
        markersize=4,
        markevery=marked(len(line.points), i, lines),
        markerfacecolor="white" if i % 2 else colour,
        markeredgecolor=colour,
        zorder=4 + i,
    )


def labelled_points(line: Line, span: float, room: float) -> list[tuple[dt.date, float]]:
    """Where a lone line's percentage is written: where it starts and wherever it
    changes, unless that is within ``room`` (a fraction of the axis's ``span`` in days)
    of the last one written and less than ten points from it.

    >>> d = dt.date(2027, 1, 1)
    >>> ps = ((d, 67.4), (d + dt.timedelta(31), 65.2), (d + dt.timedelta(400), 30.4))
    >>> [v for _, v in labelled_points(Line("", ps), 730, 0.1)]
    [67.4, 30.4]
    """
    out: list[tuple[dt.date, float]] = []
    before: float | None = None
    for day, value in line.points:
        if value != before:
            last = out[-1] if out else None
            near = last is not None and (x(day) - x(last[0])) / span < room
            if not (near and last is not None and abs(value - last[1]) < 10):
                out.append((day, value))
        before = value
    return out


def _values(ax: Axes, plan: Plan, line: Line) -> None:
    for day, value in labelled_points(line, x(plan.end) - x(plan.start), 0.07):
        ax.annotate(
            f"{int(value + 0.5)}%",
            (x(day), value),
            xytext=(3, -4 if value > 90 else 4),
            textcoords="offset points",
            ha="left",
            va="top" if value > 90 else "bottom",
            fontsize=8,
            zorder=7,
        )


def marked(points: int, i: int, lines: int) -> list[int]:
    """The points of line ``i`` of ``lines`` that carry a marker: every month with one
    line; with several, each its own months in turn, so that markers never hide each
    other where lines run together.

    >>> marked(6, 0, 1), marked(6, 1, 2)
    ([0, 1, 2, 3, 4, 5], [1, 3, 5])
    """
    step = max(lines, math.ceil(points / MAX_MARKERS))
    return list(range(i % step, points, step))


LEVELS = 3
"""Heights a mark's number can sit at above the panel."""


def badge_levels(
    marks: tuple[EndMark, ...], start: dt.date, end: dt.date, room: float
) -> list[int]:
    """How high each mark's number sits (0 to :data:`LEVELS` - 1): the lowest level on
    which it is at least ``room`` (a fraction of the axis) from the number before it;
    failing that, the level where the number before it is furthest away.

    >>> from vru_pathways.charts.plan import EndMark
    >>> ms = tuple(EndMark(n, dt.date(2027, n, 1), ()) for n in (1, 2, 3, 8))
    >>> badge_levels(ms, dt.date(2027, 1, 1), dt.date(2028, 1, 1), 0.2)
    [0, 1, 2, 0]
    """
    span = x(end) - x(start)
    last = [-1.0] * LEVELS
    levels = []
    for m in marks:
        where = (x(m.at) - x(start)) / span
        free = [level for level in range(LEVELS) if where - last[level] >= room]
        level = free[0] if free else min(range(LEVELS), key=lambda lv: last[lv])
        last[level] = where
        levels.append(level)
    return levels


def _marks(ax: Axes, plan: Plan, levels: list[int]) -> None:
    for m, level in zip(plan.marks, levels, strict=True):
        ax.axvline(x(m.at), color=MARK_COLOUR, linestyle=(0, (3, 2)), linewidth=0.8, zorder=2)
        ax.annotate(
            str(m.number),
            (x(m.at), 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 7 + 13 * level),
            textcoords="offset points",
            ha="center",
            va="center",
            fontsize=8,
            fontweight="bold",
            bbox={"boxstyle": "circle,pad=0.2", "facecolor": "white", "edgecolor": MARK_COLOUR},
            annotation_clip=False,
        )


def today(ax: Axes, plan: Plan, labelled: bool) -> None:
    """The as-of date (or dates): a solid line; on the coverage panel, its date and the
    months before it shaded."""
    if labelled:
        ax.axvspan(x(plan.start), x(plan.as_of[0]), color=PAST, zorder=0, linewidth=0)
    high = any(line.points[0][1] >= 85 for line in plan.lines)
    for i, day in enumerate(plan.as_of):
        ax.axvline(x(day), color="#000000", linewidth=1.2, zorder=3 if labelled else 5)
        if labelled:
            ax.annotate(
                f"Today, {long_date(day)}",
                (x(day), 3 if high else 97),
                xytext=(3, 11 * i if high else -11 * i),
                textcoords="offset points",
                ha="left",
                va="bottom" if high else "top",
                fontsize=8,
                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
                zorder=6,
            )


def draw(ax: Axes, plan: Plan, levels: list[int]) -> None:
    """The coverage panel on ``ax``, the marks' numbers at ``levels`` above it (from
    :func:`badge_levels`)."""
    set_time_axis(ax, plan.start, plan.end)
    ax.set_ylim(0, 100)
    ax.set_yticks([0, 25, 50, 75, 100])
    ax.set_yticklabels(["0%", "25%", "50%", "75%", "100%"])
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_ylabel("Coverage", fontsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    today(ax, plan, labelled=True)
    _marks(ax, plan, levels)
    for i, line in enumerate(plan.lines):
        _line(ax, line, plan.end, i, len(plan.lines))
    if len(plan.lines) == 1:
        _values(ax, plan, plan.lines[0])
