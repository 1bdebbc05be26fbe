"""Where every value of a YAML document sits: positions by path, shared by loading and
the resolved framework.

A path is the chain of keys and list indexes from the document's root
(``("services", "mentors", "areas", 0)``); a point is a 1-based ``(line, column)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

Path = tuple[str | int, ...]
Point = tuple[int, int]

KEPT = 256
"""How many entities' inner positions are kept once read."""

_COLUMN_BITS = 26
"""Columns up to 64 Mi: more than one line of a file the loader reads can hold (at 24
bits, a column past 16 Mi ran into the line)."""


def pack(line: int, col: int) -> int:
    """``(line, col)`` as one int.

    >>> unpack(pack(12, 7))
    (12, 7)
    """
    return line << _COLUMN_BITS | col


def unpack(point: int) -> Point:
    return point >> _COLUMN_BITS, point & ((1 << _COLUMN_BITS) - 1)


@dataclass
class Positions:
    """Where each value (and each mapping key) starts, by path from the document root.

    The tables may stop at paths ``depth`` long; what lies deeper is then found by
    ``inner`` when first asked for, and kept: a national framework has millions of
    values, of which a run names a few thousand.
    """

    values: dict[Path, int] = field(default_factory=dict)
    keys: dict[Path, int] = field(default_factory=dict)
    """Points are packed into one int each (see :func:`pack`): a national framework has
    millions of values, and a tuple per point would cost hundreds of megabytes."""
    depth: int | None = None
    """The length of the longest paths the tables hold when ``inner`` finds the rest."""
    inner: Callable[[Path], Positions] | None = field(default=None, compare=False)
    """For a path ``depth`` long, the positions of everything inside its value, by path
    relative to it (points as in the whole document)."""
    _within: dict[Path, Positions] = field(default_factory=dict, compare=False, repr=False)

    def find(self, path: Path, *, key: bool = False) -> Point:
        """The point for ``path``, else for its deepest known ancestor."""
        point = self.lookup(path, key=key)
        return (1, 1) if point is None else unpack(point)

    def lookup(self, path: Path, *, key: bool = False) -> int | None:
        """:meth:`find`'s point, packed; ``None`` when not even the root is known."""
        depth = self.depth
        if depth is not None and len(path) > depth and self.inner is not None:
            head = path[:depth]
            point = self._inside(head).nearest(path[depth:], key=key, stop=1)
            if point is not None:
                return point
            path = head
        return self.nearest(path, key=key)

    def keys_of(self, path: Path) -> list[int]:
        """The points of the keys of the mapping at ``path`` (none if it is no mapping),
        in document order, read from inside an entity when the tables stop above them."""
        depth, size = self.depth, len(path)
        if depth is not None and size >= depth and self.inner is not None:
            inside, rest = self._inside(path[:depth]), path[depth:]
            return [p for q, p in inside.keys.items() if len(q) == len(rest) + 1 and q[:-1] == rest]
        return [p for q, p in self.keys.items() if len(q) == size + 1 and q[:-1] == path]

    def _inside(self, head: Path) -> Positions:
        """The positions inside the value at ``head`` (a path :attr:`depth` long); the
        last :data:`KEPT` entities' are kept, since a run's messages about one entity
        come together, while thousands of entities named once each are not."""
        within = self._within
        if head not in within:
            assert self.inner is not None
            if len(within) >= KEPT:
                del within[next(iter(within))]
            within[head] = self.inner(head)
        return within[head]

    def nearest(self, path: Path, *, key: bool = False, stop: int = 0) -> int | None:
        """The point of ``path`` or of its deepest ancestor in the tables, no shorter
        than ``stop``; a key's point stands in for its value's."""
        table = self.keys if key else self.values
        for cut in range(len(path), stop - 1, -1):
            point = table.get(path[:cut]) or self.keys.get(path[:cut])
            if point is not None:
                return point
        return None


def dotted(path: Sequence[str | int]) -> str:
    """A path as the user reads it.

    >>> dotted(("services", "x", "areas", 2))
    'services.x.areas[2]'
    """
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
