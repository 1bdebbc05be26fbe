"""The timeline chart: what it draws, that it reads at A4 width, and that the same input
gives the same bytes."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib
import pytest
from helpers import write
from matplotlib.text import Text
from PIL import Image

from vru_pathways.analysis.context import Context
from vru_pathways.analysis.timeline import Timeline, timeline
from vru_pathways.charts.describe import chart_description
from vru_pathways.charts.figure import PAGE_WIDTH, TEXT, style
from vru_pathways.charts.timeline import figure, timeline_chart
from vru_pathways.loading import load

MODEL = """\
format: vru-pathways/1
id: ID
title: TITLE
scope: {as_of: 2026-10-01}
harms:
  knife-crime: {name: Knife crime}
risk_factors:
  exclusion: {name: Exclusion, level: individual, harms: [knife-crime]}
  neet: {name: Not in education, level: individual, harms: [knife-crime]}
outcomes:
  fewer-admissions: {name: Fewer admissions, stage: impact}
approaches:
  mentoring: {name: Mentoring, evidence: {impact: moderate}}
partners:
  council: {name: Riverside Council}
  trust: {name: "_Hill $trust$ fund"}
funding:
  short-grant: {name: "Youth fund $2026$", funder: trust, amount: 45000, starts: 2025-04-01, ends: 2027-01-31}
  base-budget: {name: Early help base budget, funder: council, amount: 1650000, starts: 2024-04-01}
services:
  mentors: {name: Mentors, tier: secondary, provider: council, approach: mentoring, addresses: [exclusion], outcomes: [fewer-admissions], funding: [short-grant]}
  coaches: {name: Coaches, tier: primary, provider: council, approach: mentoring, addresses: [neet], outcomes: [fewer-admissions], funding: [base-budget]}
"""
UNFUNDED = """\
format: vru-pathways/1
id: bare
title: Bare model
scope: {as_of: 2026-10-01}
harms:
  knife-crime: {name: Knife crime}
risk_factors:
  exclusion: {name: Exclusion, level: individual, harms: [knife-crime]}
outcomes:
  fewer-admissions: {name: Fewer admissions, stage: impact}
approaches:
  mentoring: {name: Mentoring}
partners:
  council: {name: Riverside Council}
services:
  mentors: {name: Mentors, tier: secondary, provider: council, approach: mentoring, addresses: [exclusion], outcomes: [fewer-admissions]}
"""
SVG = "{http://www.w3.org/2000/svg}"


def timelines(tmp_path: Path, texts: dict[str, str], months: int = 12) -> list[Timeline]:
    write(tmp_path, texts)
    loaded = load([str(tmp_path / name) for name in texts], str(tmp_path))
    assert loaded.ok, [f.line() for f in loaded.findings]
    return [timeline(Context(fw), months) for fw in loaded.frameworks]


def model(ident: str, title: str) -> str:
    return MODEL.replace("ID", ident).replace("TITLE", title)


@pytest.fixture
def riverside(tmp_path: Path) -> list[Timeline]:
    return timelines(tmp_path, {"model.yaml": model("riverside", "Riverside logic model")})


def svg_text(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_the_svg_parses_and_names_each_funding_source_with_its_amount(
    riverside: list[Timeline],
) -> None:
    texts = svg_text(timeline_chart(riverside, "svg"))
    joined = "\n".join(texts)
    assert "Youth fund $2026$ · £45,000 · Apr 2025 – Jan 2027" in texts
    assert "Early help base budget · £1,650,000 · Apr 2024 – no end date" in texts
    assert "1. January 2027: Youth fund $2026$ (£45,000)" in texts
    assert "_Hill $trust$ fund" in texts and "Riverside Council" in texts
    assert "Riverside logic model" in joined and "Today, 1 October 2026" in texts


def test_the_svg_has_a_title_and_description_for_screen_readers(
    riverside: list[Timeline],
) -> None:
    root = ET.fromstring(timeline_chart(riverside, "svg"))
    assert root.get("role") == "img"
    assert root.findtext(f"{SVG}title") == "Riverside logic model"
    assert root.findtext(f"{SVG}desc") == chart_description(riverside).strip()


def test_coverage_falls_when_the_grant_ends_and_the_description_says_so(
    riverside: list[Timeline],
) -> None:
    text = chart_description(riverside)
    assert (
        "Riverside logic model: coverage falls from 100% in October 2026 to 50% by "
        "September 2027 as funding ends. The largest fall, 50.0 percentage points, comes in "
        "February 2027. Funding ending: January 2027, Youth fund $2026$ (£45,000)."
    ) in text
    assert "2 funding sources, £1,695,000 in all; 1 ends within the funding horizon" in text


def test_several_models_draw_one_labelled_line_each_told_apart_without_colour(
    tmp_path: Path,
) -> None:
    three = timelines(
        tmp_path,
        {f"{n}.yaml": model(n, f"{n.title()} model") for n in ("north", "south", "east")},
    )
    with style():
        fig = figure(three)
    lines = [line for line in fig.axes[0].get_lines() if line.get_drawstyle() == "steps-post"]
    assert len(lines) == 3
    assert len({(line.get_linestyle(), line.get_marker()) for line in lines}) == 3
    labels = [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    assert [label.split(":")[0] for label in labels[:3]] == ["North", "South", "East"]
    texts = [t.get_text() for t in fig.texts]
    assert "Coverage and funding: North, South and East" in texts
    assert any(t.startswith("Model · Coverage (in-scope risk factors") for t in texts)


def test_a_model_without_funding_draws_coverage_and_says_so(tmp_path: Path) -> None:
    bare = timelines(tmp_path, {"model.yaml": UNFUNDED})
    with style():
        fig = figure(bare)
    assert len(fig.axes) == 1
    assert "No funding recorded in Bare model" in svg_text(timeline_chart(bare, "svg"))
    assert "No funding recorded in Bare model: the chart shows coverage only." in (
        chart_description(bare)
    )


def test_it_is_17_cm_wide_and_no_text_is_under_8_points(riverside: list[Timeline]) -> None:
    with style():
        fig = figure(riverside)
        fig.canvas.draw()
    assert fig.get_figwidth() == pytest.approx(PAGE_WIDTH)
    shown = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    assert shown and min(t.get_fontsize() for t in shown) >= TEXT
    assert {t.get_fontname() for t in shown} == {"DejaVu Sans"}


def test_the_same_timelines_give_the_same_bytes_in_one_process(
    riverside: list[Timeline],
) -> None:
    for fmt in ("svg", "png", "pdf"):
        assert timeline_chart(riverside, fmt) == timeline_chart(riverside, fmt)  # type: ignore[arg-type]


def test_no_dates_or_program_versions_in_the_files(riverside: list[Timeline]) -> None:
    version = matplotlib.__version__.encode()
    pdf = timeline_chart(riverside, "pdf")
    assert b"CreationDate" not in pdf and b"Producer" not in pdf and version not in pdf
    svg = timeline_chart(riverside, "svg")
    assert b"<dc:date>" not in svg and b"Created with" not in svg and version not in svg
    png = timeline_chart(riverside, "png", dpi=100)
    assert b"Software" not in png and version not in png
    with Image.open(io.BytesIO(png)) as image:
        assert image.width == round(PAGE_WIDTH * 100)


CHART = """\
import hashlib, sys
from vru_pathways.analysis.context import Context
from vru_pathways.analysis.timeline import timeline
from vru_pathways.charts.timeline import timeline_chart
from vru_pathways.loading import load
loaded = load(sys.argv[1:], sys.argv[1].rsplit("/", 1)[0])
tls = [timeline(Context(fw), 24) for fw in loaded.frameworks]
print(" ".join(hashlib.sha256(timeline_chart(tls, f)).hexdigest() for f in ("svg", "png", "pdf")))
"""


@pytest.mark.slow
def test_the_same_bytes_in_fresh_processes_whatever_the_hash_seed(tmp_path: Path) -> None:
    write(tmp_path, {f"{n}.yaml": model(n, f"{n.title()} model") for n in ("north", "south")})
    paths = [str(tmp_path / "north.yaml"), str(tmp_path / "south.yaml")]

    def digests(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        return subprocess.run(
            [sys.executable, "-c", CHART, *paths],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    first = digests("1")
    assert len(first.split()) == 3
    assert digests("2") == first


def test_a_very_long_name_is_cut_before_it_is_measured(tmp_path: Path) -> None:
    long = model("long", "Long model").replace('"Youth fund $2026$"', '"' + "word " * 100_000 + '"')
    texts = svg_text(timeline_chart(timelines(tmp_path, {"model.yaml": long}), "svg"))
    cut = [t for t in texts if t.startswith("word word") and "£45,000" in t]
    assert cut and all("…" in t and len(t) < 200 for t in cut)
