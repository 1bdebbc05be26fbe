"""Judging frameworks: every rule and the coverage of each, as one check's report.

The one place a :class:`~vru_pathways.results.CheckReport` is made from analysed
contexts, for ``gaps``, ``diff``, scenarios and the board report alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from .analysis import CHECKS
from .analysis.context import Context
from .analysis.coverage import Coverage, coverage
from .analysis.engine import merge, run
from .collector import paused
from .diagnostics import DEFAULT_MAX_FINDINGS, Finding, Severity
from .results import CheckReport


def judge(
    contexts: list[Context],
    loading: Sequence[Finding] = (),
    inputs: tuple[str, ...] = (),
    fail_under: float | None = None,
    fail_on: Severity | None = Severity.ERROR,
    command: str = "gaps",
    max_findings: int | None = DEFAULT_MAX_FINDINGS,
) -> CheckReport:
    """Every rule and the coverage of each framework, each on its context's date, with
    what loading found (``loading``) and the files it read (``inputs``)."""
    found: list[Finding] = list(loading)
    covered: list[Coverage] = []
    gates: list[str] = []
    names: dict[str, str] = {}
    for ctx in contexts:
        framework = ctx.framework
        found += run(ctx, CHECKS)
        with paused():  # as the rules: the context's tables hold no cycles
            cov = coverage(ctx)
        covered.append(cov)
        floor = fail_under if fail_under is not None else framework.policy.fail_under
        if floor is not None and cov.overall.percent < floor:
            gates.append(
                f"{cov.model}: coverage {cov.overall.percent:g}% is under the {floor:g}% required"
            )
        for f in ctx.in_scope:
            names.setdefault(f, framework.factors[f].name)
    return CheckReport(
        command,
        tuple(merge(found)),
        True,
        tuple(ctx.framework.id for ctx in contexts),
        tuple(covered),
        names,
        fail_on,
        tuple(gates),
        inputs,
        max_findings,
    )
