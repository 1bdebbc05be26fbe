"""``tier-gap``: a high-priority need lacks a prevention tier the policy requires.

``policy.require_tiers`` lists the tiers (``primary``, ``secondary``, ``tertiary``) every
high-priority need must have among its covering services.

Passes (policy ``require_tiers: [secondary, tertiary]``)::

    services:
      mentors: {name: Mentors, tier: secondary, addresses: [gang-involvement]}
      navigators: {name: A&E navigators, tier: tertiary, addresses: [gang-involvement]}

Fails: only ``mentors`` — "no covering service at tier tertiary".
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding
from ...rulebook import Rule
from ..context import Context

RULE = Rule.TIER_GAP
SUBJECT = "factor"


def missing_tiers(ctx: Context, factor_id: str) -> list[str]:
    """The required tiers no covering service of a high-priority need has, in policy order."""
    required = ctx.policy.require_tiers
    need = ctx.need(factor_id)
    if not required or need is None or need.priority != "high" or not ctx.covering[factor_id]:
        return []
    have = {ctx.framework.services[s].tier for s in ctx.covering[factor_id]}
    return [t for t in required if t not in have]


def check(ctx: Context) -> Iterator[Finding]:
    required = ctx.policy.require_tiers
    services = ctx.framework.services
    for f in ctx.judged_factors:
        missing = missing_tiers(ctx, f)
        if missing:
            have = {services[s].tier for s in ctx.covering[f]}
            tiers = " and ".join(missing)
            yield ctx.about_factor(
                RULE,
                f,
                f"no covering service at tier {tiers} (policy.require_tiers); "
                f"covered at {', '.join(t for t in required if t in have) or 'no required tier'}",
            )
