"""Age ranges (``"10-17"``, ``"18+"``) and the little interval arithmetic gaps need.

An age set is a sorted tuple of disjoint inclusive ``(low, high)`` spans; ``high`` is
``None`` for an open end ("18+").

>>> str(AgeRange.parse("10-17"))
'10-17'
>>> describe(subtract(AgeRange.parse("10-18").span(), [(11, 16)]))
'10 and 17–18'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

PATTERN = r"^(0|[1-9][0-9]{0,2})(-(0|[1-9][0-9]{0,2})|\+)$"
_RE = re.compile(PATTERN)

Span = tuple[int, int | None]
Ages = tuple[Span, ...]


@dataclass(frozen=True, order=True)
class AgeRange:
    low: int
    high: int | None  # inclusive; None means open-ended

    @classmethod
    def parse(cls, text: str) -> AgeRange:
        """Parse ``"10-17"`` or ``"18+"``; raise ``ValueError`` with a reason otherwise."""
        match = _RE.match(text)
        if not match:
            raise ValueError(f'\'{text}\' is not an age range; write it as "10-17" or "18+"')
        low = int(match.group(1))
        high = None if match.group(2) == "+" else int(match.group(3))
        if high is not None and high < low:
            raise ValueError(f"'{text}' ends before it starts; write \"{high}-{low}\"")
        return cls(low, high)

    def span(self) -> Ages:
        return ((self.low, self.high),)

    def __str__(self) -> str:
        return f"{self.low}+" if self.high is None else f"{self.low}-{self.high}"


def _end(high: int | None) -> float:
    return float("inf") if high is None else high


def normalise(spans: Iterable[Span]) -> Ages:
    """Sort and merge touching or overlapping spans."""
    out: list[Span] = []
    for low, high in sorted(spans, key=lambda s: (s[0], _end(s[1]))):
        if out and low <= _end(out[-1][1]) + 1:
            prev_low, prev_high = out[-1]
            merged = None if high is None or prev_high is None else max(prev_high, high)
            out[-1] = (prev_low, merged)
        else:
            out.append((low, high))
    return tuple(out)


def intersect(a: Ages, b: Ages) -> Ages:
    """The ages in both ``a`` and ``b``."""
    out: list[Span] = []
    for low_a, high_a in a:
        for low_b, high_b in b:
            low = max(low_a, low_b)
            high = high_b if high_a is None else high_a if high_b is None else min(high_a, high_b)
            if high is None or low <= high:
                out.append((low, high))
    return normalise(out)


def subtract(a: Ages, b: Iterable[Span]) -> Ages:
    """The ages in ``a`` that no span of ``b`` includes."""
    remaining = list(a)
    for low_b, high_b in normalise(b):
        nxt: list[Span] = []
        for low, high in remaining:
            if _end(high) < low_b or (high_b is not None and low > high_b):
                nxt.append((low, high))
                continue
            if low < low_b:
                nxt.append((low, low_b - 1))
            if high_b is not None and _end(high) > high_b:
                nxt.append((high_b + 1, high))
        remaining = nxt
    return normalise(remaining)


def describe(ages: Ages) -> str:
    """Plain English: ``"10 and 17–18"``, ``"5, 7 and 25+"``."""
    parts = [
        f"{low}+" if high is None else str(low) if low == high else f"{low}–{high}"
        for low, high in ages
    ]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
