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

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from . import yaml_events, yaml_nodes
from .parsed import MAX_PROBLEMS, Parsed
from .yaml_errors import line_col

__all__ = ["MAX_PROBLEMS", "Parsed", "line_col", "parse"]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Building millions of values makes Python's cycle collector rescan them over and
    over (on a national framework, 38 s of composing instead of 8); what is built has no
    cycles to collect, so the collector waits until it is built."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse(text: str) -> Parsed:
    """Parse one YAML document. Problems are returned, never raised."""
    with _collector_paused():
        return yaml_events.read(text) or yaml_nodes.parse(text)
