"""Which factors, services and outcomes a view shows under the filters."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

import networkx as nx

from ..analysis import CHECKS
from ..analysis.context import Context
from ..analysis.engine import run
from . import Options


class Selection:
    """One framework under one set of view options; each method answers one question."""

    def __init__(self, ctx: Context, options: Options) -> None:
        self.ctx = ctx
        self.fw = ctx.framework
        self.options = options

    @cached_property
    def findings(self) -> dict[str, frozenset[str]]:
        """Entity (``risk_factors.x``, ``services.y``) → the rules of the findings about it:
        what ``gaps`` reports, ``policy.severity`` applied."""
        rules: dict[str, set[str]] = {}
        for finding in run(self.ctx, CHECKS):
            rules.setdefault(finding.entity, set()).add(finding.rule)
        return {entity: frozenset(found) for entity, found in rules.items()}

    def rules_about(self, entity: str) -> frozenset[str]:
        return self.findings.get(entity, frozenset())

    def factor_has_gap(self, factor_id: str) -> bool:
        return f"{self.fw.section_of_factor(factor_id)}.{factor_id}" in self.findings

    def service_has_gap(self, service_id: str) -> bool:
        return f"services.{service_id}" in self.findings

    def owner(self, factor_id: str) -> str | None:
        """The board that owns the factor's need, if it has one."""
        need = self.ctx.need(factor_id)
        return need.owner if need else None

    def drives_harm(self, factor_id: str) -> bool:
        """Whether the factor drives a harm ``--harm`` asks for (any, when none is asked)."""
        harms = self.options.harms
        return not harms or any(h in harms for h in self.fw.factors[factor_id].harms)

    def service_passes(self, service_id: str) -> bool:
        """Not closed, one of the services asked for, of a tier asked for, and reaching
        an area asked for."""
        service = self.fw.services[service_id]
        if service.status == "closed":
            return False
        if self.options.services and service_id not in self.options.services:
            return False
        if self.options.tiers and service.tier not in self.options.tiers:
            return False
        if self.options.areas:
            return any(self.ctx.reaches(service_id, a) for a in self.options.areas)
        return True

    @property
    def factors_filtered(self) -> bool:
        """Whether the options narrow the factors (and so the services working on them)."""
        options = self.options
        return bool(options.harms or options.levels or options.boards or options.factors)

    def factor_wanted(self, factor_id: str) -> bool:
        """Driving a harm asked for, at a level asked for, owned by a board asked for (the
        empty board: no owner), and one of the factors asked for."""
        options = self.options
        if options.factors and factor_id not in options.factors:
            return False
        if options.levels and self.fw.factors[factor_id].level not in options.levels:
            return False
        if options.boards and (self.owner(factor_id) or "") not in options.boards:
            return False
        return self.drives_harm(factor_id)

    def factor_passes(self, factor_id: str) -> bool:
        """:meth:`factor_wanted` and, under ``--gaps-only``, with a finding."""
        return self.factor_wanted(factor_id) and (
            not self.options.gaps_only or self.factor_has_gap(factor_id)
        )

    def factors(self) -> list[str]:
        """The in-scope factors that pass the filters, in document order."""
        return [f for f in self.ctx.in_scope if self.factor_passes(f)]

    def shown_services(self, factors: Iterable[str]) -> list[str]:
        """Active covering services of the factors, and any not-closed harmful service."""
        wanted = set(factors)
        return [
            s
            for s in self.fw.services
            if self.service_passes(s) and (self._covers(s, wanted) or self._harmful_here(s, wanted))
        ]

    def _covers(self, service_id: str, factors: set[str]) -> bool:
        service = self.fw.services[service_id]
        return self.ctx.is_live(service) and any(f in factors for f in service.addresses)

    def _harmful_here(self, service_id: str, factors: set[str]) -> bool:
        """A harmful service is shown with the factors it addresses, or always if none."""
        addresses = self.fw.services[service_id].addresses
        return self.ctx.rating(service_id) == "harmful" and (
            not addresses or any(f in factors for f in addresses)
        )

    def outcomes_from(self, services: Iterable[str]) -> list[str]:
        """Outcomes the services contribute to, and every outcome they lead to."""
        start = {o for s in services for o in self.fw.services[s].outcomes}
        chain = self.ctx.outcome_chain
        reached = start.union(*(nx.descendants(chain, o) for o in start))
        return [o for o in self.fw.outcomes if o in reached]
