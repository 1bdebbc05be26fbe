"""``report``: the gap-analysis report of the models, for a partnership board."""

from __future__ import annotations

import datetime as dt
import struct

from ..analysis.context import Context
from ..analysis.scenarios import apply
from ..analysis.timeline import Timeline
from ..board_report import html, markdown
from ..board_report.blocks import Drawing, Drawings, Figure, Paper
from ..board_report.build import Paginate, build, one_page
from ..board_report.model import BoardReport
from ..board_report.outline import paper
from ..charts import ChartFormat
from ..charts.bars import Bars
from ..edge.graphviz import run_dot
from ..framework import Framework
from ..loading import load
from ..loading.files import read_input
from ..outlook import asked
from ..render import page
from ..render.diagram import Diagram
from ..render.dot import emit
from ..render.page import fit_attributes, with_graph_attributes
from ..render.svg import accessible_svg
from ..results import Output, checked
from ..views import Options, ViewError
from ..views.build import build as build_view
from .pages import pages

DPI = 200
"""Dots per inch of the pictures in Word and PowerPoint: sharp when printed."""
NEEDS = {"html": ("svg",), "markdown": (), "docx": ("svg", "png"), "pptx": ("png",)}
"""What each format places of a figure."""


def report(
    paths: list[str],
    fmt: str,
    as_of: dt.date | None = None,
    root: str | None = None,
    scenario: str | None = None,
    reference: str | None = None,
) -> Output:
    """The gap-analysis report of the models, as ``html``, ``markdown``, ``docx`` or
    ``pptx``; with ``scenario``, the whole report as it would be under that scenario of
    the models; ``reference``, a Word document whose styles the ``docx`` takes."""
    template = _template(reference) if fmt == "docx" else None
    loaded = load(paths, root)
    made = checked("report", loaded)
    if not loaded.ok:
        return Output(made)
    paginate = one_page if fmt == "markdown" else on_a4  # Mermaid in Markdown has no page
    built = (
        build(loaded.frameworks, as_of, paginate=paginate)
        if scenario is None
        else _under(loaded.frameworks, scenario, as_of, paginate)
    )
    outline = paper(built)
    drawings = draw(outline, NEEDS[fmt])
    return Output(made, _write(fmt, outline, drawings, template))


def on_a4(ctx: Context, options: Options) -> list[Diagram]:
    """The view on A4 landscape pages, split where its text would print under 7 pt; a
    view that no split brings to 7 pt is drawn whole, on one page, as it always was."""
    try:
        return [p.diagram for p in pages(ctx, options, "a4", "landscape")]
    except ViewError:
        return [build_view(ctx, options)]


def _template(reference: str | None) -> bytes | None:
    if reference is None:
        return None
    from ..board_report.word.template import checked_template  # lazy: python-docx
    from ..interchange.xlsx.archive import MAX_BYTES  # lazy: it loads openpyxl beside it

    data, size = read_input(reference, MAX_BYTES)
    checked_template(data, reference, size)
    return data


def _write(fmt: str, outline: Paper, drawings: Drawings, template: bytes | None) -> bytes:
    if fmt == "markdown":
        return markdown.render(outline).encode("utf-8")
    if fmt == "docx":
        from ..board_report.word.document import render as docx  # lazy: python-docx

        return docx(outline, drawings, template)
    if fmt == "pptx":
        from ..board_report.slides import render as pptx  # lazy: python-pptx

        return pptx(outline, drawings)
    return html.render(outline, drawings).encode("utf-8")


def png_size(data: bytes, dpi: int = DPI) -> tuple[float, float]:
    """A PNG's width and height in inches at ``dpi``, from its header."""
    width, height = struct.unpack(">II", data[16:24])
    return width / dpi, height / dpi


def _diagram(diagram: Diagram, kind: str) -> bytes:
    if kind == "svg":
        return accessible_svg(run_dot(emit(diagram), "svg"), diagram.title, diagram.description)
    attributes = {**fit_attributes(page.Paper("a4", "landscape")), "dpi": str(DPI)}
    return run_dot(with_graph_attributes(emit(diagram), attributes), "png")


def _chart(source: object, kind: str) -> bytes:
    from ..charts.bar_chart import bar_chart  # lazy: matplotlib takes a second to import
    from ..charts.timeline import timeline_chart  # lazy: matplotlib, as above

    fmt: ChartFormat = "svg" if kind == "svg" else "png"
    if isinstance(source, Bars):
        return bar_chart(source, fmt, DPI)
    assert isinstance(source, Timeline)
    return timeline_chart([source], fmt, DPI)


def drawing(figure: Figure, kinds: tuple[str, ...]) -> Drawing | None:
    source = figure.source
    if source is None:
        return None
    make = _diagram if isinstance(source, Diagram) else _chart
    made = {kind: make(source, kind) for kind in kinds}  # type: ignore[arg-type]
    png = made.get("png")
    svg = made.get("svg")
    return Drawing(svg.decode("utf-8") if svg else None, png, png_size(png) if png else (0.0, 0.0))


def draw(outline: Paper, kinds: tuple[str, ...]) -> Drawings:
    """Every figure of the paper drawn as ``kinds`` (``svg``, ``png``)."""
    if not kinds:
        return {}
    drawn = {f.key: drawing(f, kinds) for f in outline.figures}
    return {key: d for key, d in drawn.items() if d is not None}


def _under(
    frameworks: list[Framework], scenario: str, as_of: dt.date | None, paginate: Paginate
) -> BoardReport:
    """The report with each model changed as the scenario says, judged on its date."""
    changes = asked(frameworks, scenario, None)
    changed, dates, names = [], {}, []
    for fw in frameworks:
        for change in changes[fw.id]:
            date = change.as_of or fw.as_of(as_of)
            changed.append(apply(fw, change, date))
            dates[fw.id] = date
            names.append(change.name)
        if not changes[fw.id]:
            changed.append(fw)
    return build(changed, as_of, next(iter(names), scenario), dates, paginate)
