"""What the gap-analysis report says, worked out once for every output format.

The report is written for a partnership board: summary figures, coverage matrices, the
gaps grouped by the board that owns them with what could close each one, the diagrams,
funding end dates and the evidence behind it all. Several models give the hub's
comparison across its areas.
"""

from __future__ import annotations

import datetime as dt

from .. import ages
from ..analysis import CHECKS
from ..analysis.context import Context, PathwayStatus
from ..analysis.coverage import Coverage, coverage
from ..analysis.engine import run
from ..diagnostics import Finding, Severity
from ..framework import Framework
from ..rulebook import Rule
from ..schema.document import IMPACTS, TIERS, Source
from ..views import Options, ViewError
from ..views.build import build as build_view
from .model import BoardGroup, BoardReport, FundingRow, GapItem, Matrix, Section

STATUS_MARK: dict[PathwayStatus, str] = {"pathway": "✓", "dead-end": "⊘", "no-pathway": "✕"}
BANDS: tuple[tuple[int, int | None], ...] = (
    (0, 9),
    (10, 13),
    (14, 17),
    (18, 21),
    (22, 25),
    (26, None),
)


def _label(ctx: Context, factor: str) -> str:
    return f"{ctx.framework.factors[factor].name} ({factor})"


def _pct(covered: int, total: int) -> str:
    return f"{covered} of {total} ({round(100 * covered / total):d}%)" if total else "none"


def figures(ctx: Context, cov: Coverage, findings: list[Finding]) -> list[tuple[str, str]]:
    fw = ctx.framework
    count = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    active = [s for s, service in fw.services.items() if ctx.is_active(service)]
    ending = {
        x
        for s in active
        for x in fw.services[s].funding
        if (end := fw.funding[x].ends) is not None and end <= ctx.horizon_end
    }
    return [
        ("In-scope factors", str(len(ctx.in_scope))),
        ("With a full pathway", _pct(cov.overall.covered, cov.overall.total)),
        ("Gaps: errors", str(count[Severity.ERROR])),
        ("Gaps: warnings", str(count[Severity.WARNING])),
        ("Gaps: for information", str(count[Severity.INFO])),
        ("Active services", f"{len(active)} of {len(fw.services)}"),
        (f"Funding ending by {ctx.horizon_end.isoformat()}", str(len(ending))),
    ]


def matrices(ctx: Context) -> list[Matrix]:
    fw = ctx.framework
    rows_tier, rows_area, rows_age = [], [], []
    listed = ctx.scope.areas
    areas = [a for a in fw.areas if not listed or a in ctx.areas_within(list(listed))]
    for f in ctx.in_scope:
        services = ctx.pathway_services(f)
        name = f"{STATUS_MARK[ctx.status(f)]} {_label(ctx, f)}"
        rows_tier.append(
            (name, [_n(sum(fw.services[s].tier == t for s in services)) for t in TIERS])
        )
        reach = [ctx.service_areas(s) for s in services]
        rows_area.append((name, [_n(sum(r is None or a in r for r in reach)) for a in areas]))
        wanted = ctx.need_ages(f)
        cells = []
        for band in BANDS:
            if wanted is not None and not ages.intersect(wanted, (band,)):
                cells.append("·")
                continue
            served = [fw.services[s].ages for s in services]
            cells.append(
                _n(sum(a is None or bool(ages.intersect(a.span(), (band,))) for a in served))
            )
        rows_age.append((name, cells))
    note = (
        "Each cell counts the active services that give the factor a full pathway "
        "(✓ pathway, ⊘ dead end, ✕ no pathway)."
    )
    return [
        Matrix("Factors × prevention tiers", note, [t.capitalize() for t in TIERS], rows_tier),
        Matrix(
            "Factors × areas",
            note + " A service reaches an area and every area within it.",
            [fw.areas[a].name for a in areas],
            rows_area,
        ),
        Matrix(
            "Factors × age bands",
            note + " · marks ages the need does not ask for.",
            [ages.describe((b,)) for b in BANDS],
            rows_age,
        ),
    ]


def _n(value: int) -> str:
    return str(value) if value else ""


def _factor_of(finding: Finding) -> str | None:
    section, _, ident = finding.entity.partition(".")
    return ident if section.endswith("_factors") else None


def remedies(ctx: Context, finding: Finding) -> list[str]:
    """Approaches that address the factor (at the missing tiers, for a tier gap), from
    the best-rated down; never one rated harmful."""
    fw = ctx.framework
    factor = _factor_of(finding)
    if factor is None:
        return []
    wanted = set(TIERS)
    floor = IMPACTS.index(ctx.policy.min_evidence) if finding.rule == Rule.EVIDENCE_GAP else 0
    if finding.rule == Rule.TIER_GAP:
        have = {fw.services[s].tier for s in ctx.covering[factor]}
        wanted = set(ctx.policy.require_tiers) - have
    found = []
    for a, approach in fw.approaches.items():
        impact = approach.evidence.impact if approach.evidence else None
        good_enough = (
            impact is not None and IMPACTS.index(impact) >= floor if floor else impact != "harmful"
        )
        if (
            factor in approach.addresses
            and good_enough
            and (not approach.tiers or wanted & set(approach.tiers))
        ):
            found.append((-(IMPACTS.index(impact) if impact else -1), approach.name, a))
    out = []
    for _, name, a in sorted(found)[:4]:
        chosen = fw.approaches[a]
        rated = chosen.evidence.impact if chosen.evidence and chosen.evidence.impact else "unrated"
        tiers = ", ".join(chosen.tiers) or "any tier"
        out.append(f"{name} (evidence: {rated}; {tiers})")
    return out


def elsewhere(finding: Finding, others: list[Context]) -> list[str]:
    factor = _factor_of(finding)
    if factor is None:
        return []
    out = []
    for other in others:
        if factor in other.framework.factors:
            for s in other.pathway_services(factor):
                service = other.framework.services[s]
                out.append(f"{other.framework.id}: {service.name} ({service.tier})")
    return out


def boards(ctx: Context, findings: list[Finding], others: list[Context]) -> list[BoardGroup]:
    fw = ctx.framework
    grouped: dict[str, list[GapItem]] = {}
    order = sorted(findings, key=lambda f: (-f.severity, f.location, f.rule))
    for f in order:
        name = fw.boards[f.board].name if f.board in fw.boards else "No owning board"
        grouped.setdefault(name, []).append(GapItem(f, remedies(ctx, f), elsewhere(f, others)))
    named = [b for b in fw.boards.values() if b.name in grouped]
    keys = [b.name for b in named] + (["No owning board"] if "No owning board" in grouped else [])
    return [BoardGroup(k, grouped[k]) for k in keys]


def funding_rows(ctx: Context) -> list[FundingRow]:
    fw = ctx.framework
    rows = []
    for s, service in fw.services.items():
        if service.status == "closed":
            continue
        dated = [
            (fw.funding[x].ends, fw.funding[x].name) for x in service.funding if fw.funding[x].ends
        ]
        if service.ends:
            dated.append((service.ends, "the service itself"))
        if not dated:
            continue
        ends = min(d for d, _ in dated if d is not None)
        detail = "; ".join(
            f"{name} ends {d.isoformat()}" for d, name in sorted(dated) if d is not None
        )
        rows.append(FundingRow(f"{service.name} ({s})", ends, detail, ends <= ctx.horizon_end))
    return sorted(rows, key=lambda r: (r.ends, r.service))


def cited_sources(frameworks: list[Framework]) -> list[tuple[str, Source]]:
    seen: dict[str, Source] = {}
    for fw in frameworks:
        refs = [s for factor in fw.factors.values() for s in factor.sources]
        refs += [s for outcome in fw.outcomes.values() for s in outcome.sources]
        refs += [
            a.evidence.source for a in fw.approaches.values() if a.evidence and a.evidence.source
        ]
        for ref in refs:
            seen.setdefault(ref, fw.sources[ref])
    return list(seen.items())


def diagrams(ctx: Context) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for view, caption in (("logic-model", "Logic model"), ("pathways", "Pathway map")):
        try:
            out.append((caption, build_view(ctx, Options(view))))
        except ViewError as exc:
            out.append((caption, str(exc)))
    return out


def build(frameworks: list[Framework], as_of: dt.date | None = None) -> BoardReport:
    contexts = [Context(fw, as_of) for fw in frameworks]
    sections: list[Section] = []
    every: list[Finding] = []
    for ctx in contexts:
        found = sorted(run(ctx, CHECKS))
        every += found
        cov = coverage(ctx)
        others = [c for c in contexts if c is not ctx]
        sections.append(
            Section(
                ctx.framework.id,
                ctx.framework.title,
                ctx.as_of,
                ctx.horizon_end,
                figures(ctx, cov, found),
                matrices(ctx),
                boards(ctx, found, others),
                funding_rows(ctx),
                diagrams(ctx),
                cov,
                {f: ctx.framework.factors[f].name for f in ctx.in_scope},
            )
        )
    comparison = []
    if len(contexts) > 1:
        comparison = _comparison(sections)
    title = (
        "Gap analysis: " + sections[0].title
        if len(sections) == 1
        else f"Gap analysis: {len(sections)} areas compared"
    )
    return BoardReport(title, sections, comparison, cited_sources(frameworks), every)


def _comparison(sections: list[Section]) -> list[Matrix]:
    covs = [s.coverage for s in sections if s.coverage is not None]
    figures_rows = [(c.title, [str(c.overall), *(str(c.by_tier[t]) for t in TIERS)]) for c in covs]
    factors = list(dict.fromkeys(f for c in covs for f in c.status))
    names = {f: n for s in reversed(sections) for f, n in s.factor_names.items()}
    rows = []
    for f in factors:
        cells = []
        for c in covs:
            status = c.status.get(f)
            cells.append(
                ""
                if status is None
                else f"{STATUS_MARK[status]} {c.services[f]}"
                if status == "pathway"
                else STATUS_MARK[status]
            )
        rows.append((names.get(f, f), cells))
    return [
        Matrix(
            "Coverage by area",
            "In-scope factors with a full pathway, overall and by tier.",
            ["Overall", *(t.capitalize() for t in TIERS)],
            figures_rows,
        ),
        Matrix(
            "Factors across areas",
            "✓ with the number of services giving a pathway; "
            "⊘ dead end; ✕ no pathway; blank: not in that area's scope.",
            [c.model for c in covs],
            rows,
        ),
    ]
