"""What each kind of node and each marker looks like, in every renderer.

Colours come from the Okabe–Ito palette, which stays distinct with the common kinds of
colour blindness; every gap is also told apart by a symbol, a word and a line style, so
it survives greyscale printing.
"""

from __future__ import annotations

from dataclasses import dataclass

from .diagram import Marker, NodeKind

FONT = "DejaVu Sans"
GAP_COLOUR = "#D55E00"  # Okabe–Ito vermillion
EDGE_COLOUR = "#4D4D4D"
ENDING_COLOUR = "#E69F00"  # Okabe–Ito orange
ENDED_EDGE = "#8C8C8C"


@dataclass(frozen=True)
class Look:
    fill: str
    text: str = "#000000"
    border: str = "#4D4D4D"


LOOKS: dict[NodeKind, Look] = {
    NodeKind.FUNDING: Look("#F8E0A8"),  # orange E69F00, light
    NodeKind.PARTNER: Look("#FBF4BE"),  # yellow F0E442, light
    NodeKind.APPROACH: Look("#E6E6E6"),  # grey
    NodeKind.RISK: Look("#F6CFB5"),  # vermillion D55E00, light
    NodeKind.PROTECTIVE: Look("#BFE5D9"),  # bluish green 009E73, light
    NodeKind.SERVICE: Look("#CDE7F7"),  # sky blue 56B4E9, light
    NodeKind.SERVICE_GROUP: Look("#CDE7F7"),
    NodeKind.OUTPUT: Look("#FFFFFF"),
    NodeKind.OUTCOME: Look("#F0D6E6"),  # reddish purple CC79A7, light
    NodeKind.IMPACT: Look("#0072B2", text="#FFFFFF", border="#003F63"),  # blue
}


@dataclass(frozen=True)
class Line:
    """A border that marks a node; ``dash`` is an SVG dash pattern, '' for solid."""

    colour: str
    width: float
    dash: str
    double: bool = False


_NOT_RUNNING = Line("#8C8C8C", 1.2, "4 4")

LINES: dict[Marker, Line] = {
    Marker.NO_PATHWAY: Line(GAP_COLOUR, 2.5, "6 3"),
    Marker.UNSUPPORTED: Line(GAP_COLOUR, 2.5, "6 3"),
    Marker.DEAD_END: Line(GAP_COLOUR, 2.5, "2 2"),
    Marker.HARMFUL: Line(GAP_COLOUR, 2.0, "", double=True),
    Marker.FUNDING_ENDS: Line(ENDING_COLOUR, 2.5, ""),
    Marker.MAY_STOP: Line(ENDING_COLOUR, 2.5, ""),
    Marker.NOT_ACTIVE: _NOT_RUNNING,
    Marker.NOT_STARTED: _NOT_RUNNING,
    Marker.SERVICE_ENDED: _NOT_RUNNING,
    Marker.UNFUNDED: _NOT_RUNNING,
    Marker.FUNDING_ENDED: _NOT_RUNNING,
    Marker.NO_ROUTE_IN: Line("#0072B2", 2.0, "1 3"),  # Okabe–Ito blue
}
"""The border of a box a marker changes; a box with another gap gets :data:`GAP_LINE`."""

BROKEN_LINE = Line(GAP_COLOUR, 1.8, "6 3")
"""How a referral route into a service that is not active is drawn."""

GAP_LINE = Line(GAP_COLOUR, 2.0, "")
"""The border of a box with a finding whose marker has no line of its own."""

BORDER_ORDER: tuple[Marker, ...] = (
    *(m for m in Marker if m in LINES and LINES[m] is not _NOT_RUNNING),
    *(m for m in Marker if m in LINES and LINES[m] is _NOT_RUNNING),
)
"""Which marker's line a box with several takes: the first here, so a gap outranks
"not running", which the white fill still shows."""

WHITE_FILL = frozenset(m for m in Marker if LINES.get(m) is _NOT_RUNNING)
"""Markers that empty a box's fill: what covers nothing, or money that is gone."""

FACTS = frozenset(
    {
        Marker.NOT_ACTIVE,
        Marker.NOT_STARTED,
        Marker.SERVICE_ENDED,
        Marker.FUNDING_ENDED,
        Marker.FUNDING_ENDS,
        Marker.MAY_STOP,
        Marker.NO_ROUTE_IN,
    }
)
"""Markers that state a fact of the date rather than a finding: they keep a plain border
unless :data:`LINES` gives one."""


def border(markers: tuple[Marker, ...]) -> Line | None:
    """The line a box's border takes for its markers, or ``None`` for the usual one."""
    for marker in BORDER_ORDER:
        if marker in markers:
            return LINES[marker]
    return GAP_LINE if any(m not in FACTS for m in markers) else None


@dataclass(frozen=True)
class Sizes:
    """Font sizes in points at full size; a page prints them scaled, and the smallest,
    :attr:`smallest`, is what a page must print at 7 pt or more."""

    title: float = 18
    subtitle: float = 11
    column: float = 13
    group: float = 11
    node: float = 10
    detail: float = 9
    key: float = 9

    @property
    def smallest(self) -> float:
        return min(self.title, self.subtitle, self.column, self.group, self.node, self.detail)


SIZES = Sizes()
