"""What every gap rule needs to know about one framework on one date.

The definitions are FORMAT.md's "What counts as a gap": which factors are in scope,
which services cover them, which outcomes reach an impact outcome, and what a need asks
for. Each is computed once, lazily, from the framework's graph.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import cached_property
from typing import Literal

import networkx as nx

from .. import ages
from ..framework import Framework
from ..graph import build, node_id, related
from ..schema.document import Impact, Service
from .about import AboutFactors
from .areas import AboutAreas
from .dates import add_months
from .focus import Focus, OnDemand

PathwayStatus = Literal["pathway", "dead-end", "no-pathway"]
"""Where a factor stands: a full pathway to an impact outcome; covering services that
reach no impact outcome (a dead end); no active covering service at all."""


class Context(AboutFactors, AboutAreas):
    """One framework, analysed as of one date."""

    def __init__(
        self,
        framework: Framework,
        as_of: dt.date | None = None,
        like: Context | None = None,
        focus: Focus | None = None,
        changed: frozenset[str] | None = None,
    ) -> None:
        """``like``, when given, is the context of a framework with the same entities,
        references and scope (a scenario's copy of this one, another month): what depends
        on those alone — the graph, the outcome chain, the area tree, the factors in scope,
        each service's evidence, reach and route to impact — is taken from it instead of
        being worked out again. When the date is ``like``'s too and ``changed`` names the
        services whose entries differ from ``like``'s, what the others are on that date
        (live or not, at risk or not) is taken from it as well. ``focus``, when given,
        limits what the rules judge (see :class:`Focus`)."""
        self.framework = framework
        self.as_of = framework.as_of(as_of)
        self.policy = framework.policy
        self.scope = framework.scope
        self.focus = focus
        self._like = like
        self._changed = changed
        if like is not None:
            self.graph = like.graph
            self.outcome_chain = like.outcome_chain
            self.impact_reaching = like.impact_reaching
            self.area_tree = like.area_tree
            self.in_scope = like.in_scope
            self._order = like._order
            self.addressing = like.addressing
            self._reach = like._reach
            self._impact = like._impact
            self._rating = like._rating

    def _same_day(self, service_id: str) -> Context | None:
        """``like``, when it knows what this service is on this date."""
        like, changed = self._like, self._changed
        if like is None or changed is None or like.as_of != self.as_of:
            return None
        return None if service_id in changed else like

    @cached_property
    def judged_factors(self) -> tuple[str, ...]:
        """The in-scope factors the rules judge: all of them, or the focus's."""
        if self.focus is None:
            return self.in_scope
        return tuple(f for f in self.in_scope if f in self.focus.factors)

    @cached_property
    def judged_services(self) -> tuple[str, ...]:
        """The services the rules judge: all of them, or the focus's, in document order."""
        if self.focus is None:
            return tuple(self.framework.services)
        return tuple(sorted(self.focus.services, key=self._order.__getitem__))

    @cached_property
    def _order(self) -> dict[str, int]:
        return {s: n for n, s in enumerate(self.framework.services)}

    @cached_property
    def graph(self) -> nx.DiGraph:
        return build(self.framework)

    @cached_property
    def horizon_end(self) -> dt.date:
        return add_months(self.as_of, self.policy.horizon)

    # --- scope ---------------------------------------------------------------------------

    @cached_property
    def in_scope(self) -> tuple[str, ...]:
        """In-scope factor IDs, in document order."""
        harms = self.scope.harms
        fw = self.framework
        return tuple(
            f
            for f, factor in fw.factors.items()
            if f in fw.needs or harms is None or any(h in harms for h in factor.harms)
        )

    def is_active(self, service: Service) -> bool:
        """Status ``active`` and running on the as-of date (not before ``starts``, not
        after ``ends``)."""
        if service.status != "active":
            return False
        if service.starts and service.starts > self.as_of:
            return False
        return not (service.ends and service.ends < self.as_of)

    def is_unfunded(self, service: Service) -> bool:
        """Lists funding, every source of which ended before the as-of date: the money is
        gone, so the service covers nothing (1.1)."""
        ended = self._ended
        return bool(service.funding) and all(ended[x] for x in service.funding)

    @cached_property
    def _ended(self) -> dict[str, bool]:
        """Funding ID → whether it ended before the as-of date."""
        as_of = self.as_of
        return {
            x: (end := source.ends) is not None and end < as_of
            for x, source in self.framework.funding.items()
        }

    def is_live(self, service: Service) -> bool:
        """Active on the as-of date and not unfunded: a service that covers what it
        addresses."""
        return self.is_active(service) and not self.is_unfunded(service)

    # --- coverage ------------------------------------------------------------------------

    @cached_property
    def addressing(self) -> Mapping[str, tuple[str, ...]]:
        """Factor ID → IDs of every service whose ``addresses`` names it, in document
        order, whatever its status: what the graph's ``addresses`` edges say."""

        def named(factor: str) -> tuple[str, ...]:
            node = node_id("factor", factor)
            return tuple(related(self.graph, node, "addresses", "service", incoming=True))

        return OnDemand(named)

    @cached_property
    def covering(self) -> Mapping[str, tuple[str, ...]]:
        """Factor ID → IDs of the live services (:meth:`is_live`) that address it, in
        document order; each factor's worked out when first asked for."""

        def covered(factor: str) -> tuple[str, ...]:
            return tuple(s for s in self.addressing[factor] if self.live(s))

        return OnDemand(covered)

    def live(self, service_id: str) -> bool:
        """:meth:`is_live` of the service with this ID, worked out once."""
        if service_id not in self._live:
            same = self._same_day(service_id)
            self._live[service_id] = (
                same.live(service_id)
                if same is not None
                else self.is_live(self.framework.services[service_id])
            )
        return self._live[service_id]

    @cached_property
    def _live(self) -> dict[str, bool]:
        return {}

    def at_risk(
        self, service_id: str, work: Callable[[Context, str], list[str] | None]
    ) -> list[str] | None:
        """What ``work`` (the ``funding-cliff`` rule's test) says of the service on this
        date, worked out once."""
        if service_id not in self._risk:
            same = self._same_day(service_id)
            self._risk[service_id] = (
                same.at_risk(service_id, work) if same is not None else work(self, service_id)
            )
        return self._risk[service_id]

    @cached_property
    def _risk(self) -> dict[str, list[str] | None]:
        return {}

    @cached_property
    def outcome_chain(self) -> nx.DiGraph:
        """The outcomes and their ``leads_to`` links alone, nodes named by outcome ID."""
        graph = self.graph
        nodes = graph.nodes
        out = nx.DiGraph()
        out.add_edges_from(  # leads_to edges start at outcomes: only theirs are read
            (o, nodes[v]["id"], {"rel": "leads_to"})
            for o in self.framework.outcomes
            for v, edge in graph.succ[node_id("outcome", o)].items()
            if edge["rel"] == "leads_to"
        )
        out.add_nodes_from(o for o in self.framework.outcomes if o not in out)
        return out

    @cached_property
    def impact_reaching(self) -> frozenset[str]:
        """Outcome IDs from which ``leads_to`` reaches an impact outcome (impact included)."""
        outcomes = self.framework.outcomes
        impact = [o for o, outcome in outcomes.items() if outcome.stage == "impact"]
        reach: set[str] = set(impact)
        for o in impact:
            reach |= nx.ancestors(self.outcome_chain, o)
        return frozenset(reach)

    def reaches_impact(self, service_id: str) -> bool:
        if service_id not in self._impact:
            outcomes = self.framework.services[service_id].outcomes
            self._impact[service_id] = any(o in self.impact_reaching for o in outcomes)
        return self._impact[service_id]

    @cached_property
    def _impact(self) -> dict[str, bool]:
        return {}

    @cached_property
    def _pathways(self) -> Mapping[str, tuple[str, ...]]:
        def reaching(factor: str) -> tuple[str, ...]:
            return tuple(s for s in self.covering[factor] if self.reaches_impact(s))

        return OnDemand(reaching)

    def pathway_services(self, factor_id: str) -> tuple[str, ...]:
        """Covering services that complete an intervention pathway for the factor."""
        return self._pathways[factor_id]

    def status(self, factor_id: str) -> PathwayStatus:
        """The factor's pathway status, the one word every check, view and report uses."""
        if self.pathway_services(factor_id):
            return "pathway"
        return "dead-end" if self.covering[factor_id] else "no-pathway"

    # --- evidence ------------------------------------------------------------------------

    def rating(self, service_id: str) -> Impact | None:
        """The evidence behind a service: its approach's rating, or ``None`` when it
        names no approach."""
        if service_id not in self._rating:
            approach = self.framework.services[service_id].approach
            self._rating[service_id] = None if approach is None else self.approach_rating(approach)
        return self._rating[service_id]

    @cached_property
    def _rating(self) -> dict[str, Impact | None]:
        return {}

    def approach_rating(self, approach_id: str) -> Impact | None:
        """An approach's ``evidence.impact``, or ``None`` when it is unrated."""
        evidence = self.framework.approaches[approach_id].evidence
        return evidence.impact if evidence else None

    # --- what a need asks for ------------------------------------------------------------

    def need_ages(self, factor_id: str) -> ages.Ages | None:
        need = self.need(factor_id)
        if need is None:
            return None
        wanted = need.ages or self.framework.factors[factor_id].ages
        if wanted is None:
            return None
        span = wanted.span()
        return ages.intersect(span, self.scope.ages.span()) if self.scope.ages else span
