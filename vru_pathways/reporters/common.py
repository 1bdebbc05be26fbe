"""Pieces every report format shares: counts, matrix rows and cell words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..analysis.context import PathwayStatus
from ..analysis.coverage import Coverage
from ..diagnostics import Finding, Severity
from ..results import CheckReport
from ..schema.document import LEVELS, TIERS

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def counts(findings: Sequence[Finding]) -> str:
    """``"3 errors, 1 warning, 0 info"``."""
    tally: Counter[Severity] = Counter()
    for f in findings:
        tally[f.severity] += f.weight()
    words = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}
    parts = []
    for severity in SEVERITIES:
        n = tally[severity]
        word = words[severity]
        parts.append(f"{n} {word}{'' if n == 1 or severity is Severity.INFO else 's'}")
    return ", ".join(parts)


def finding_row(finding: Finding, several: bool) -> list[str]:
    row = [
        str(finding.location),
        finding.severity.label,
        finding.rule,
        finding.board or "",
        finding.message,
    ]
    if several:
        row.insert(4, ", ".join(finding.models))
    return row


def finding_header(several: bool) -> list[str]:
    header = ["location", "severity", "rule", "board", "message"]
    if several:
        header.insert(4, "models")
    return header


COVERAGE_HEADER = ["model", "as of", "overall", *TIERS, *LEVELS]


def coverage_row(cov: Coverage) -> list[str]:
    return [
        cov.model,
        cov.as_of,
        str(cov.overall),
        *(str(cov.by_tier[t]) for t in TIERS),
        *(str(cov.by_level[lv]) for lv in LEVELS),
    ]


GAP_WORDS: dict[PathwayStatus, str] = {"dead-end": "DEAD END", "no-pathway": "NO PATHWAY"}
"""How a matrix cell names a factor without a pathway."""


def cell(cov: Coverage, factor: str) -> str:
    """A matrix cell: how many services give a pathway, or what is wrong."""
    status = cov.status.get(factor)
    if status is None:
        return "-"
    if status == "pathway":
        return str(cov.services[factor])
    return GAP_WORDS[status]


def matrix(report: CheckReport) -> tuple[list[str], list[list[str]]]:
    """The factor × model matrix: the hub's view over its spokes."""
    header = ["factor", *(c.model for c in report.coverage)]
    rows = [[f, *(cell(c, f) for c in report.coverage)] for f in report.factor_names]
    return header, rows
