"""The report's outline as data: the blocks every writer (HTML, Markdown, Word,
PowerPoint) lays out in its own way.

A :class:`Paper` is a list of :class:`Part` (a run of pages: portrait or landscape, in
the body or in the appendix), each a list of blocks, and a :class:`Deck`, the slides a
board meeting is shown, made of the same blocks. Adding something to the report is
adding blocks to a part, or a part to the paper: no writer changes. Text in a block is
plain text from the input; each writer escapes it for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Orientation = Literal["portrait", "landscape"]
Tone = Literal["body", "note", "lead"]
"""A paragraph's weight: ordinary text, a smaller note beside a table, or the opening
line of a summary."""


@dataclass(frozen=True)
class Heading:
    level: int
    """1 for a part, 2 for what it holds, 3 below that; never a level skipped."""
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    tone: Tone = "body"


@dataclass(frozen=True)
class Facts:
    """Headline figures, each a label and a value."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Item:
    """An entry of a list: its words, what follows them in lighter type, and sub-items."""

    text: str
    strong: str = ""
    """Words that lead the entry in bold (a gap's factor)."""
    detail: tuple[str, ...] = ()
    """Lines under the entry (what could close a gap, where it is in the YAML)."""


@dataclass(frozen=True)
class Items:
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""
    marked: tuple[bool, ...] = ()
    """Rows to shade (funding ending within the horizon), one flag a row, or none."""
    first_column_header: bool = False
    """The first cell of each row names it (a matrix's factor)."""
    numeric: bool = False
    """Cells after the first are short counts or marks, set centred and narrow."""


FigureKind = Literal["diagram", "chart"]


@dataclass(frozen=True)
class Figure:
    """A drawing the use-case makes once and every writer places: ``key`` names it
    among the drawings; ``source`` is what it is drawn from (a diagram page or a chart's
    values), or ``None`` with ``reason`` when it cannot be drawn."""

    key: str
    kind: FigureKind
    caption: str
    alt: str
    """What the picture shows, in words: alt text, speaker notes, the SVG's description."""
    source: object = None
    reason: str = ""
    title: str = ""
    """The drawing's own title (an SVG's ``<title>``); the caption when empty."""
    half: bool = False
    """Half the text's width: two such figures in a row stand side by side."""


Block = Heading | Paragraph | Facts | Items | Table | Figure


@dataclass(frozen=True)
class Part:
    """A run of pages that starts on a new page."""

    id: str
    blocks: tuple[Block, ...]
    orientation: Orientation = "portrait"
    appendix: bool = False


@dataclass(frozen=True)
class Slide:
    title: str
    blocks: tuple[Block, ...]
    """Text, a small table, and at most one figure, shown beside the text."""


@dataclass(frozen=True)
class Deck:
    title: str
    subtitle: str
    slides: tuple[Slide, ...]


@dataclass(frozen=True)
class Paper:
    title: str
    partnership: str
    """Who the paper is from: the header of every page of the Word document."""
    as_of: str
    """The date (or dates) the paper describes, in words."""
    parts: tuple[Part, ...]
    deck: Deck
    language: str = "en-GB"
    figures: tuple[Figure, ...] = field(default=())
    """Every figure of the parts and the deck, each once, in order."""


def figures_of(parts: tuple[Part, ...], deck: Deck) -> tuple[Figure, ...]:
    """Every figure, each key once, in the order the paper and then the deck show them."""
    seen: dict[str, Figure] = {}
    for blocks in [p.blocks for p in parts] + [s.blocks for s in deck.slides]:
        for block in blocks:
            if isinstance(block, Figure):
                seen.setdefault(block.key, block)
    return tuple(seen.values())


@dataclass(frozen=True)
class Drawing:
    """A figure as drawn: SVG text for the page and Word, PNG at print resolution for
    Word and PowerPoint; either may be missing when the format does not need it."""

    svg: str | None = None
    png: bytes | None = None
    size: tuple[float, float] = (0.0, 0.0)
    """Width and height in inches, as drawn."""


Drawings = dict[str, Drawing]
"""A paper's drawings by their figure's key."""
