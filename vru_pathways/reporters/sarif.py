"""SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.

Every rule the tool knows is listed with its summary and help (from its documentation);
each finding is a result with its location, related locations, and a fingerprint that
stays the same when lines move, so a viewer can follow a gap across commits.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .. import __version__
from ..analysis.help import rule_help
from ..diagnostics import Finding, Location, Severity
from ..results import CheckReport
from ..rulebook import RULES

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _rule(rule_id: str) -> dict[str, Any]:
    info = RULES[rule_id]
    summary, body = rule_help(rule_id)
    text = f"{summary}\n\n{body}".strip()
    return {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in rule_id.split("-")),
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": summary},
        "help": {"text": text, "markdown": f"**{summary}**\n\n{body}".strip()},
        "defaultConfiguration": {"level": "error" if info.kind == "input" else "warning"},
        "properties": {"tags": ["vru-pathways", info.kind]},
    }


def _location(loc: Location) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": loc.path, "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": loc.line, "startColumn": loc.col},
        }
    }


def fingerprint(finding: Finding) -> str:
    """What identifies a finding across commits: rule, entity and models, not lines."""
    key = "\x1f".join([finding.rule, finding.entity or finding.location.path, *finding.models])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding.location)],
        "partialFingerprints": {"vruPathwaysFinding/v1": fingerprint(finding)},
        "properties": {
            "entity": finding.entity or None,
            "board": finding.board,
            "models": list(finding.models),
        },
    }
    if finding.related:
        result["relatedLocations"] = [
            {"id": n, **_location(loc)} for n, loc in enumerate(finding.related, 1)
        ]
    return result


def render(report: CheckReport) -> str:
    rule_ids = list(RULES)
    index = {rule: n for n, rule in enumerate(rule_ids)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "vru-pathways",
                        "version": __version__,
                        "informationUri": "https://github.com/vru-pathways/vru-pathways",
                        "rules": [_rule(r) for r in rule_ids],
                    }
                },
                "originalUriBaseIds": {
                    "%SRCROOT%": {
                        "description": {
                            "text": (
                                "The folder vru-pathways ran in; result paths are relative to it."
                            )
                        }
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index) for f in report.shown],
                "properties": {
                    "command": report.command,
                    "analysable": report.analysable,
                    "models": report.models,
                },
            }
        ],
    }
    return json.dumps(log, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
