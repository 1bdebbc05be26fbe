"""What a timeline chart shows, decided before it is drawn: shared funding once, marks
numbered by month, bars in the order they end, a cap on bars."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from vru_pathways.analysis.context import add_months
from vru_pathways.analysis.coverage import Ratio
from vru_pathways.analysis.timeline import Grant, Month, Timeline, month_starts
from vru_pathways.charts import plan as planning
from vru_pathways.charts.plan import plan

AS_OF = dt.date(2026, 10, 1)


def grant(ident: str, ends: dt.date | None, funder: str | None = "council") -> Grant:
    return Grant(
        ident,
        f"Grant {ident}",
        funder,
        None if funder is None else f"{funder.title()} funder",
        Decimal(1000),
        dt.date(2025, 4, 1),
        ends,
        (),
        False,
    )


def timeline(model: str, grants: tuple[Grant, ...], months: int = 12) -> Timeline:
    days = month_starts(AS_OF, months)
    until = [*days[1:], add_months(days[-1].replace(day=1), 1)]
    rows = tuple(
        Month(
            day,
            Ratio(1, 2),
            {},
            (),
            tuple(g.id for g in grants if g.ends is not None and day <= g.ends < end),
        )
        for day, end in zip(days, until, strict=True)
    )
    return Timeline(model, model.title(), AS_OF, dt.date(2027, 4, 1), rows, grants)


def test_funding_two_models_share_is_one_bar_under_a_shared_heading() -> None:
    shared = grant("regional", dt.date(2027, 3, 31))
    a = timeline("north", (shared, grant("a-only", dt.date(2027, 1, 31))))
    b = timeline("south", (shared,))
    p = plan([a, b])
    assert [(g.heading, [bar.grant.id for bar in g.bars]) for g in p.groups] == [
        ("Shared by all 2 models", ["regional"]),
        ("North", ["a-only"]),
    ]


def test_marks_are_numbered_by_month_and_name_what_ends_in_each() -> None:
    t = timeline(
        "north",
        (
            grant("late", dt.date(2027, 6, 30)),
            grant("b", dt.date(2027, 1, 15)),
            grant("a", dt.date(2027, 1, 31)),
            grant("open", None),
            grant("after", dt.date(2030, 1, 1)),
        ),
    )
    p = plan([t])
    assert [(m.number, m.month, [g.id for g in m.grants]) for m in p.marks] == [
        (1, dt.date(2027, 1, 1), ["b", "a"]),
        (2, dt.date(2027, 6, 1), ["late"]),
    ]
    assert p.marks[0].at == dt.date(2027, 2, 1)
    bars = p.groups[0].bars
    assert [(b.grant.id, b.mark) for b in bars] == [
        ("b", 1),
        ("a", 1),
        ("late", 2),
        ("after", None),
        ("open", None),
    ]


def test_a_model_without_funding_gets_a_note_instead_of_bars() -> None:
    p = plan([timeline("north", ()), timeline("south", (grant("s", None),))])
    assert [(g.heading, g.note) for g in p.groups] == [
        ("North", "No funding recorded in North"),
        ("South", ""),
    ]


def test_past_the_cap_bars_are_counted_not_drawn() -> None:
    many = tuple(grant(f"g{n:02}", dt.date(2028, 1, 1)) for n in range(planning.MAX_BARS + 5))
    p = plan([timeline("north", many)])
    assert sum(len(g.bars) for g in p.groups) == planning.MAX_BARS
    assert p.hidden == 5


def test_funders_in_name_order_with_the_unnamed_last() -> None:
    t = timeline(
        "north",
        (grant("x", None, "zeta"), grant("y", None, None), grant("z", None, "alpha")),
    )
    assert plan([t]).funders == (
        ("alpha", "Alpha funder"),
        ("zeta", "Zeta funder"),
        (None, "No funder named"),
    )


def test_the_axis_starts_a_few_months_before_the_as_of_date() -> None:
    p = plan([timeline("north", (), months=24)])
    assert (p.start, p.end) == (dt.date(2026, 7, 1), dt.date(2028, 10, 1))
