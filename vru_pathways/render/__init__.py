"""Diagram → text: pure emitters, no files, no processes.

``EMITTERS`` maps each text format to its emitter; the image formats
(:data:`IMAGE_FORMATS`) are DOT text run through Graphviz by :mod:`vru_pathways.edge`.
"""

from __future__ import annotations

from collections.abc import Callable

from . import dot, mermaid
from .diagram import Diagram

IMAGE_FORMATS = ("svg", "png", "pdf")

EMITTERS: dict[str, Callable[[Diagram], str]] = {"dot": dot.emit, "mermaid": mermaid.emit}
