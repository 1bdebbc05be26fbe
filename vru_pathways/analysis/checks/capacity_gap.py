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


def check(ctx: Context) -> Iterator[Finding]:
    services = ctx.framework.services
    for f in ctx.judged_factors:
        need = ctx.need(f)
        covering = ctx.covering[f]
        if need is None or need.cohort is None or not covering:
            continue
        places = [services[s].capacity for s in covering]
        if any(p is None for p in places):
            continue
        total = sum(p for p in places if p is not None)
        if need.cohort > total:
            parts = listed([f"{s} {services[s].capacity}" for s in covering])
            yield ctx.about_factor(
                RULE,
                f,
                f"{need.cohort} people a year need a service; the covering services have "
                f"{total} places ({parts}), {need.cohort - total} short",
                location=ctx.need_location(f, "cohort"),
            )
