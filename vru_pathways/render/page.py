"""Paper: the page sizes a drawing is printed on, how far Graphviz must scale it to fit,
the text size that gives on the page, and a drawing set on a true page.

A drawing's text is set in known sizes (:data:`.style.SIZES`); scaled by ``s`` to fit a
page, its smallest text prints at ``s`` times its smallest size. Below
:data:`MIN_TEXT` points it cannot be read on paper, and the drawing is split or refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAGES = {"a4": (8.27, 11.69), "a3": (11.69, 16.54)}
"""Portrait page sizes in inches (ISO 216)."""
ORIENTATIONS = ("auto", "landscape", "portrait")
"""``auto``: whichever prints the text larger (landscape when they are equal)."""
MARGIN = 0.4
"""Inches of white kept round a drawing on its page."""
MIN_TEXT = 7.0
"""The smallest text, in points, a printed page may carry."""
POINTS = 72


@dataclass(frozen=True)
class Paper:
    """One page size in one orientation."""

    name: str
    orientation: str

    @property
    def size(self) -> tuple[float, float]:
        """Width and height in inches."""
        short, long = PAGES[self.name]
        return (long, short) if self.orientation == "landscape" else (short, long)

    @property
    def area(self) -> tuple[float, float]:
        """Width and height inside the margins, in inches."""
        width, height = self.size
        return width - 2 * MARGIN, height - 2 * MARGIN

    def scale(self, width: float, height: float) -> float:
        """How far a drawing of that size (inches) is scaled, up or down, to fill the
        area inside the margins.

        >>> round(Paper("a4", "portrait").scale(14.94, 10.89), 3)
        0.5
        """
        across, down = self.area
        return min(across / width, down / height)

    def __str__(self) -> str:
        return f"{self.name.upper()} {self.orientation}"


def papers(name: str, orientation: str = "auto") -> list[Paper]:
    """The papers to try: the one asked for, or with ``auto`` both, landscape first."""
    if orientation == "auto":
        return [Paper(name, "landscape"), Paper(name, "portrait")]
    return [Paper(name, orientation)]


_SIZES = re.compile(r'POINT-SIZE="([0-9.]+)"|fontsize=([0-9.]+)')


def smallest_font(dot: str) -> float:
    """The smallest font size the DOT text sets, in points (Graphviz's default, 14, when
    it sets none).

    >>> smallest_font('a [fontsize=10, label=<<FONT POINT-SIZE="8">x</FONT>>]')
    8.0
    """
    sizes = [float(a or b) for a, b in _SIZES.findall(dot)]
    return min(sizes, default=14.0)


def with_graph_attributes(dot: str, attributes: dict[str, str]) -> str:
    """DOT text with extra graph attributes set last, so they win over the drawing's own.

    >>> with_graph_attributes("digraph {\\n  graph [pad=0.3]\\n}\\n", {"pad": "0"})
    'digraph {\\n  graph [pad=0.3]\\n  graph [pad=0]\\n}\\n'
    """
    if not attributes:
        return dot
    body, _, rest = dot.rstrip("\n").rpartition("\n")
    pairs = ", ".join(f"{k}={v}" for k, v in attributes.items())
    return f"{body}\n  graph [{pairs}]\n{rest}\n"


def fit_attributes(paper: Paper) -> dict[str, str]:
    """Scale the drawing, up or down, to the largest size that fits the page inside its
    margins. The page's margins stand for Graphviz's own padding and margin, which
    would otherwise be added unscaled round the scaled drawing (half an inch a side in
    PDF), so the drawing is scaled by exactly :meth:`Paper.scale` of its laid-out size."""
    width, height = paper.area
    return {"size": f'"{width:.2f},{height:.2f}!"', "pad": "0", "margin": "0"}


def _points(value: str) -> float:
    return float(value.removesuffix("pt"))


def on_page_svg(svg: bytes, paper: Paper) -> bytes:
    """The SVG of a drawing scaled to fit ``paper``, set centred on a page of that size:
    its width and height become the paper's, so it prints at the size it was measured."""
    text = svg.decode("utf-8")
    match = re.search(r'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"\s+viewBox="[^"]*"', text)
    if match is None:
        return svg
    width, height = (w * POINTS for w in paper.size)
    left = (width - _points(match.group(1))) / 2
    top = (height - _points(match.group(2))) / 2
    opening = (
        f'<svg width="{width:.2f}pt" height="{height:.2f}pt"\n'
        f' viewBox="{-left:.2f} {-top:.2f} {width:.2f} {height:.2f}"'
    )
    return (text[: match.start()] + opening + text[match.end() :]).encode("utf-8")
