"""The timeline command's options: its bound on months is the analysis's, and the format
follows the output file's name."""

from __future__ import annotations

import pytest
import typer

from vru_pathways.analysis import timeline as analysis
from vru_pathways.cli import timeline as command


def test_the_command_bounds_months_as_the_analysis_does() -> None:
    assert command.MAX_MONTHS == analysis.MAX_MONTHS


@pytest.mark.parametrize(
    ("fmt", "output", "chosen"),
    [
        (None, None, "table"),
        ("csv", None, "csv"),
        (None, "out/chart.PDF", "pdf"),
        (None, "months.json", "json"),
        ("svg", "chart.png", "svg"),
    ],
)
def test_the_format_is_asked_for_or_named_by_the_extension(
    fmt: str | None, output: str | None, chosen: str
) -> None:
    assert command.timeline_format(fmt, output) == chosen


@pytest.mark.parametrize("output", ["chart.gif", "chart"])
def test_an_extension_that_names_no_format_is_a_usage_error(output: str) -> None:
    with pytest.raises(typer.BadParameter):
        command.timeline_format(None, output)
