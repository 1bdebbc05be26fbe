"""Findings about a factor: the severity its need gives them, the owner they go to and
the place in the documents they point at."""

from __future__ import annotations

from ..diagnostics import Finding, Location, Severity
from ..framework import Framework
from ..schema.document import Need, Scope

MAX_RELATED = 20
"""Related places a finding names at most: a factor covered by a thousand services
points at the first twenty, not all of them."""

_PRIORITY_SEVERITY = {"high": Severity.ERROR, "medium": Severity.WARNING, "low": Severity.INFO}


class AboutFactors:
    """What :class:`~.context.Context` knows of findings about factors."""

    framework: Framework
    scope: Scope

    def need(self, factor_id: str) -> Need | None:
        return self.framework.needs.get(factor_id)

    def severity(self, factor_id: str) -> Severity:
        """A need's priority sets the severity; a factor with no need is a warning."""
        need = self.need(factor_id)
        if need is None or need.priority is None:
            return Severity.WARNING
        return _PRIORITY_SEVERITY[need.priority]

    def factor_location(self, factor_id: str) -> Location:
        """Where a finding about a factor points: its need, else what brought it in scope."""
        fw = self.framework
        if factor_id in fw.needs:
            return fw.where("needs", factor_id)
        harms = self.scope.harms or []
        factor_harms = fw.factors[factor_id].harms
        for index, harm in enumerate(harms):
            if harm in factor_harms:
                return fw.root.at("scope", "harms", index)
        return fw.where_factor(factor_id)

    def need_location(self, factor_id: str, field: str) -> Location:
        if field in self.framework.needs[factor_id].model_fields_set:
            return self.framework.where("needs", factor_id, field)
        return self.framework.where("needs", factor_id)

    def about_factor(
        self,
        rule: str,
        factor_id: str,
        message: str,
        location: Location | None = None,
        related: tuple[Location, ...] = (),
    ) -> Finding:
        """A finding about a factor, with the severity and board its need gives it."""
        need = self.need(factor_id)
        kind = self.framework.factor_kind[factor_id]
        name = self.framework.factors[factor_id].name
        where = self.framework.where_factor(factor_id)
        return Finding(
            location or self.factor_location(factor_id),
            rule,
            f"{kind} factor '{factor_id}' ({name}): {message}",
            self.severity(factor_id),
            f"{self.framework.section_of_factor(factor_id)}.{factor_id}",
            need.owner if need else None,
            tuple(dict.fromkeys((*related[:MAX_RELATED], where))),
        )
