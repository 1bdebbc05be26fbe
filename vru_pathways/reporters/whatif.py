"""What scenarios do, and which funding sources matter most, as text, Markdown or JSON.

Each scenario is shown as ``diff`` shows a change (gaps opened and closed, severities,
coverage), under a heading that names the scenario and the two dates judged.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from ..results import FundingRisk, ScenarioChanges, WhatIf
from . import changes as shown
from .markdown import escape, table
from .table import grid

NOTHING = (
    "The scenario changes nothing in the model: it ends no funding, closes or starts no "
    "service and sets no capacity."
)


def _heading(s: ScenarioChanges) -> str:
    return (
        f"Scenario {s.scenario} of {s.model}: {s.name} — as of {s.after.isoformat()}, against "
        "the unchanged model on the same date"
    )


def _unchanged(s: ScenarioChanges) -> bool:
    c = s.changes
    return not (c.opened or c.closed or c.severity_changed or c.reworded or c.coverage)


def _note(s: ScenarioChanges) -> list[str]:
    if s.changes_nothing:
        return [NOTHING]
    return ["No gap opened or closed, and coverage is unchanged."] if _unchanged(s) else []


def _pounds(amount: Decimal | None) -> str:
    return f"£{amount:,.0f}" if amount is not None else "—"


def _rows(ranking: tuple[FundingRisk, ...]) -> list[list[str]]:
    return [
        [
            str(n),
            r.model,
            f"{r.name} ({r.funding})",
            _pounds(r.amount),
            r.ends.isoformat() if r.ends else "—",
            str(len(r.services)),
            ", ".join(r.losing) or "none",
            str(r.opened),
            f"{r.coverage_lost:g}",
        ]
        for n, r in enumerate(ranking, 1)
    ]


HEADER = [
    "rank",
    "model",
    "funding",
    "amount",
    "ends",
    "services",
    "factors that would lose their pathway",
    "findings opened",
    "coverage lost (points)",
]
RANKING = "Funding sources by what their ending alone, the day before the as-of date, would do"


def text(result: WhatIf) -> str:
    if result.ranking:
        return "\n".join([f"{RANKING}:", "", *grid(HEADER, _rows(result.ranking))]) + "\n"
    parts = []
    for s in result.scenarios:
        parts.append("\n".join([_heading(s), *_note(s), ""]) + shown.text(s.changes, "whatif"))
    return "\n".join(parts)


def markdown(result: WhatIf) -> str:
    if result.ranking:
        return "\n".join([f"## {RANKING}", "", *table(HEADER, _rows(result.ranking))]) + "\n"
    parts = []
    for s in result.scenarios:
        note = [escape(line) for line in _note(s)]
        parts.append(
            "\n".join([f"# {escape(_heading(s))}", "", *note, "", shown.markdown(s.changes)])
        )
    return "\n".join(parts)


def _risk(r: FundingRisk) -> dict[str, Any]:
    return {
        "model": r.model,
        "funding": r.funding,
        "name": r.name,
        "funder": r.funder,
        "amount": float(r.amount) if r.amount is not None else None,
        "ends": r.ends.isoformat() if r.ends else None,
        "services": list(r.services),
        "factors_losing_pathway": list(r.losing),
        "findings_opened": r.opened,
        "coverage_lost": r.coverage_lost,
    }


def _scenario(s: ScenarioChanges) -> dict[str, Any]:
    return {
        "model": s.model,
        "scenario": s.scenario,
        "name": s.name,
        "before": s.before.isoformat(),
        "after": s.after.isoformat(),
        "changes_nothing": s.changes_nothing,
        "changes": shown.as_dict(s.changes),
    }


def as_json(result: WhatIf) -> str:
    document: dict[str, Any] = (
        {"funding": [_risk(r) for r in result.ranking]}
        if result.ranking
        else {"scenarios": [_scenario(s) for s in result.scenarios]}
    )
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
