"""``referral-to-inactive``: a referral route that leads to a service not running.

An active service's ``refers_to`` names a service that is not active on the as-of date
(planned, paused, closed, not yet started, ended, or unfunded): people referred along
that route reach nothing. One finding per referring service, naming every such target.

Passes::

    services:
      navigators: {name: A&E navigators, tier: tertiary, refers_to: [mentors],
                   addresses: [violent-victimisation]}
      mentors: {name: Mentors, tier: secondary, addresses: [school-exclusion]}

Fails with ``mentors`` ``status: paused``: "refers to services not active … mentors
(paused)".
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Severity, listed
from ...rulebook import Rule
from ...schema.document import Service
from ..about import MAX_RELATED
from ..context import Context

RULE = Rule.REFERRAL_TO_INACTIVE
SUBJECT = "service"


def why_not_running(ctx: Context, service: Service) -> str | None:
    """Why a service is not running on the as-of date, in a word or two; ``None`` if it is."""
    if service.status != "active":
        return service.status
    if service.starts and service.starts > ctx.as_of:
        return f"starts {service.starts.isoformat()}"
    if service.ends and service.ends < ctx.as_of:
        return f"ended {service.ends.isoformat()}"
    if ctx.is_unfunded(service):
        return "unfunded"
    return None


def check(ctx: Context) -> Iterator[Finding]:
    fw = ctx.framework
    for s in ctx.judged_services:
        service = fw.services[s]
        if not ctx.is_live(service) or not service.refers_to:
            continue
        dead = [
            (index, t, reason)
            for index, t in enumerate(service.refers_to)
            if (reason := why_not_running(ctx, fw.services[t])) is not None
        ]
        if not dead:
            continue
        names = listed([f"{t} ({reason})" for _, t, reason in dead], 20)
        yield Finding(
            fw.where("services", s, "refers_to", dead[0][0]),
            RULE,
            f"service '{s}' ({service.name}) refers people to services not active on "
            f"{ctx.as_of.isoformat()}: {names}; the route leads nowhere until they run",
            Severity.WARNING,
            f"services.{s}",
            related=tuple(fw.where("services", t) for _, t, _ in dead[:MAX_RELATED]),
        )
