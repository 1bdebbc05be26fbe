"""What a box says of its gaps: one badge per finding of ``gaps`` about the entity it
draws, and the facts of the date about a service or a funding source.

A badge is there exactly when ``gaps`` reports the finding (a rule switched off in
``policy.severity`` draws none); what it says (a date, ages, areas, figures) is worked
out by the same functions the rule itself uses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .. import ages
from ..analysis.checks import age_gap, area_gap, capacity_gap, funding_cliff, tier_gap
from ..analysis.checks.referral_to_inactive import why_not_running
from ..analysis.context import Context
from ..diagnostics import listed
from ..render.diagram import Badge, Marker
from ..rulebook import Rule

RULE_MARKERS: dict[str, Marker] = {
    Rule.NO_PATHWAY: Marker.NO_PATHWAY,
    Rule.UNSUPPORTED_PROTECTIVE: Marker.UNSUPPORTED,
    Rule.DEAD_END: Marker.DEAD_END,
    Rule.FUNDING_CLIFF: Marker.FUNDING_CLIFF,
    Rule.AGE_GAP: Marker.AGE_GAP,
    Rule.AREA_GAP: Marker.AREA_GAP,
    Rule.CAPACITY_GAP: Marker.CAPACITY_GAP,
    Rule.TIER_GAP: Marker.TIER_GAP,
    Rule.EVIDENCE_GAP: Marker.EVIDENCE_GAP,
    Rule.SINGLE_SERVICE: Marker.SINGLE_SERVICE,
    Rule.HARMFUL_APPROACH: Marker.HARMFUL,
    Rule.UNFUNDED_SERVICE: Marker.UNFUNDED,
    Rule.REFERRAL_TO_INACTIVE: Marker.REFERRAL,
    Rule.ORPHAN_SERVICE: Marker.ORPHAN_SERVICE,
    Rule.ORPHAN_OUTCOME: Marker.ORPHAN_OUTCOME,
    Rule.OUTCOME_CYCLE: Marker.OUTCOME_CYCLE,
    Rule.STAGE_ORDER: Marker.STAGE_ORDER,
    Rule.DATE_ORDER: Marker.DATE_ORDER,
}
"""The badge of every gap and hygiene rule: a finding of ``gaps`` is drawn as its rule's."""


def _cliff(ctx: Context, factor_id: str) -> str:
    day = funding_cliff.cliff(ctx, factor_id)
    return f"by {day.isoformat()}" if day else ""


def _ages(ctx: Context, factor_id: str) -> str:
    return f"ages {ages.describe(age_gap.uncovered(ctx, factor_id))}"


def _areas(ctx: Context, factor_id: str) -> str:
    names = [ctx.framework.areas[a].name for a in area_gap.uncovered(ctx, factor_id)]
    return listed(names, 3)


def _capacity(ctx: Context, factor_id: str) -> str:
    short = capacity_gap.shortfall(ctx, factor_id)
    return f"{short[0]:,} need, {short[1]:,} places" if short else ""


def _tier(ctx: Context, factor_id: str) -> str:
    return "no " + " or ".join(tier_gap.missing_tiers(ctx, factor_id))


def _evidence(ctx: Context, factor_id: str) -> str:
    return f"below {ctx.policy.min_evidence}"


def _single(ctx: Context, factor_id: str) -> str:
    return "one service" if len(ctx.covering[factor_id]) == 1 else "one provider"


def _unfunded(ctx: Context, service_id: str) -> str:
    fw = ctx.framework
    ends = [e for x in fw.services[service_id].funding if (e := fw.funding[x].ends)]
    return f"since {max(ends).isoformat()}" if ends else ""


def _referral(ctx: Context, service_id: str) -> str:
    services = ctx.framework.services
    dead = [t for t in services[service_id].refers_to if why_not_running(ctx, services[t])]
    return f"{len(dead)} route{'s' if len(dead) != 1 else ''}"


DETAILS: dict[Marker, Callable[[Context, str], str]] = {
    Marker.FUNDING_CLIFF: _cliff,
    Marker.AGE_GAP: _ages,
    Marker.AREA_GAP: _areas,
    Marker.CAPACITY_GAP: _capacity,
    Marker.TIER_GAP: _tier,
    Marker.EVIDENCE_GAP: _evidence,
    Marker.SINGLE_SERVICE: _single,
    Marker.UNFUNDED: _unfunded,
    Marker.REFERRAL: _referral,
}
"""What a badge says on a box, from the entity's ID: the same figures the rule reports."""


def found(ctx: Context, rules: Iterable[str], ident: str) -> tuple[Badge, ...]:
    """The badges of the rules ``gaps`` reports about the entity ``ident``, in rule order."""
    markers = [RULE_MARKERS[r] for r in RULE_MARKERS if r in set(rules)]
    return tuple(Badge(m, DETAILS[m](ctx, ident) if m in DETAILS else "") for m in markers)


def service_state(ctx: Context, service_id: str) -> tuple[Badge, ...]:
    """Why a service covers nothing on the as-of date, or when its money may run out."""
    service = ctx.framework.services[service_id]
    why = why_not_running(ctx, service)
    if why is None:
        stops = funding_cliff.stops_by(ctx, service_id)
        return (Badge(Marker.MAY_STOP, stops.isoformat()),) if stops else ()
    if why == "unfunded":
        return (Badge(Marker.UNFUNDED, _unfunded(ctx, service_id)),)
    if why.startswith("starts "):
        return (Badge(Marker.NOT_STARTED, why),)
    if why.startswith("ended "):
        return (Badge(Marker.SERVICE_ENDED, why.removeprefix("ended ")),)
    return (Badge(Marker.NOT_ACTIVE, why),)


def funding_state(ctx: Context, funding_id: str) -> tuple[Badge, ...]:
    """A funding source that has ended, or ends within the horizon."""
    ends = ctx.framework.funding[funding_id].ends
    if ends is None or ends > ctx.horizon_end:
        return ()
    marker = Marker.FUNDING_ENDED if ends < ctx.as_of else Marker.FUNDING_ENDS
    return (Badge(marker, ends.isoformat()),)


def merged(*groups: tuple[Badge, ...]) -> tuple[Badge, ...]:
    """The badges of every group, each marker once (its first badge), in marker order."""
    first: dict[Marker, Badge] = {}
    for badge in (b for g in groups for b in g):
        first.setdefault(badge.marker, badge)
    return tuple(first[m] for m in Marker if m in first)
