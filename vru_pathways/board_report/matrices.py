"""The report's coverage matrices: one model's factors across tiers, areas and age bands,
and, for several models, the hub's comparison across its areas."""

from __future__ import annotations

from .. import ages
from ..analysis.context import Context, PathwayStatus
from ..analysis.coverage import Coverage
from ..schema.document import TIERS
from .model import Matrix, Section

STATUS_MARK: dict[PathwayStatus, str] = {"pathway": "✓", "dead-end": "⊘", "no-pathway": "✕"}
BANDS: tuple[tuple[int, int | None], ...] = (
    (0, 9),
    (10, 13),
    (14, 17),
    (18, 21),
    (22, 25),
    (26, None),
)
_NOTE = (
    "Each cell counts the active services that give the factor a full pathway "
    "(✓ pathway, ⊘ dead end, ✕ no pathway)."
)


MAX_AREA_COLUMNS = 40
"""Areas a "factors × areas" matrix has columns for; a page holds no more."""


def matrices(ctx: Context) -> list[Matrix]:
    """Factors × prevention tiers, × the scope's areas, × age bands."""
    fw = ctx.framework
    scope = ctx.in_scope
    names = {f: f"{STATUS_MARK[ctx.status(f)]} {fw.factors[f].name} ({f})" for f in scope}
    areas = ctx.scope_areas[:MAX_AREA_COLUMNS]
    more = len(ctx.scope_areas) - len(areas)
    areas_note = " A service reaches an area and every area within it." + (
        f" The first {len(areas)} of the scope's {len(ctx.scope_areas):,} areas are shown."
        if more
        else ""
    )
    return [
        Matrix(
            "Factors × prevention tiers",
            _NOTE,
            [t.capitalize() for t in TIERS],
            [(names[f], _tier_cells(ctx, f)) for f in scope],
        ),
        Matrix(
            "Factors × areas",
            _NOTE + areas_note,
            [fw.areas[a].name for a in areas],
            [(names[f], _area_cells(ctx, f, areas)) for f in scope],
        ),
        Matrix(
            "Factors × age bands",
            _NOTE + " · marks ages the need does not ask for.",
            [ages.describe((b,)) for b in BANDS],
            [(names[f], _age_cells(ctx, f)) for f in scope],
        ),
    ]


def _n(value: int) -> str:
    return str(value) if value else ""


def _tier_cells(ctx: Context, factor: str) -> list[str]:
    services = ctx.framework.services
    pathway = ctx.pathway_services(factor)
    return [_n(sum(services[s].tier == t for s in pathway)) for t in TIERS]


def _area_cells(ctx: Context, factor: str, areas: tuple[str, ...]) -> list[str]:
    reach = [ctx.reach(s) for s in ctx.pathway_services(factor)]
    return [_n(n) for n in ctx.area_tree.counts(reach, areas)]


def _age_cells(ctx: Context, factor: str) -> list[str]:
    wanted = ctx.need_ages(factor)
    served = [ctx.framework.services[s].ages for s in ctx.pathway_services(factor)]
    return [_age_cell(wanted, served, band) for band in BANDS]


def _age_cell(wanted: ages.Ages | None, served: list[ages.AgeRange | None], band: ages.Span) -> str:
    """How many services serve the band; ``·`` when the need does not ask for it."""
    if wanted is not None and not ages.intersect(wanted, (band,)):
        return "·"
    return _n(sum(a is None or bool(ages.intersect(a.span(), (band,))) for a in served))


def comparison(sections: list[Section]) -> list[Matrix]:
    """Coverage figures per area, and every factor's status across the areas."""
    covs = [s.coverage for s in sections if s.coverage is not None]
    figures = [(c.title, [str(c.overall), *(str(c.by_tier[t]) for t in TIERS)]) for c in covs]
    factors = list(dict.fromkeys(f for c in covs for f in c.status))
    names = {f: n for s in reversed(sections) for f, n in s.factor_names.items()}
    rows = [(names.get(f, f), [_across(c, f) for c in covs]) for f in factors]
    return [
        Matrix(
            "Coverage by area",
            "In-scope factors with a full pathway, overall and by tier.",
            ["Overall", *(t.capitalize() for t in TIERS)],
            figures,
        ),
        Matrix(
            "Factors across areas",
            "✓ with the number of services giving a pathway; "
            "⊘ dead end; ✕ no pathway; blank: not in that area's scope.",
            [c.model for c in covs],
            rows,
        ),
    ]


def _across(cov: Coverage, factor: str) -> str:
    """One area's cell: blank when out of its scope, a pathway's services counted."""
    status = cov.status.get(factor)
    if status is None:
        return ""
    if status == "pathway":
        return f"{STATUS_MARK[status]} {cov.services[factor]}"
    return STATUS_MARK[status]
