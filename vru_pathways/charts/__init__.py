"""Charts drawn with matplotlib: pure, bytes out, no files written, no process started.

:func:`.timeline.timeline_chart` draws; :func:`.describe.chart_description` says what
the chart shows. Only the drawing modules import matplotlib, which is slow to import:
this package imports none of them, so its words and plans cost nothing until a chart is
asked for.
"""

from __future__ import annotations

from typing import Literal

ChartFormat = Literal["svg", "png", "pdf"]
FORMATS: tuple[ChartFormat, ...] = ("svg", "png", "pdf")
"""The formats a chart is drawn in."""
