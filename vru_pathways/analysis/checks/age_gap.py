"""``age-gap``: ages a need asks for that no covering service serves.

The ages are the need's ``ages``, else the factor's, else none are checked, always
within ``scope.ages``. A service with no ``ages`` serves every age.

Passes::

    needs: {school-exclusion: {ages: "11-16"}}
    services:
      mentors: {name: Mentors, tier: secondary, ages: "11-16", addresses: [school-exclusion]}

Fails with the need at ``"10-18"``: "ages 10 and 17–18 uncovered".
"""

from __future__ import annotations

from collections.abc import Iterator

from ... import ages
from ...diagnostics import Finding
from ...rulebook import Rule
from ..context import Context

RULE = Rule.AGE_GAP
SUBJECT = "factor"


def check(ctx: Context) -> Iterator[Finding]:
    services = ctx.framework.services
    for f in ctx.judged_factors:
        wanted = ctx.need_ages(f)
        if wanted is None or not ctx.covering[f]:
            continue
        served = [services[s].ages for s in ctx.covering[f]]
        if any(a is None for a in served):
            continue
        missing = ages.subtract(wanted, [(a.low, a.high) for a in served if a is not None])
        if missing:
            yield ctx.about_factor(
                RULE,
                f,
                f"ages {ages.describe(missing)} uncovered (need: {ages.describe(wanted)})",
                location=ctx.need_location(f, "ages"),
            )
