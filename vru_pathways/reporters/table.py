"""Plain-text tables for a terminal or a CI log."""

from __future__ import annotations

from ..escaping import one_line
from ..results import CheckReport
from .common import (
    COVERAGE_HEADER,
    counts,
    coverage_row,
    finding_header,
    finding_row,
    matrix,
)


def grid(header: list[str], rows: list[list[str]]) -> list[str]:
    """Left-aligned columns, two spaces apart; the last column is never padded."""
    rows = [[one_line(cell) for cell in row] for row in rows]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    lines = []
    for row in [[h.upper() for h in header], *rows]:
        cells = [c.ljust(w) for c, w in zip(row, widths, strict=False)] + [row[-1]]
        lines.append("  ".join(cells).rstrip())
    return lines


def render(report: CheckReport) -> str:
    several = len(report.models) > 1
    lines: list[str] = []
    if report.shown:
        lines += grid(finding_header(several), [finding_row(f, several) for f in report.shown])
    else:
        lines.append("No findings.")
    if report.coverage:
        lines += ["", "Coverage: in-scope factors with a full intervention pathway", ""]
        lines += grid(COVERAGE_HEADER, [coverage_row(c) for c in report.coverage])
    if several and report.coverage:
        lines += ["", "Factor × model: active services giving a pathway", ""]
        lines += grid(*matrix(report))
    lines += [f"FAILED coverage gate: {gate}" for gate in report.gates]
    lines += [
        "",
        f"{report.command}: {counts(report.findings)}"
        + ("" if report.analysable else " — the input cannot be analysed"),
    ]
    return "\n".join(lines) + "\n"
