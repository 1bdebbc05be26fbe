"""The checks' registry and the rulebook name the same rules."""

from __future__ import annotations

from vru_pathways.analysis import CHECKS
from vru_pathways.rulebook import RULES


def test_every_finding_rule_has_a_check_and_every_check_a_rule() -> None:
    assert set(CHECKS) == {r.id for r in RULES.values() if r.kind != "input"}
