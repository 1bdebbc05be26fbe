"""The report's "Money and time" part: what the funding holds up, and for how long.

For each model: coverage now and over the months ahead as its funding ends; the funding
sources that the most rests on (ranked by what each one's ending alone would do); and
each of the model's scenarios with the gaps it would open.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis.context import Context
from ..analysis.scenarios import Change
from ..analysis.timeline import Timeline, timeline
from ..outlook import judged, rank_funding
from ..results import FundingRisk, ScenarioChanges

MONTHS = 24
TOP = 5


@dataclass(frozen=True)
class MoneyAndTime:
    timeline: Timeline
    risks: tuple[FundingRisk, ...]
    """The funding sources most rests on, at most :data:`TOP`, those that hold nothing up
    left out."""
    scenarios: tuple[ScenarioChanges, ...]


def money(ctx: Context) -> MoneyAndTime:
    fw = ctx.framework
    risks = [r for r in rank_funding(fw, ctx.as_of) if r.losing or r.opened or r.coverage_lost]
    scenarios = tuple(judged(fw, Change.of(i, s), ctx.as_of) for i, s in fw.scenarios.items())
    return MoneyAndTime(timeline(ctx, MONTHS), tuple(risks[:TOP]), scenarios)


def pounds(amount: object) -> str:
    """An amount as a board paper writes it: ``£1,650,000``; ``—`` when not given."""
    return "—" if amount is None else f"£{amount:,.0f}"


def coverage_rows(m: MoneyAndTime) -> list[list[str]]:
    """Coverage now, and at each quarter ahead, with the funding that ends in between."""
    rows = []
    months = m.timeline.months
    for n in range(0, len(months), 3):
        month, ending = months[n], [x for mo in months[n : n + 3] for x in mo.ending]
        names = {g.id: g.name for g in m.timeline.funding}
        rows.append(
            [
                month.starts.isoformat(),
                f"{month.overall.percent:g}%",
                str(len(month.running)),
                "; ".join(names[x] for x in ending) or "—",
            ]
        )
    return rows


COVERAGE_HEADER = ["from", "coverage", "services running", "funding ending in the quarter"]


def risk_rows(m: MoneyAndTime) -> list[list[str]]:
    return [
        [
            r.name,
            pounds(r.amount),
            r.ends.isoformat() if r.ends else "—",
            str(len(r.losing)),
            str(r.opened),
            f"{r.coverage_lost:g}",
        ]
        for r in m.risks
    ]


RISK_HEADER = [
    "funding",
    "amount",
    "ends",
    "factors that would lose their pathway",
    "gaps it would open",
    "coverage lost (points)",
]


def scenario_rows(m: MoneyAndTime) -> list[list[str]]:
    out = []
    for s in m.scenarios:
        drop = next((c.delta for c in s.changes.coverage if c.part == "overall"), 0.0)
        opened = [f for f in s.changes.opened if f.severity.label == "error"]
        out.append(
            [
                s.name,
                s.after.isoformat(),
                str(len(s.changes.opened)),
                str(len(opened)),
                str(len(s.changes.closed)),
                f"{drop:+.1f}",
            ]
        )
    return out


SCENARIO_HEADER = [
    "scenario",
    "as of",
    "gaps it opens",
    "of which errors",
    "gaps it closes",
    "coverage (points)",
]
