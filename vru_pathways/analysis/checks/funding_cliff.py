"""``funding-cliff``: every covering service of a factor may stop within the horizon.

A service is at risk when each of its funding sources ends, or the service itself ends,
within ``policy.horizon`` months (default 6) after the as-of date. A service that lists
no funding is not at risk. The finding names each service's funding and end dates.

Fails (as of 2025-01-01)::

    funding: {vru-grant: {name: VRU grant 2024/25, ends: 2025-03-31}}
    services:
      mentors: {name: Mentors, tier: secondary, funding: [vru-grant],
                addresses: [school-exclusion]}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...diagnostics import Finding, Location, listed
from ...rulebook import Rule
from ..about import MAX_RELATED
from ..context import Context

RULE = Rule.FUNDING_CLIFF
SUBJECT = "factor"


def at_risk(ctx: Context, service_id: str) -> list[str] | None:
    """Why a service may stop within the horizon, or ``None`` when it is not at risk."""
    fw = ctx.framework
    service = fw.services[service_id]
    end = ctx.horizon_end
    if service.ends and service.ends <= end:
        return [f"the service ends {service.ends.isoformat()}"]
    if not service.funding:
        return None
    ends: list[dt.date | None] = [fw.funding[x].ends for x in service.funding]
    if all(e is not None and e <= end for e in ends):
        return [f"{x} ends {fw.funding[x].ends}" for x in service.funding]
    return None


def stops_by(ctx: Context, service_id: str) -> dt.date | None:
    """The day a service at risk (:func:`at_risk`) may stop: its own end, else the day its
    last funding source ends; ``None`` when it is not at risk."""
    fw = ctx.framework
    service = fw.services[service_id]
    if service.ends and service.ends <= ctx.horizon_end:
        return service.ends
    ends = [fw.funding[x].ends for x in service.funding]
    if ends and all(e is not None and e <= ctx.horizon_end for e in ends):
        return max(e for e in ends if e is not None)
    return None


def cliff(ctx: Context, factor_id: str) -> dt.date | None:
    """The day the factor's last covering service may stop, when every one of them may
    stop within the horizon; ``None`` when one may carry on, or none covers it."""
    days = [stops_by(ctx, s) for s in ctx.covering[factor_id]]
    if not days or any(d is None for d in days):
        return None
    return max(d for d in days if d is not None)


def check(ctx: Context) -> Iterator[Finding]:
    fw = ctx.framework
    for f in ctx.judged_factors:
        covering = ctx.covering[f]
        if not covering:
            continue
        if all(ctx.at_risk(s, at_risk) is not None for s in covering):
            reasons = {s: ctx.at_risk(s, at_risk) for s in covering}
            detail = listed([f"{s}: {listed(r or [], 3)}" for s, r in reasons.items()])
            related: list[Location] = []
            for s in covering[:MAX_RELATED]:
                related += [fw.where("funding", x) for x in fw.services[s].funding[:MAX_RELATED]]
            yield ctx.about_factor(
                RULE,
                f,
                f"every covering service may stop by {ctx.horizon_end.isoformat()} "
                f"({ctx.policy.horizon} months after {ctx.as_of.isoformat()}): {detail}",
                related=tuple(related),
            )
