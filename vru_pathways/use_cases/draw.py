"""``draw``: one view of one model as SVG, PNG, PDF, DOT or Mermaid."""

from __future__ import annotations

import datetime as dt

from ..analysis.context import Context
from ..loading import load
from ..render import IMAGE_FORMATS, emit
from ..render.page import page_attributes, with_graph_attributes
from ..results import Drawing, checked
from ..views import Options
from ..views.build import build


def draw(
    path: str,
    options: Options,
    fmt: str,
    as_of: dt.date | None = None,
    dpi: int = 200,
    page: str | None = None,
    root: str | None = None,
) -> Drawing:
    """One view of one model as ``fmt`` (svg, png, pdf, dot or mermaid)."""
    loaded = load([path], root)
    report = checked("draw", loaded)
    if not loaded.ok:
        return Drawing(report)
    diagram = build(Context(loaded.frameworks[0], as_of), options)
    if fmt not in IMAGE_FORMATS:
        return Drawing(report, emit(fmt, diagram).encode("utf-8"), diagram.description)
    from ..edge.graphviz import run_dot  # lazy: Graphviz only for an image
    from ..render.svg import accessible_svg  # lazy: only for an image

    attributes = {"dpi": str(dpi)} if fmt == "png" else {}
    if page and fmt == "pdf":
        attributes.update(page_attributes(page))
    dot = with_graph_attributes(emit("dot", diagram), attributes)
    data = run_dot(dot, fmt)
    if fmt == "svg":
        data = accessible_svg(data, f"{diagram.title} ({diagram.subtitle})", diagram.description)
    return Drawing(report, data, diagram.description)
