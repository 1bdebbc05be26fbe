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


def uncovered(ctx: Context, factor_id: str) -> ages.Ages:
    """The ages of the factor's need that no covering service serves (none: ``()``)."""
    wanted = ctx.need_ages(factor_id)
    if wanted is None or not ctx.covering[factor_id]:
        return ()
    served = [ctx.framework.services[s].ages for s in ctx.covering[factor_id]]
    if any(a is None for a in served):
        return ()
    return ages.subtract(wanted, [(a.low, a.high) for a in served if a is not None])


def check(ctx: Context) -> Iterator[Finding]:
    for f in ctx.judged_factors:
        missing = uncovered(ctx, f)
        if missing:
            wanted = ctx.need_ages(f) or ()
            yield ctx.about_factor(
                RULE,
                f,
                f"ages {ages.describe(missing)} uncovered (need: {ages.describe(wanted)})",
                location=ctx.need_location(f, "ages"),
            )
