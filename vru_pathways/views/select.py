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
    def gap_entities(self) -> frozenset[str]:
        """Entities (``risk_factors.x``, ``services.y``) that some finding is about."""
        return frozenset(f.entity for f in run(self.ctx, CHECKS))

    def factor_has_gap(self, factor_id: str) -> bool:
        return f"{self.fw.section_of_factor(factor_id)}.{factor_id}" in self.gap_entities

    def service_has_gap(self, service_id: str) -> bool:
        return f"services.{service_id}" in self.gap_entities

    def drives_harm(self, factor_id: str) -> bool:
        """Whether the factor drives a harm ``--harm`` asks for (any, when none is asked)."""
        harms = self.options.harms
        return not harms or any(h in harms for h in self.fw.factors[factor_id].harms)

    def service_passes(self, service_id: str) -> bool:
        """Not closed, of a tier asked for, and reaching an area asked for."""
        service = self.fw.services[service_id]
        if service.status == "closed":
            return False
        if self.options.tiers and service.tier not in self.options.tiers:
            return False
        if self.options.areas:
            return any(self.ctx.reaches(service_id, a) for a in self.options.areas)
        return True

    def factors(self) -> list[str]:
        """In-scope factors driving a harm asked for (with a gap, under ``--gaps-only``)."""
        return [
            f
            for f in self.ctx.in_scope
            if self.drives_harm(f) and (not self.options.gaps_only or self.factor_has_gap(f))
        ]

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
