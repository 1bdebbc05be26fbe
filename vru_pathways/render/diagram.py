"""The vocabulary every diagram is drawn in: columns of groups of nodes, edges, markers.

A :class:`Diagram` is what a view selects and what every renderer draws; renderers map
the closed vocabularies (:class:`NodeKind`, :class:`Marker`, :class:`EdgeKind`) through
tables of their own. Everything is ordered by the documents, never by hashing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

MAX_LABEL = 2000
"""Characters of one text a box shows; a page could not hold more, and a label of millions
would take Graphviz minutes."""
MAX_WORD = 200
"""Characters of one word a box shows: wrapping a word is slower the longer it is."""


def clip(text: str) -> str:
    """Text cut to what a box can show, each cut marked with an ellipsis: at most
    :data:`MAX_LABEL` characters, no word over :data:`MAX_WORD`.

    >>> clip("a " + "x" * 300) == "a " + "x" * 200 + "…"
    True
    """
    if len(text) > MAX_LABEL:
        text = text[:MAX_LABEL] + "…"
    if len(text) <= MAX_WORD:
        return text
    return re.sub(rf"\S{{{MAX_WORD + 1},}}", lambda m: m.group(0)[:MAX_WORD] + "…", text)


class NodeKind(Enum):
    FUNDING = "funding"
    PARTNER = "partner"
    RISK = "risk factor"
    PROTECTIVE = "protective factor"
    SERVICE = "service"
    SERVICE_GROUP = "group of services"
    OUTPUT = "outputs"
    OUTCOME = "outcome"
    IMPACT = "impact outcome"


class Marker(Enum):
    """A gap or a caveat shown on a node, by a symbol and a line style, not by colour alone."""

    NO_PATHWAY = "no pathway"
    DEAD_END = "dead end"
    HARMFUL = "harmful approach"
    NOT_ACTIVE = "not active"
    NO_ROUTE_IN = "no route in"


MARKER_TEXT = {
    Marker.NO_PATHWAY: "✕ NO PATHWAY",
    Marker.DEAD_END: "⊘ DEAD END",
    Marker.HARMFUL: "▲ HARMFUL APPROACH",
    Marker.NOT_ACTIVE: "◌ NOT ACTIVE",
    Marker.NO_ROUTE_IN: "◇ NO ROUTE IN",
}

MARKER_MEANING = {
    Marker.NO_PATHWAY: "no active service addresses this factor",
    Marker.DEAD_END: "its services reach no impact outcome",
    Marker.HARMFUL: "the evidence rates this approach as harmful",
    Marker.NOT_ACTIVE: "planned, paused or closed: covers nothing",
    Marker.NO_ROUTE_IN: "no active service refers people to it",
}


class EdgeKind(Enum):
    FUNDS = "funds"
    PROVIDES = "provides"
    ADDRESSES = "addressed by"
    DELIVERS = "delivers"
    CONTRIBUTES = "contributes to"
    LEADS_TO = "leads to"
    REFERS = "refers to"
    BROKEN_REFERRAL = "refers to a service not active"


BROKEN_TEXT = "✕ LEADS NOWHERE"
"""The label of a referral route into a service that is not active."""
BROKEN_MEANING = "a referral route into a service not active on the date"


@dataclass(frozen=True)
class Node:
    id: str
    title: str
    kind: NodeKind
    detail: tuple[str, ...] = ()
    markers: tuple[Marker, ...] = ()


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: EdgeKind


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    nodes: tuple[str, ...]


@dataclass(frozen=True)
class Column:
    id: str
    title: str
    groups: tuple[Group, ...]
    aligned: bool = True
    """Whether the column's nodes stand in one vertical line."""


@dataclass(frozen=True)
class Diagram:
    title: str
    subtitle: str
    columns: tuple[Column, ...]
    nodes: dict[str, Node]
    edges: tuple[Edge, ...]
    description: str = ""
    notes: tuple[str, ...] = field(default=())

    def kinds(self) -> list[NodeKind]:
        """The node kinds drawn, in vocabulary order (what the legend explains)."""
        present = {n.kind for n in self.nodes.values()}
        return [k for k in NodeKind if k in present]

    def broken_routes(self) -> list[Edge]:
        """The referral routes drawn that lead to a service not active."""
        return [e for e in self.edges if e.kind is EdgeKind.BROKEN_REFERRAL]

    def markers(self) -> list[Marker]:
        present = {m for n in self.nodes.values() for m in n.markers}
        return [m for m in Marker if m in present]
