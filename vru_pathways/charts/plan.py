"""What a timeline chart shows, decided before anything is drawn: the time axis, one
line per model, the months funding ends in (numbered), and the Gantt's groups of bars.

Pure data: the drawing modules only place what this decides, so the choices (what is
shared, what is numbered, in which order) can be tested without matplotlib.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..analysis.dates import add_months
from ..analysis.timeline import Grant, Timeline
from .text import listed, short_names

MAX_BARS = 40
"""Bars the Gantt shows at most; the rest are counted in a line beneath it (the table,
JSON and CSV formats list every funding source)."""


@dataclass(frozen=True)
class Line:
    """One model's coverage: a point on the first day of each month."""

    label: str
    """The model's title, less the words every model's title ends with."""
    points: tuple[tuple[dt.date, float], ...]


@dataclass(frozen=True)
class EndMark:
    """A month in which funding ends: its number on the chart, and what ends."""

    number: int
    month: dt.date
    """The first day of the month the funding ends in."""
    grants: tuple[Grant, ...]

    @property
    def at(self) -> dt.date:
        """Where the mark stands: the first day without that funding's cover."""
        return add_months(self.month, 1)


@dataclass(frozen=True)
class Bar:
    grant: Grant
    mark: int | None
    """The number of the end mark it ends at, when it ends within the chart."""


@dataclass(frozen=True)
class Group:
    heading: str
    """Whose funding this is (empty when the chart shows one model)."""
    bars: tuple[Bar, ...]
    note: str = ""
    """What to say instead of bars: the model has no funding."""


@dataclass(frozen=True)
class Plan:
    titles: tuple[str, ...]
    as_of: tuple[dt.date, ...]
    """The distinct as-of dates, earliest first."""
    horizon: tuple[dt.date, ...]
    """The distinct ends of the models' funding horizons."""
    start: dt.date
    end: dt.date
    lines: tuple[Line, ...]
    marks: tuple[EndMark, ...]
    groups: tuple[Group, ...]
    funders: tuple[tuple[str | None, str], ...]
    """Each funder of a bar shown (ID, name), in the order colours are given."""
    hidden: int
    """Funding sources not shown, past :data:`MAX_BARS`."""


def _key(g: Grant) -> tuple[object, ...]:
    """The same funding source in several models (a region's grant its spokes use)."""
    return (g.id, g.name, g.funder, g.amount, g.starts, g.ends)


def chart_end(t: Timeline) -> dt.date:
    """The first day after the last month of ``t``."""
    return add_months(t.months[-1].starts.replace(day=1), 1)


def lead_months(months: int) -> int:
    """Months shown before the as-of date, so that "today" is a line with funding
    either side of it: an eighth of the chart, from one month to six.

    >>> lead_months(24), lead_months(1), lead_months(120)
    (3, 1, 6)
    """
    return min(6, max(1, months // 8))


def _ends(timelines: list[Timeline]) -> tuple[EndMark, ...]:
    by_month: dict[dt.date, dict[tuple[object, ...], Grant]] = {}
    for t in timelines:
        grants = {g.id: g for g in t.funding}
        for m in t.months:
            for ident in m.ending:
                grant = grants[ident]
                if grant.ends is not None:
                    by_month.setdefault(grant.ends.replace(day=1), {})[_key(grant)] = grant
    return tuple(
        EndMark(n, month, tuple(sorted(by_month[month].values(), key=_order)))
        for n, month in enumerate(sorted(by_month), 1)
    )


def _order(g: Grant) -> tuple[dt.date, str, str]:
    return (g.ends or dt.date.max, g.name, g.id)


def _heading(models: tuple[int, ...], names: list[str]) -> str:
    if len(names) == 1:
        return ""
    if len(models) == len(names):
        return f"Shared by all {len(names)} models"
    return ("" if len(models) == 1 else "Shared by ") + listed([names[i] for i in models])


def _groups(
    timelines: list[Timeline], titles: tuple[str, ...], marks: tuple[EndMark, ...]
) -> tuple[tuple[Group, ...], int]:
    holders: dict[tuple[object, ...], list[int]] = {}
    grants: dict[tuple[object, ...], Grant] = {}
    for i, t in enumerate(timelines):
        for g in t.funding:
            holders.setdefault(_key(g), []).append(i)
            grants.setdefault(_key(g), g)
    numbered = {_key(g): m.number for m in marks for g in m.grants}
    by_models: dict[tuple[int, ...], list[Grant]] = {}
    for key, holding in holders.items():
        by_models.setdefault(tuple(holding), []).append(grants[key])
    for i, t in enumerate(timelines):
        if not t.funding:
            by_models[(i,)] = []
    names = short_names(list(titles))[0]
    groups, shown = [], 0
    for models in sorted(by_models, key=lambda ms: (-len(ms), ms)):
        chosen = sorted(by_models[models], key=_order)[: max(0, MAX_BARS - shown)]
        shown += len(chosen)
        bars = tuple(Bar(g, numbered.get(_key(g))) for g in chosen)
        note = "" if by_models[models] else f"No funding recorded in {titles[models[0]]}"
        if bars or note:
            groups.append(Group(_heading(models, names), bars, note))
    return tuple(groups), len(grants) - shown


def _funders(groups: tuple[Group, ...]) -> tuple[tuple[str | None, str], ...]:
    named = {
        b.grant.funder: b.grant.funder_name or b.grant.funder
        for g in groups
        for b in g.bars
        if b.grant.funder is not None
    }
    unnamed = any(b.grant.funder is None for g in groups for b in g.bars)
    ordered: list[tuple[str | None, str]] = sorted(
        ((f, name or "") for f, name in named.items()), key=lambda fn: (fn[1], fn[0] or "")
    )
    return (*ordered, *([(None, "No funder named")] if unnamed else []))


def plan(timelines: list[Timeline]) -> Plan:
    """What the chart of ``timelines`` (one or more models) shows."""
    if not timelines:
        raise ValueError("a chart needs at least one timeline")
    titles = tuple(t.title for t in timelines)
    as_of = tuple(sorted({t.as_of for t in timelines}))
    longest = max(len(t.months) for t in timelines)
    start = add_months(as_of[0].replace(day=1), -lead_months(longest))
    lines = tuple(
        Line(name, tuple((m.starts, m.overall.percent) for m in t.months))
        for name, t in zip(short_names(list(titles))[0], timelines, strict=True)
    )
    marks = _ends(timelines)
    groups, hidden = _groups(timelines, titles, marks)
    return Plan(
        titles,
        as_of,
        tuple(sorted({t.horizon_end for t in timelines})),
        start,
        max(chart_end(t) for t in timelines),
        lines,
        marks,
        groups,
        _funders(groups),
        hidden,
    )
