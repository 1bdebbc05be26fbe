"""``matrix``: the factors (rows, grouped by ecological level) against the prevention
tiers or the areas (columns), each cell the number of live covering services of that
tier or reaching that area, marked where a finding of ``gaps`` is about that cell: the
compact, one-page summary a board paper wants beside the map.

The ``All`` column counts every live covering service and carries the factor's pathway
finding; ``Gaps`` shows the symbol of every finding about the factor.
"""

from __future__ import annotations

from ..analysis.checks import area_gap, tier_gap
from ..render.diagram import MARKER_TEXT, Cell, Marker, Node, Row, Table
from ..schema.document import LEVELS, TIERS
from . import ViewError
from .layout import Layout
from .nodes import factor_node
from .select import Selection

_PATHWAY = (Marker.NO_PATHWAY, Marker.UNSUPPORTED, Marker.DEAD_END)


def _symbol(marker: Marker) -> str:
    return MARKER_TEXT[marker].split(" ", 1)[0]


def layout(sel: Selection) -> Layout:
    if sel.options.group_by:
        raise ViewError("--group-by does not apply to the matrix view, which counts services")
    by_area = sel.options.columns == "area"
    keys = _columns(sel, by_area)
    nodes = [factor_node(sel, f) for f in sel.factors()]
    headers = tuple(sel.fw.areas[k].name if by_area else k.capitalize() for k in keys)
    sections = []
    for level in LEVELS:
        rows = tuple(
            _row(sel, n, keys, by_area)
            for n in nodes
            if sel.fw.factors[n.id.partition(":")[2]].level == level
        )
        if rows:
            sections.append((level.capitalize(), rows))
    what = "area" if by_area else "prevention tier"
    table = Table(
        "Factor",
        (*headers, "All", "Gaps"),
        tuple(sections),
        f"a row per factor, grouped by ecological level; a column per {what}, then all "
        "services, then the symbols of the factor's gaps; each cell the number of live "
        f"services covering the factor {'that reach the area' if by_area else 'at the tier'}",
    )
    return Layout((), tuple(nodes), (), table=table)


def _columns(sel: Selection, by_area: bool) -> list[str]:
    if by_area:
        asked = sel.options.areas
        return [a for a in sel.ctx.scope_areas if not asked or a in asked]
    return [t for t in TIERS if not sel.options.tiers or t in sel.options.tiers]


def _counts(sel: Selection, factor: str, keys: list[str], by_area: bool) -> list[int]:
    """The live covering services passing the filters, of each tier or reaching each area."""
    covering = [s for s in sel.ctx.covering[factor] if sel.service_passes(s)]
    if by_area:
        return [sum(1 for s in covering if sel.ctx.reaches(s, a)) for a in keys]
    return [sum(1 for s in covering if sel.fw.services[s].tier == t) for t in keys]


def _missing(sel: Selection, factor: str, markers: set[Marker], by_area: bool) -> set[str]:
    """The columns a tier or area finding of ``gaps`` is about."""
    if by_area:
        found = Marker.AREA_GAP in markers
        return set(area_gap.uncovered(sel.ctx, factor)) if found else set()
    found = Marker.TIER_GAP in markers
    return set(tier_gap.missing_tiers(sel.ctx, factor)) if found else set()


def _row(sel: Selection, node: Node, keys: list[str], by_area: bool) -> Row:
    factor = node.id.partition(":")[2]
    markers = set(node.markers)
    missing = _missing(sel, factor, markers, by_area)
    gap = Marker.AREA_GAP if by_area else Marker.TIER_GAP
    cells = [
        Cell(f"{_symbol(gap)} {n}", gap) if key in missing else Cell(str(n))
        for key, n in zip(keys, _counts(sel, factor, keys, by_area), strict=True)
    ]
    total = sum(1 for s in sel.ctx.covering[factor] if sel.service_passes(s))
    status = next((m for m in _PATHWAY if m in markers), None)
    cells.append(Cell(f"{_symbol(status)} {total}", status) if status else Cell(str(total)))
    cells.append(Cell(" ".join(_symbol(m) for m in node.markers)))
    return Row(node.id, tuple(cells))
