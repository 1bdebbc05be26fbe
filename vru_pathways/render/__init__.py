"""Diagram → text: pure emitters, no files, no processes.

``EMITTERS`` maps each text format to its emitter; the image formats (svg, png, pdf) are
DOT text run through Graphviz by :mod:`vru_pathways.export`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..diagram import Diagram
from . import dot, mermaid

EMITTERS: dict[str, Callable[[Diagram], str]] = {"dot": dot.emit, "mermaid": mermaid.emit}
