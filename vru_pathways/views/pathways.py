"""``pathways``: factors by ecological level → services by tier → outcomes → impact.

Every factor with a ``needs`` entry (a local priority), or with a finding other than its
pathway status, gets a box of its own; the other in-scope factors of a level that share a
pathway status (and its finding) are listed together in one box, so the map fits a
printed page. ``--all-factors`` gives every factor its own box.
"""

from __future__ import annotations

from ..analysis.context import PathwayStatus
from ..graph import node_id
from ..render.diagram import Column, Edge, EdgeKind, Group, Node
from ..rulebook import Rule
from ..schema.document import LEVELS, TIERS
from .badges import found
from .layout import Layout, outcome_columns, outcome_edges
from .nodes import factor_entity, factor_kind, factor_node, outcome_node, service_node
from .select import Selection

STATUS_RULES = frozenset({Rule.NO_PATHWAY, Rule.UNSUPPORTED_PROTECTIVE, Rule.DEAD_END})
"""The findings a factor's pathway status alone makes, which a shared box can show."""

_SUMMARY: dict[PathwayStatus, tuple[str, str]] = {
    "pathway": ("with a pathway", "covered"),
    "dead-end": ("dead ends", "dead_end"),
    "no-pathway": ("with no pathway", "no_pathway"),
}
"""How a box of several factors names their shared status, and its node ID's slug."""
_USUAL: dict[PathwayStatus, frozenset[str]] = {
    "pathway": frozenset(),
    "dead-end": frozenset({Rule.DEAD_END}),
    "no-pathway": frozenset({Rule.NO_PATHWAY}),
}
"""The findings a status makes of a risk factor: a shared box of other findings (a
protective factor's, or none where ``policy.severity`` switched the rule off) has an ID
of its own."""


def layout(sel: Selection) -> Layout:
    """The pathway map of the factors the filters pass."""
    factors = sel.factors()
    services = sel.shown_services(factors)
    collapse = not sel.options.all_factors
    return pathway_map(sel, factors, services, sel.outcomes_from(services), collapse=collapse)


def pathway_map(
    sel: Selection,
    factors: list[str],
    services: list[str],
    outcomes: list[str],
    *,
    collapse: bool,
) -> Layout:
    """Factors by level → services by tier → outcomes by stage, and the links between
    them; with ``collapse``, factors that need no box of their own share one."""
    nodes, groups, merged = _factor_boxes(sel, factors, collapse)
    nodes += [service_node(sel, s, full=False) for s in services]
    nodes += [outcome_node(sel, o) for o in outcomes]
    columns = [
        Column("col-factors", "Risk and protective factors", tuple(groups)),
        _service_column(sel, services),
        *outcome_columns(sel.fw, outcomes),
    ]
    edges = _edges(sel, factors, services, outcomes)
    return Layout(
        tuple(c for c in columns if c.groups),
        tuple(nodes),
        _merge(edges, merged, {n.id for n in nodes}),
    )


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
    loose: dict[tuple[PathwayStatus, frozenset[str]], list[str]] = {}
    for f in factors:
        rules = sel.rules_about(factor_entity(sel.fw, f))
        if collapse and sel.ctx.need(f) is None and rules <= STATUS_RULES:
            loose.setdefault((sel.ctx.status(f), rules), []).append(f)
        else:
            boxes.append(factor_node(sel, f))
    merged: dict[str, str] = {}
    for (status, rules), members in loose.items():
        if len(members) == 1:
            boxes.append(factor_node(sel, members[0]))
            continue
        summary = _summary(sel, level, status, rules, members)
        merged |= {node_id("factor", f): summary.id for f in members}
        boxes.append(summary)
    return boxes, merged


def _summary(
    sel: Selection, level: str, status: PathwayStatus, rules: frozenset[str], members: list[str]
) -> Node:
    """One box for the factors of a level that have no ``needs`` entry and share a status
    and the finding it makes."""
    state, slug = _SUMMARY[status]
    title = f"{len(members)} factors in scope {state}"
    names = [sel.fw.factors[f].name for f in members]
    kind = factor_kind(sel.fw, members)
    if rules != _USUAL[status]:
        slug += "_" + ("_".join(sorted(rules)) or "unflagged")
    return Node(
        f"factors:{level}:{slug}",
        title,
        kind,
        ("; ".join(names),),
        found(sel.ctx, rules, members[0]),
        tuple(zip((factor_entity(sel.fw, f) for f in members), names, strict=True)),
    )


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
