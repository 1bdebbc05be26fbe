"""The time axis both panels share: days as numbers, a tick each month, a label every
few months, in English whatever the locale."""

from __future__ import annotations

import datetime as dt

from matplotlib.axes import Axes

from ..analysis.dates import add_months
from .text import MONTHS

STEPS = (1, 2, 3, 6, 12, 24, 60)
"""Months between labels: the fewest that leave at most :data:`MAX_LABELS`."""
MAX_LABELS = 12


def x(day: dt.date) -> float:
    """A date as the number the axes plot it at."""
    return float(day.toordinal())


def month_starts(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first day of every month from ``start``'s to ``end``, inclusive.

    >>> month_starts(dt.date(2026, 11, 15), dt.date(2027, 1, 1))
    [datetime.date(2026, 11, 1), datetime.date(2026, 12, 1), datetime.date(2027, 1, 1)]
    """
    out, day = [], start.replace(day=1)
    while day <= end:
        out.append(day)
        day = add_months(day, 1)
    return out


def labelled(start: dt.date, end: dt.date) -> list[dt.date]:
    """The month starts that carry a label: every one, or every second, quarter, half
    year or year, starting on a month the step divides (January, April…).

    >>> [d.month for d in labelled(dt.date(2026, 7, 1), dt.date(2028, 10, 1))]
    [7, 10, 1, 4, 7, 10, 1, 4, 7, 10]
    """
    months = [d for d in month_starts(start, end) if d >= start]
    for step in STEPS:
        chosen = [d for d in months if (d.month - 1) % step == 0]
        if len(chosen) <= MAX_LABELS:
            return chosen
    return [d for d in months if d.month == 1 and d.year % 10 == 0]


def tick_labels(days: list[dt.date]) -> list[str]:
    """The month, and under it the year on the first label and each January.

    >>> tick_labels([dt.date(2026, 10, 1), dt.date(2027, 1, 1), dt.date(2027, 4, 1)])
    ['Oct\\n2026', 'Jan\\n2027', 'Apr']
    """
    return [
        MONTHS[d.month - 1][:3] + (f"\n{d.year}" if i == 0 or d.month == 1 else "")
        for i, d in enumerate(days)
    ]


def set_time_axis(ax: Axes, start: dt.date, end: dt.date, labels: bool = True) -> None:
    ax.set_xlim(x(start), x(end))
    ax.set_xticks([x(d) for d in month_starts(start, end) if d >= start], minor=True)
    chosen = labelled(start, end)
    ax.set_xticks([x(d) for d in chosen])
    ax.set_xticklabels(tick_labels(chosen) if labels else [])
    ax.tick_params(axis="x", which="minor", length=2, width=0.5)
    ax.tick_params(axis="x", which="major", length=4, width=0.6, pad=2)
