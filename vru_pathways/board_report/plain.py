"""A finding in a board member's words: what it is about by name, and what is missing,
with no IDs, rule names or places in the YAML (the appendix keeps those).

Each rule's phrase is worked out again from the model, not cut out of the finding's
message, so a change to a message's wording cannot garble the summary.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import ages
from ..analysis.areas import union
from ..analysis.context import Context
from ..charts.text import listed, long_date
from ..diagnostics import Finding
from ..rulebook import Rule


def subject(ctx: Context, finding: Finding) -> str:
    """The name of what the finding is about: a factor's or a service's, else its ID."""
    fw = ctx.framework
    section, _, ident = finding.entity.partition(".")
    ident = ident.split(".", 1)[0]
    if section.endswith("_factors") and ident in fw.factors:
        return fw.factors[ident].name
    if section == "services" and ident in fw.services:
        return fw.services[ident].name
    return ident or finding.entity or finding.rule


def _ident(finding: Finding) -> str:
    return finding.entity.partition(".")[2].split(".", 1)[0]


def _services(ctx: Context, factor: str) -> list[str]:
    return [ctx.framework.services[s].name for s in ctx.covering[factor]]


def _tier(ctx: Context, f: str) -> str:
    have = {ctx.framework.services[s].tier for s in ctx.covering[f]}
    missing = [t for t in ctx.policy.require_tiers if t not in have]
    return f"no {' or '.join(missing) or 'required-tier'} service works on it"


def _ages(ctx: Context, f: str) -> str:
    wanted = ctx.need_ages(f)
    served = [ctx.framework.services[s].ages for s in ctx.covering[f]]
    spans = [(a.low, a.high) for a in served if a is not None]
    missing = ages.subtract(wanted, spans) if wanted is not None else ()
    return f"no service reaches ages {ages.describe(missing)}" if missing else "ages unserved"


def _areas(ctx: Context, f: str) -> str:
    need = ctx.need(f)
    reached = union(ctx.reach(s) for s in ctx.covering[f])
    missing = [
        ctx.framework.areas[a].name
        for a in (need.areas or [] if need else [])
        if not ctx.area_tree.covers(reached, a)
    ]
    return f"no service reaches {listed(missing[:5])}" + (" and more" if len(missing) > 5 else "")


def _capacity(ctx: Context, f: str) -> str:
    need = ctx.need(f)
    places = sum(ctx.framework.services[s].capacity or 0 for s in ctx.covering[f])
    cohort = need.cohort if need and need.cohort else 0
    return f"{cohort:,} people a year need a service, which has {places:,} places"


def _single(ctx: Context, f: str) -> str:
    names = _services(ctx, f)
    if len(names) == 1:
        return f"everything rests on one service, {names[0]}"
    fw = ctx.framework
    provider = fw.services[ctx.covering[f][0]].provider
    who = fw.partners[provider].name if provider in fw.partners else "one provider"
    return f"every service working on it comes from {who}"


_FACTOR: dict[str, Callable[[Context, str], str]] = {
    Rule.NO_PATHWAY: lambda ctx, f: "no service works on it",
    Rule.DEAD_END: lambda ctx, f: "its services lead to no measured impact",
    Rule.TIER_GAP: _tier,
    Rule.AGE_GAP: _ages,
    Rule.AREA_GAP: _areas,
    Rule.EVIDENCE_GAP: lambda ctx, f: (
        f"no service rests on evidence rated {ctx.policy.min_evidence} or better"
    ),
    Rule.CAPACITY_GAP: _capacity,
    Rule.FUNDING_CLIFF: lambda ctx, f: (
        f"the funding of every service working on it may end by {long_date(ctx.horizon_end)}"
    ),
    Rule.SINGLE_SERVICE: _single,
    Rule.UNSUPPORTED_PROTECTIVE: lambda ctx, f: "no service builds it up",
}

_SERVICE: dict[str, str] = {
    Rule.HARMFUL_APPROACH: "its approach is rated harmful by the evidence",
    Rule.UNFUNDED_SERVICE: "its funding has ended, so it covers nothing",
    Rule.REFERRAL_TO_INACTIVE: "it refers people to a service that is not running",
    Rule.ORPHAN_SERVICE: "it works on no factor in scope",
}


def gap(ctx: Context, finding: Finding) -> str:
    """What is missing, in a few plain words."""
    ident = _ident(finding)
    phrase = _FACTOR.get(finding.rule)
    if phrase is not None and ident in ctx.framework.factors:
        return phrase(ctx, ident)
    if finding.rule in _SERVICE:
        return _SERVICE[finding.rule]
    return finding.message
