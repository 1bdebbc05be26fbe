"""Gap analysis: one rule per module in ``rules/``, registered here by rule ID.

``CHECKS`` is a plain dict whose keys are the rule IDs; its order is the order the
rules run in and the order ``docs/rules.md`` lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..diagnostics import Finding
from .context import Context
from .rules import (
    age_gap,
    area_gap,
    capacity_gap,
    dead_end,
    evidence_gap,
    funding_cliff,
    harmful_approach,
    no_pathway,
    orphan_outcome,
    orphan_service,
    outcome_cycle,
    single_service,
    stage_order,
    tier_gap,
    unsupported_protective,
)

Check = Callable[[Context], Iterator[Finding]]

CHECKS: dict[str, Check] = {
    "no-pathway": no_pathway.check,
    "dead-end": dead_end.check,
    "tier-gap": tier_gap.check,
    "age-gap": age_gap.check,
    "area-gap": area_gap.check,
    "evidence-gap": evidence_gap.check,
    "harmful-approach": harmful_approach.check,
    "capacity-gap": capacity_gap.check,
    "funding-cliff": funding_cliff.check,
    "single-service": single_service.check,
    "unsupported-protective": unsupported_protective.check,
    "orphan-service": orphan_service.check,
    "orphan-outcome": orphan_outcome.check,
    "outcome-cycle": outcome_cycle.check,
    "stage-order": stage_order.check,
}

HYGIENE: tuple[str, ...] = ("orphan-service", "orphan-outcome", "outcome-cycle", "stage-order")
"""The rules ``validate`` runs: properties of the model itself, whatever the date."""

__all__ = ["CHECKS", "HYGIENE", "Check", "Context"]
