"""``dead-end``: a factor has covering services, but none leads to an impact outcome.

An intervention pathway runs factor → covering service → an outcome the service
contributes to → (``leads_to``, zero or more steps) → an outcome of stage ``impact``.
Without the last link the plan cannot say how the service reduces serious violence.

Passes::

    outcomes:
      fewer-exclusions: {name: Fewer exclusions, stage: medium, leads_to: [fewer-admissions]}
      fewer-admissions: {name: Fewer admissions, stage: impact}
    services:
      mentors: {name: Mentors, tier: secondary, addresses: [school-exclusion],
                outcomes: [fewer-exclusions]}

Fails: ``mentors`` with no ``outcomes``, or ``fewer-exclusions`` with no ``leads_to``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, listed
from ...rulebook import Rule
from ..about import MAX_RELATED
from ..context import Context

RULE = Rule.DEAD_END
SUBJECT = "factor"


def check(ctx: Context) -> Iterator[Finding]:
    fw = ctx.framework
    for f in ctx.judged_factors:
        if ctx.status(f) == "dead-end":
            services = ctx.covering[f]
            names = listed(services)
            yield ctx.about_factor(
                RULE,
                f,
                f"its covering services ({names}) reach no impact outcome; link their "
                "outcomes to one through leads_to",
                related=tuple(fw.where("services", s) for s in services[:MAX_RELATED]),
            )
