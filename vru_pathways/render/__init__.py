"""Diagram → text: pure emitters, no files, no processes.

:func:`emit` writes a diagram in one of the text formats (:data:`TEXT_FORMATS`); the
image formats (:data:`IMAGE_FORMATS`) are DOT text run through Graphviz by
:mod:`vru_pathways.edge`.

This module stays light: the command line reads its names at start-up, and a command
that draws nothing never imports the emitters.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .diagram import Diagram

IMAGE_FORMATS = ("svg", "png", "pdf")
TEXT_FORMATS = ("dot", "mermaid")
"""The formats written as text, each by the ``emit`` of the module of that name."""


def emit(fmt: str, diagram: Diagram) -> str:
    """``diagram`` as text in ``fmt`` (one of :data:`TEXT_FORMATS`)."""
    if fmt not in TEXT_FORMATS:
        raise KeyError(fmt)
    module = importlib.import_module(f"{__name__}.{fmt}")
    text: str = module.emit(diagram)
    return text
