"""``report``: the gap-analysis report of the models, for a partnership board."""

from __future__ import annotations

import datetime as dt

from ..board_report import html, markdown
from ..board_report.build import build
from ..edge.graphviz import run_dot
from ..loading import load
from ..render.diagram import Diagram
from ..render.dot import emit
from ..render.svg import accessible_svg
from ..results import Output, checked


def report(
    paths: list[str], fmt: str, as_of: dt.date | None = None, root: str | None = None
) -> Output:
    """The gap-analysis report of the models, as ``html`` or ``markdown``."""
    loaded = load(paths, root)
    made = checked("report", loaded)
    if not loaded.ok:
        return Output(made)
    built = build(loaded.frameworks, as_of)
    if fmt == "markdown":
        return Output(made, markdown.render(built).encode("utf-8"))
    svgs = {}
    for section in built.sections:
        for caption, diagram in section.diagrams:
            if isinstance(diagram, Diagram):
                data = run_dot(emit(diagram), "svg")
                svgs[(section.id, caption)] = accessible_svg(
                    data, diagram.title, diagram.description
                ).decode("utf-8")
    return Output(made, html.render(built, svgs).encode("utf-8"))
