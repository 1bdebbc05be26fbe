"""``focus``: the pathway neighbourhood of one factor, service, outcome, approach, funding
source or partner, ``depth`` steps downstream and upstream, drawn as a pathway map with
every factor in its own box. An approach, a funding source or a partner is drawn in a
column of its own, linked to the services that use it, are funded by it or it provides;
its neighbourhood is theirs.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import networkx as nx

from ..diagnostics import suggest
from ..framework import Framework
from ..graph import node_id, related
from ..render.diagram import Column, Edge, EdgeKind, Group, Node
from . import ViewError
from .layout import Layout
from .nodes import approach_node, funding_node, partner_node
from .pathways import pathway_map
from .select import Selection

KINDS = ("factor", "service", "outcome", "approach", "funding", "partner")
"""What a focus can be, in the order an ambiguous ID's choices are offered."""

INPUTS: dict[str, tuple[str, str, EdgeKind]] = {
    "approach": ("approach", "Approach", EdgeKind.USES),
    "funding": ("funding", "Funding", EdgeKind.FUNDS),
    "partner": ("provider", "Provider", EdgeKind.PROVIDES),
}
"""A focus on what services rest on: the services' reference to it, its column's title,
and the link drawn to each service."""


def layout(sel: Selection) -> Layout:
    centre = resolve(sel.fw, sel.options.focus)
    kind, _, ident = centre.partition(":")
    near = around(sel.ctx.graph, centre, sel.options.depth)
    factors = [f for f in sel.factors() if node_id("factor", f) in near]
    if kind == "factor" and ident not in factors:
        factors = [f for f in sel.fw.factors if f == ident or f in factors]
    services = [
        s
        for s in sel.fw.services
        if node_id("service", s) in near
        and (sel.service_passes(s) or centre == node_id("service", s))
    ]
    outcomes = [o for o in sel.fw.outcomes if node_id("outcome", o) in near]
    drawn = pathway_map(sel, factors, services, outcomes, collapse=False)
    title = f" — around the {kind} {_tables(sel.fw)[kind][ident].name}"
    if kind in INPUTS:
        drawn = _with_input(sel, drawn, kind, ident, services)
    return replace(drawn, around=title)


def _with_input(
    sel: Selection, drawn: Layout, kind: str, ident: str, services: list[str]
) -> Layout:
    """The map with the focused approach, funding source or partner in a first column,
    linked to its services."""
    field, heading, link = INPUTS[kind]
    node = _input_node(sel, kind, ident)
    mine = [s for s in services if ident in _refs(getattr(sel.fw.services[s], field))]
    column = Column("col-focus", heading, (Group("grp-focus", "", (node.id,)),))
    edges = tuple(Edge(node.id, node_id("service", s), link) for s in mine)
    return replace(
        drawn,
        columns=(column, *drawn.columns),
        nodes=(node, *drawn.nodes),
        edges=(*edges, *drawn.edges),
    )


def _refs(value: str | list[str] | None) -> list[str]:
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def _input_node(sel: Selection, kind: str, ident: str) -> Node:
    if kind == "funding":
        return funding_node(sel, ident)
    if kind == "partner":
        return partner_node(sel.fw, ident)
    return approach_node(sel, ident)


def _tables(fw: Framework) -> dict[str, dict[str, Any]]:
    return {
        "factor": fw.factors,
        "service": fw.services,
        "outcome": fw.outcomes,
        "approach": fw.approaches,
        "funding": fw.funding,
        "partner": fw.partners,
    }


def resolve(fw: Framework, ident: str | None) -> str:
    """``ID`` or ``kind:ID`` → a node ID; an unknown or ambiguous ID is a :class:`ViewError`."""
    if not ident:
        raise ViewError(
            "the focus view needs --focus ID (a factor, service, outcome, approach, funding "
            "source or partner)"
        )
    kind, _, bare = ident.rpartition(":")
    tables = _tables(fw)
    if kind and kind not in tables:
        hint = suggest(kind, KINDS)
        raise ViewError(
            f"--focus {ident}: '{kind}' is not one of {', '.join(KINDS)}"
            + (f" — did you mean '{hint}:{bare}'?" if hint else "")
        )
    matches = [k for k in KINDS if bare in tables[k] and kind in ("", k)]
    if len(matches) == 1:
        return node_id(matches[0], bare)
    if matches:
        options = " or ".join(f"{k}:{bare}" for k in matches)
        raise ViewError(f"--focus {ident} is ambiguous: write {options}")
    raise ViewError(_unknown(tables, ident, kind, bare))


def _unknown(tables: dict[str, dict[str, Any]], ident: str, kind: str, bare: str) -> str:
    pool = tables[kind] if kind else [i for t in tables.values() for i in t]
    hint = suggest(bare, pool)
    noun = kind or "factor, service, outcome, approach, funding source or partner"
    return f"--focus {ident}: no {noun} has that ID" + (
        f" — did you mean '{hint}'?" if hint else ""
    )


def pathway_flow(graph: nx.DiGraph) -> nx.DiGraph:
    """The pathway links of the framework graph, each pointing downstream: factor →
    service (``addresses``, reversed) → outcome (``outcomes``) → outcome (``leads_to``).
    Closed services take no part; every node of the graph is kept.

    >>> from types import SimpleNamespace
    >>> g = nx.DiGraph()
    >>> g.add_node("service:s", kind="service", data=SimpleNamespace(status="active"))
    >>> g.add_edge("service:s", "factor:f", rel="addresses")
    >>> g.add_edge("service:s", "outcome:o", rel="outcomes")
    >>> list(pathway_flow(g).edges)
    [('service:s', 'outcome:o'), ('factor:f', 'service:s')]
    """
    flow = nx.DiGraph()
    flow.add_nodes_from(graph)
    for u, v, rel in graph.edges(data="rel"):
        if rel == "leads_to" or (rel == "outcomes" and _open_service(graph, u)):
            flow.add_edge(u, v)
        elif rel == "addresses" and _open_service(graph, u):
            flow.add_edge(v, u)
    return flow


def _open_service(graph: nx.DiGraph, node: str) -> bool:
    attrs = graph.nodes[node]
    return bool(attrs["kind"] == "service" and attrs["data"].status != "closed")


def neighbourhood(graph: nx.DiGraph, centre: str, depth: int) -> set[str]:
    """The centre and the nodes up to ``depth`` pathway steps downstream of it, then
    upstream; a node already reached downstream is not walked again upstream."""
    return _walk(pathway_flow(graph), {centre}, depth)


def _walk(flow: nx.DiGraph, start: set[str], depth: int) -> set[str]:
    keep = set(start)
    for step in (flow.successors, flow.predecessors):
        frontier = set(start)
        for _ in range(depth):
            frontier = {n for u in frontier for n in step(u)} - keep
            keep |= frontier
    return keep


def around(graph: nx.DiGraph, centre: str, depth: int) -> set[str]:
    """:func:`neighbourhood`, or for an approach, a funding source or a partner, the node
    and the neighbourhood ``depth - 1`` steps around the services that rest on it (the
    first step is the one to them)."""
    kind, _, ident = centre.partition(":")
    if kind not in INPUTS:
        return neighbourhood(graph, centre, depth)
    rel = INPUTS[kind][0]
    services = {
        node_id("service", s) for s in related(graph, centre, rel, "service", incoming=True)
    }
    return {centre} | (_walk(pathway_flow(graph), services, depth - 1) if services else set())
