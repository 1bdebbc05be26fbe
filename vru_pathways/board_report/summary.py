"""The one-page summary of a model, in plain words: coverage against the target, the top
gaps of each owning board with what could close them, and the money at risk.

No IDs, rule names or places in the YAML: the appendix keeps those.
"""

from __future__ import annotations

from ..charts.bars import Bar, Bars, describe
from ..charts.text import listed, long_date
from ..rulebook import RULES
from ..schema.document import TIERS
from .blocks import Block, Facts, Figure, Heading, Item, Items, Paragraph
from .gaps import NO_BOARD
from .model import BoardGroup, GapItem, Section
from .money import pounds

ROOM = 6
"""Factors whose gaps a summary page has room for: each owning board gets an equal
share of them (at least one, at most :data:`TOP`), most severe first."""
TOP = 2
SHOWN = 2
"""Approaches that could close a gap, named per gap."""
HALF = 3.3
"""Inches of a summary chart: two stand side by side on an A4 page."""


def coverage_words(s: Section) -> str:
    """Coverage against the target, in a sentence or two."""
    if s.coverage is None or not s.coverage.overall.total:
        return "No factor is in scope, so there is no coverage to report."
    ratio = s.coverage.overall
    pct = round(ratio.percent)
    text = (
        f"On {long_date(s.as_of)}, {ratio.covered} of the {ratio.total} factors in scope "
        f"({pct}%) have a full pathway: a running, funded service that works on the factor "
        "and leads to a measured impact."
    )
    if s.target is None:
        return text + " The partnership has not set a coverage target."
    short = max(0, -(-int(s.target * ratio.total) // 100) - ratio.covered)
    if short == 0:
        return text + f" That meets the target of {s.target:g}%."
    return text + (
        f" The target is {s.target:g}%: {short} more factor{'s' if short != 1 else ''} "
        "would need a pathway to meet it."
    )


def tier_chart(s: Section) -> Figure | None:
    if s.coverage is None:
        return None
    cov = s.coverage
    rows = (("All tiers", (Bar(cov.overall.covered, cov.overall.total),)),) + tuple(
        (t.capitalize(), (Bar(cov.by_tier[t].covered, cov.by_tier[t].total),)) for t in TIERS
    )
    chart = Bars(
        f"{s.area}: coverage by tier", "prevention tier", rows, target=s.target, width=HALF
    )
    return Figure(
        f"{s.id}-tiers", "chart", "Coverage by prevention tier", describe(chart), chart, half=True
    )


def area_chart(s: Section, names: dict[str, str]) -> Figure | None:
    """Coverage in each of the scope's areas, when there is more than one."""
    if s.coverage is None or len(s.coverage.by_area) < 2:
        return None
    rows = tuple(
        (names.get(a, a), (Bar(r.covered, r.total),)) for a, r in s.coverage.by_area.items()
    )
    chart = Bars(f"{s.area}: coverage by area", "area", rows, target=s.target, width=HALF)
    return Figure(f"{s.id}-areas", "chart", "Coverage by area", describe(chart), chart, half=True)


def gap_item(items: list[GapItem]) -> Item:
    """One factor's gaps in a board: what is missing, joined, and what could close it."""
    first = items[0]
    detail = []
    could = list(dict.fromkeys(c for i in items for c in i.could))
    if could:
        detail.append("Could close it: " + listed(could[:SHOWN]) + ".")
    if first.cover:
        detail.append("Already covered " + elsewhere(first.cover) + ".")
    what = "; ".join(dict.fromkeys(i.plain for i in items))
    return Item(f"{what[:1].upper()}{what[1:]}.", first.name, tuple(detail))


def by_subject(items: list[GapItem]) -> list[list[GapItem]]:
    """Gaps about the same thing, together, in the order the first of each comes."""
    grouped: dict[str, list[GapItem]] = {}
    for i in items:
        grouped.setdefault(i.name, []).append(i)
    return list(grouped.values())


def elsewhere(cover: tuple[tuple[str, str], ...]) -> str:
    """Cover in other areas, the first named by its first service, the rest counted:
    "in Southmere by Mentors and 2 more; in Eastwick by 3 services"."""
    by_area: dict[str, list[str]] = {}
    for area, service in cover:
        by_area.setdefault(area, []).append(service)
    parts = []
    for n, (area, services) in enumerate(by_area.items()):
        if n == 0:
            more = f" and {len(services) - 1} more" if len(services) > 1 else ""
            parts.append(f"in {area} by {services[0]}{more}")
        else:
            plural = "s" if len(services) != 1 else ""
            parts.append(f"in {area} by {len(services)} service{plural}")
    return "; ".join(parts)


def is_gap(item: GapItem) -> bool:
    info = RULES.get(item.finding.rule)
    return info is not None and info.kind == "gap"


def top_gaps(
    groups: list[BoardGroup], top: int = TOP
) -> list[tuple[str, list[list[GapItem]], int]]:
    """Each board's gaps about its ``top`` most severe subjects (factors or services),
    and how many subjects it has gaps about in all."""
    out = []
    for group in groups:
        subjects = by_subject([i for i in group.items if is_gap(i)])
        if subjects:
            out.append((group.board, subjects[:top], len(subjects)))
    return out


def rest_note(boards: list[tuple[str, list[list[GapItem]], int]], gaps: int) -> str:
    """Where the rest are: what no board owns, and appendix A."""
    text = ""
    for board, items, total in boards:
        if board == NO_BOARD:
            names = listed([i[0].name for i in items])
            plural = "s" if total != 1 else ""
            text = f"No board owns the gaps about {total} factor{plural}, such as {names}. "
    return text + f"Appendix A lists all {gaps} gaps."


def gap_blocks(s: Section, level: int) -> list[Block]:
    owning = sum(1 for g in s.boards if g.board != NO_BOARD and any(is_gap(i) for i in g.items))
    boards = top_gaps(s.boards, max(1, min(TOP, ROOM // max(owning, 1))))
    if not boards:
        return [Paragraph("No gaps were found.")]
    out: list[Block] = []
    for board, items, _ in boards:
        if board != NO_BOARD:
            out += [Heading(level, board), Items(tuple(gap_item(i) for i in items))]
    gaps = sum(1 for g in s.boards for i in g.items if is_gap(i))
    return [*out, Paragraph(rest_note(boards, gaps), "note")]


def at_risk(s: Section) -> str:
    """The funding that ends within the horizon, in pounds, as far as amounts are known."""
    known = [e.amount for e in s.ending if e.amount is not None]
    return pounds(sum(known)) if known else "an unknown amount"


def money_words(s: Section) -> str:
    """The funding of running services that ends by the horizon, in a sentence."""
    if not s.ending:
        return f"No funding of a running service ends by {long_date(s.horizon_end)}."
    total = at_risk(s)
    return (
        f"{total[:1].upper()}{total[1:]} of funding for running services ends by "
        f"{long_date(s.horizon_end)}, "
        f"in {len(s.ending)} source{'s' if len(s.ending) != 1 else ''}."
    )


def money_items(s: Section) -> Items | None:
    """Each source that ends: its amount, name, end and what it pays for."""
    if not s.ending:
        return None
    return Items(
        tuple(
            Item(
                f"{e.name}, ends {long_date(e.ends)}; pays for "
                f"{len(e.services)} running service{'s' if len(e.services) != 1 else ''}.",
                pounds(e.amount) if e.amount is not None else "",
            )
            for e in s.ending
        )
    )


def figures(s: Section) -> Facts:
    count = {label: value for label, value in s.figures}
    gaps = sum(1 for g in s.boards for i in g.items if is_gap(i))
    return Facts(
        (
            ("Coverage", f"{round(s.coverage.overall.percent)}%" if s.coverage else "—"),
            ("Target", f"{s.target:g}%" if s.target is not None else "not set"),
            ("Gaps", str(gaps)),
            ("Services running", count.get("Active services", "—").split(" of ")[0]),
        )
    )


def summary(s: Section, area_names: dict[str, str]) -> list[Block]:
    """The summary's blocks, under a heading of ``level`` 1."""
    out: list[Block] = [
        Heading(1, f"Summary: {s.title}"),
        figures(s),
        Paragraph(coverage_words(s), "lead"),
    ]
    out += [f for f in (tier_chart(s), area_chart(s, area_names)) if f is not None]
    money = money_items(s)
    if money is None:
        out += [Heading(2, "Money at risk"), Paragraph(money_words(s))]
    else:
        out += [
            Heading(2, f"Money at risk: {at_risk(s)} ending by {long_date(s.horizon_end)}"),
            money,
        ]
    return out + [Heading(2, "The gaps, by the board that owns them"), *gap_blocks(s, 3)]
