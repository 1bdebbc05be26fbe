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
    APPROACH = "approach"
    RISK = "risk factor"
    PROTECTIVE = "protective factor"
    SERVICE = "service"
    SERVICE_GROUP = "group of services"
    OUTPUT = "outputs"
    OUTCOME = "outcome"
    IMPACT = "impact outcome"


class Marker(Enum):
    """A gap or a caveat shown on a node as a badge: a symbol and a word, never colour alone.

    The first group are the findings of ``gaps`` about a factor, a service, an outcome or
    a funding source, one marker per rule; the second are facts about a service or a
    funding source on the as-of date.
    """

    NO_PATHWAY = "no pathway"
    UNSUPPORTED = "unsupported"
    DEAD_END = "dead end"
    FUNDING_CLIFF = "funding cliff"
    AGE_GAP = "age gap"
    AREA_GAP = "area gap"
    CAPACITY_GAP = "capacity gap"
    TIER_GAP = "tier gap"
    EVIDENCE_GAP = "evidence gap"
    SINGLE_SERVICE = "single service"
    HARMFUL = "harmful approach"
    UNFUNDED = "unfunded"
    REFERRAL = "referral to inactive"
    ORPHAN_SERVICE = "addresses no factor"
    ORPHAN_OUTCOME = "orphan outcome"
    OUTCOME_CYCLE = "outcome loop"
    STAGE_ORDER = "stage order"
    DATE_ORDER = "date order"
    NOT_ACTIVE = "not active"
    NO_ROUTE_IN = "no route in"
    NOT_STARTED = "not started"
    SERVICE_ENDED = "ended"
    FUNDING_ENDED = "funding ended"
    FUNDING_ENDS = "funding ends"
    MAY_STOP = "may stop"


MARKER_TEXT = {
    Marker.NO_PATHWAY: "✕ NO PATHWAY",
    Marker.UNSUPPORTED: "✕ UNSUPPORTED",
    Marker.DEAD_END: "⊘ DEAD END",
    Marker.FUNDING_CLIFF: "▼ FUNDING CLIFF",
    Marker.AGE_GAP: "◑ AGE GAP",
    Marker.AREA_GAP: "⚑ AREA GAP",
    Marker.CAPACITY_GAP: "▣ CAPACITY GAP",
    Marker.TIER_GAP: "≡ TIER GAP",
    Marker.EVIDENCE_GAP: "☆ EVIDENCE GAP",
    Marker.SINGLE_SERVICE: "① SINGLE SERVICE",
    Marker.HARMFUL: "▲ HARMFUL APPROACH",
    Marker.UNFUNDED: "£ UNFUNDED",
    Marker.REFERRAL: "↛ REFERS TO INACTIVE",
    Marker.ORPHAN_SERVICE: "∅ ADDRESSES NO FACTOR",
    Marker.ORPHAN_OUTCOME: "∅ ORPHAN OUTCOME",
    Marker.OUTCOME_CYCLE: "↻ OUTCOME LOOP",
    Marker.STAGE_ORDER: "↶ STAGE ORDER",
    Marker.DATE_ORDER: "⇄ DATE ORDER",
    Marker.NOT_ACTIVE: "◌ NOT ACTIVE",
    Marker.NO_ROUTE_IN: "◇ NO ROUTE IN",
    Marker.NOT_STARTED: "▷ NOT STARTED",
    Marker.SERVICE_ENDED: "■ ENDED",
    Marker.FUNDING_ENDED: "⊗ FUNDING ENDED",
    Marker.FUNDING_ENDS: "◔ FUNDING ENDS",
    Marker.MAY_STOP: "▽ MAY STOP",
}

MARKER_MEANING = {
    Marker.NO_PATHWAY: "no active service addresses this factor",
    Marker.UNSUPPORTED: "no active service builds this protective factor",
    Marker.DEAD_END: "its services reach no impact outcome",
    Marker.FUNDING_CLIFF: "every covering service may stop by the date shown",
    Marker.AGE_GAP: "ages of the need no covering service serves",
    Marker.AREA_GAP: "areas of the need no covering service reaches",
    Marker.CAPACITY_GAP: "more people need a service than there are places",
    Marker.TIER_GAP: "a required prevention tier no covering service has",
    Marker.EVIDENCE_GAP: "no covering service rests on evidence good enough",
    Marker.SINGLE_SERVICE: "a high-priority need carried by one service or provider",
    Marker.HARMFUL: "the evidence rates this approach as harmful",
    Marker.UNFUNDED: "active, but all its funding has ended: covers nothing",
    Marker.REFERRAL: "refers people to services that are not running",
    Marker.ORPHAN_SERVICE: "the service addresses no factor",
    Marker.ORPHAN_OUTCOME: "nothing contributes or leads to this outcome",
    Marker.OUTCOME_CYCLE: "outcomes that lead to each other in a loop",
    Marker.STAGE_ORDER: "leads to an outcome at an earlier stage",
    Marker.DATE_ORDER: "ends before it starts",
    Marker.NOT_ACTIVE: "planned, paused or closed: covers nothing",
    Marker.NO_ROUTE_IN: "no active service refers people to it",
    Marker.NOT_STARTED: "starts after the as-of date: covers nothing yet",
    Marker.SERVICE_ENDED: "ended before the as-of date: covers nothing",
    Marker.FUNDING_ENDED: "ended before the as-of date",
    Marker.FUNDING_ENDS: "ends within the horizon (policy.horizon)",
    Marker.MAY_STOP: "its funding, or the service, ends within the horizon",
}

NOT_RUNNING = frozenset(
    {Marker.NOT_ACTIVE, Marker.NOT_STARTED, Marker.SERVICE_ENDED, Marker.UNFUNDED}
)
"""What a service that covers nothing on the as-of date is marked with."""


@dataclass(frozen=True)
class Badge:
    """A marker on one node, with what it says there: a date, ages, areas, figures."""

    marker: Marker
    detail: str = ""

    @property
    def text(self) -> str:
        """The badge as printed: ``▼ FUNDING CLIFF by 2027-03-31``."""
        return f"{MARKER_TEXT[self.marker]} {self.detail}".rstrip()


class EdgeKind(Enum):
    FUNDS = "funds"
    USES = "used by"
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
    badges: tuple[Badge, ...] = ()
    members: tuple[tuple[str, str], ...] = ()
    """The entities the box stands for and their names (``("risk_factors.neet", "Not in
    education…")``): one, or every factor a shared box lists, or a group's services."""

    @property
    def markers(self) -> tuple[Marker, ...]:
        return tuple(b.marker for b in self.badges)


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: EdgeKind
    ended: bool = False
    """Drawn faint and dashed: money that has stopped flowing."""


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
class Cell:
    """One cell of a table: its text, and the marker it shows, if any."""

    text: str
    marker: Marker | None = None


@dataclass(frozen=True)
class Row:
    """One row of a table: the node it stands for (its badges and name) and its cells."""

    node: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """A table in place of columns of boxes: a header, then sections of rows."""

    corner: str
    headers: tuple[str, ...]
    sections: tuple[tuple[str, tuple[Row, ...]], ...]
    reading: str
    """How to read it, for the description: what a row, a column and a cell are."""


@dataclass(frozen=True)
class Diagram:
    title: str
    subtitle: str
    columns: tuple[Column, ...]
    nodes: dict[str, Node]
    edges: tuple[Edge, ...]
    description: str = ""
    notes: tuple[str, ...] = field(default=())
    table: Table | None = None
    """Drawn as a table of its nodes instead of columns of boxes (the matrix view)."""

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
