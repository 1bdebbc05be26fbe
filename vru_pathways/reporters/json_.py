"""JSON for other programs: stable key order, one trailing newline."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from ..diagnostics import Finding
from ..results import CheckReport
from .common import cell


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "path": f.location.path,
        "line": f.location.line,
        "column": f.location.col,
        "severity": f.severity.label,
        "rule": f.rule,
        "message": f.message,
        "entity": f.entity or None,
        "board": f.board,
        "models": list(f.models),
        "related": [str(r) for r in f.related],
    }


def render(report: CheckReport) -> str:
    document: dict[str, Any] = {
        "command": report.command,
        "analysable": report.analysable,
        "models": report.models,
        "findings": [finding_dict(f) for f in report.shown],
    }
    if report.command == "gaps":
        document["coverage"] = [dataclasses.asdict(c) for c in report.coverage]
        document["gates_failed"] = report.gates
        document["matrix"] = {
            f: {c.model: cell(c, f) for c in report.coverage} for f in report.factor_names
        }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
