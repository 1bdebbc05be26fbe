"""Gap analysis: one rule per module in ``checks/``, registered here by rule ID.

``CHECKS`` is a plain dict whose keys are the rule IDs; its order is the order the
rules run in and the order ``docs/rules.md`` lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..diagnostics import Finding
from ..rulebook import RULES
from .checks import (
    age_gap,
    area_gap,
    capacity_gap,
    date_order,
    dead_end,
    evidence_gap,
    funding_cliff,
    harmful_approach,
    no_pathway,
    orphan_outcome,
    orphan_service,
    outcome_cycle,
    referral_to_inactive,
    single_service,
    stage_order,
    tier_gap,
    unfunded_service,
    unsupported_protective,
)
from .context import Context

Check = Callable[[Context], Iterator[Finding]]

MODULES = (
    no_pathway,
    dead_end,
    tier_gap,
    age_gap,
    area_gap,
    evidence_gap,
    harmful_approach,
    capacity_gap,
    funding_cliff,
    single_service,
    unsupported_protective,
    unfunded_service,
    referral_to_inactive,
    orphan_service,
    orphan_outcome,
    outcome_cycle,
    stage_order,
    date_order,
)
"""Every rule's module, in the order the rules run and the docs list them."""

CHECKS: dict[str, Check] = {module.RULE: module.check for module in MODULES}

SUBJECTS: dict[str, str] = {module.RULE: module.SUBJECT for module in MODULES}
"""What each rule judges: ``factor`` (an in-scope factor), ``service``, or ``model``
(outcomes and dates, which no scenario changes)."""

HYGIENE: tuple[str, ...] = tuple(r for r in CHECKS if RULES[r].kind == "hygiene")
"""The rules ``validate`` runs: properties of the model itself, whatever the date."""

__all__ = ["CHECKS", "HYGIENE", "Check", "Context"]
