"""CSV of the findings, one row each, for a spreadsheet."""

from __future__ import annotations

import csv
import io

from ..results import CheckReport

HEADER = ["path", "line", "column", "severity", "rule", "entity", "board", "models", "message"]


def render(report: CheckReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for f in report.findings:
        writer.writerow(
            [
                f.location.path,
                f.location.line,
                f.location.col,
                f.severity.label,
                f.rule,
                f.entity,
                f.board or "",
                " ".join(f.models),
                f.message,
            ]
        )
    return buffer.getvalue()
