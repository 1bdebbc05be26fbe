"""Coverage month by month, and the funding ending in each month, as a table, JSON or
CSV: a row per month of each model; the table and JSON list the funding sources too."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from ..analysis.coverage import Ratio
from ..analysis.timeline import Grant, Month, Timeline
from ..charts.text import pounds
from ..escaping import csv_cell
from ..results import TimelineResult
from ..schema.document import TIERS
from .table import grid

HEADER = ["month", "overall", *TIERS, "running", "funding ending"]
FUNDING_HEADER = ["funding", "funder", "amount", "starts", "ends", "services"]


def _percent(r: Ratio) -> str:
    return f"{r.percent:g}%"


def _ending(t: Timeline, m: Month) -> list[Grant]:
    grants = {g.id: g for g in t.funding}
    return [grants[x] for x in m.ending]


def _named(g: Grant) -> str:
    amount = pounds(g.amount)
    return f"{g.name} ({amount})" if amount else g.name


def _row(t: Timeline, m: Month) -> list[str]:
    return [
        m.starts.strftime("%Y-%m"),
        f"{_percent(m.overall)} ({m.overall.covered}/{m.overall.total})",
        *(_percent(m.by_tier[tier]) for tier in TIERS),
        str(len(m.running)),
        "; ".join(_named(g) for g in _ending(t, m)),
    ]


def _funding_row(t: Timeline, g: Grant) -> list[str]:
    ends = g.ends.isoformat() if g.ends else "no end date"
    return [
        f"{g.name} ({g.id})",
        g.funder_name or g.funder or "—",
        pounds(g.amount) or "—",
        g.starts.isoformat() if g.starts else "—",
        ends + (" (within the funding horizon)" if g.within_horizon else ""),
        str(len(g.services)),
    ]


def by_end(grants: tuple[Grant, ...]) -> list[Grant]:
    """Funding sources soonest ending first, the open-ended last."""
    return sorted(grants, key=lambda g: (g.ends or dt.date.max, g.name, g.id))


def _heading(t: Timeline) -> str:
    months = len(t.months)
    return (
        f"{t.title} ({t.model}): coverage over the {months} month{'s' if months != 1 else ''} "
        f"from {t.as_of.isoformat()} (in-scope factors with a full pathway)"
    )


def table(result: TimelineResult) -> str:
    parts = []
    for t in result.timelines:
        lines = [_heading(t), "", *grid(HEADER, [_row(t, m) for m in t.months]), ""]
        if t.funding:
            lines += [
                "Funding sources",
                "",
                *grid(FUNDING_HEADER, [_funding_row(t, g) for g in by_end(t.funding)]),
            ]
        else:
            lines.append(f"No funding recorded in {t.model}.")
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def _ratio(r: Ratio) -> dict[str, Any]:
    return {"covered": r.covered, "total": r.total, "percent": r.percent}


def _month(m: Month) -> dict[str, Any]:
    return {
        "month": m.starts.strftime("%Y-%m"),
        "starts": m.starts.isoformat(),
        "overall": _ratio(m.overall),
        "by_tier": {tier: _ratio(m.by_tier[tier]) for tier in TIERS},
        "running": list(m.running),
        "ending": list(m.ending),
    }


def _grant(g: Grant) -> dict[str, Any]:
    return {
        "id": g.id,
        "name": g.name,
        "funder": g.funder,
        "funder_name": g.funder_name,
        "amount": float(g.amount) if g.amount is not None else None,
        "starts": g.starts.isoformat() if g.starts else None,
        "ends": g.ends.isoformat() if g.ends else None,
        "services": list(g.services),
        "within_horizon": g.within_horizon,
    }


def as_json(result: TimelineResult) -> str:
    document = {
        "timelines": [
            {
                "model": t.model,
                "title": t.title,
                "as_of": t.as_of.isoformat(),
                "horizon_end": t.horizon_end.isoformat(),
                "months": [_month(m) for m in t.months],
                "funding": [_grant(g) for g in t.funding],
            }
            for t in result.timelines
        ]
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


CSV_HEADER = [
    "model",
    "month",
    "overall_percent",
    "covered",
    "in_scope",
    *(f"{tier}_percent" for tier in TIERS),
    "services_running",
    "funding_ending",
    "funding_ending_amount",
]


def as_csv(result: TimelineResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for t in result.timelines:
        for m in t.months:
            ending = _ending(t, m)
            known = [g.amount for g in ending if g.amount is not None]
            row: list[str | int | float] = [
                csv_cell(t.model),
                m.starts.strftime("%Y-%m"),
                m.overall.percent,
                m.overall.covered,
                m.overall.total,
                *(m.by_tier[tier].percent for tier in TIERS),
                len(m.running),
                csv_cell("; ".join(_named(g) for g in ending)),
                f"{sum(known):f}" if known else "",
            ]
            writer.writerow(row)
    return buffer.getvalue()
