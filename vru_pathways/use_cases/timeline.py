"""``timeline``: coverage month by month over the months ahead, and the funding that
ends in each; as values, and drawn as a chart when one is asked for."""

from __future__ import annotations

import datetime as dt

from ..analysis.context import Context
from ..analysis.timeline import timeline as months_ahead
from ..charts import ChartFormat
from ..charts.describe import chart_description
from ..loading import load
from ..results import TimelineResult, checked


def timeline(
    paths: list[str],
    months: int = 24,
    as_of: dt.date | None = None,
    chart: ChartFormat | None = None,
    dpi: int = 200,
    root: str | None = None,
) -> TimelineResult:
    """Each model's ``months`` months from ``as_of`` (its own date when ``None``), loaded
    once; with ``chart``, drawn in that format too."""
    loaded = load(paths, root)
    report = checked("timeline", loaded)
    if not loaded.ok:
        return TimelineResult(report)
    timelines = tuple(months_ahead(Context(fw, as_of), months) for fw in loaded.frameworks)
    description = chart_description(list(timelines))
    if chart is None:
        return TimelineResult(report, timelines, description=description)
    from ..charts.timeline import timeline_chart  # lazy: matplotlib takes a second to import

    return TimelineResult(
        report, timelines, timeline_chart(list(timelines), chart, dpi), description
    )
