"""``referrals``: the services as boxes grouped by prevention tier, and the referral
routes between them (``refers_to``) as arrows.

A route from an active service into one that is not active on the date (planned,
paused, closed, not started, ended or unfunded) is drawn dashed and labelled, as the
rule ``referral-to-inactive`` reports it; a service that no active service refers
people to is marked. Closed services are shown only where a route names them.
"""

from __future__ import annotations

from dataclasses import replace

from ..graph import node_id
from ..render.diagram import Badge, Column, Edge, EdgeKind, Group, Marker, Node
from ..schema.document import TIERS
from .layout import Layout
from .nodes import service_node
from .select import Selection

TIER_TITLES = {
    "primary": "Primary prevention",
    "secondary": "Secondary prevention",
    "tertiary": "Tertiary prevention",
}


def _named_by_a_route(sel: Selection) -> set[str]:
    return {t for s in sel.fw.services.values() for t in s.refers_to}


def shown(sel: Selection) -> list[str]:
    """The services that pass the filters; a closed one only when a route names it."""
    named = _named_by_a_route(sel)
    out = []
    for ident, service in sel.fw.services.items():
        if service.status == "closed" and ident not in named:
            continue
        if sel.options.tiers and service.tier not in sel.options.tiers:
            continue
        if sel.options.areas and not any(sel.ctx.reaches(ident, a) for a in sel.options.areas):
            continue
        out.append(ident)
    return out


def routes(sel: Selection, services: list[str]) -> list[Edge]:
    """Every route between shown services, in document order; one from an active service
    into a service not active leads nowhere."""
    here = set(services)
    edges = []
    for source in services:
        service = sel.fw.services[source]
        for target in service.refers_to:
            if target not in here:
                continue
            broken = sel.ctx.live(source) and not sel.ctx.live(target)
            kind = EdgeKind.BROKEN_REFERRAL if broken else EdgeKind.REFERS
            edges.append(Edge(node_id("service", source), node_id("service", target), kind))
    return edges


def _node(sel: Selection, ident: str, reached: set[str]) -> Node:
    node = service_node(sel, ident, full=False)
    provider = sel.fw.services[ident].provider
    detail = node.detail
    if provider:
        who = sel.fw.partners[provider].name
        detail = (f"{detail[0]} · {who}",) if detail else (who,)
    badges = node.badges if ident in reached else (*node.badges, Badge(Marker.NO_ROUTE_IN))
    return replace(node, detail=detail, badges=badges)


def layout(sel: Selection) -> Layout:
    services = shown(sel)
    reached = {t for s in sel.fw.services if sel.ctx.live(s) for t in sel.fw.services[s].refers_to}
    columns = []
    for tier in TIERS:
        ids = tuple(node_id("service", s) for s in services if sel.fw.services[s].tier == tier)
        if ids:
            columns.append(
                Column(f"col-{tier}", TIER_TITLES[tier], (Group(f"grp-{tier}", "", ids),))
            )
    nodes = tuple(_node(sel, s, reached) for s in services)
    return Layout(tuple(columns), nodes, tuple(routes(sel, services)))
