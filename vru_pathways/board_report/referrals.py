"""Referral routes that lead nowhere: an active service's ``refers_to`` naming a service
not active on the as-of date, as the rule ``referral-to-inactive`` finds them."""

from __future__ import annotations

from ..analysis.checks.referral_to_inactive import why_not_running
from ..analysis.context import Context
from .model import Listing

HEADER = ["From", "To", "Why it leads nowhere", "Where"]


def broken_routes(ctx: Context) -> Listing | None:
    """One row per route, in document order; ``None`` when the model has no routes."""
    fw = ctx.framework
    if not any(s.refers_to for s in fw.services.values()):
        return None
    rows = []
    for ident, service in fw.services.items():
        if not ctx.is_live(service):
            continue
        for index, target in enumerate(service.refers_to):
            reason = why_not_running(ctx, fw.services[target])
            if reason is not None:
                where = fw.where("services", ident, "refers_to", index)
                rows.append(
                    [
                        f"{service.name} ({ident})",
                        f"{fw.services[target].name} ({target})",
                        reason,
                        str(where),
                    ]
                )
    note = (
        f"Routes from an active service into one not running on {ctx.as_of.isoformat()}: "
        "people referred along them reach nothing until the service runs, or the route "
        "is changed."
    )
    empty = "Every referral route leads to a service that is running."
    return Listing("Referral routes that lead nowhere", note, HEADER, rows, empty)
