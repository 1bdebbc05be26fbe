"""Resolved framework → networkx graph with typed, stable node IDs.

Nodes are ``"<kind>:<id>"`` (``"service:inclusion-mentors"``) with attributes ``kind``,
``id`` and ``data`` (the entity). Each edge follows a reference as the YAML writes it,
from the entity that names the reference to the one it names, with ``rel`` set to the
field (``addresses``, ``outcomes``, ``leads_to``…). Nodes and edges are added in document
order, and networkx keeps insertion order, so every traversal is deterministic.
"""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter
from typing import Any

import networkx as nx

from .collector import paused
from .framework import Framework
from .schema.references import NOUN, REFERENCES

KINDS = ("harm", "factor", "outcome", "approach", "area", "partner", "board", "funding", "service")

_SECTION_KIND = {
    "harms": "harm",
    "factors": "factor",
    "outcomes": "outcome",
    "approaches": "approach",
    "areas": "area",
    "partners": "partner",
    "boards": "board",
    "funding": "funding",
    "services": "service",
}


def _kind(section: str) -> str:
    return "factor" if section.endswith("_factors") else NOUN[section]


EDGES: tuple[tuple[str, str, str], ...] = tuple(
    dict.fromkeys(
        (_kind(section), path[0], NOUN[space])
        for section, path, space in REFERENCES
        if section in _SECTION_KIND or section.endswith("_factors")
        if space in _SECTION_KIND and len(path) == 1
    )
)
"""(kind, field, target kind) of every reference the graph draws as an edge: the
reference table's, less sources and scenarios (not nodes) and needs (drawn as ``owns``
edges)."""


_KIND_SECTION = {kind: section for section, kind in _SECTION_KIND.items()}


def _table(framework: Framework, section: str) -> dict[str, Any]:
    return framework.factors if section == "factors" else framework.section(section)


def node_id(kind: str, ident: str) -> str:
    """The stable node ID of an entity.

    >>> node_id("service", "inclusion-mentors")
    'service:inclusion-mentors'
    """
    return f"{kind}:{ident}"


def build(framework: Framework) -> nx.DiGraph:
    """The framework as a directed graph of typed nodes.

    Needs become ``owns`` edges from their owner board to the factor, with the need as
    the edge's ``data``; a need with no owner is kept on the factor node as ``need``.

    Examples
    --------
    >>> from vru_pathways.loading import load
    >>> fw = load(["tests/cases/valid/format-example/models/example-area/model.yaml"])
    >>> g = build(fw.frameworks[0])
    >>> [n for n in g.successors("service:inclusion-mentors")][:3]
    ['partner:council', 'approach:mentoring', 'area:north']
    """
    with paused(lasting=True):
        return _build(framework)


def _build(framework: Framework) -> nx.DiGraph:
    graph = nx.DiGraph(name=framework.id)
    # One string per node, shared by every edge that names it.
    names = {
        kind: {ident: node_id(kind, ident) for ident in _table(framework, section)}
        for section, kind in _SECTION_KIND.items()
    }
    graph.add_nodes_from(
        (names[kind][ident], {"kind": kind, "id": ident, "data": entity})
        for section, kind in _SECTION_KIND.items()
        for ident, entity in _table(framework, section).items()
    )
    nodes = graph.nodes
    for ident in framework.factors:
        nodes[names["factor"][ident]]["factor_kind"] = framework.factor_kind[ident]
    for kind, group in groupby(EDGES, key=itemgetter(0)):
        links = [(field, names[target], target, {"rel": field}) for _, field, target in group]
        _add_edges(graph, _table(framework, _KIND_SECTION[kind]), names[kind], links)
    for factor_id, need in framework.needs.items():
        nodes[node_id("factor", factor_id)]["need"] = need
        if need.owner:
            graph.add_edge(
                node_id("board", need.owner), node_id("factor", factor_id), rel="owns", data=need
            )
    return graph


def _add_edges(
    graph: nx.DiGraph,
    entities: dict[str, Any],
    sources: dict[str, str],
    links: list[tuple[str, dict[str, str], str, dict[str, Any]]],
) -> None:
    """Add the edges of each entity of one kind: for each link (field, node names of the
    target kind, that kind, the edge attributes), one edge per ID the field names.

    What ``add_edges_from(..., rel=field)`` does, less the attribute dict it makes for
    every edge: the edges of one field share one dict. At national scale the edges are
    most of the graph, and a dict each was a quarter of the memory of a run; nothing
    changes a finished graph's edges. Each entity's edges are added field by field, as
    ``EDGES`` lists them; as with ``add_edges_from``, a pair already joined keeps its
    place, and an end not yet a node is added as one with no attributes.
    """
    succ, pred, node = graph._succ, graph._pred, graph._node
    for ident, entity in entities.items():
        u = sources[ident]
        out = succ[u]
        for field, targets, target, attrs in links:
            value = getattr(entity, field)
            for ref in (value,) if isinstance(value, str) else value or ():
                v = targets.get(ref) or node_id(target, ref)
                if v not in node:
                    succ[v], pred[v], node[v] = {}, {}, {}
                out[v] = attrs
                pred[v][u] = attrs


def related(
    graph: nx.DiGraph, node: str, rel: str, kind: str, *, incoming: bool = False
) -> list[str]:
    """IDs of the ``kind`` nodes at the other end of ``rel`` edges from (or, with
    ``incoming``, into) ``node``, in insertion order.

    >>> g = nx.DiGraph()
    >>> g.add_edge("service:a", "factor:x", rel="addresses")
    >>> g.add_edge("approach:b", "factor:x", rel="addresses")
    >>> for n in g:
    ...     g.nodes[n].update(kind=n.split(":")[0], id=n.split(":")[1])
    >>> related(g, "factor:x", "addresses", "service", incoming=True)
    ['a']
    """
    ends = graph._pred[node] if incoming else graph._succ[node]
    nodes = graph._node  # the attribute dicts themselves: views cost a call a node
    found = [nodes[end] for end, edge in ends.items() if edge["rel"] == rel]
    return [end["id"] for end in found if end["kind"] == kind]
