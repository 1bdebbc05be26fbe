"""The report's gaps, grouped by the board that owns them, each with what could close it."""

from __future__ import annotations

from collections.abc import Mapping

from ..analysis import remedies
from ..analysis.context import Context
from ..diagnostics import Finding
from . import plain
from .model import BoardGroup, GapItem

NO_BOARD = "No owning board"


def boards(
    ctx: Context, findings: list[Finding], others: list[Context], areas: Mapping[str, str]
) -> list[BoardGroup]:
    """Gaps by owning board, most severe first, boards in document order and the gaps
    no board owns last; ``areas`` names each model by its short name."""
    fw = ctx.framework
    grouped: dict[str, list[GapItem]] = {}
    for f in sorted(findings, key=lambda f: (-f.severity, f.location, f.rule)):
        name = fw.boards[f.board].name if f.board in fw.boards else NO_BOARD
        grouped.setdefault(name, []).append(item(ctx, f, others, areas))
    keys = [b.name for b in fw.boards.values() if b.name in grouped]
    keys += [NO_BOARD] if NO_BOARD in grouped else []
    return [BoardGroup(k, grouped[k]) for k in keys]


def item(
    ctx: Context, finding: Finding, others: list[Context], areas: Mapping[str, str]
) -> GapItem:
    """A gap with the approaches that could close it and the cover the other areas have."""
    found = remedies.approaches(ctx, finding)
    elsewhere = remedies.cover_elsewhere(finding, others)
    return GapItem(
        finding,
        [_approach(ctx, a) for a in found],
        [_service(c, s) for c, s in elsewhere],
        plain.subject(ctx, finding),
        plain.gap(ctx, finding),
        tuple(_rated(ctx, a) for a in found),
        tuple(
            (areas.get(c.framework.id, c.framework.id), c.framework.services[s].name)
            for c, s in elsewhere
        ),
    )


def _approach(ctx: Context, approach_id: str) -> str:
    approach = ctx.framework.approaches[approach_id]
    rated = ctx.approach_rating(approach_id) or "unrated"
    tiers = ", ".join(approach.tiers) or "any tier"
    return f"{approach.name} (evidence: {rated}; {tiers})"


RATED = {
    "high": "high evidence",
    "moderate": "moderate evidence",
    "low": "low evidence",
    "insufficient": "evidence insufficient",
    "none": "no effect found",
    "harmful": "rated harmful",
}
"""An evidence rating as a board paper says it."""


def _rated(ctx: Context, approach_id: str) -> str:
    rated = ctx.approach_rating(approach_id)
    evidence = RATED.get(rated, rated) if rated else "not yet rated"
    return f"{ctx.framework.approaches[approach_id].name} ({evidence})"


def _service(ctx: Context, service_id: str) -> str:
    service = ctx.framework.services[service_id]
    return f"{ctx.framework.id}: {service.name} ({service.tier})"
