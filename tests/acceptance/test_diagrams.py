"""Diagrams: the golden DOT and Mermaid (tests/cases/diagrams) rendered by the real tools,
and the draw command's options, files and safety."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from golden import CASES, every_pin
from helpers import ROOT, run
from mermaid_check import parse_all, render_all, requires_mermaid, svg_accessible, svg_text
from pypdf import PdfReader

from vru_pathways import views
from vru_pathways.analysis.context import Context
from vru_pathways.loading import load
from vru_pathways.views.build import REGISTRY
from vru_pathways.views.focus import neighbourhood

DIAGRAMS = CASES / "diagrams"
needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None and not os.environ.get("CI"),
    reason="Graphviz's dot is not installed (./scripts/setup-system)",
)


def draw(case: str, view: str, extra: list[str], fmt: str) -> str:
    result = run(["draw", str(DIAGRAMS / case / "model.yaml"), "--view", view, "-f", fmt, *extra])
    assert result.code == 0, result.err
    return result.out


def all_goldens(suffix: str) -> list[Path]:
    """The expected files of the golden cases (tests/cases) and the gallery's diagrams."""
    return sorted(p.path for p in every_pin() if p.path.suffix == f".{suffix}") + sorted(
        (ROOT / "docs" / "gallery").glob(f"*.{suffix}")
    )


@pytest.mark.slow
@needs_dot
@pytest.mark.parametrize("path", all_goldens("dot"), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_graphviz_renders_every_golden_dot_file_without_complaint(path: Path) -> None:
    result = subprocess.run(["dot", "-Tsvg", str(path)], capture_output=True, check=False)
    assert result.returncode == 0 and result.stderr == b"", result.stderr.decode()
    ET.fromstring(result.stdout)


@pytest.mark.slow
@requires_mermaid
def test_mermaid_accepts_every_golden_mermaid_file() -> None:
    texts = {p.relative_to(ROOT).as_posix(): p.read_text("utf-8") for p in all_goldens("mmd")}
    assert len(texts) >= 10
    assert {name: error for name, error in parse_all(texts).items() if error} == {}


HOSTILE_TEXTS = [
    '"Quoted" <script>alert(1)</script> & 100% --> end',
    "Emoji 🔪 and right-to-left مدرسة שלום",
    'Service "one" <i>x</i> --> [a] {b} (c) #d% & end',
    "Outcome ]] }} >> %% ;; `code` \\ end",
    "Partner & Sons <Ltd>",
]


def squash(text: str) -> str:
    return " ".join(text.replace("\u2060", "").split())


@pytest.mark.slow
@requires_mermaid
def test_mermaid_shows_hostile_text_as_written() -> None:
    svgs = render_all({v: draw("hostile", v, [], "mermaid") for v in ("pathways", "logic-model")})
    shown = squash(" ".join(svg_text(s) for s in svgs.values()))
    for text in HOSTILE_TEXTS:
        assert squash(text) in shown
    assert "alert" not in "".join(re.findall(r"<script[^>]*>.*?</script>", svgs["pathways"]))
    accessible = svg_accessible(svgs["pathways"])
    assert accessible["title"].startswith("Pathway map: Quotes")
    assert "Risk factors with no pathway" in accessible["desc"]


def svg_of(tmp_path: Path, case: str, view: str, *extra: str) -> ET.Element:
    out = tmp_path / f"{case}-{view}.svg"
    result = run(
        ["draw", str(DIAGRAMS / case / "model.yaml"), "--view", view, "-o", str(out), *extra]
    )
    assert result.code == 0, result.err
    return ET.parse(out).getroot()


SVG = "{http://www.w3.org/2000/svg}"


def texts(root: ET.Element) -> str:
    return " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


@pytest.mark.slow
@needs_dot
def test_svg_has_nodes_gap_markers_legend_title_and_desc(tmp_path: Path) -> None:
    root = svg_of(tmp_path, "markers", "pathways")
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text.startswith("Pathway map: Markers example")
    assert "Risk factors with no pathway" in root.find(f"{SVG}desc").text
    nodes = {g.find(f"{SVG}title").text for g in root.iter(f"{SVG}g") if g.get("class") == "node"}
    assert {
        "factor:school-exclusion",
        "factor:gang-involvement",
        "service:prison-day",
        "outcome:fewer-admissions",
    } <= nodes
    shown = texts(root)
    for marker in ("✕ NO PATHWAY", "⊘ DEAD END", "▲ HARMFUL APPROACH", "◌ NOT ACTIVE"):
        assert shown.count(marker) >= 2, marker  # on a node and in the legend
    assert "Key:" in shown and "As of 2025-01-01" in shown


@pytest.mark.slow
@needs_dot
def test_svg_shows_hostile_text_as_written(tmp_path: Path) -> None:
    shown = squash(
        texts(svg_of(tmp_path, "hostile", "pathways"))
        + texts(svg_of(tmp_path, "hostile", "logic-model"))
    )
    for text in HOSTILE_TEXTS:
        assert squash(text) in shown


def test_alt_text_names_the_gaps(tmp_path: Path) -> None:
    alt = tmp_path / "alt.txt"
    result = run(
        [
            "draw",
            str(DIAGRAMS / "markers" / "model.yaml"),
            "-f",
            "dot",
            "-o",
            str(tmp_path / "x.dot"),
            "--alt-text",
            str(alt),
        ]
    )
    assert result.code == 0
    text = alt.read_text(encoding="utf-8")
    assert (
        "Risk factors with no pathway (no active service addresses them): "
        "Low community participation; Availability of weapons." in text
    )
    assert "dead ends): Gang involvement." in text
    assert "harmful: Prison experience day." in text
    assert (
        "Factors whose every covering service may stop within the horizon: "
        "Permanent exclusion from school (by 2025-03-31); A trusted adult (by 2025-03-31)."
    ) in text
    assert "None of the factors drawn has no service building it" in text


def test_adding_a_service_does_not_reorder_other_nodes(tmp_path: Path) -> None:
    text = (DIAGRAMS / "markers" / "model.yaml").read_text(encoding="utf-8")
    before = draw("markers", "pathways", [], "dot")
    extra = text + (
        "  new-club:\n    name: New club\n    tier: primary\n"
        "    addresses: [school-exclusion]\n    outcomes: [fewer-exclusions]\n"
    )
    (tmp_path / "model.yaml").write_text(extra, encoding="utf-8")
    after = run(["draw", str(tmp_path / "model.yaml"), "-f", "dot"]).out

    def node_order(dot: str) -> list[str]:
        return re.findall(r'^\s+"((?:factor|service|outcome)[^"]*)" \[', dot, re.M)

    assert "service:new-club" in node_order(after)
    assert [n for n in node_order(after) if n != "service:new-club"] == node_order(before)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("fmt", "extra"),
    [
        ("dot", ()),
        ("mermaid", ()),
        ("svg", ()),
        ("pdf", ("--view", "logic-model", "--page", "a4")),  # split into several pages
        ("png", ("--view", "matrix", "--page", "a4", "--dpi", "60")),
    ],
)
def test_output_is_identical_across_hash_seeds(
    tmp_path: Path, fmt: str, extra: tuple[str, ...]
) -> None:
    if fmt != "dot" and fmt != "mermaid" and shutil.which("dot") is None:
        pytest.skip("no dot")
    outputs = []
    for seed in ("1", "2", "777") if not extra else ("1", "777"):
        out = tmp_path / f"{seed}.{fmt}"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "vru_pathways",
                "draw",
                "models/eastwick/model.yaml",
                "-f",
                fmt,
                "-o",
                str(out),
                *extra,
            ],
            cwd=ROOT,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.append(out.read_bytes())
    assert len(set(outputs)) == 1
    if fmt == "pdf":
        assert len(PdfReader(out).pages) > 1


def test_format_follows_the_file_extension(tmp_path: Path) -> None:
    model = str(DIAGRAMS / "markers" / "model.yaml")
    assert run(["draw", model, "-o", str(tmp_path / "a.mmd")]).code == 0
    assert (tmp_path / "a.mmd").read_text(encoding="utf-8").startswith("flowchart LR")
    assert run(["draw", model, "-o", str(tmp_path / "a.gv")]).code == 0
    assert (tmp_path / "a.gv").read_text(encoding="utf-8").startswith("digraph")
    unknown = run(["draw", model, "-o", str(tmp_path / "a.txt")])
    assert unknown.code == 2 and "cannot tell the format" in unknown.err
    assert run(["draw", model, "-f", "png"]).code == 2


def test_too_big_a_view_is_refused_with_advice() -> None:
    result = run(
        [
            "draw",
            "models/southmere/model.yaml",
            "--view",
            "pathways",
            "--all-factors",
            "--max-nodes",
            "40",
            "-f",
            "dot",
        ],
        ROOT,
    )
    assert result.code == 2
    assert "too many to read" in result.err and "--group-by" in result.err
    assert result.out == ""


def test_group_by_collapses_services_and_counts_them() -> None:
    out = draw("markers", "pathways", ["--group-by", "provider"], "dot")
    assert '"service:' not in out
    assert "Example Council" in out and "2 services" in out


def test_focus_needs_a_known_id() -> None:
    model = str(DIAGRAMS / "markers" / "model.yaml")
    result = run(["draw", model, "--view", "focus", "--focus", "gang-involvment", "-f", "dot"])
    assert result.code == 2 and "did you mean 'gang-involvement'" in result.err
    assert run(["draw", model, "--view", "focus", "-f", "dot"]).code == 2


def test_filters_narrow_the_view() -> None:
    out = draw("markers", "pathways", ["--tier", "primary"], "dot")
    assert '"service:forum"' in out and '"service:mentors"' not in out
    out = draw("markers", "logic-model", ["--area", "north"], "dot")
    assert '"service:mentors"' in out and '"service:forum"' not in out


def test_gaps_only_keeps_exactly_the_factors_with_findings() -> None:
    from vru_pathways.use_cases import check as app

    model = "models/northbrook/model.yaml"
    with_gaps = {
        f.entity.split(".")[1]
        for f in app.gaps([str(ROOT / model)]).findings
        if f.entity.split(".")[0].endswith("_factors")
    }

    def factors(*extra: str) -> set[str]:
        out = run(["draw", model, "--all-factors", "-f", "dot", *extra], ROOT).out
        return set(re.findall(r'^\s+"factor:([^"]+)" \[', out, re.M))

    assert factors("--gaps-only") == with_gaps
    assert factors() - with_gaps


@pytest.mark.slow
def test_missing_dot_explains_how_to_install(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "vru_pathways",
            "draw",
            str(DIAGRAMS / "markers" / "model.yaml"),
            "-o",
            str(tmp_path / "x.svg"),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 2
    assert "apt-get install graphviz" in result.stderr
    assert "--format dot and --format mermaid work without it" in result.stderr
    assert not (tmp_path / "x.svg").exists()


def test_a_failed_draw_leaves_the_previous_file_intact(tmp_path: Path) -> None:
    out = tmp_path / "map.dot"
    out.write_text("previous", encoding="utf-8")
    result = run(
        [
            "draw",
            str(DIAGRAMS / "markers" / "model.yaml"),
            "--view",
            "focus",
            "--focus",
            "nothing-here",
            "-o",
            str(out),
        ]
    )
    assert result.code == 2
    assert out.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir() if p.name != ".git"] == ["map.dot"]


@pytest.mark.slow
@needs_dot
def test_png_resolution_follows_dpi(tmp_path: Path) -> None:
    def width(*extra: str) -> int:
        out = tmp_path / "map.png"
        assert (
            run(["draw", str(DIAGRAMS / "markers" / "model.yaml"), "-o", str(out), *extra]).code
            == 0
        )
        data = out.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        return int(struct.unpack(">I", data[16:20])[0])

    default, low, high = width(), width("--dpi", "100"), width("--dpi", "400")
    assert abs(default / low - 2) < 0.05 and abs(high / default - 2) < 0.05


@pytest.mark.slow
@needs_dot
def test_gallery_is_current() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/gallery.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    out = tmp_path / "map.dot"
    old = os.umask(0o022)
    try:
        assert run(["draw", str(DIAGRAMS / "markers" / "model.yaml"), "-o", str(out)]).code == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644
    out.chmod(0o600)
    assert run(["draw", str(DIAGRAMS / "markers" / "model.yaml"), "-o", str(out)]).code == 0
    assert out.stat().st_mode & 0o777 == 0o600


def test_every_view_choice_is_in_the_registry() -> None:
    """The command line offers the light ``VIEWS`` names; each is a view the registry draws."""
    assert tuple(REGISTRY) == views.VIEWS


def test_the_focus_neighbourhood_walks_the_graph_past_closed_services() -> None:
    """Upstream of an outcome: the services contributing to it, then the factors they
    address; a closed service takes no part, so neither does the factor only it covers."""
    fw = load([str(ROOT / "tests/cases/valid/statuses/model.yaml")]).frameworks[0]
    near = neighbourhood(Context(fw).graph, "outcome:fewer-admissions", 2)
    live = ("planned", "paused", "not-started", "ended", "starts-today", "ends-today")
    assert near == {
        "outcome:fewer-admissions",
        *(f"service:{s}" for s in live),
        *(f"factor:f-{s}" for s in live),
    }
