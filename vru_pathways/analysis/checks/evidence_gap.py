"""``evidence-gap``: every covering service of a factor rests on weak or no evidence.

A service's evidence is its approach's ``evidence.impact``. The order is
harmful < none < insufficient < low < moderate < high; ``policy.min_evidence`` (default
``low``) is the lowest acceptable. The gap holds when every covering service is below it,
has an unrated approach, or names no approach.

Passes::

    approaches: {mentoring: {name: Mentoring, evidence: {impact: moderate}}}
    services:
      mentors: {name: Mentors, tier: secondary, approach: mentoring, addresses: [neet]}

Fails: ``mentors`` with no ``approach``, or an approach rated ``insufficient``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, listed
from ...rulebook import Rule
from ...schema.document import IMPACTS
from ..context import Context

RULE = Rule.EVIDENCE_GAP
SUBJECT = "factor"


def _label(ctx: Context, service_id: str, impact: str | None) -> str:
    if ctx.framework.services[service_id].approach is None:
        return "no approach"
    return impact or "unrated"


def check(ctx: Context) -> Iterator[Finding]:
    floor = IMPACTS.index(ctx.policy.min_evidence)
    for f in ctx.judged_factors:
        services = ctx.covering[f]
        ratings = {s: ctx.rating(s) for s in services}
        if services and all(r is None or IMPACTS.index(r) < floor for r in ratings.values()):
            detail = listed([f"{s}: {_label(ctx, s, r)}" for s, r in ratings.items()])
            yield ctx.about_factor(
                RULE,
                f,
                f"no covering service rests on evidence rated {ctx.policy.min_evidence} or "
                f"better ({detail})",
            )
