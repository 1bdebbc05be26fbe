"""What the gap-analysis report says, worked out once for every output format.

The report is written for a partnership board: summary figures, coverage matrices, the
gaps grouped by the board that owns them with what could close each one, the diagrams,
funding end dates and the evidence behind it all. Several models give the hub's
comparison across its areas. The matrices (:mod:`.matrices`) and the gaps by board
(:mod:`.gaps`) are worked out in modules of their own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..analysis import CHECKS
from ..analysis.context import Context
from ..analysis.coverage import Coverage, coverage
from ..analysis.engine import run
from ..charts.text import safe, short_names
from ..diagnostics import Finding, Severity
from ..framework import Framework
from ..render.diagram import Diagram
from ..schema.document import Source
from ..views import Options, ViewError
from ..views.build import build as build_view
from . import gaps, matrices
from .model import BoardReport, Ending, FundingRow, Section
from .money import money
from .referrals import broken_routes
from .rollup import rollup


def _pct(covered: int, total: int) -> str:
    return f"{covered} of {total} ({round(100 * covered / total):d}%)" if total else "none"


def figures(ctx: Context, cov: Coverage, findings: list[Finding]) -> list[tuple[str, str]]:
    fw = ctx.framework
    count = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    active = [s for s, service in fw.services.items() if ctx.is_live(service)]
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


def ending(ctx: Context) -> list[Ending]:
    """Funding of running services that ends by the horizon, soonest first."""
    fw = ctx.framework
    paid: dict[str, list[str]] = {}
    for service in fw.services.values():
        if ctx.is_live(service):
            for x in service.funding:
                paid.setdefault(x, []).append(service.name)
    found = [
        Ending(fw.funding[x].name, fw.funding[x].amount, end, tuple(names))
        for x, names in paid.items()
        if (end := fw.funding[x].ends) is not None and ctx.as_of <= end <= ctx.horizon_end
    ]
    return sorted(found, key=lambda e: (e.ends, e.name))


Paginate = Callable[[Context, Options], list[Diagram]]
"""How a view is set on the paper's pages: the diagram of each page. The use-case that
writes the report passes one that measures the drawing (``use_cases.pages``); without
it, a view is one page."""


def one_page(ctx: Context, options: Options) -> list[Diagram]:
    return [build_view(ctx, options)]


VIEWS = (
    ("Logic model", Options("logic-model"), False),
    ("Pathway map", Options("pathways"), False),
    ("Pathway map of the gaps", Options("pathways", gaps_only=True), True),
)
"""What the report draws of each model: the logic model and the pathway map whole, each
on one page (their pictures are vector drawings a reader can zoom into), then the
factors with gaps and their services, on as many pages as print them at 7 pt or more."""


def diagrams(ctx: Context, paginate: Paginate = one_page) -> list[tuple[str, object]]:
    """(caption, the view's pages) for each view the report draws, or (caption, why it
    cannot be drawn)."""
    out: list[tuple[str, object]] = []
    for caption, options, paged in VIEWS:
        try:
            out.append((caption, (paginate if paged else one_page)(ctx, options)))
        except ViewError as exc:
            out.append((caption, str(exc)))
    return out


def partnership(fw: Framework) -> str:
    """Who the model's paper is from: the board the most boards report to, directly or
    through others (the first in the documents on a tie); with no boards, the title."""
    above = {b: set(board.reports_to_all) & set(fw.boards) for b, board in fw.boards.items()}
    under: dict[str, int] = dict.fromkeys(fw.boards, 0)
    for b in fw.boards:
        seen: set[str] = set()
        todo = list(above[b])
        while todo:
            top = todo.pop()
            if top not in seen:
                seen.add(top)
                todo += above[top]
        for top in seen:
            under[top] += 1
    if not under:
        return safe(fw.title)
    best = max(under.values())
    return safe(fw.boards[next(b for b, n in under.items() if n == best)].name)


def area_names(frameworks: list[Framework]) -> dict[str, str]:
    """Each model by what tells it apart from the others loaded: "Southmere"."""
    titles = [safe(fw.title) for fw in frameworks]
    shorts = short_names(titles)[0] if len(titles) > 1 else titles
    return {fw.id: short or fw.id for fw, short in zip(frameworks, shorts, strict=True)}


def build(
    frameworks: list[Framework],
    as_of: dt.date | None = None,
    scenario: str | None = None,
    dates: dict[str, dt.date] | None = None,
    paginate: Paginate = one_page,
) -> BoardReport:
    """The report of the frameworks, each on ``dates[its id]`` if given, else ``as_of``;
    ``scenario`` names the scenario they are copies under, for the title; ``paginate``
    sets each view on its pages."""
    contexts = [Context(fw, (dates or {}).get(fw.id, as_of)) for fw in frameworks]
    sections: list[Section] = []
    every: list[Finding] = []
    areas = area_names(frameworks)
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
                matrices.matrices(ctx),
                gaps.boards(ctx, found, others, areas),
                funding_rows(ctx),
                diagrams(ctx, paginate),
                cov,
                {f: ctx.framework.factors[f].name for f in ctx.in_scope},
                money(ctx),
                areas[ctx.framework.id],
                ctx.policy.fail_under,
                ending(ctx),
                partnership(ctx.framework),
                [x for x in (rollup(ctx.framework, found), broken_routes(ctx)) if x],
            )
        )
    comparison = matrices.comparison(sections) if len(contexts) > 1 else []
    title = (
        "Gap analysis: " + sections[0].title
        if len(sections) == 1
        else f"Gap analysis: {len(sections)} areas compared"
    )
    if scenario:
        title += f" — if {scenario[:1].lower()}{scenario[1:]}"
    places = {a: area.name for fw in frameworks for a, area in fw.areas.items()}
    return BoardReport(title, sections, comparison, cited_sources(frameworks), every, places)
