"""The boxes views draw: factors with their gaps, services with their state and gaps,
outcomes, funding."""

from __future__ import annotations

from ..analysis.context import Context
from ..framework import Framework
from ..graph import node_id
from ..render.diagram import Badge, Marker, Node, NodeKind
from .badges import found, funding_state, merged, service_state
from .select import Selection


def factor_kind(fw: Framework, factor_ids: list[str]) -> NodeKind:
    """A risk factor's box, or a protective one when every factor in it is protective."""
    risky = any(fw.factor_kind[f] == "risk" for f in factor_ids)
    return NodeKind.RISK if risky else NodeKind.PROTECTIVE


def factor_entity(fw: Framework, factor_id: str) -> str:
    return f"{fw.section_of_factor(factor_id)}.{factor_id}"


def factor_node(sel: Selection, factor_id: str) -> Node:
    """A factor with a badge for each of its findings, and its need's priority."""
    ctx = sel.ctx
    need = ctx.need(factor_id)
    detail = (f"{need.priority} priority need",) if need and need.priority else ()
    entity = factor_entity(sel.fw, factor_id)
    name = sel.fw.factors[factor_id].name
    return Node(
        node_id("factor", factor_id),
        name,
        factor_kind(sel.fw, [factor_id]),
        detail,
        found(ctx, sel.rules_about(entity), factor_id),
        ((entity, name),),
    )


def service_node(sel: Selection, service_id: str, *, full: bool = True) -> Node:
    """A service with its approach, its state on the date and its findings; ``full`` adds
    its tier and provider (views that do not already place services by tier)."""
    ctx = sel.ctx
    service = sel.fw.services[service_id]
    entity = f"services.{service_id}"
    badges = merged(found(ctx, sel.rules_about(entity), service_id), service_state(ctx, service_id))
    detail = _service_detail(ctx, service_id, full=full)
    return Node(
        node_id("service", service_id),
        service.name,
        NodeKind.SERVICE,
        (" · ".join(detail),) if detail else (),
        badges,
        ((entity, service.name),),
    )


def _service_detail(ctx: Context, service_id: str, *, full: bool) -> list[str]:
    fw = ctx.framework
    service = fw.services[service_id]
    detail: list[str] = [service.tier] if full else []
    approach = fw.approaches[service.approach].name if service.approach else ""
    if approach:
        detail.append(approach)
    if service.provider and full:
        detail.append(fw.partners[service.provider].name)
    return detail


def outcome_node(sel: Selection, outcome_id: str) -> Node:
    """An outcome, with its findings; an impact outcome also shows its indicator."""
    outcome = sel.fw.outcomes[outcome_id]
    kind = NodeKind.IMPACT if outcome.stage == "impact" else NodeKind.OUTCOME
    detail = (outcome.indicator,) if outcome.indicator and kind is NodeKind.IMPACT else ()
    entity = f"outcomes.{outcome_id}"
    return Node(
        node_id("outcome", outcome_id),
        outcome.name,
        kind,
        detail,
        found(sel.ctx, sel.rules_about(entity), outcome_id),
        ((entity, outcome.name),),
    )


def funding_node(sel: Selection, funding_id: str) -> Node:
    """A funding source with its funder, amount and end, marked when it has ended or ends
    within the horizon."""
    fw = sel.fw
    item = fw.funding[funding_id]
    detail = [fw.partners[item.funder].name] if item.funder else []
    if item.amount is not None:
        detail.append(f"£{item.amount:,.0f}")
    entity = f"funding.{funding_id}"
    state = funding_state(sel.ctx, funding_id)
    if item.ends and not state:
        detail.append(f"ends {item.ends.isoformat()}")
    badges = merged(found(sel.ctx, sel.rules_about(entity), funding_id), state)
    lines = (" · ".join(detail),) if detail else ()
    return Node(
        node_id("funding", funding_id),
        item.name,
        NodeKind.FUNDING,
        lines,
        badges,
        ((entity, item.name),),
    )


def partner_node(fw: Framework, partner_id: str) -> Node:
    partner = fw.partners[partner_id]
    duty = partner.duty
    lines = (f"Serious Violence Duty: {duty}",) if duty and duty != "none" else ()
    entity = f"partners.{partner_id}"
    return Node(
        node_id("partner", partner_id),
        partner.name,
        NodeKind.PARTNER,
        lines,
        members=((entity, partner.name),),
    )


def approach_node(sel: Selection, approach_id: str) -> Node:
    """An approach with the evidence behind it."""
    approach = sel.fw.approaches[approach_id]
    rating = sel.ctx.approach_rating(approach_id)
    detail = (f"evidence: {rating}",) if rating else ("evidence: unrated",)
    badges = (Badge(Marker.HARMFUL),) if rating == "harmful" else ()
    entity = f"approaches.{approach_id}"
    return Node(
        node_id("approach", approach_id),
        approach.name,
        NodeKind.APPROACH,
        detail,
        badges,
        ((entity, approach.name),),
    )
