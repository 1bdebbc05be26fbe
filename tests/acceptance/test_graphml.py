"""GraphML export: readable by network tools, complete, deterministic."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from helpers import ROOT, run

from vru_pathways.analysis.context import Context
from vru_pathways.loading import load


def test_graphml_holds_the_whole_graph_with_the_analysis(tmp_path: Path) -> None:
    out = tmp_path / "southmere.graphml"
    assert run(["export", "graphml", "models/southmere/model.yaml", "-o", str(out)], ROOT).code == 0
    read = nx.read_graphml(out)
    graph = Context(load([str(ROOT / "models/southmere/model.yaml")]).frameworks[0]).graph
    assert set(read.nodes) == set(graph.nodes)
    assert set(read.edges) == set(graph.edges)
    factor = read.nodes["factor:parental-substance-misuse"]
    assert factor["kind"] == "factor" and factor["in_scope"] is True
    assert factor["pathway"] == "no-pathway" and factor["priority"] == "medium"
    service = read.nodes["service:sm-prison-visits"]
    assert (service["tier"], service["status"], service["label"]) == (
        "secondary",
        "planned",
        "Prison experience days",
    )
    assert read.edges["service:sm-prison-visits", "approach:prison-awareness"]["rel"] == "approach"


@pytest.mark.slow
def test_graphml_is_identical_across_hash_seeds(tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"{seed}.graphml"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "vru_pathways",
                "export",
                "graphml",
                "models/eastwick/model.yaml",
                "-o",
                str(out),
            ],
            cwd=ROOT,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_export_of_a_broken_model_exits_2(tmp_path: Path) -> None:
    (tmp_path / "model.yaml").write_text("format: vru-pathways/1\nservices: [\n", encoding="utf-8")
    result = run(["export", "graphml", "model.yaml", "-o", "out.graphml"], tmp_path)
    assert result.code == 2 and "yaml-syntax" in result.out
    assert not (tmp_path / "out.graphml").exists()
