"""``capacity-gap``: more people need a service than the covering services have places.

Compares the need's ``cohort`` (people a year) with the covering services' ``capacity``
added up. Not judged when a covering service states no capacity.

Passes::

    needs: {school-exclusion: {cohort: 20}}
    services:
      mentors: {name: Mentors, tier: secondary, capacity: 25, addresses: [school-exclusion]}

Fails with ``cohort: 40``: "40 a year need a service; the covering services have 25 places".
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, listed
from ...rulebook import Rule
from ..context import Context

RULE = Rule.CAPACITY_GAP
SUBJECT = "factor"


def shortfall(ctx: Context, factor_id: str) -> tuple[int, int] | None:
    """The need's cohort and the covering services' places, when the places fall short."""
    need = ctx.need(factor_id)
    covering = ctx.covering[factor_id]
    if need is None or need.cohort is None or not covering:
        return None
    places = [ctx.framework.services[s].capacity for s in covering]
    if any(p is None for p in places):
        return None
    total = sum(p for p in places if p is not None)
    return (need.cohort, total) if need.cohort > total else None


def check(ctx: Context) -> Iterator[Finding]:
    services = ctx.framework.services
    for f in ctx.judged_factors:
        short = shortfall(ctx, f)
        if short is not None:
            cohort, total = short
            parts = listed([f"{s} {services[s].capacity}" for s in ctx.covering[f]])
            yield ctx.about_factor(
                RULE,
                f,
                f"{cohort} people a year need a service; the covering services have "
                f"{total} places ({parts}), {cohort - total} short",
                location=ctx.need_location(f, "cohort"),
            )
