"""Scenarios and funding, judged: what a change would do to a model, and which funding
sources matter most.

Each scenario is judged on a copy of the resolved framework that shares the unchanged
one's graph and every fact the change leaves alone, so forty funding sources are forty
small judgements, not forty loads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .analysis import CHECKS
from .analysis.context import Context
from .analysis.coverage import Ratio
from .analysis.engine import run
from .analysis.focus import Focus
from .analysis.scenarios import Change, apply, check_ids, touched
from .changes import compare, keyed
from .diagnostics import Finding, InputError, suggest
from .framework import Framework
from .judgement import judge
from .results import CheckReport, FundingRisk, ScenarioChanges

ALL = "all"
"""``--scenario all``: every scenario of each model."""


def asked(
    frameworks: Sequence[Framework], scenario: str | None, adhoc: Change | None
) -> dict[str, list[Change]]:
    """Each model's changes to judge: its named scenarios asked for, each with the
    command line's changes added; or the command line's alone."""
    _check_named(frameworks, scenario)
    out: dict[str, list[Change]] = {}
    for fw in frameworks:
        if scenario is None:
            changes = [adhoc] if adhoc is not None else []
        else:
            changes = [
                _with(Change.of(ident, s), adhoc)
                for ident, s in fw.scenarios.items()
                if scenario == ALL or ident == scenario
            ]
        for change in changes:
            check_ids(fw, change)
        out[fw.id] = changes
    return out


def _check_named(frameworks: Sequence[Framework], scenario: str | None) -> None:
    """A named scenario that no model has is an error, with the likeliest one meant."""
    named = {s for fw in frameworks for s in fw.scenarios}
    if scenario is None or scenario == ALL or scenario in named:
        return
    hint = suggest(scenario, named)
    have = ", ".join(sorted(named)) or "none"
    text = f"--scenario {scenario}: no model loaded has a scenario of that ID (they have: {have})"
    raise InputError(f"{text} — did you mean '{hint}'?" if hint else text)


def _with(change: Change, adhoc: Change | None) -> Change:
    """A named scenario with the command line's changes added to it."""
    if adhoc is None:
        return change
    return Change(
        change.id,
        change.name,
        change.as_of or adhoc.as_of,
        (*change.end_funding, *adhoc.end_funding),
        (*change.close, *adhoc.close),
        (*change.start, *adhoc.start),
        {**change.capacity, **adhoc.capacity},
    )


def _report(ctx: Context) -> CheckReport:
    return judge([ctx], fail_on=None, command="whatif")


def judged(framework: Framework, change: Change, as_of: dt.date | None) -> ScenarioChanges:
    """The scenario against the unchanged model, both judged on the scenario's date, so
    that what differs is what the scenario does, not what the calendar does."""
    date = change.as_of or framework.as_of(as_of)
    base = Context(framework, date)
    after = Context(apply(framework, change, date), date, base, changed=touched(framework, change))
    changes = compare(
        _report(base),
        _report(after),
        [framework],
        [after.framework],
        f"{framework.id} as of {date.isoformat()}",
        f"{framework.id}: {change.name}",
    )
    return ScenarioChanges(framework.id, change.id, change.name, date, date, changes, change.empty)


def rank_funding(framework: Framework, as_of: dt.date | None) -> list[FundingRisk]:
    """Every funding source of the framework, by what its ending alone (the day before
    the as-of date) would do: factors losing their pathway first, then findings opened,
    coverage lost and the amount. Each is judged only where it can change anything: the
    services that list it, the factors they address, the services that refer to them."""
    base = Context(framework, as_of)
    judged = _Judged(base, _report(base))
    out = [judged.risk(x) for x in framework.funding]
    return sorted(
        out,
        key=lambda r: (-len(r.losing), -r.opened, -r.coverage_lost, -(r.amount or 0), r.funding),
    )


class _Judged:
    """The unchanged model, judged once, and each funding source's ending against it."""

    def __init__(self, base: Context, before: CheckReport) -> None:
        self.base = base
        self.fw = base.framework
        self.coverage = before.coverage[0]
        self.by_entity: dict[str, list[Finding]] = {}
        for f in before.findings:
            self.by_entity.setdefault(f.entity, []).append(f)
        self.funded_by: dict[str, list[str]] = {}
        self.referred_by: dict[str, list[str]] = {}
        for s, service in self.fw.services.items():
            for x in service.funding:
                self.funded_by.setdefault(x, []).append(s)
            for t in service.refers_to:
                self.referred_by.setdefault(t, []).append(s)

    def focus(self, services: list[str]) -> Focus:
        """What ending the funding of ``services`` can touch: them, the services that
        refer to them, and the factors they address."""
        referrers = {r for s in services for r in self.referred_by.get(s, ())}
        factors = {f for s in services for f in self.fw.services[s].addresses}
        return Focus(frozenset(factors), frozenset(services) | referrers)

    def risk(self, x: str) -> FundingRisk:
        fw, funding = self.fw, self.fw.funding[x]
        services = self.funded_by.get(x, [])
        losing, opened, gained = self._effect(x, services) if services else ([], 0, 0)
        overall = self.coverage.overall
        now = Ratio(overall.covered - len(losing) + gained, overall.total)
        return FundingRisk(
            fw.id,
            x,
            funding.name,
            funding.funder,
            funding.amount,
            funding.ends,
            tuple(services),
            tuple(losing),
            opened,
            round(overall.percent - now.percent, 1),
        )

    def _effect(self, x: str, services: list[str]) -> tuple[list[str], int, int]:
        """Ending ``x``: the factors losing their pathway, findings opened, factors gaining."""
        ended = apply(self.fw, Change(x, x, end_funding=(x,)), self.base.as_of)
        after = Context(
            ended, self.base.as_of, self.base, self.focus(services), frozenset(services)
        )
        found = keyed(sorted(run(after, CHECKS)))
        known = keyed([f for e in self._entities(after) for f in self.by_entity.get(e, [])])
        was = self.coverage.status
        now = {f: after.status(f) == "pathway" for f in after.judged_factors}
        losing = [f for f, has in now.items() if was[f] == "pathway" and not has]
        gained = sum(1 for f, has in now.items() if was[f] != "pathway" and has)
        return losing, sum(1 for k in found if k not in known), gained

    def _entities(self, ctx: Context) -> list[str]:
        fw = self.fw
        return [f"{fw.section_of_factor(f)}.{f}" for f in ctx.judged_factors] + [
            f"services.{s}" for s in ctx.judged_services
        ]
