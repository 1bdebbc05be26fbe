"""What could close a gap about a factor: approaches from the evidence catalogue, and the
services that already give the factor a pathway in the other areas loaded with it."""

from __future__ import annotations

from ..diagnostics import Finding
from ..rulebook import Rule
from ..schema.document import IMPACTS, TIERS, Impact, Tier
from .context import Context


def factor_of(finding: Finding) -> str | None:
    """The factor a finding is about, or ``None`` when it is about something else."""
    section, _, ident = finding.entity.partition(".")
    return ident if section.endswith("_factors") else None


def approaches(ctx: Context, finding: Finding, limit: int = 4) -> list[str]:
    """IDs of up to ``limit`` approaches that address the finding's factor, best-rated
    first, never one rated harmful; for a tier gap only those offered at a missing tier,
    for an evidence gap only those rated at least ``policy.min_evidence``."""
    factor = factor_of(finding)
    if factor is None:
        return []
    tiers = _wanted_tiers(ctx, finding, factor)
    floor = IMPACTS.index(ctx.policy.min_evidence) if finding.rule == Rule.EVIDENCE_GAP else 0
    found = [
        (_rank(impact), approach.name, a)
        for a, approach in ctx.framework.approaches.items()
        if factor in approach.addresses
        and _good_enough(impact := ctx.approach_rating(a), floor)
        and (not approach.tiers or tiers & set(approach.tiers))
    ]
    return [a for _, _, a in sorted(found)[:limit]]


def _wanted_tiers(ctx: Context, finding: Finding, factor: str) -> set[Tier]:
    """The tiers a tier gap misses; any tier for every other gap."""
    if finding.rule != Rule.TIER_GAP:
        return set(TIERS)
    have = {ctx.framework.services[s].tier for s in ctx.covering[factor]}
    return set(ctx.policy.require_tiers) - have


def _good_enough(impact: Impact | None, floor: int) -> bool:
    """At or above the floor index of :data:`IMPACTS`; with no floor, anything not
    harmful (unrated included)."""
    if floor:
        return impact is not None and IMPACTS.index(impact) >= floor
    return impact != "harmful"


def _rank(impact: Impact | None) -> int:
    """Sorts the best-rated first and the unrated last."""
    return -IMPACTS.index(impact) if impact else 1


def cover_elsewhere(finding: Finding, others: list[Context]) -> list[tuple[Context, str]]:
    """(context, service ID) of every service giving the finding's factor a pathway in
    the other models, in the order they were loaded."""
    factor = factor_of(finding)
    if factor is None:
        return []
    return [
        (other, s)
        for other in others
        if factor in other.framework.factors
        for s in other.pathway_services(factor)
    ]
