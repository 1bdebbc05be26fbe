"""Fitting a DOT drawing to paper: graph attributes added to the DOT text."""

from __future__ import annotations

PAGES = {"a4": (11.69, 8.27), "a3": (16.54, 11.69)}
"""Landscape page sizes in inches."""
MARGIN = 0.4


def with_graph_attributes(dot: str, attributes: dict[str, str]) -> str:
    """DOT text with extra graph attributes set right after the opening line.

    >>> with_graph_attributes("digraph {\\n}\\n", {"dpi": "300"})
    'digraph {\\n  graph [dpi=300]\\n}\\n'
    """
    if not attributes:
        return dot
    first, _, rest = dot.partition("\n")
    pairs = ", ".join(f"{k}={v}" for k, v in attributes.items())
    return f"{first}\n  graph [{pairs}]\n{rest}"


def page_attributes(page: str) -> dict[str, str]:
    """Scale the drawing, up or down, to the largest size that fits a landscape page
    inside a margin; the PDF page is then no larger than the paper."""
    width, height = PAGES[page]
    return {
        "size": f'"{width - 2 * MARGIN:.2f},{height - 2 * MARGIN:.2f}!"',
        "margin": f'"{MARGIN}"',
    }
