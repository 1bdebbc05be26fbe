"""Each command imports only what it uses.

Every command runs in a fresh process, as from a shell; what it imported is read from
``sys.modules`` when it ends. Start-up is most of what a small run costs, so a command
that draws nothing never imports the emitters, the views or Graphviz; one that writes
no workbook never imports openpyxl; ``--help`` and ``schema`` never import networkx or
the YAML reader.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

MODEL = "models/eastwick/model.yaml"

THIRD_PARTY = (
    "networkx",
    "pydantic",
    "yaml",
    "matplotlib",
    "openpyxl",
    "graphviz",
    "docx",
    "pptx",
    "pypdf",
)
"""Heavy packages of others, by top-level name."""
OURS = (
    "vru_pathways.analysis",
    "vru_pathways.board_report",
    "vru_pathways.charts.figure",
    "vru_pathways.charts.timeline",
    "vru_pathways.edge.graphviz",
    "vru_pathways.interchange",
    "vru_pathways.loading",
    "vru_pathways.render.diagram",
    "vru_pathways.render.dot",
    "vru_pathways.render.mermaid",
    "vru_pathways.render.svg",
    "vru_pathways.views.build",
)
"""Our own modules that cost start-up time or belong to one command: the drawing, report,
chart and interchange modules, and the analysis and loading a framework needs."""

PROBE = """\
import json, sys
from vru_pathways.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
third = {name.split(".")[0] for name in sys.modules} & set(json.loads(sys.stdin.readline()))
ours = {name for name in json.loads(sys.stdin.readline()) if name in sys.modules}
sys.__stdout__.write("\\n" + json.dumps(sorted(third | ours)) + "\\n")
"""

BASE = ["networkx", "pydantic", "vru_pathways.analysis", "vru_pathways.loading", "yaml"]
"""What every command that reads a model needs."""
VIEW = ["vru_pathways.render.diagram", "vru_pathways.views.build"]
DRAWING = [*VIEW, "graphviz", "vru_pathways.edge.graphviz", "vru_pathways.render.svg"]
"""What drawing a view as an image needs, beside the emitter of its text."""
CHARTS = ["matplotlib", "vru_pathways.charts.figure", "vru_pathways.charts.timeline"]
"""What a report that places pictures needs for its charts of money and time."""

REPORT = ["vru_pathways.board_report", "vru_pathways.render.dot", "vru_pathways.render.mermaid"]
"""What every report needs beside drawing: its writers, and the emitters of its diagrams."""

COMMANDS: dict[str, tuple[list[str], list[str]]] = {
    "help": (["--help"], []),
    "version": (["--version"], []),
    "command help": (["gaps", "--help"], ["pydantic"]),  # typer coerces parameters with it
    "schema": (["schema"], ["pydantic"]),
    "validate": (["validate", MODEL], BASE),
    "gaps": (["gaps", MODEL], BASE),
    "gaps json": (["gaps", MODEL, "--format", "json"], BASE),
    "diff": (["diff", MODEL, MODEL], BASE),
    "whatif": (["whatif", MODEL, "--each-funding"], BASE),
    "timeline": (["timeline", MODEL], [*BASE, "vru_pathways.render.diagram"]),
    "draw dot": (["draw", MODEL, "--format", "dot"], [*BASE, *VIEW, "vru_pathways.render.dot"]),
    "draw mermaid": (
        ["draw", MODEL, "--format", "mermaid"],
        [*BASE, *VIEW, "vru_pathways.render.mermaid"],
    ),
    "draw svg": (
        ["draw", MODEL, "--format", "svg", "-o", "{tmp}/map.svg"],
        [*BASE, *DRAWING, "vru_pathways.render.dot"],
    ),
    "draw svg on a page": (
        ["draw", MODEL, "--format", "svg", "--page", "a4", "-o", "{tmp}/map.svg"],
        [*BASE, *DRAWING, "vru_pathways.render.dot"],
    ),
    "draw png": (  # no SVG is made, so none is post-processed
        ["draw", MODEL, "--format", "png", "-o", "{tmp}/map.png"],
        [*BASE, *VIEW, "graphviz", "vru_pathways.edge.graphviz", "vru_pathways.render.dot"],
    ),
    "draw pdf on a page": (  # pypdf sets each page on true paper
        ["draw", MODEL, "--format", "pdf", "--page", "a4", "-o", "{tmp}/map.pdf"],
        [
            *BASE,
            *VIEW,
            "graphviz",
            "pypdf",
            "vru_pathways.edge.graphviz",
            "vru_pathways.render.dot",
        ],
    ),
    "draw matrix": (
        ["draw", MODEL, "--view", "matrix", "--format", "dot"],
        [*BASE, *VIEW, "vru_pathways.render.dot"],
    ),
    "list": (["list", "factors"], BASE),  # the catalogue is read as a model is
    "init": (  # the starter model is written by vru_pathways.interchange.starter
        ["init", "{tmp}/area", "--locality", "North"],
        [*BASE, "vru_pathways.interchange"],
    ),
    "export graphml": (
        ["export", "graphml", MODEL, "-o", "{tmp}/model.graphml"],
        [*BASE, "vru_pathways.interchange"],
    ),
    "export xlsx": (
        ["export", "xlsx", MODEL, "-o", "{tmp}/model.xlsx"],
        [*BASE, "openpyxl", "vru_pathways.interchange"],
    ),
    "report": (
        ["report", MODEL, "-o", "{tmp}/report.md"],
        [
            *BASE,
            *DRAWING,
            "vru_pathways.board_report",
            "vru_pathways.render.dot",
            "vru_pathways.render.mermaid",
        ],
    ),
    "report html": (
        ["report", MODEL, "-o", "{tmp}/report.html"],
        [*BASE, *DRAWING, *CHARTS, *REPORT],
    ),
    "report docx": (  # a Word file is a zip, stamped to one time as the workbook is
        ["report", MODEL, "-o", "{tmp}/report.docx"],
        [*BASE, *DRAWING, *CHARTS, *REPORT, "docx", "vru_pathways.interchange"],
    ),
    "report pptx": (  # as docx: its zip is stamped by vru_pathways.interchange.zips
        ["report", MODEL, "-o", "{tmp}/report.pptx"],
        [*BASE, *DRAWING, *CHARTS, *REPORT, "pptx", "vru_pathways.interchange"],
    ),
}


def loaded(args: list[str], tmp: Path) -> list[str]:
    """The heavy modules a fresh process running the command line on ``args`` imported."""
    argv = [arg.format(tmp=tmp) for arg in args]
    stdin = json.dumps(THIRD_PARTY) + "\n" + json.dumps(OURS) + "\n"
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    )
    found: list[str] = json.loads(result.stdout.rstrip().splitlines()[-1])
    return found


@pytest.mark.slow
@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_imports_only_what_it_uses(name: str, tmp_path: Path) -> None:
    args, expected = COMMANDS[name]
    assert loaded(args, tmp_path) == sorted(expected)


@pytest.mark.slow
def test_the_probe_sees_what_a_command_imports(tmp_path: Path) -> None:
    """The probe itself can fail: a command that draws is seen drawing."""
    assert "vru_pathways.render.dot" in loaded(["draw", MODEL, "--format", "dot"], tmp_path)
    assert "networkx" not in loaded(["--help"], tmp_path)
