"""The funding Gantt: a bar per funding source over the same months as the coverage
line, coloured by funder, hatched and outlined when it ends within the funding horizon,
with the number of the month it ends in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from ..analysis.timeline import Grant
from .axis import set_time_axis, x
from .coverage import MARK_COLOUR, today
from .plan import Bar, Plan
from .text import pounds, safe, short_month, shorten

PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
"""Okabe–Ito, with grey for its black (a hatch must show on every bar)."""
NO_FUNDER = "#FFFFFF"
HATCH = "////"
SOON_EDGE = 1.6
ROW = 0.27
"""Inches per row: a line of text and a bar beneath it."""


RowKind = Literal["heading", "note", "bar"]
LOOKS: dict[RowKind, tuple[Literal["normal", "bold"], Literal["normal", "italic"]]] = {
    "heading": ("bold", "normal"),
    "note": ("normal", "italic"),
    "bar": ("normal", "normal"),
}
"""Each kind of row's text: its weight and style."""


@dataclass(frozen=True)
class Row:
    """A line of the Gantt: a group's heading, a note, or a bar."""

    text: str
    kind: RowKind
    bar: Bar | None = None

    def ended(self, as_of: dt.date) -> bool:
        """A bar for funding that ended before the as-of date."""
        ends = self.bar.grant.ends if self.bar else None
        return ends is not None and ends < as_of


def colours(plan: Plan) -> dict[str | None, str]:
    """Each funder's colour; past eight funders the palette repeats, paler."""
    out: dict[str | None, str] = {}
    for i, (funder, _) in enumerate(plan.funders):
        base = PALETTE[i % len(PALETTE)]
        out[funder] = base if i < len(PALETTE) else _paler(base)
    out[None] = NO_FUNDER
    return out


def _paler(colour: str) -> str:
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{(c + 255) // 2:02X}" for c in rgb)


def period(g: Grant, as_of: dt.date) -> str:
    """When the money runs, as the bar's label says it.

    >>> from decimal import Decimal
    >>> g = Grant("g", "G", None, None, Decimal(1), dt.date(2024, 4, 1), None, (), False)
    >>> period(g, dt.date(2026, 10, 1))
    'Apr 2024 – no end date'
    """
    if g.ends is not None and g.ends < as_of:
        return f"ended {short_month(g.ends)}"
    starts = short_month(g.starts) if g.starts else "start not recorded"
    return f"{starts} – {short_month(g.ends) if g.ends else 'no end date'}"


def label(g: Grant, as_of: dt.date, fits: Callable[[str], bool]) -> str:
    """Name, amount and period; the name shortened so that the whole fits."""
    tail = " · ".join(p for p in (pounds(g.amount), period(g, as_of)) if p)
    return shorten(safe(g.name), lambda name: fits(f"{name} · {tail}")) + f" · {tail}"


def rows(plan: Plan, fits: Callable[[str], bool]) -> list[Row]:
    out: list[Row] = []
    for group in plan.groups:
        if group.heading:
            out.append(Row(shorten(safe(group.heading), fits), "heading"))
        if group.note:
            out.append(Row(shorten(safe(group.note), fits), "note"))
        out += [Row(label(b.grant, plan.as_of[0], fits), "bar", b) for b in group.bars]
    return out


def _bar(ax: Axes, plan: Plan, bar: Bar, top: float, fill: str) -> None:
    g = bar.grant
    left = max(plan.start, g.starts or plan.start)
    right = min(plan.end, g.ends + dt.timedelta(days=1)) if g.ends else plan.end
    low = top - 0.92
    if right > left:
        ax.add_patch(
            Rectangle(
                (x(left), low),
                x(right) - x(left),
                0.34,
                facecolor=fill,
                edgecolor="#000000" if g.within_horizon else "#4D4D4D",
                linewidth=SOON_EDGE if g.within_horizon else 0.5,
                hatch=HATCH if g.within_horizon else None,
                zorder=4,
            )
        )
    if g.ends is None or g.ends + dt.timedelta(days=1) > plan.end:
        ax.plot(
            [x(plan.end)],
            [low + 0.17],
            marker=">",
            markersize=7,
            color=fill,
            markeredgecolor="#4D4D4D",
            markeredgewidth=0.5,
            clip_on=False,
            zorder=5,
        )
    if bar.mark is not None:
        ax.annotate(
            str(bar.mark),
            (x(right), low + 0.17),
            xytext=(7, 0),
            textcoords="offset points",
            ha="center",
            va="center",
            fontsize=8,
            fontweight="bold",
            bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": MARK_COLOUR},
            zorder=8,
        )


def draw(ax: Axes, plan: Plan, lines: list[Row]) -> None:
    """The Gantt of ``lines`` (from :func:`rows`) on ``ax``."""
    set_time_axis(ax, plan.start, plan.end)
    ax.set_ylim(-len(lines), 0)
    ax.set_yticks([])
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x", color="#E4E4E4", linewidth=0.5)
    ax.set_axisbelow(True)
    today(ax, plan, labelled=False)
    for m in plan.marks:
        ax.axvline(x(m.at), color=MARK_COLOUR, linestyle=(0, (3, 2)), linewidth=0.8, zorder=2)
    fills = colours(plan)
    for i, row in enumerate(lines):
        top = -float(i)
        weight, slant = LOOKS[row.kind]
        if row.kind == "heading" and i:
            ax.axhline(top, color="#8C8C8C", linewidth=0.6, zorder=1)
        ax.text(
            0.004,
            top - 0.04,
            row.text,
            transform=ax.get_yaxis_transform(),
            ha="left",
            va="top",
            fontsize=8,
            fontweight=weight,
            fontstyle=slant,
            color="#6E6E6E" if row.ended(plan.as_of[0]) else "#000000",
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
            zorder=7,
        )
        if row.bar is not None:
            _bar(ax, plan, row.bar, top, fills[row.bar.grant.funder])
