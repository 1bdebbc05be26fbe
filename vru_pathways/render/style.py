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


@dataclass(frozen=True)
class Look:
    fill: str
    text: str = "#000000"
    border: str = "#4D4D4D"


LOOKS: dict[NodeKind, Look] = {
    NodeKind.FUNDING: Look("#F8E0A8"),  # orange E69F00, light
    NodeKind.PARTNER: Look("#FBF4BE"),  # yellow F0E442, light
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


LINES: dict[Marker, Line] = {
    Marker.NO_PATHWAY: Line(GAP_COLOUR, 2.5, "6 3"),
    Marker.DEAD_END: Line(GAP_COLOUR, 2.5, "2 2"),
    Marker.HARMFUL: Line(GAP_COLOUR, 2.0, "", double=True),
    Marker.NOT_ACTIVE: Line("#8C8C8C", 1.2, "4 4"),
    Marker.NO_ROUTE_IN: Line("#0072B2", 2.0, "1 3"),  # Okabe–Ito blue
}
BROKEN_LINE = Line(GAP_COLOUR, 1.8, "6 3")
"""How a referral route into a service that is not active is drawn."""
