"""Coverage month by month over the months ahead, and the funding that ends in each.

Each month is judged as its first day would be: every rule and coverage figure as of
that date, on the same framework (its graph built once), so a grant that ends in March
takes its services' cover away from April.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .context import Context
from .coverage import Ratio, coverage
from .dates import add_months

MAX_MONTHS = 120


@dataclass(frozen=True)
class Month:
    """One month ahead: coverage on its first day, what runs, what funding ends in it."""

    starts: dt.date
    overall: Ratio
    by_tier: dict[str, Ratio]
    running: tuple[str, ...]
    """The services live (active and funded) on ``starts``."""
    ending: tuple[str, ...]
    """The funding sources whose ``ends`` falls in this month."""


@dataclass(frozen=True)
class Grant:
    """One funding source, for the Gantt chart beside the coverage line."""

    id: str
    name: str
    funder: str | None
    funder_name: str | None
    amount: Decimal | None
    starts: dt.date | None
    ends: dt.date | None
    services: tuple[str, ...]
    within_horizon: bool
    """It ends between the as-of date and the end of the horizon."""


@dataclass(frozen=True)
class Timeline:
    model: str
    title: str
    as_of: dt.date
    horizon_end: dt.date
    months: tuple[Month, ...]
    funding: tuple[Grant, ...]


def month_starts(as_of: dt.date, months: int) -> list[dt.date]:
    """The as-of date, then the first day of each following month.

    >>> month_starts(dt.date(2026, 12, 15), 3)
    [datetime.date(2026, 12, 15), datetime.date(2027, 1, 1), datetime.date(2027, 2, 1)]
    """
    first = as_of.replace(day=1)
    return [as_of] + [add_months(first, n) for n in range(1, months)]


def _month(ctx: Context, starts: dt.date, until: dt.date) -> Month:
    fw = ctx.framework
    cov = coverage(ctx)
    running = tuple(s for s, service in fw.services.items() if ctx.is_live(service))
    ending = tuple(
        x for x, f in fw.funding.items() if f.ends is not None and starts <= f.ends < until
    )
    return Month(starts, cov.overall, cov.by_tier, running, ending)


def _grants(base: Context) -> tuple[Grant, ...]:
    fw = base.framework
    out = []
    for x, f in fw.funding.items():
        funder = fw.partners[f.funder].name if f.funder else None
        soon = f.ends is not None and base.as_of <= f.ends <= base.horizon_end
        services = tuple(s for s, service in fw.services.items() if x in service.funding)
        out.append(Grant(x, f.name, f.funder, funder, f.amount, f.starts, f.ends, services, soon))
    return tuple(out)


def timeline(base: Context, months: int) -> Timeline:
    """``months`` months from ``base``'s as-of date (1 to :data:`MAX_MONTHS`)."""
    if not 1 <= months <= MAX_MONTHS:
        raise ValueError(f"months must be 1 to {MAX_MONTHS}")
    starts = month_starts(base.as_of, months)
    ends = [*starts[1:], add_months(starts[-1].replace(day=1), 1)]
    judged = [
        _month(Context(base.framework, day, base), day, until)
        for day, until in zip(starts, ends, strict=True)
    ]
    fw = base.framework
    return Timeline(fw.id, fw.title, base.as_of, base.horizon_end, tuple(judged), _grants(base))
