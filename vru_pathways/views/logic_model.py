"""``logic-model``: inputs (funding, partners) → activities (services) → outputs →
short / medium / long-term outcomes → impact, the W.K. Kellogg columns.

Edges follow the documents' lists as written (a reference listed twice is drawn twice),
not the graph, which keeps one edge per pair.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..framework import Framework
from ..graph import node_id
from ..render.diagram import Column, Edge, EdgeKind, Group, Node, NodeKind
from .layout import Layout, outcome_columns, outcome_edges
from .nodes import funding_node, outcome_node, partner_node, service_node
from .select import Selection


@dataclass(frozen=True)
class _Shown:
    """What the logic model shows, each in document order."""

    services: list[str]
    funding: list[str]
    partners: list[str]
    outputs: list[str]
    """Services that list outputs."""
    outcomes: list[str]


def layout(sel: Selection) -> Layout:
    shown = _select(sel)
    return Layout(_columns(sel.fw, shown), _nodes(sel, shown), _edges(sel, shown))


def _select(sel: Selection) -> _Shown:
    """The services passing the filters, and the inputs, outputs and outcomes they bring."""
    fw = sel.fw
    services = [s for s in fw.services if _shown(sel, s)]
    return _Shown(
        services,
        [x for x in fw.funding if any(x in fw.services[s].funding for s in services)],
        [p for p in fw.partners if any(fw.services[s].provider == p for s in services)],
        [s for s in services if fw.services[s].outputs],
        sel.outcomes_from(services),
    )


def _nodes(sel: Selection, shown: _Shown) -> tuple[Node, ...]:
    fw = sel.fw
    return (
        *(funding_node(sel, x) for x in shown.funding),
        *(partner_node(fw, p) for p in shown.partners),
        *(_service(sel, s) for s in shown.services),
        *(_output_node(fw, s) for s in shown.outputs),
        *(outcome_node(sel, o) for o in shown.outcomes),
    )


def _service(sel: Selection, service_id: str) -> Node:
    """A service; under ``--gaps-only``, one shown for the factors it works on, not for a
    gap of its own, says which of them have gaps."""
    node = service_node(sel, service_id)
    if not sel.options.gaps_only or sel.service_has_gap(service_id):
        return node
    fw = sel.fw
    gaps = [
        fw.factors[f].name
        for f in fw.services[service_id].addresses
        if sel.factor_has_gap(f) and sel.factor_wanted(f)
    ]
    why = f"works on factors with gaps: {'; '.join(gaps)}"
    return replace(node, detail=(*node.detail, why))


def _columns(fw: Framework, shown: _Shown) -> tuple[Column, ...]:
    """Inputs, activities, outputs, then the outcome stages; empty columns left out."""
    columns = [
        _column(
            "col-inputs",
            "Inputs",
            Group("grp-funding", "Funding", _ids("funding", shown.funding)),
            Group("grp-partners", "Partners", _ids("partner", shown.partners)),
        ),
        _column(
            "col-activities",
            "Activities",
            Group("grp-services", "", _ids("service", shown.services)),
        ),
        _column("col-outputs", "Outputs", Group("grp-outputs", "", _ids("output", shown.outputs))),
        *outcome_columns(fw, shown.outcomes),
    ]
    return tuple(c for c in columns if c.groups)


def _edges(sel: Selection, shown: _Shown) -> tuple[Edge, ...]:
    fw = sel.fw
    services = shown.services
    return (
        *_input_edges(sel, services),
        *_result_edges(fw, services),
        *outcome_edges(fw, shown.outcomes),
    )


def _shown(sel: Selection, service_id: str) -> bool:
    """A service passing the filters that addresses a factor the factor filters (harm,
    level, board) want and, under ``--gaps-only``, has a gap or addresses a factor that
    has one."""
    addresses = sel.fw.services[service_id].addresses
    wanted = not sel.factors_filtered or any(sel.factor_wanted(f) for f in addresses)
    gap = (
        not sel.options.gaps_only
        or sel.service_has_gap(service_id)
        or any(sel.factor_has_gap(f) and sel.factor_wanted(f) for f in addresses)
    )
    return sel.service_passes(service_id) and wanted and gap


def _ids(kind: str, idents: list[str]) -> tuple[str, ...]:
    return tuple(node_id(kind, i) for i in idents)


def _column(ident: str, title: str, *groups: Group) -> Column:
    """A column of the groups that have nodes (none: the column is left out)."""
    return Column(ident, title, tuple(g for g in groups if g.nodes))


def _output_node(fw: Framework, service_id: str) -> Node:
    title = "; ".join(fw.services[service_id].outputs)
    return Node(node_id("output", service_id), title, NodeKind.OUTPUT)


def _input_edges(sel: Selection, services: list[str]) -> list[Edge]:
    """Funding → service (faint and dashed once the money has stopped), then provider →
    service."""
    fw = sel.fw
    edges = [
        Edge(node_id("funding", x), node_id("service", s), EdgeKind.FUNDS, _ended(sel, x))
        for s in services
        for x in fw.services[s].funding
    ]
    edges += [
        Edge(node_id("partner", provider), node_id("service", s), EdgeKind.PROVIDES)
        for s in services
        if (provider := fw.services[s].provider) is not None
    ]
    return edges


def _ended(sel: Selection, funding_id: str) -> bool:
    ends = sel.fw.funding[funding_id].ends
    return ends is not None and ends < sel.ctx.as_of


def _result_edges(fw: Framework, services: list[str]) -> list[Edge]:
    """Service → its outputs → the outcomes it contributes to (straight from the service
    when it lists no outputs)."""
    edges: list[Edge] = []
    for s in services:
        service = fw.services[s]
        start = node_id("output", s) if service.outputs else node_id("service", s)
        if service.outputs:
            edges.append(Edge(node_id("service", s), start, EdgeKind.DELIVERS))
        edges += [
            Edge(start, node_id("outcome", o), EdgeKind.CONTRIBUTES) for o in service.outcomes
        ]
    return edges
