"""The appendix: every gap with its rule, place in the YAML and what could close it; the
coverage matrices; coverage quarter by quarter and the funding end dates; the sources.

Here IDs and ``file:line`` are kept: an analyst fixing the YAML needs them.
"""

from __future__ import annotations

from .blocks import Block, Heading, Item, Items, Paragraph, Part, Table
from .model import BoardGroup, BoardReport, FundingRow, Matrix, Section
from .money import (
    COVERAGE_HEADER,
    RISK_HEADER,
    SCENARIO_HEADER,
    MoneyAndTime,
    coverage_rows,
    risk_rows,
    scenario_rows,
)


def finding_items(groups: list[BoardGroup], level: int) -> list[Block]:
    if not groups:
        return [Paragraph("No gaps.")]
    out: list[Block] = []
    for group in groups:
        out.append(Heading(level, group.board))
        items = []
        for item in group.items:
            f = item.finding
            detail = [f"{f.location} · {f.rule}"]
            if item.remedies:
                detail.append("What could close it: " + "; ".join(item.remedies))
            if item.elsewhere:
                detail.append("Already covered elsewhere: " + "; ".join(item.elsewhere))
            items.append(Item(f.message, f.severity.label, tuple(detail)))
        out.append(Items(tuple(items)))
    return out


def matrix_table(m: Matrix) -> Table:
    return Table(
        ("Factor", *m.columns),
        tuple((name, *cells) for name, cells in m.rows),
        m.note,
        first_column_header=True,
        numeric=True,
    )


def funding_table(rows: list[FundingRow]) -> Table | Paragraph:
    if not rows:
        return Paragraph("No service has a funding end date.")
    return Table(
        ("Ends", "Service", "Funding"),
        tuple((r.ends.isoformat(), r.service, r.detail) for r in rows),
        "Shaded rows end within the funding horizon.",
        marked=tuple(r.soon for r in rows),
    )


def _header(names: list[str]) -> tuple[str, ...]:
    return tuple(h[:1].upper() + h[1:] for h in names)


def money_blocks(m: MoneyAndTime) -> list[Block]:
    """Coverage quarter by quarter, what rests on each source, and the scenarios."""
    out: list[Block] = [
        Heading(3, "Coverage at each quarter as funding ends"),
        Table(_header(COVERAGE_HEADER), tuple(map(tuple, coverage_rows(m)))),
        Heading(3, "What rests on each funding source"),
    ]
    if m.risks:
        out += [
            Table(
                _header(RISK_HEADER),
                tuple(map(tuple, risk_rows(m))),
                "Each source as if it alone ended now: the funding a board should look at "
                "first before renewals.",
            )
        ]
    else:
        out.append(Paragraph("No funding source's ending alone would open a gap."))
    if m.scenarios:
        out += [
            Heading(3, "Scenarios"),
            Table(
                _header(SCENARIO_HEADER),
                tuple(map(tuple, scenario_rows(m))),
                "Each scenario of the model against the unchanged model on the same date.",
            ),
        ]
    return out


def _model_heading(s: Section) -> Heading:
    return Heading(2, f"{s.title} ({s.id})")


def gaps_part(paper: BoardReport) -> Part:
    blocks: list[Block] = [
        Heading(1, "Appendix A: every finding"),
        Paragraph(
            "Every finding, by the board that owns it, most severe first, with the rule it "
            "breaks and where it is in the YAML. Severity follows each need's priority: "
            "error (high), warning (medium or no need recorded), info (low).",
            "note",
        ),
    ]
    for s in paper.sections:
        blocks += [_model_heading(s), *finding_items(s.boards, 3)]
    return Part("appendix-findings", tuple(blocks), appendix=True)


def matrices_part(paper: BoardReport) -> Part:
    blocks: list[Block] = [Heading(1, "Appendix B: coverage matrices")]
    if paper.comparison:
        blocks.append(Heading(2, "Across the areas"))
        for m in paper.comparison:
            blocks += [Heading(3, m.title), matrix_table(m)]
    for s in paper.sections:
        blocks.append(_model_heading(s))
        for m in s.matrices:
            blocks += [Heading(3, m.title), matrix_table(m)]
    return Part("appendix-matrices", tuple(blocks), "landscape", appendix=True)


def funding_part(paper: BoardReport) -> Part:
    blocks: list[Block] = [Heading(1, "Appendix C: money and time")]
    for s in paper.sections:
        blocks.append(_model_heading(s))
        if s.money is not None:
            blocks += money_blocks(s.money)
        blocks += [Heading(3, "Funding end dates, soonest first"), funding_table(s.funding)]
    return Part("appendix-funding", tuple(blocks), appendix=True)


def sources_part(paper: BoardReport) -> Part:
    rows = tuple(
        (ident, src.title, src.publisher or "", str(src.year or ""), src.url or "")
        for ident, src in paper.sources
    )
    return Part(
        "appendix-sources",
        (
            Heading(1, "Appendix D: evidence"),
            Paragraph("Every source the frameworks cite.", "note"),
            Table(("ID", "Source", "Publisher", "Year", "Address"), rows),
        ),
        appendix=True,
    )


def appendix(paper: BoardReport) -> list[Part]:
    return [gaps_part(paper), matrices_part(paper), funding_part(paper), sources_part(paper)]
