"""What every view lays out, and the outcome columns and links every view ends with."""

from __future__ import annotations

from dataclasses import dataclass

from ..framework import Framework
from ..graph import node_id
from ..render.diagram import Column, Edge, EdgeKind, Group, Node, Table
from ..schema.document import STAGES

STAGE_TITLES = {
    "short": "Short-term outcomes",
    "medium": "Medium-term outcomes",
    "long": "Long-term outcomes",
    "impact": "Impact",
}


@dataclass(frozen=True)
class Layout:
    """Columns of groups of node IDs, the nodes they place, and the edges between them."""

    columns: tuple[Column, ...]
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    around: str = ""
    """What the diagram's title adds after the framework's (the focus view's centre)."""
    table: Table | None = None
    """The nodes as a table rather than placed in columns (the matrix view)."""


def outcome_columns(fw: Framework, outcomes: list[str]) -> list[Column]:
    """One column per outcome stage that has a shown outcome, impact last."""
    columns = []
    for stage in STAGES:
        ids = tuple(node_id("outcome", o) for o in outcomes if fw.outcomes[o].stage == stage)
        if ids:
            group = Group(f"grp-{stage}", "", ids)
            columns.append(Column(f"col-{stage}", STAGE_TITLES[stage], (group,)))
    return columns


def outcome_edges(fw: Framework, outcomes: list[str]) -> list[Edge]:
    """The ``leads_to`` links between shown outcomes, as the documents list them."""
    shown = set(outcomes)
    return [
        Edge(node_id("outcome", o), node_id("outcome", t), EdgeKind.LEADS_TO)
        for o in outcomes
        for t in fw.outcomes[o].leads_to
        if t in shown
    ]
