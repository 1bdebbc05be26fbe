"""``--group-by``: services collapsed into one box per provider, tier or approach."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..framework import Framework
from ..render.diagram import Badge, Column, Edge, Marker, Node, NodeKind
from .layout import Layout


def group_key(fw: Framework, service_id: str, by: str) -> tuple[str, str]:
    """The group node ID and title of a service under ``--group-by``."""
    service = fw.services[service_id]
    if by == "tier":
        return f"group:tier:{service.tier}", f"{service.tier.capitalize()} tier"
    ref = service.provider if by == "provider" else service.approach
    if ref is None:
        return f"group:{by}:-", f"No {by}"
    table = fw.partners if by == "provider" else fw.approaches
    return f"group:{by}:{ref}", table[ref].name


def group(fw: Framework, layout: Layout, by: str) -> Layout:
    """The layout with its service boxes replaced by one box per group, in the order the
    groups' first services come; edges into and out of a group are drawn once."""
    key_of = {
        n.id: group_key(fw, n.id.partition(":")[2], by)
        for n in layout.nodes
        if n.kind is NodeKind.SERVICE
    }
    members: dict[str, list[Node]] = {}
    for node in layout.nodes:
        if node.id in key_of:
            members.setdefault(key_of[node.id][0], []).append(node)
    boxes = [_group_node(gid, key_of[ms[0].id][1], ms) for gid, ms in members.items()]

    def swap(node_id: str) -> str:
        return key_of[node_id][0] if node_id in key_of else node_id

    return replace(
        layout,
        columns=tuple(_swapped(column, swap) for column in layout.columns),
        nodes=(*(n for n in layout.nodes if n.id not in key_of), *boxes),
        edges=tuple(
            dict.fromkeys(
                Edge(swap(e.source), swap(e.target), e.kind, e.ended) for e in layout.edges
            )
        ),
    )


def _group_node(ident: str, title: str, services: list[Node]) -> Node:
    """A group's box lists its services, and carries each marker one of them has (without
    its detail, which is one service's)."""
    count = f"{len(services)} service{'s' if len(services) != 1 else ''}"
    markers = {b.marker for n in services for b in n.badges}
    badges = tuple(Badge(m) for m in Marker if m in markers)
    members = tuple(m for n in services for m in n.members)
    detail = (count, *(n.title for n in services))
    return Node(ident, title, NodeKind.SERVICE_GROUP, detail, badges, members)


def _swapped(column: Column, swap: Callable[[str], str]) -> Column:
    groups = tuple(
        replace(g, nodes=tuple(dict.fromkeys(swap(n) for n in g.nodes))) for g in column.groups
    )
    return replace(column, groups=groups)
