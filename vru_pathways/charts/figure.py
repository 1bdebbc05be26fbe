"""A figure sized for an A4 page, and its bytes: the same input gives the same SVG, PNG
and PDF, byte for byte, in any process.

No pyplot: a :class:`~matplotlib.figure.Figure` of its own, so nothing survives between
charts and no window system is ever asked for; ``savefig`` into memory picks the Agg,
SVG or PDF backend from the format. What would differ between runs is pinned: the SVG's
IDs (``svg.hashsalt``), and the dates and program versions in the metadata.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import matplotlib
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

from ..render.style import FONT
from ..render.svg import accessible_svg
from . import ChartFormat

PAGE_WIDTH = 17 / 2.54
"""Inches: an A4 page in portrait, less 2 cm margins each side."""
TEXT = 8.0
"""Points: the smallest text, as printed at :data:`PAGE_WIDTH`."""
LABEL = 9.0
TITLE = 11.5

_MEASURE = TextToPath()


def width(text: str, size: float = TEXT, bold: bool = False) -> float:
    """The width of ``text`` in inches at ``size`` points, as the chart's font sets it."""
    prop = FontProperties(family=FONT, size=size, weight="bold" if bold else "normal")
    w, _, _ = _MEASURE.get_text_width_height_descent(text, prop, ismath=False)
    return float(w) / 72


@dataclass
class Page:
    """A column of blocks, stacked top to bottom, each a height in inches."""

    width: float = PAGE_WIDTH
    blocks: list[tuple[str, float]] = field(default_factory=list)

    def add(self, name: str, height: float) -> None:
        self.blocks.append((name, height))

    @property
    def height(self) -> float:
        return sum(h for _, h in self.blocks)

    def top(self, name: str) -> float:
        """The distance in inches from the top of the page to the top of block ``name``."""
        above = 0.0
        for block, h in self.blocks:
            if block == name:
                return above
            above += h
        raise KeyError(name)

    def rect(self, name: str, left: float, right: float) -> tuple[float, float, float, float]:
        """Block ``name`` between ``left`` and ``right`` inches of margin, in figure
        fractions (left, bottom, width, height)."""
        h = dict(self.blocks)[name]
        bottom = self.height - self.top(name) - h
        return (
            left / self.width,
            bottom / self.height,
            (self.width - left - right) / self.width,
            h / self.height,
        )

    def y(self, name: str, down: float = 0.0) -> float:
        """A height ``down`` inches below the top of block ``name``, as a figure fraction."""
        return (self.height - self.top(name) - down) / self.height


@contextmanager
def style() -> Iterator[None]:
    """The chart's settings, for as long as it is drawn and saved. Text stays text in an
    SVG (searchable, read by screen readers); names are never read as TeX (a ``$`` in a
    name is a dollar sign)."""
    with matplotlib.rc_context(
        {
            "font.family": FONT,
            "font.size": TEXT,
            "text.parse_math": False,
            "text.usetex": False,
            "svg.fonttype": "none",
            "svg.hashsalt": "vru-pathways",
            "pdf.fonttype": 42,
            "axes.linewidth": 0.6,
            "axes.edgecolor": "#4D4D4D",
            "xtick.color": "#333333",
            "ytick.color": "#333333",
            "xtick.labelsize": TEXT,
            "ytick.labelsize": TEXT,
            "legend.fontsize": TEXT,
            "legend.frameon": False,
            "hatch.linewidth": 0.8,
        }
    ):
        yield


def new_figure(page: Page) -> Figure:
    return Figure(figsize=(page.width, page.height), dpi=100, facecolor="white")


def save(figure: Figure, fmt: ChartFormat, dpi: int, title: str, description: str) -> bytes:
    """The figure's bytes: no timestamps, no program versions; an SVG titled and
    described for screen readers, a PDF and a PNG with the same in their metadata."""
    metadata: dict[str, str | None]
    if fmt == "svg":
        metadata = {"Date": None, "Creator": None}
    elif fmt == "pdf":
        metadata = {
            "Title": title,
            "Subject": description,
            "Creator": "vru-pathways",
            "Producer": None,
            "CreationDate": None,
            "ModDate": None,
        }
    else:
        metadata = {"Title": title, "Description": description, "Software": None}
    buffer = io.BytesIO()
    with style():
        figure.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata, facecolor="white")
    data = buffer.getvalue()
    return accessible_svg(data, title, description) if fmt == "svg" else data
