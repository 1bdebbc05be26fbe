"""The boxes views draw: factors with their pathway status, services, outcomes."""

from __future__ import annotations

from ..analysis.context import Context, PathwayStatus
from ..framework import Framework
from ..graph import node_id
from ..render.diagram import Marker, Node, NodeKind

STATUS_MARKERS: dict[PathwayStatus, tuple[Marker, ...]] = {
    "pathway": (),
    "dead-end": (Marker.DEAD_END,),
    "no-pathway": (Marker.NO_PATHWAY,),
}
"""How a factor's box shows its pathway status."""


def factor_kind(fw: Framework, factor_ids: list[str]) -> NodeKind:
    """A risk factor's box, or a protective one when every factor in it is protective."""
    risky = any(fw.factor_kind[f] == "risk" for f in factor_ids)
    return NodeKind.RISK if risky else NodeKind.PROTECTIVE


def factor_node(ctx: Context, factor_id: str) -> Node:
    need = ctx.need(factor_id)
    detail = (f"{need.priority} priority need",) if need and need.priority else ()
    return Node(
        node_id("factor", factor_id),
        ctx.framework.factors[factor_id].name,
        factor_kind(ctx.framework, [factor_id]),
        detail,
        STATUS_MARKERS[ctx.status(factor_id)],
    )


def service_node(ctx: Context, service_id: str, *, full: bool = True) -> Node:
    """A service with its approach; ``full`` adds its tier and provider (views that do
    not already place services by tier)."""
    service = ctx.framework.services[service_id]
    markers = [Marker.HARMFUL] if ctx.rating(service_id) == "harmful" else []
    if not ctx.is_live(service):
        markers.append(Marker.NOT_ACTIVE)
    detail = _service_detail(ctx.framework, service_id, full=full)
    return Node(
        node_id("service", service_id),
        service.name,
        NodeKind.SERVICE,
        (" · ".join(detail),) if detail else (),
        tuple(markers),
    )


def _service_detail(fw: Framework, service_id: str, *, full: bool) -> list[str]:
    service = fw.services[service_id]
    detail: list[str] = [service.tier] if full else []
    approach = fw.approaches[service.approach].name if service.approach else ""
    if approach:
        detail.append(approach)
    if service.provider and full:
        detail.append(fw.partners[service.provider].name)
    if service.status != "active":
        detail.append(service.status)
    return detail


def outcome_node(fw: Framework, outcome_id: str) -> Node:
    """An outcome; an impact outcome also shows its indicator."""
    outcome = fw.outcomes[outcome_id]
    kind = NodeKind.IMPACT if outcome.stage == "impact" else NodeKind.OUTCOME
    detail = (outcome.indicator,) if outcome.indicator and kind is NodeKind.IMPACT else ()
    return Node(node_id("outcome", outcome_id), outcome.name, kind, detail)
