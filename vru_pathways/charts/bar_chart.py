"""A coverage bar chart (:class:`.bars.Bars`): a row per tier, area or model, a bar per
series, the percentage written at the end of each bar, and the target as a dashed line;
A4 width, as tall as its rows need.

Series are told apart by hatching as well as colour, so the chart reads in greyscale.
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from . import ChartFormat
from .bars import Bars, describe, whole
from .figure import LABEL, PAGE_WIDTH, TEXT, Page, new_figure, save, style
from .figure import width as text_width
from .gantt import PALETTE
from .text import safe, shorten

LOOKS = ((PALETTE[4], ""), (PALETTE[0], "////"), (PALETTE[2], "...."), (PALETTE[5], "xxx"))
"""Each series' fill and hatch: Okabe–Ito blue alone first, then hatched colours."""
BAR = 0.13
"""Inches per bar."""
GAP = 0.1
"""Inches between rows."""
NAMES = 0.42
"""The share of the chart's width its rows' names may take at most."""


def _width(chart: Bars) -> float:
    return chart.width or PAGE_WIDTH


def _names(chart: Bars) -> list[str]:
    room = NAMES * _width(chart)
    return [shorten(safe(label), lambda t: text_width(t, TEXT) <= room) for label, _ in chart.shown]


def _layout(chart: Bars) -> Page:
    page = Page(_width(chart))
    page.add("title", 0.32)
    if len(chart.series) > 1:
        page.add("legend", 0.26)
    rows = len(chart.shown)
    page.add("plot", rows * (BAR * len(chart.series) + GAP) + 0.05)
    page.add("axis", 0.32)
    return page


def _bars(ax: Axes, chart: Bars, names: list[str]) -> None:
    series = len(chart.series)
    step = BAR * series + GAP
    for r, (_, bars) in enumerate(chart.shown):
        for s, bar in enumerate(bars):
            y = r * step + s * BAR
            fill, hatch = LOOKS[s % len(LOOKS)]
            ax.barh(
                y,
                bar.percent,
                height=BAR * 0.86,
                align="edge",
                color=fill,
                hatch=hatch,
                edgecolor="#333333",
                linewidth=0.4,
            )
            ax.text(bar.percent + 2, y + BAR * 0.43, whole(bar.percent), va="center", fontsize=TEXT)
    ax.set_yticks([r * step + BAR * series / 2 for r in range(len(names))], names)
    ax.set_ylim(len(names) * step - GAP / 2, -GAP / 2)
    ax.tick_params(axis="y", length=0)


def _axis(ax: Axes, chart: Bars) -> None:
    ax.set_xlim(0, 108)
    ax.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    ax.grid(axis="x", color="#D9D9D9", linewidth=0.5)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if chart.target is not None:
        ax.axvline(chart.target, color="#000000", linestyle=(0, (4, 2)), linewidth=1.0)
        ax.text(
            chart.target,
            1.01,
            f"Target {chart.target:g}%",
            transform=ax.get_xaxis_transform(),
            ha="center",
            va="bottom",
            fontsize=TEXT,
            fontweight="bold",
        )


def figure(chart: Bars) -> Figure:
    """The chart as a matplotlib figure (draw it inside :func:`.figure.style`)."""
    names = _names(chart)
    left = max([text_width(n, TEXT) for n in names] + [0.5]) + 0.2
    page = _layout(chart)
    fig = new_figure(page)
    title = shorten(safe(chart.title), lambda t: text_width(t, LABEL, True) <= page.width - 0.2)
    fig.text(
        0.12 / page.width,
        page.y("title", 0.04),
        title,
        va="top",
        fontsize=LABEL,
        fontweight="bold",
    )
    ax = fig.add_axes(page.rect("plot", left, 0.3))
    _bars(ax, chart, names)
    _axis(ax, chart)
    if len(chart.series) > 1:
        handles = [
            Patch(
                facecolor=LOOKS[i % len(LOOKS)][0],
                hatch=LOOKS[i % len(LOOKS)][1],
                edgecolor="#333333",
                linewidth=0.4,
            )
            for i in range(len(chart.series))
        ]
        fig.legend(
            handles,
            list(chart.series),
            loc="upper left",
            ncol=len(chart.series),
            bbox_to_anchor=(left / page.width - 0.01, page.y("legend", 0.0)),
            borderaxespad=0,
            handlelength=2.0,
        )
    return fig


def bar_chart(chart: Bars, fmt: ChartFormat, dpi: int = 200) -> bytes:
    """The chart as SVG, PNG or PDF bytes, titled and described for screen readers."""
    with style():
        fig = figure(chart)
    return save(fig, fmt, dpi, safe(chart.title), describe(chart))
