"""The progress line: on a terminal for big inputs, never in pipes, logs or CI."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from helpers import ROOT, run

from vru_pathways.cli.progress import BIG, Progress, for_paths


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_sees_stages_and_a_cleared_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    out = Terminal()
    progress = Progress(out)
    progress.stage("reading")
    progress.stage("finding the gaps")
    progress.done()
    text = out.getvalue()
    assert "reading …" in text and "finding the gaps …" in text
    assert text.endswith("\r\x1b[K")


@pytest.mark.parametrize("ci", ["true", ""])
def test_nothing_in_ci_or_when_piped(monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    monkeypatch.setenv("CI", ci)
    out = Terminal() if ci else io.StringIO()
    progress = Progress(out)
    progress.stage("reading")
    progress.done()
    assert out.getvalue() == ""


def test_small_inputs_need_no_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr("sys.stderr", Terminal())
    small, big = tmp_path / "small.yaml", tmp_path / "big.yaml"
    small.write_text("x", encoding="utf-8")
    big.write_bytes(b"#" * BIG)
    assert not for_paths([str(small)]).enabled
    assert for_paths([str(big)]).enabled


def test_the_command_line_prints_no_progress_when_piped() -> None:
    result = run(["gaps", "models/northbrook/model.yaml"], ROOT)
    assert "…" not in result.err
