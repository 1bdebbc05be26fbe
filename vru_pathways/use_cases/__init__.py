"""Use-cases: each takes plain arguments and returns a value from :mod:`..results`; none
prints or decides an exit code. One module per command group, so a command imports only
what it uses."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Where a long use-case says what stage it is at (the command line shows it)."""

    size: int
    """Bytes of input, for the first stage's words."""

    def stage(self, text: str) -> None: ...
