"""Markdown for a wiki page, an issue or a pull-request comment."""

from __future__ import annotations

from ..results import CheckReport
from .common import COVERAGE_HEADER, counts, coverage_row, finding_header, finding_row, matrix


def escape(text: str) -> str:
    """Make text safe inside a Markdown table cell."""
    out = text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
    for ch in "*_`<>[]":
        out = out.replace(ch, "\\" + ch)
    return out


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = [
        "| " + " | ".join(escape(h) for h in header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows]
    return lines


def render(report: CheckReport) -> str:
    several = len(report.models) > 1
    title = "Gap analysis" if report.command == "gaps" else "Validation"
    lines = [f"# {title}", "", f"**{counts(report.findings)}**", ""]
    if report.shown:
        lines += table(finding_header(several), [finding_row(f, several) for f in report.shown]) + [
            ""
        ]
    if report.coverage:
        lines += ["## Coverage", "", "In-scope factors with a full intervention pathway.", ""]
        lines += table(COVERAGE_HEADER, [coverage_row(c) for c in report.coverage]) + [""]
    lines += [f"**Failed coverage gate:** {escape(gate)}" for gate in report.gates]
    if report.gates:
        lines.append("")
    if several and report.coverage:
        lines += ["## Factor × model", "", "Active services giving a pathway.", ""]
        lines += table(*matrix(report)) + [""]
    return "\n".join(lines).rstrip("\n") + "\n"
