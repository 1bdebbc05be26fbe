"""CSV of the findings, one row each, for a spreadsheet: no cell can run as a formula."""

from __future__ import annotations

import csv
import io

from ..escaping import csv_cell
from ..results import CheckReport

HEADER = ["path", "line", "column", "severity", "rule", "entity", "board", "models", "message"]


def render(report: CheckReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for f in report.shown:
        text = [f.severity.label, f.rule, f.entity, f.board or "", " ".join(f.models), f.message]
        row: list[str | int] = [csv_cell(f.location.path), f.location.line, f.location.col]
        writer.writerow(row + [csv_cell(t) for t in text])
    return buffer.getvalue()
