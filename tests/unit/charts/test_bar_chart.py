"""The coverage bar chart: its words match its bars, long names are cut only when they
do not fit, the target is drawn, and the same chart gives the same bytes."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from matplotlib.text import Text

from vru_pathways.charts.bar_chart import bar_chart, figure
from vru_pathways.charts.bars import MAX_ROWS, Bar, Bars, describe
from vru_pathways.charts.figure import style

SVG = "{http://www.w3.org/2000/svg}"
TIERS = Bars(
    "Northbrook: coverage by tier",
    "prevention tier",
    (
        ("All tiers", (Bar(31, 46),)),
        ("Primary", (Bar(9, 46),)),
        ("A very long name of an area that cannot fit beside its bar", (Bar(0, 0),)),
    ),
    target=75,
    width=3.3,
)


def texts(chart: Bars) -> list[str]:
    with style():
        fig = figure(chart)
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def test_the_words_say_what_the_bars_show() -> None:
    # 31/46 = 67.4% and 9/46 = 19.6%, to the nearest whole number; 0 of 0 is 0%
    words = describe(TIERS)
    assert "All tiers 67% (31 of 46), Primary 20% (9 of 46)" in words
    assert words.endswith("The target is 75%.")
    drawn = texts(TIERS)
    assert {"67%", "20%", "0%", "Target 75%", "All tiers", "Primary"} <= set(drawn)


def test_a_name_is_cut_only_when_it_does_not_fit() -> None:
    drawn = texts(TIERS)
    assert "All tiers" in drawn
    cut = {t for t in drawn if t.startswith("A very long")}
    assert len(cut) == 1 and all(t.endswith("…") and len(t) < 40 for t in cut)
    area = Bars(TIERS.title, "area", (("Northbrook city centre", (Bar(2, 3),)),), width=3.3)
    assert "Northbrook city centre" in texts(area)  # a real area's name fits a half chart


def test_several_series_have_a_legend_and_no_target_no_line() -> None:
    region = Bars(
        "By area and tier",
        "area",
        (("Northbrook", (Bar(31, 46), Bar(9, 46))), ("Southmere", (Bar(31, 46), Bar(12, 46)))),
        ("All tiers", "Primary"),
    )
    drawn = texts(region)
    assert {"All tiers", "Primary"} <= set(drawn)
    assert not any(t.startswith("Target") for t in drawn)
    assert "Northbrook: all tiers 67%, primary 20%; Southmere" in describe(region)


def test_a_long_chart_shows_its_first_rows_and_says_so() -> None:
    rows = tuple((f"Area {n}", (Bar(n, 20),)) for n in range(MAX_ROWS + 4))
    chart = Bars("Many areas", "area", rows)
    assert f"The first {MAX_ROWS} of {MAX_ROWS + 4} are shown." in describe(chart)
    drawn = texts(chart)
    assert f"Area {MAX_ROWS - 1}" in drawn and f"Area {MAX_ROWS}" not in drawn


def test_the_svg_is_titled_described_and_the_same_each_time() -> None:
    first = bar_chart(TIERS, "svg")
    assert bar_chart(TIERS, "svg") == first
    root = ET.fromstring(first)
    assert root.findtext(f"{SVG}title") == TIERS.title
    assert root.findtext(f"{SVG}desc") == describe(TIERS)
    assert bar_chart(TIERS, "png")[:8] == b"\x89PNG\r\n\x1a\n"
