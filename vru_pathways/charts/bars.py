"""What a coverage bar chart shows, and the same in words: no matplotlib here, so the
report can plan its charts and write their alt text without paying for it.

A chart is a few rows (the tiers of one model, its areas, or the models of a region),
each with one bar per series (one series for a model; overall and each tier for a
region), as percentages of the factors in scope, and a target line when the partnership
has set one (``policy.fail_under``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import listed, safe

MAX_ROWS = 16
"""Rows a chart draws at most (the first ones): an area chart of a hundred areas would be
unreadable; the table in the appendix lists them all."""


@dataclass(frozen=True)
class Bar:
    covered: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.total if self.total else 0.0


@dataclass(frozen=True)
class Bars:
    title: str
    what: str
    """What the rows are, for the description: ``tier``, ``area``."""
    rows: tuple[tuple[str, tuple[Bar, ...]], ...]
    series: tuple[str, ...] = ("Coverage",)
    target: float | None = None
    width: float = 0.0
    """Inches wide; 0 for the width of an A4 page's text."""

    @property
    def shown(self) -> tuple[tuple[str, tuple[Bar, ...]], ...]:
        return self.rows[:MAX_ROWS]


def whole(percent: float) -> str:
    """A percentage to the nearest whole number, halves up.

    >>> whole(67.39), whole(12.5)
    ('67%', '13%')
    """
    return f"{int(percent + 0.5)}%"


def _row(label: str, bars: tuple[Bar, ...], series: tuple[str, ...]) -> str:
    if len(bars) == 1:
        b = bars[0]
        return f"{safe(label)} {whole(b.percent)} ({b.covered} of {b.total})"
    values = ", ".join(
        f"{name.lower()} {whole(b.percent)}" for name, b in zip(series, bars, strict=True)
    )
    return f"{safe(label)}: {values}"


def describe(chart: Bars) -> str:
    """The chart in words, for alt text and speaker notes.

    >>> text = describe(Bars("By tier", "tier", (("Overall", (Bar(31, 46),)),), target=75))
    >>> text.split(": ", 1)[1]
    'Overall 67% (31 of 46). The target is 75%.'
    """
    rows = [_row(label, bars, chart.series) for label, bars in chart.shown]
    text = (
        f"A bar chart of the share of factors in scope with a full pathway, by {chart.what}: "
        + ("; " if len(chart.series) > 1 else ", ").join(rows)
        + "."
    )
    if len(chart.rows) > MAX_ROWS:
        text += f" The first {MAX_ROWS} of {len(chart.rows)} are shown."
    if chart.target is not None:
        text += f" The target is {chart.target:g}%."
    return text


def names(chart: Bars) -> str:
    """The rows, in a sentence."""
    return listed([safe(label) for label, _ in chart.shown])
