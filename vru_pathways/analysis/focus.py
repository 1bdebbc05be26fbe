"""Judging part of a model: what a change can touch, and answers worked out on demand."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


class OnDemand(dict[str, tuple[str, ...]]):
    """A mapping whose value for a key is worked out, and kept, the first time it is
    asked for: judging one factor does not cost judging them all."""

    def __init__(self, work: Callable[[str], tuple[str, ...]]) -> None:
        super().__init__()
        self.work = work

    def __missing__(self, key: str) -> tuple[str, ...]:
        value = self[key] = self.work(key)
        return value


@dataclass(frozen=True)
class Focus:
    """The factors and services a change can touch: judging only them, and comparing
    with the unchanged model's findings about them, gives the change's effect exactly,
    for a fraction of judging everything (the rules about the model itself — outcomes,
    dates — are left out: a change to funding or services does not touch them)."""

    factors: frozenset[str]
    services: frozenset[str]
