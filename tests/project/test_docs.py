"""The docs say what the code does."""

from __future__ import annotations

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
