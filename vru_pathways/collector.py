"""Python's cycle collector, paused while a large structure is built.

Building millions of objects that hold no cycles (the values of a national framework,
their validated entities, the graph) makes the collector scan them again each time the
heap grows by a quarter: on a 100,000-service framework that was a fifth of the run.
Nothing built there has cycles to collect, so the collector waits until it is built.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the block, then as it was (nested blocks included)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
