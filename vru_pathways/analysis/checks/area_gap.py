"""``area-gap``: areas of a need that no covering service reaches.

A need's areas are its ``areas`` (none are checked without them). A service with no
``areas`` reaches every area of the scope; a service reaches an area and every area
``within`` it, at any depth.

Passes::

    needs: {school-exclusion: {areas: [north]}}
    services:
      mentors: {name: Mentors, tier: secondary, areas: [north], addresses: [school-exclusion]}

Fails with the need at ``areas: [north, south]``: "south uncovered".
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, listed
from ...rulebook import Rule
from ..context import Context

RULE = Rule.AREA_GAP
SUBJECT = "factor"


def uncovered(ctx: Context, factor_id: str) -> list[str]:
    """The areas of the factor's need that no covering service reaches, as listed."""
    need = ctx.need(factor_id)
    if need is None or not need.areas or not ctx.covering[factor_id]:
        return []
    missing = list(need.areas)
    covers = ctx.area_tree.covers
    for s in ctx.covering[factor_id]:  # until every area of the need is reached
        reach = ctx.reach(s)
        missing = [a for a in missing if not covers(reach, a)]
        if not missing:
            break
    return missing


def check(ctx: Context) -> Iterator[Finding]:
    for f in ctx.judged_factors:
        missing = uncovered(ctx, f)
        if missing:
            names = listed([f"{a} ({ctx.framework.areas[a].name})" for a in missing], 10)
            yield ctx.about_factor(
                RULE, f, f"{names} uncovered", location=ctx.need_location(f, "areas")
            )
