"""Drawings on true pages: every page of every shipped model's views, drawn on A4, is
measured in the PDF itself (pdfminer reads the size of every character as printed), and
its smallest text is at least 7 pt; a page too small is split, each part with its own
title and key, into one PDF or numbered SVG files, or refused with what to do."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from helpers import ROOT, run
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTContainer, LTItem, LTPage
from pypdf import PdfReader

pytestmark = [pytest.mark.slow]

MODELS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "models").glob("*/model.yaml"))
VIEWS = (("pathways",), ("logic-model",), ("matrix",), ("matrix", "--columns", "area"))
A4 = {"landscape": (842, 595), "portrait": (595, 842)}
"""A4 in points, rounded."""


def characters(item: LTItem) -> list[LTChar]:
    if isinstance(item, LTChar):
        return [item]
    if isinstance(item, LTContainer):
        return [c for child in item for c in characters(child)]
    return []


def text(page: LTPage) -> str:
    return "".join(c.get_text() for c in characters(page))


def drawn(args: list[str], out: Path, folder: Path = ROOT) -> list[LTPage]:
    result = run(["draw", *args, "-o", str(out)], folder)
    assert result.code == 0, result.err
    return list(extract_pages(out))


@pytest.mark.parametrize("model", MODELS)
def test_every_page_of_every_view_prints_its_smallest_text_at_7_pt_or_more(
    tmp_path: Path, model: str
) -> None:
    for view in VIEWS:
        out = tmp_path / f"{'-'.join(view)}.pdf"
        pages = drawn([model, "--view", *view, "--page", "a4"], out)
        title = {"pathways": "Pathway map", "logic-model": "Logic model", "matrix": "Matrix"}
        for number, page in enumerate(pages, 1):
            where = f"{model} {' '.join(view)}, page {number} of {len(pages)}"
            smallest = min(c.size for c in characters(page))
            assert smallest >= 7.0 - 0.01, (where, smallest)
            assert (round(page.width), round(page.height)) in A4.values(), where
            shown = text(page)
            assert shown.startswith(f"{title[view[0]]}:"), where
            assert "Key:" in shown and "As of " in shown, where
            if len(pages) > 1:
                assert f" of {len(pages)}" in shown or "factors" in shown, where


def test_a_page_is_exactly_the_paper_asked_for(tmp_path: Path) -> None:
    for paper, orientation, (width, height) in (
        ("a4", "portrait", (595.3, 841.9)),
        ("a3", "landscape", (1190.6, 841.9)),
    ):
        out = tmp_path / f"{paper}.pdf"
        args = ["draw", "models/eastwick/model.yaml", "--view", "matrix", "-o", str(out)]
        result = run([*args, "--page", paper, "--orientation", orientation], ROOT)
        assert result.code == 0, result.err
        for page in PdfReader(out).pages:
            box = page.mediabox
            assert float(box.width) == pytest.approx(width, abs=0.5)
            assert float(box.height) == pytest.approx(height, abs=0.5)


def test_a_split_svg_is_numbered_files_each_with_its_title_key_and_description(
    tmp_path: Path,
) -> None:
    out = tmp_path / "map.svg"
    alt = tmp_path / "map.txt"
    model = "models/northbrook/model.yaml"
    result = run(["draw", model, "--page", "a4", "-o", str(out), "--alt-text", str(alt)], ROOT)
    assert result.code == 0, result.err
    files = sorted(tmp_path.glob("map-*.svg"), key=lambda p: int(p.stem.split("-")[1]))
    assert len(files) > 1 and not out.exists()
    for number, path in enumerate(files, 1):
        svg = path.read_text(encoding="utf-8")
        assert f"map-{number}.svg" == path.name
        assert '<svg width="841.' in svg or '<svg width="595.' in svg, path.name
        assert '<title id="diagram-title">Pathway map: Northbrook' in svg and "Key:" in svg
        assert '<desc id="diagram-desc">Pathway map: Northbrook' in svg
    described = alt.read_text(encoding="utf-8")
    assert described.count("Pathway map: Northbrook") == len(files)


def test_a_drawing_that_cannot_be_read_unsplit_is_refused_with_what_to_do(tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    args = ["draw", "models/northbrook/model.yaml", "--page", "a4", "--split-by", "none"]
    result = run([*args, "-o", str(out)], ROOT)
    assert result.code == 2
    assert "below 7 pt" in result.err and "--page a3" in result.err and "--harm ID" in result.err
    assert not out.exists()


def fifty_factors(folder: Path) -> Path:
    """An area model of 50 risk factors at four levels and 18 services: ten factors no
    service addresses, services too few and too small for the needs, and a grant that
    ends soon, so most of the gap symbols are drawn."""
    levels = ["individual"] * 20 + ["relationship"] * 14 + ["community"] * 11 + ["societal"] * 5
    names = (
        "Attention, hyperactivity or learning disorders",
        "Low commitment to school and school failure",
        "Poor parental monitoring and supervision",
        "Deprivation and low economic opportunity",
        "Inequality and norms that condone violence",
    )
    tiers = ("primary", "secondary", "tertiary")
    lines = [
        "format: vru-pathways/1",
        "id: fifty",
        "title: An area of fifty factors",
        'scope: {harms: [knife-crime], ages: "0-25", as_of: 2025-04-01}',
        "policy: {require_tiers: [primary, secondary]}",
        "harms: {knife-crime: {name: Knife crime}}",
        "areas: {north: {name: North}, south: {name: South}}",
        "funding: {grant: {name: Short grant, ends: 2025-06-30}}",
        "outcomes: {fewer: {name: Fewer knife admissions, stage: impact}}",
        "risk_factors:",
        *(
            f'  f{i:02d}: {{name: "{names[i % 5]} {i}", level: {level}, harms: [knife-crime]}}'
            for i, level in enumerate(levels)
        ),
        "needs:",
        *(
            f'  f{i:02d}: {{priority: high, ages: "10-17", areas: [north, south], cohort: 50}}'
            for i in range(0, 40, 4)
        ),
        "services:",
        *(
            f"  s{s:02d}: {{name: Service {s}, tier: {tiers[s % 3]}, ages: '11-16', "
            f"areas: [{('north', 'south')[s % 2]}], capacity: 20, outcomes: [fewer], "
            f"addresses: [{', '.join(f'f{(s * 2 + k) % 40:02d}' for k in range(3))}]"
            + (", funding: [grant]" if s % 5 == 0 else "")
            + "}"
            for s in range(18)
        ),
    ]
    (folder / "model.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / "model.yaml"


def test_the_matrix_of_fifty_factors_fits_one_a4_portrait_page_at_8_pt(tmp_path: Path) -> None:
    fifty_factors(tmp_path)
    gaps = run(["gaps", "model.yaml", "--fail-on", "never", "-f", "json"], tmp_path)
    assert gaps.code == 0 and '"no-pathway"' in gaps.out and '"funding-cliff"' in gaps.out
    args = ["model.yaml", "--view", "matrix", "--page", "a4", "--orientation", "portrait"]
    pages = drawn([*args, "--split-by", "none"], tmp_path / "matrix.pdf", tmp_path)
    assert len(pages) == 1
    page = pages[0]
    assert (round(page.width), round(page.height)) == A4["portrait"]
    assert min(c.size for c in characters(page)) >= 8.0
    shown = text(page)
    assert all(f"{n} {i}" in shown for i, n in [(0, "disorders"), (49, "violence")])


def test_split_png_pages_are_numbered_files_each_the_size_of_the_paper(tmp_path: Path) -> None:
    out = tmp_path / "model.png"
    args = ["draw", "models/eastwick/model.yaml", "--view", "logic-model", "--page", "a4"]
    result = run([*args, "--dpi", "50", "-o", str(out)], ROOT)
    assert result.code == 0, result.err
    files = sorted(tmp_path.glob("model-*.png"), key=lambda p: int(p.stem.split("-")[1]))
    assert len(files) > 1 and not out.exists()
    assert [p.name for p in files] == [f"model-{n}.png" for n in range(1, len(files) + 1)]
    for path in files:
        width, height = struct.unpack(">II", path.read_bytes()[16:24])
        assert (width, height) == (round(11.69 * 50), round(8.27 * 50)), path.name  # A4 landscape
