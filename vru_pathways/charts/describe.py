"""What a timeline chart says, in words: its title, the key to its numbered marks, and
the plain-English description that goes with it as alt text or a caption."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..analysis.timeline import Grant, Timeline
from .plan import Plan, chart_end, plan
from .text import listed, long_date, month, pounds, safe, short_names, wrap

HANG = 0.22
"""Inches a key entry's second and later lines are indented by."""


def whole(percent: float) -> str:
    """A percentage to the nearest whole number, halves up.

    >>> whole(67.4), whole(12.5), whole(0.0)
    ('67%', '13%', '0%')
    """
    return f"{int(percent + 0.5)}%"


def chart_title(timelines: list[Timeline]) -> str:
    """The model's title; for several, what differs between their titles."""
    if len(timelines) == 1:
        return safe(timelines[0].title)
    names = short_names([safe(t.title) for t in timelines])[0]
    return f"Coverage and funding: {listed(names)}"


def _span(timelines: list[Timeline]) -> str:
    days = sorted({t.as_of for t in timelines})
    months = max(len(t.months) for t in timelines)
    since = " and ".join(long_date(d) for d in days)
    return f"{months} month{'s' if months != 1 else ''} from {since}"


def subtitle(timelines: list[Timeline]) -> str:
    """What the chart shows, over which months; for several models, what their titles
    share first."""
    what = (
        f"Coverage (in-scope risk factors with a full pathway) and the funding behind it, "
        f"over the {_span(timelines)}"
    )
    common = short_names([safe(t.title) for t in timelines])[1]
    return f"{common[:1].upper()}{common[1:]} · {what}" if common else what


def _grant(g: Grant) -> str:
    amount = pounds(g.amount)
    return safe(g.name) + (f" ({amount})" if amount else "")


def _names(grants: list[Grant]) -> str:
    return listed([_grant(g) for g in grants])


MAX_KEY = 8
"""Lines the key takes at most naming every funding source; past that it counts them, and
the Gantt's numbered bars name them."""


KeyLine = tuple[float, str]
"""A line of the key: how far in it starts (inches), and its text."""


def _entry(head: str, text: str, fits: Callable[[str, float], bool]) -> list[KeyLine]:
    first, *rest = wrap(f"{head}{text}", lambda s: fits(s, 0.0))
    hanging = wrap(" ".join(rest), lambda s: fits(s, HANG))
    return [(0.0, first), *((HANG, line) for line in hanging)]


def key_entries(p: Plan, fits: Callable[[str, float], bool]) -> list[KeyLine]:
    """The key to the numbered marks: a month each, naming what ends in it, wrapped
    (``fits`` says whether a text fits when indented so far); or, when that would be
    long, how many end and how much they bring."""
    heads = [f"{m.number}. {month(m.month)}: " for m in p.marks]
    named = [
        line
        for head, m in zip(heads, p.marks, strict=True)
        for line in _entry(head, "; ".join(_grant(g) for g in m.grants), fits)
    ]
    if len(named) <= MAX_KEY:
        return named
    return [
        line
        for head, m in zip(heads, p.marks, strict=True)
        for line in _entry(head, _counted(m.grants, m.number), fits)
    ]


def _counted(grants: tuple[Grant, ...], number: int) -> str:
    if len(grants) == 1:
        return _grant(grants[0])
    known = [g.amount for g in grants if g.amount is not None]
    total = f", {pounds(sum(known, Decimal(0)))} in all" if known else ""
    return f"{len(grants)} funding sources{total} (the bars marked {number} below)"


def _trend(t: Timeline) -> str:
    values = [m.overall.percent for m in t.months]
    first, last = values[0], values[-1]
    when, until = month(t.months[0].starts), month(t.months[-1].starts)
    if min(values) == max(values):
        return f"coverage stays at {whole(first)} from {when} to {until}"
    verb = "falls" if last < first else "rises" if last > first else "moves"
    return f"coverage {verb} from {whole(first)} in {when} to {whole(last)} by {until}"


def _largest_fall(t: Timeline) -> str:
    falls = [
        (a.overall.percent - b.overall.percent, b)
        for a, b in zip(t.months, t.months[1:], strict=False)
    ]
    if not falls or max(f for f, _ in falls) <= 0:
        return ""
    drop, after = max(falls, key=lambda fm: (fm[0], -fm[1].starts.toordinal()))
    return f" The largest fall, {drop:.1f} percentage points, comes in {month(after.starts)}."


def _ending(t: Timeline) -> str:
    grants = {g.id: g for g in t.funding}
    parts = [
        f"{month(m.starts)}, {_names([grants[x] for x in m.ending])}" for m in t.months if m.ending
    ]
    if not parts:
        return " No funding ends in these months."
    return " Funding ending: " + "; ".join(parts) + "."


def _funding(t: Timeline) -> str:
    if not t.funding:
        return f" No funding recorded in {safe(t.title)}: the chart shows coverage only."
    known = [g.amount for g in t.funding if g.amount is not None]
    total = f", {pounds(sum(known, Decimal(0)))} in all" if known else ""
    soon = [g for g in t.funding if g.within_horizon]
    by = f"within the funding horizon (by {long_date(t.horizon_end)})"
    ending = f"{len(soon)} end{'s' if len(soon) == 1 else ''}" if soon else "none ends"
    within = f"; {ending} {by}"
    count = len(t.funding)
    return f" {count} funding source{'s' if count != 1 else ''}{total}{within}."


def model_description(t: Timeline) -> str:
    """One model's coverage line and funding, in a few sentences."""
    trend = _trend(t)
    cause = " as funding ends" if "falls" in trend and any(m.ending for m in t.months) else ""
    head = f"{safe(t.title)}: {trend}{cause}."
    return head + _largest_fall(t) + _ending(t) + _funding(t)


def chart_description(timelines: list[Timeline]) -> str:
    """What the chart shows, in plain English: a paragraph per model, after one saying
    what is drawn."""
    p = plan(timelines)
    end = month(chart_end(timelines[0]) if len(timelines) == 1 else p.end)
    lead = (
        f"A line chart of coverage (in-scope risk factors with a full pathway) month by "
        f"month over the {_span(timelines)}, up to {end}, above a bar per funding source "
        f"showing when it runs, coloured by funder."
    )
    return "\n\n".join([lead, *(model_description(t) for t in timelines)]) + "\n"
