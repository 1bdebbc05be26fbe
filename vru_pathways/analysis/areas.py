"""Which areas a service reaches, in time linear in the areas and what the services list.

Areas nest (``within``): a service reaches the areas it lists and every area within them,
at any depth. Numbering the areas in the order a walk down the tree meets them makes
"every area within ``a``" a run of consecutive numbers, so what a service reaches is a
few runs, whatever the depth, and a thousand services listing a region of sixteen
thousand nested areas cost a thousand runs, not sixteen million set entries.

Areas that nest in a loop (``a`` within ``b`` within ``a``) are each within every other
member of the loop; they are numbered as one run.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import networkx as nx

from ..framework import Framework
from ..schema.document import Area, Scope

Run = tuple[int, int]
"""Numbers ``start`` up to, not including, ``end``."""


def _merged(runs: Iterable[Run]) -> tuple[Run, ...]:
    out: list[Run] = []
    last = -1
    for start, end in sorted(runs):
        if start <= last:
            if end > last:
                out[-1] = (out[-1][0], end)
                last = end
        else:
            out.append((start, end))
            last = end
    return tuple(out)


@dataclass(frozen=True)
class Reach:
    """The areas something reaches, as runs of area numbers; ``everywhere`` for all."""

    runs: tuple[Run, ...] = ()
    everywhere: bool = False

    def __or__(self, other: Reach) -> Reach:
        return union((self, other))


def union(reaches: Iterable[Reach]) -> Reach:
    """The areas any of ``reaches`` reaches, merged in one sort however many there are."""
    runs: list[Run] = []
    seen: set[int] = set()  # services listing the same areas share one reach
    for reach in reaches:
        if reach.everywhere:
            return EVERYWHERE
        if id(reach) not in seen:
            seen.add(id(reach))
            runs += reach.runs
    return Reach(_merged(runs))


EVERYWHERE = Reach(everywhere=True)


class AreaTree:
    """The areas numbered so that each one's areas within form one run.

    >>> from vru_pathways.schema.document import Area
    >>> tree = AreaTree({"r": Area(name="R"), "n": Area(name="N", within="r"),
    ...                  "s": Area(name="S", within="r")})
    >>> reach = tree.reach(["n"])
    >>> [a for a in ("r", "n", "s") if tree.covers(reach, a)]
    ['n']
    >>> [a for a in ("r", "n", "s") if tree.covers(tree.reach(["r"]), a)]
    ['r', 'n', 's']
    """

    def __init__(self, areas: Mapping[str, Area]) -> None:
        knots = self._knots(areas)
        self.number: dict[str, int] = {}
        self.end: dict[str, int] = {}
        children: dict[str, list[str]] = {knot: [] for knot in dict.fromkeys(knots.values())}
        for a, area in areas.items():
            parent = (
                knots[area.within] if area.within is not None and area.within in areas else None
            )
            if parent is not None and parent != knots[a]:
                children[parent].append(knots[a])
        inner = {child for c in children.values() for child in c}
        roots = [k for k in children if k not in inner]
        self._walk(roots, children)
        for a in areas:
            self.number[a], self.end[a] = self.number[knots[a]], self.end[knots[a]]

    @staticmethod
    def _knots(areas: Mapping[str, Area]) -> dict[str, str]:
        """Each area's knot: itself, or the first area (in document order) of the loop of
        ``within`` it is part of."""
        links = nx.DiGraph((a, area.within) for a, area in areas.items() if area.within in areas)
        knots = {a: a for a in areas}
        for loop in nx.strongly_connected_components(links):
            if len(loop) > 1:
                first = next(a for a in areas if a in loop)
                knots.update({a: first for a in loop})
        return knots

    def _walk(self, roots: Sequence[str], children: Mapping[str, list[str]]) -> None:
        counter = 0
        stack: list[tuple[str, bool]] = [(r, False) for r in reversed(roots)]
        while stack:
            node, done = stack.pop()
            if done:
                self.end[node] = counter
                continue
            self.number[node] = counter
            counter += 1
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(children[node]))

    def reach(self, listed: Iterable[str]) -> Reach:
        """The areas listed and every area within them."""
        return Reach(_merged((self.number[a], self.end[a]) for a in listed if a in self.number))

    def covers(self, reach: Reach, area: str) -> bool:
        if reach.everywhere:
            return True
        if area not in self.number:
            return False
        index = bisect_right(reach.runs, (self.number[area], float("inf"))) - 1
        return index >= 0 and reach.runs[index][1] > self.number[area]

    def counts(self, reaches: Iterable[Reach], areas: Sequence[str]) -> list[int]:
        """For each of ``areas``, how many of ``reaches`` cover it: one pass over the runs
        and one over the areas."""
        size = len(self.number) + 1
        delta = [0] * (size + 1)
        everywhere = 0
        for reach in reaches:
            if reach.everywhere:
                everywhere += 1
                continue
            for start, end in reach.runs:
                delta[start] += 1
                delta[end] -= 1
        running, at = 0, []
        for value in delta:
            running += value
            at.append(running)
        return [everywhere + (at[self.number[a]] if a in self.number else 0) for a in areas]


class AboutAreas:
    """What :class:`~.context.Context` knows of the areas services reach."""

    framework: Framework
    scope: Scope

    @cached_property
    def area_tree(self) -> AreaTree:
        return AreaTree(self.framework.areas)

    @cached_property
    def scope_areas(self) -> tuple[str, ...]:
        """The scope's areas and every area within them, in document order; every area
        when the scope names none."""
        listed = self.scope.areas
        if not listed:
            return tuple(self.framework.areas)
        within = self.area_tree.reach(listed)
        return tuple(a for a in self.framework.areas if self.area_tree.covers(within, a))

    def reach(self, service_id: str) -> Reach:
        """The areas a service reaches: those it lists (else the scope's) and every area
        within them; everywhere when neither lists any."""
        known = self._service_reach.get(service_id)
        if known is not None:
            return known
        listed = tuple(self.framework.services[service_id].areas or self.scope.areas or ())
        if listed not in self._reach:
            self._reach[listed] = self.area_tree.reach(listed) if listed else EVERYWHERE
        self._service_reach[service_id] = reach = self._reach[listed]
        return reach

    @cached_property
    def _service_reach(self) -> dict[str, Reach]:
        return {}

    def reaches(self, service_id: str, area: str) -> bool:
        return self.area_tree.covers(self.reach(service_id), area)

    @cached_property
    def _reach(self) -> dict[tuple[str, ...], Reach]:
        return {}
