"""``report``: the gap-analysis report of the models, for a partnership board."""

from __future__ import annotations

import datetime as dt

from ..analysis.scenarios import apply
from ..board_report import html, markdown
from ..board_report.build import build
from ..board_report.model import BoardReport
from ..edge.graphviz import run_dot
from ..framework import Framework
from ..loading import load
from ..outlook import asked
from ..render.diagram import Diagram
from ..render.dot import emit
from ..render.svg import accessible_svg
from ..results import Output, checked


def report(
    paths: list[str],
    fmt: str,
    as_of: dt.date | None = None,
    root: str | None = None,
    scenario: str | None = None,
) -> Output:
    """The gap-analysis report of the models, as ``html`` or ``markdown``; with
    ``scenario``, the whole report as it would be under that scenario of the models."""
    loaded = load(paths, root)
    made = checked("report", loaded)
    if not loaded.ok:
        return Output(made)
    if scenario is None:
        built = build(loaded.frameworks, as_of)
    else:
        built = _under(loaded.frameworks, scenario, as_of)
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
    from ..charts.timeline import timeline_chart  # lazy: matplotlib takes a second to import

    for section in built.sections:
        if section.money is not None:
            chart = timeline_chart([section.money.timeline], "svg")
            svgs[(section.id, html.CHART)] = chart.decode("utf-8")
    return Output(made, html.render(built, svgs).encode("utf-8"))


def _under(frameworks: list[Framework], scenario: str, as_of: dt.date | None) -> BoardReport:
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
    return build(changed, as_of, next(iter(names), scenario), dates)
