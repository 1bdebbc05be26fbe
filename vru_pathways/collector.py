"""Python's cycle collector, paused while a large structure is built.

Building millions of objects that hold no cycles (the values of a national framework,
their validated entities, the graph) makes the collector scan them again each time the
heap grows by a quarter: on a 100,000-service framework that was a fifth of the run.
Nothing built there has cycles to collect, so the collector waits until it is built.

A process that runs one command and exits (the command line) can go further: what
loading builds lives until the end of the run, so once it is built it is frozen
(``gc.freeze``) and the collector never scans it again; re-enabled over an unscanned
heap of millions of objects, the collector would otherwise walk all of them two or three
times in the rules that follow. A long-lived process (a test run, a program that
imports the package) keeps the default: nothing is frozen.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


class _Policy:
    freeze = False


def freeze_what_loading_builds() -> None:
    """For a process that runs one command and exits: from now on, what a
    ``paused(lasting=True)`` block built is frozen when the block ends."""
    _Policy.freeze = True


@contextmanager
def paused(*, lasting: bool = False) -> Iterator[None]:
    """The collector off inside the block, then as it was (nested blocks included).
    With ``lasting`` (what the block builds lives until the process ends), it is frozen
    at the end of the block if :func:`freeze_what_loading_builds` was called."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if lasting and _Policy.freeze:
            gc.freeze()
        if enabled:
            gc.enable()
