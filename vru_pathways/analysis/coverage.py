"""Coverage figures: in-scope factors with a full pathway, out of all in scope."""

from __future__ import annotations

from dataclasses import dataclass

from ..schema.document import LEVELS, TIERS
from .areas import union
from .context import Context, PathwayStatus


@dataclass(frozen=True)
class Ratio:
    covered: int
    total: int

    @property
    def percent(self) -> float:
        return round(100.0 * self.covered / self.total, 1) if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.covered}/{self.total} ({self.percent:g}%)" if self.total else "0/0"


@dataclass(frozen=True)
class Coverage:
    model: str
    title: str
    as_of: str
    overall: Ratio
    by_tier: dict[str, Ratio]
    by_level: dict[str, Ratio]
    status: dict[str, PathwayStatus]
    """In-scope factor ID → its pathway status, in document order."""
    services: dict[str, int]
    """In-scope factor ID → how many active services give it a full pathway."""
    by_area: dict[str, Ratio]
    """Area ID → in-scope factors with a pathway through a service that reaches it."""


def coverage(ctx: Context) -> Coverage:
    """Overall, by prevention tier (a pathway through a service of that tier) and by level."""
    fw = ctx.framework
    scope = ctx.in_scope
    status = {f: ctx.status(f) for f in scope}
    full = [f for f in scope if status[f] == "pathway"]
    by_tier: dict[str, Ratio] = {
        tier: Ratio(
            sum(
                1
                for f in scope
                if any(fw.services[s].tier == tier for s in ctx.pathway_services(f))
            ),
            len(scope),
        )
        for tier in TIERS
    }
    by_level: dict[str, Ratio] = {}
    for level in LEVELS:
        at_level = [f for f in scope if fw.factors[f].level == level]
        by_level[level] = Ratio(sum(1 for f in at_level if f in full), len(at_level))
    return Coverage(
        fw.id,
        fw.title,
        ctx.as_of.isoformat(),
        Ratio(len(full), len(scope)),
        by_tier,
        by_level,
        status,
        {f: len(ctx.pathway_services(f)) for f in scope},
        _by_area(ctx),
    )


def _by_area(ctx: Context) -> dict[str, Ratio]:
    """For each area of the scope (every area when the scope names none), the in-scope
    factors with a pathway through a service that reaches that area."""
    scope = ctx.in_scope
    reached = [union(ctx.reach(s) for s in ctx.pathway_services(f)) for f in scope]
    counts = ctx.area_tree.counts(reached, ctx.scope_areas)
    return {area: Ratio(n, len(scope)) for area, n in zip(ctx.scope_areas, counts, strict=True)}
