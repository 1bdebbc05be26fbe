"""``draw``: one view of one model as SVG, PNG, PDF, DOT or Mermaid, on paper if asked."""

from __future__ import annotations

import datetime as dt

from ..analysis.context import Context
from ..loading import load
from ..render import IMAGE_FORMATS, emit
from ..render.page import on_page_svg, with_graph_attributes
from ..results import Drawing, checked
from ..views import Options, ViewError
from ..views.build import build
from .pages import Page, described, pages


def draw(
    path: str,
    options: Options,
    fmt: str,
    as_of: dt.date | None = None,
    dpi: int = 200,
    page: str | None = None,
    root: str | None = None,
    orientation: str = "auto",
    split_by: str | None = None,
) -> Drawing:
    """One view of one model as ``fmt`` (svg, png, pdf, dot or mermaid); with ``page``
    (svg, png, pdf), on pages of that paper, split when its text would print too small
    (see :func:`.pages.pages`)."""
    loaded = load([path], root)
    report = checked("draw", loaded)
    if not loaded.ok:
        return Drawing(report)
    ctx = Context(loaded.frameworks[0], as_of)
    if fmt not in IMAGE_FORMATS:
        if page:
            raise ViewError(
                f"--page sets a drawing on paper: give --format svg, png or pdf, not {fmt}"
            )
        diagram = build(ctx, options)
        if diagram.table is not None and fmt == "mermaid":
            raise ViewError(
                "the matrix view is a table: draw it as svg, png, pdf or dot, not mermaid"
            )
        return Drawing(report, emit(fmt, diagram).encode("utf-8"), diagram.description)
    sheets = pages(ctx, options, page, orientation, split_by)
    if fmt == "pdf":
        from ..edge.graphviz import run_dot  # lazy: Graphviz only for an image
        from ..render.pdf import on_pages  # lazy: pypdf is needed for PDF alone

        drawn = [(run_dot(p.dot, "pdf"), p.paper) for p in sheets]
        return Drawing(report, on_pages(drawn, sheets[0].diagram.title), described(sheets))
    files = tuple(_image(p, fmt, dpi) for p in sheets)
    if len(files) == 1:
        return Drawing(report, files[0], described(sheets))
    return Drawing(report, alt_text=described(sheets), pages=files)


def _image(sheet: Page, fmt: str, dpi: int) -> bytes:
    """One page as SVG (with its title and description) or PNG."""
    from ..edge.graphviz import run_dot  # lazy: Graphviz only for an image

    diagram = sheet.diagram
    if fmt == "png":
        data = run_dot(with_graph_attributes(sheet.dot, {"dpi": str(dpi)}), "png")
        if sheet.paper is None:
            return data
        from ..render.png import on_page  # lazy: Pillow is needed for PNG on paper alone

        return on_page(data, sheet.paper, dpi)
    from ..render.svg import accessible_svg  # lazy: only for an SVG

    data = run_dot(sheet.dot, "svg")
    if sheet.paper is not None:
        data = on_page_svg(data, sheet.paper)
    return accessible_svg(data, f"{diagram.title} ({diagram.subtitle})", diagram.description)
