"""The commands about time and money print and write names from the input as harmlessly
as every other command: ``whatif`` in each format and with ``--each-funding``,
``timeline`` as a table, JSON, CSV and a chart, and the board report's money section."""

from __future__ import annotations

import json
import xml.dom.minidom
from pathlib import Path

import pytest
from attacks import HOSTILE, STARTS, harmless, hostile_model, quoted
from helpers import run, write

RAW_IN_HTML = tuple(chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, 0x9B))


def strings(value: object) -> set[str]:
    """Every string anywhere in a JSON document."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*map(strings, value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*map(strings, value)) if value else set()
    return set()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    scenario = f"scenarios:\n  cut: {{name: {quoted(STARTS[0] + HOSTILE)}, end_funding: [grant]}}\n"
    write(tmp_path, {"model.yaml": hostile_model() + scenario})
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
@pytest.mark.parametrize("how", [["--scenario", "all"], ["--each-funding"]], ids=["all", "each"])
def test_whatif_is_harmless(folder: Path, fmt: str, how: list[str]) -> None:
    result = run(["whatif", "model.yaml", *how, "-f", fmt], folder)
    assert result.code == 0, result.out + result.err
    harmless(result.out)
    harmless(result.err)
    if fmt == "json":
        assert STARTS[0] + HOSTILE in strings(json.loads(result.out))  # the exact text, as data
    else:
        assert "retitled" in result.out  # the names are printed, escaped


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_timeline_printed_is_harmless(folder: Path, fmt: str) -> None:
    result = run(["timeline", "model.yaml", "--months", "3", "-f", fmt], folder)
    assert result.code == 0, result.out + result.err
    harmless(result.out)
    assert "retitled" in result.out


@pytest.mark.slow
def test_the_timeline_chart_stays_xml(folder: Path) -> None:
    result = run(["timeline", "model.yaml", "--months", "3", "-o", "t.svg"], folder)
    assert result.code == 0, result.err
    document = xml.dom.minidom.parse(str(folder / "t.svg"))
    harmless(document.toxml())


@pytest.mark.slow
def test_the_board_report_shows_control_characters_as_escapes(folder: Path) -> None:
    result = run(["report", "model.yaml", "-o", "report.html"], folder)
    assert result.code == 0, result.err
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert "Money and time" in page
    assert "retitled" in page
    assert not [hex(ord(c)) for c in RAW_IN_HTML if c in page]
