"""``unfunded-service``: an active service whose every funding source has ended.

A service that lists ``funding`` covers nothing once every source it lists has ended
before the as-of date: the money is gone, so the model must not go on counting it.
Record the new funding, or close the service. A service that lists no funding is judged
by its status and dates alone.

Passes (as of 2025-06-01)::

    funding: {grant: {name: Grant 2025/26, ends: 2026-03-31}}
    services:
      mentors: {name: Mentors, tier: secondary, funding: [grant],
                addresses: [school-exclusion]}

Fails with the grant ending ``2025-03-31``: "every source of its funding has ended
(grant 2025-03-31)".
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Severity, listed
from ...rulebook import Rule
from ..about import MAX_RELATED
from ..context import Context

RULE = Rule.UNFUNDED_SERVICE
SUBJECT = "service"


def check(ctx: Context) -> Iterator[Finding]:
    fw = ctx.framework
    for s in ctx.judged_services:
        service = fw.services[s]
        if not (ctx.is_active(service) and ctx.is_unfunded(service)):
            continue
        ended = [f"{x} {fw.funding[x].ends}" for x in service.funding]
        yield Finding(
            fw.where("services", s, "funding"),
            RULE,
            f"service '{s}' ({service.name}) is active, but every source of its funding has "
            f"ended by {ctx.as_of.isoformat()} ({listed(ended)}): it covers nothing; record "
            "the funding that continues it, or close it",
            Severity.WARNING,
            f"services.{s}",
            related=tuple(fw.where("funding", x) for x in service.funding[:MAX_RELATED]),
        )
