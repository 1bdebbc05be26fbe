"""The graph built straight into networkx's adjacency is the graph networkx's own
``add_nodes_from`` and ``add_edges_from`` make, to the order of every node and edge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from golden import CASES
from helpers import ROOT

from vru_pathways.framework import Framework
from vru_pathways.graph import EDGES, build, node_id
from vru_pathways.loading import load

SECTION = {
    "harm": "harms",
    "factor": "factors",
    "outcome": "outcomes",
    "approach": "approaches",
    "area": "areas",
    "partner": "partners",
    "board": "boards",
    "funding": "funding",
    "service": "services",
}


def _table(fw: Framework, kind: str) -> dict[str, Any]:
    return fw.factors if kind == "factor" else fw.section(SECTION[kind])


def reference(fw: Framework) -> nx.DiGraph:
    """The graph as the public API builds it: one edge attribute dict per edge."""
    graph = nx.DiGraph(name=fw.id)
    graph.add_nodes_from(
        (node_id(kind, ident), {"kind": kind, "id": ident, "data": entity})
        for kind in SECTION
        for ident, entity in _table(fw, kind).items()
    )
    for ident in fw.factors:
        graph.nodes[node_id("factor", ident)]["factor_kind"] = fw.factor_kind[ident]
    for kind, field, target in EDGES:
        for ident, entity in _table(fw, kind).items():
            value = getattr(entity, field)
            refs = [value] if isinstance(value, str) else list(value or [])
            graph.add_edges_from(
                ((node_id(kind, ident), node_id(target, ref)) for ref in refs), rel=field
            )
    for factor_id, need in fw.needs.items():
        graph.nodes[node_id("factor", factor_id)]["need"] = need
        if need.owner:
            graph.add_edge(
                node_id("board", need.owner), node_id("factor", factor_id), rel="owns", data=need
            )
    return graph


def models() -> list[Path]:
    shipped = sorted((ROOT / "models").glob("*/model.yaml"))
    return shipped + sorted(p for p in CASES.rglob("model.yaml") if load([str(p)]).ok)


@pytest.mark.parametrize("path", models(), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_graph_is_the_one_networkx_builds(path: Path) -> None:
    for fw in load([str(path)]).frameworks:
        built, wanted = build(fw), reference(fw)
        assert built.graph == wanted.graph
        assert list(built.nodes(data=True)) == list(wanted.nodes(data=True))
        assert list(built.edges(data=True)) == list(wanted.edges(data=True))
        for node in wanted:
            assert list(built.pred[node].items()) == list(wanted.pred[node].items())


def test_edges_of_one_field_share_one_dict_and_the_graph_is_still_a_digraph() -> None:
    fw = load([str(ROOT / "models" / "northbrook" / "model.yaml")]).frameworks[0]
    graph = build(fw)
    edges = graph.edges(data=True)
    dicts = {id(d) for u, _, d in edges if d["rel"] == "addresses" and u.startswith("service:")}
    assert len(dicts) == 1
    assert nx.is_directed(graph) and graph.number_of_edges() > 100
    copy = graph.copy()  # a copy has dicts of its own
    u, v = next(iter(copy.edges))
    copy.edges[u, v]["rel"] = "changed"
    assert graph.edges[u, v]["rel"] != "changed"
