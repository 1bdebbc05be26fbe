"""``focus``: the pathway neighbourhood of one factor, service or outcome, ``depth``
steps downstream and upstream, drawn as a pathway map with every factor in its own box.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import networkx as nx

from ..diagnostics import suggest
from ..framework import Framework
from ..graph import node_id
from . import ViewError
from .layout import Layout
from .pathways import layout as pathway_map
from .select import Selection

KINDS = ("factor", "service", "outcome")
"""What a focus can be, in the order an ambiguous ID's choices are offered."""


def layout(sel: Selection) -> Layout:
    centre = resolve(sel.fw, sel.options.focus)
    near = neighbourhood(sel.ctx.graph, centre, sel.options.depth)
    kind, _, ident = centre.partition(":")
    around = f" — around the {kind} {_tables(sel.fw)[kind][ident].name}"
    return replace(pathway_map(sel, near), around=around)


def _tables(fw: Framework) -> dict[str, dict[str, Any]]:
    return {"factor": fw.factors, "service": fw.services, "outcome": fw.outcomes}


def resolve(fw: Framework, ident: str | None) -> str:
    """``ID`` or ``kind:ID`` → a node ID; an unknown or ambiguous ID is a :class:`ViewError`."""
    if not ident:
        raise ViewError("the focus view needs --focus ID (a factor, service or outcome)")
    kind, _, bare = ident.rpartition(":")
    tables = _tables(fw)
    matches = [k for k in KINDS if bare in tables[k] and kind in ("", k)]
    if len(matches) == 1:
        return node_id(matches[0], bare)
    if matches:
        options = " or ".join(f"{k}:{bare}" for k in matches)
        raise ViewError(f"--focus {ident} is ambiguous: write {options}")
    hint = suggest(bare, [i for t in tables.values() for i in t])
    raise ViewError(
        f"--focus {ident}: no factor, service or outcome has that ID"
        + (f" — did you mean '{hint}'?" if hint else "")
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
    flow = pathway_flow(graph)
    keep = {centre}
    for step in (flow.successors, flow.predecessors):
        frontier = {centre}
        for _ in range(depth):
            frontier = {n for u in frontier for n in step(u)} - keep
            keep |= frontier
    return keep
