"""``stage-order``: ``leads_to`` pointing to an outcome at an earlier stage (hygiene).

Stages run short → medium → long → impact; an outcome leads to the same or a later one.

Fails::

    outcomes:
      fewer-admissions: {name: Fewer admissions, stage: impact, leads_to: [better-attendance]}
      better-attendance: {name: Better attendance, stage: short}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Severity
from ...rulebook import Rule
from ...schema.document import STAGES
from ..context import Context

RULE = Rule.STAGE_ORDER
SUBJECT = "model"


def check(ctx: Context) -> Iterator[Finding]:
    fw = ctx.framework
    outcomes = fw.outcomes
    for o, outcome in outcomes.items():
        for index, target in enumerate(outcome.leads_to):
            later = outcomes[target].stage
            if STAGES.index(later) < STAGES.index(outcome.stage):
                yield Finding(
                    fw.where("outcomes", o, "leads_to", index),
                    RULE,
                    f"outcome '{o}' ({outcome.stage}) leads to '{target}', which is at the "
                    f"earlier stage {later}",
                    Severity.WARNING,
                    f"outcomes.{o}",
                    related=(fw.where("outcomes", target),),
                )
