"""YAML text → plain values plus the position of every key and value.

libyaml's C parser reads the text; we build values ourselves so that YAML's implicit
typing never reaches the model: every scalar stays the text the user wrote (``no``,
``on``, ``010`` and ``2024-01-02`` are all strings) except the empty value and
``~``/``null``, which are ``None``. pydantic then converts text to numbers or dates where
the format asks for one, and says so when it cannot.

Duplicate keys are errors. Aliases are shared, not copied; positions inside an aliased
value point at the anchor. Before any value is built beyond what a valid file may hold,
the limits of :mod:`.yaml_guard` refuse what would cost too much to build or to check.

Two readers give the same answers: :mod:`.yaml_events` reads most documents in one pass
over the parser's events; :mod:`.yaml_nodes` composes the node tree and reads every
document, anchors, duplicate keys and syntax errors included.
"""

from __future__ import annotations

from ..collector import paused
from . import yaml_events, yaml_nodes
from .parsed import MAX_PROBLEMS, Parsed
from .yaml_errors import line_col

__all__ = ["MAX_PROBLEMS", "Parsed", "line_col", "parse"]


def parse(text: str) -> Parsed:
    """Parse one YAML document. Problems are returned, never raised."""
    with paused():
        return yaml_events.read(text) or yaml_nodes.parse(text)
