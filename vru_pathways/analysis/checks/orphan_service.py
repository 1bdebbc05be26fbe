"""``orphan-service``: a service that addresses no factor (hygiene).

It cannot appear on any pathway, so either its ``addresses`` is missing or it does not
belong in the model.

Fails::

    services:
      drop-in: {name: Drop-in, tier: primary}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Severity
from ...graph import node_id, related
from ...rulebook import Rule
from ..context import Context

RULE = Rule.ORPHAN_SERVICE
SUBJECT = "service"


def check(ctx: Context) -> Iterator[Finding]:
    fw = ctx.framework
    for s in ctx.judged_services:
        service = fw.services[s]
        if not related(ctx.graph, node_id("service", s), "addresses", "factor"):
            yield Finding(
                fw.where("services", s),
                RULE,
                f"service '{s}' ({service.name}) addresses no factor; add the factors "
                "it works on to 'addresses'",
                Severity.WARNING,
                f"services.{s}",
            )
