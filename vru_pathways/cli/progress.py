"""A one-line progress display for long loads, on a terminal only.

Stages are shown on standard error, each replacing the last, with the time so far; the
line is cleared when the work ends. Nothing is printed when standard error is not a
terminal (piped, redirected) or when ``CI`` is set, so logs and reports stay clean.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import TextIO

BIG = 1_000_000
"""Inputs smaller than this (bytes) load too fast to need a progress line."""


class Progress:
    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = self.stream.isatty() and not os.environ.get("CI")
        self.enabled = enabled
        self.start = time.monotonic()
        self.shown = False
        self.size = 0

    def stage(self, text: str) -> None:
        """Show what is happening now."""
        if not self.enabled:
            return
        elapsed = time.monotonic() - self.start
        self.stream.write(f"\r\x1b[K{text} … {elapsed:.1f} s")
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def for_paths(paths: list[str]) -> Progress:
    """A progress display, enabled only for big inputs on a terminal outside CI."""
    size = 0
    for path in paths:
        with contextlib.suppress(OSError):
            size += os.path.getsize(path)
    progress = Progress()
    progress.enabled = progress.enabled and size >= BIG
    progress.size = size
    return progress
