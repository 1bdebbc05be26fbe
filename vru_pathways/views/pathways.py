"""``pathways``: factors by ecological level → services by tier → outcomes → impact.

Every factor with a ``needs`` entry (a local priority) gets a box of its own; the other
in-scope factors of a level that share a pathway status are listed together in one box,
so the map fits a printed page. ``--all-factors`` gives every factor its own box.
"""

from __future__ import annotations

from ..analysis.context import PathwayStatus
from ..graph import node_id
from ..render.diagram import Column, Edge, EdgeKind, Group, Node
from ..schema.document import LEVELS, TIERS
from .layout import Layout, outcome_columns, outcome_edges
from .nodes import STATUS_MARKERS, factor_kind, factor_node, outcome_node, service_node
from .select import Selection

_SUMMARY: dict[PathwayStatus, tuple[str, str]] = {
    "pathway": ("with a pathway", "covered"),
    "dead-end": ("dead ends", "dead_end"),
    "no-pathway": ("with no pathway", "no_pathway"),
}
"""How a box of several factors names their shared status, and its node ID's slug."""


def layout(sel: Selection, only: set[str] | None = None) -> Layout:
    """The pathway map; with ``only`` (node IDs, the focus view's neighbourhood), just
    those nodes, each factor in a box of its own."""

    def keep(kind: str, ids: list[str]) -> list[str]:
        return [i for i in ids if only is None or node_id(kind, i) in only]

    factors = keep("factor", sel.factors())
    services = keep("service", sel.shown_services(factors))
    outcomes = keep("outcome", sel.outcomes_from(services))
    collapse = only is None and not sel.options.all_factors
    nodes, groups, merged = _factor_boxes(sel, factors, collapse)
    nodes += [service_node(sel.ctx, s, full=False) for s in services]
    nodes += [outcome_node(sel.fw, o) for o in outcomes]
    columns = [
        Column("col-factors", "Risk and protective factors", tuple(groups)),
        _service_column(sel, services),
        *outcome_columns(sel.fw, outcomes),
    ]
    edges = _edges(sel, factors, services, outcomes)
    return Layout(tuple(columns), tuple(nodes), _merge(edges, merged, {n.id for n in nodes}))


def _factor_boxes(
    sel: Selection, factors: list[str], collapse: bool
) -> tuple[list[Node], list[Group], dict[str, str]]:
    """The factor boxes level by level, their groups, and which factor went into which
    shared box."""
    nodes: list[Node] = []
    groups: list[Group] = []
    merged: dict[str, str] = {}
    for level in LEVELS:
        at_level = [f for f in factors if sel.fw.factors[f].level == level]
        boxes, into = _level_boxes(sel, level, at_level, collapse)
        nodes += boxes
        merged |= into
        if boxes:
            groups.append(Group(f"grp-{level}", level.capitalize(), tuple(n.id for n in boxes)))
    return nodes, groups, merged


def _level_boxes(
    sel: Selection, level: str, factors: list[str], collapse: bool
) -> tuple[list[Node], dict[str, str]]:
    """A box per factor with a need (every factor, unless ``collapse``), then one per
    status shared by the others."""
    boxes: list[Node] = []
    loose: dict[PathwayStatus, list[str]] = {}
    for f in factors:
        if collapse and sel.ctx.need(f) is None:
            loose.setdefault(sel.ctx.status(f), []).append(f)
        else:
            boxes.append(factor_node(sel.ctx, f))
    merged: dict[str, str] = {}
    for status, members in loose.items():
        if len(members) == 1:
            boxes.append(factor_node(sel.ctx, members[0]))
            continue
        summary = _summary(sel, level, status, members)
        merged |= {node_id("factor", f): summary.id for f in members}
        boxes.append(summary)
    return boxes, merged


def _summary(sel: Selection, level: str, status: PathwayStatus, members: list[str]) -> Node:
    """One box for the factors of a level that have no ``needs`` entry and share a status."""
    state, slug = _SUMMARY[status]
    title = f"{len(members)} factors in scope {state}"
    names = "; ".join(sel.fw.factors[f].name for f in members)
    kind = factor_kind(sel.fw, members)
    return Node(f"factors:{level}:{slug}", title, kind, (names,), STATUS_MARKERS[status])


def _service_column(sel: Selection, services: list[str]) -> Column:
    groups = (
        Group(
            f"grp-{tier}",
            tier.capitalize(),
            tuple(node_id("service", s) for s in services if sel.fw.services[s].tier == tier),
        )
        for tier in TIERS
    )
    return Column(
        "col-services", "Services by prevention tier", tuple(g for g in groups if g.nodes)
    )


def _edges(
    sel: Selection, factors: list[str], services: list[str], outcomes: list[str]
) -> list[Edge]:
    """factor → service → outcome → outcome, between shown entities, in document order."""
    shown_f, shown_o = set(factors), set(outcomes)
    edges = [
        Edge(node_id("factor", f), node_id("service", s), EdgeKind.ADDRESSES)
        for s in services
        for f in sel.fw.services[s].addresses
        if f in shown_f
    ]
    edges += [
        Edge(node_id("service", s), node_id("outcome", o), EdgeKind.CONTRIBUTES)
        for s in services
        for o in sel.fw.services[s].outcomes
        if o in shown_o
    ]
    return edges + outcome_edges(sel.fw, outcomes)


def _merge(edges: list[Edge], merged: dict[str, str], shown: set[str]) -> tuple[Edge, ...]:
    """Edges from factors in a shared box start at the box; each edge is drawn once."""
    moved = dict.fromkeys(Edge(merged.get(e.source, e.source), e.target, e.kind) for e in edges)
    return tuple(e for e in moved if e.source in shown and e.target in shown)
