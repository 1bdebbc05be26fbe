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


def check(ctx: Context) -> Iterator[Finding]:
    for f in ctx.in_scope:
        need = ctx.need(f)
        if need is None or not need.areas or not ctx.covering[f]:
            continue
        reached: set[str] = set()
        for s in ctx.covering[f]:
            areas = ctx.service_areas(s)
            if areas is None:
                break
            reached |= areas
        else:
            missing = [a for a in need.areas if a not in reached]
            if missing:
                names = listed([f"{a} ({ctx.framework.areas[a].name})" for a in missing], 10)
                yield ctx.about_factor(
                    RULE, f, f"{names} uncovered", location=ctx.need_location(f, "areas")
                )
