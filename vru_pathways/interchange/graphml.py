"""The framework graph as GraphML, for Gephi, Cytoscape, yEd and other network tools.

Nodes keep their typed IDs (``service:inclusion-mentors``) with a ``kind``, a ``label``
and the scalar facts an analyst filters on (level, tier, status, stage, priority, and
for factors whether they are in scope and their pathway status); edges keep ``rel``,
the YAML field that made them.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ..analysis.context import Context
from ..escaping import printable

_FIELDS = ("level", "tier", "status", "stage", "sector", "duty", "capacity", "priority")


def _scalars(data: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _FIELDS:
        value = getattr(data, name, None)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            out[name] = value
    return out


def to_graphml(ctx: Context) -> str:
    """GraphML text of the framework's graph, with the analysis as node attributes."""
    source = ctx.graph
    graph = nx.DiGraph(name=printable(ctx.framework.id))
    scope = set(ctx.in_scope)
    for node, attrs in source.nodes(data=True):
        data = attrs["data"]
        values: dict[str, Any] = {
            "kind": attrs["kind"],
            "id": attrs["id"],
            "label": printable(getattr(data, "name", None) or getattr(data, "title", attrs["id"])),
        }
        values |= _scalars(data)
        if attrs["kind"] == "factor":
            ident = attrs["id"]
            values["factor_kind"] = attrs["factor_kind"]
            values["in_scope"] = ident in scope
            values["pathway"] = ctx.status(ident) if ident in scope else "out of scope"
            need = attrs.get("need")
            if need is not None and need.priority:
                values["priority"] = need.priority
        graph.add_node(node, **values)
    for u, v, attrs in source.edges(data=True):
        graph.add_edge(u, v, rel=attrs["rel"])
    return "\n".join(nx.generate_graphml(graph, prettyprint=True)) + "\n"
