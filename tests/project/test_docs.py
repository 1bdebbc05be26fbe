"""The docs say what the code does."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from helpers import ROOT, run


@pytest.mark.slow
def test_rules_doc_is_current() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/gen_docs.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme.split("---", 1)[0]
    assert "./scripts/example" in head and "./scripts/test" in head
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().endswith("./scripts/test")


def test_readme_example_output_is_what_the_tool_prints() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = [line for line in readme.splitlines() if line.startswith("models/")]
    assert shown
    out = run(
        [
            "gaps",
            "models/eastwick/model.yaml",
            "models/northbrook/model.yaml",
            "models/southmere/model.yaml",
        ],
        ROOT,
    ).out.splitlines()
    for line in shown:
        assert line in out


def test_the_gallery_timeline_charts_are_current() -> None:
    """The timeline charts in docs/gallery and their section of gallery.md are what
    scripts/gallery.py draws now (in-process: they need no Graphviz)."""
    spec = importlib.util.spec_from_file_location("gallery", ROOT / "scripts" / "gallery.py")
    assert spec is not None and spec.loader is not None
    gallery = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gallery)
    if not gallery.charts_comparable():
        pytest.skip(f"the gallery's charts were drawn with matplotlib {gallery.CHARTS_DRAWN_WITH}")
    charts, lines = gallery.timeline_files()
    assert {p.name for p in charts} == {"timeline-northbrook.svg", "timeline-region.svg"}
    stale = [p.name for p, data in charts.items() if not p.exists() or p.read_bytes() != data]
    assert stale == [], "run: python scripts/gallery.py"
    assert "\n".join(lines).strip() in (ROOT / "docs" / "gallery.md").read_text(encoding="utf-8")
