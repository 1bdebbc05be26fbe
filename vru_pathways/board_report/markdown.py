"""The report as Markdown: a wiki page or a repository file; diagrams as Mermaid."""

from __future__ import annotations

from ..render.diagram import Diagram
from ..render.mermaid import emit
from ..reporters.markdown import escape, table
from .model import BoardGroup, BoardReport, Listing, Matrix, Section
from .money import (
    COVERAGE_HEADER,
    RISK_HEADER,
    SCENARIO_HEADER,
    coverage_rows,
    risk_rows,
    scenario_rows,
)


def matrix(m: Matrix) -> list[str]:
    return [
        f"#### {escape(m.title)}",
        "",
        escape(m.note),
        "",
        *table(["", *m.columns], [[name, *cells] for name, cells in m.rows]),
        "",
    ]


def gaps(groups: list[BoardGroup]) -> list[str]:
    if not groups:
        return ["No gaps.", ""]
    out: list[str] = []
    for group in groups:
        out += [f"#### {escape(group.board)}", ""]
        for item in group.items:
            f = item.finding
            out.append(
                f"- **{f.severity.label}** `{f.rule}` {escape(f.message)} "
                f"({escape(str(f.location))})"
            )
            if item.remedies:
                out.append(f"  - What could close it: {escape('; '.join(item.remedies))}")
            if item.elsewhere:
                out.append(f"  - Already covered elsewhere: {escape('; '.join(item.elsewhere))}")
        out.append("")
    return out


def money_markdown(s: Section) -> list[str]:
    """Money and time: coverage as funding ends, what rests on each source, scenarios."""
    m = s.money
    if m is None:
        return []
    out = [
        "### Money and time",
        "",
        "Coverage on the first day of each quarter ahead, as funding ends "
        "(`vru-pathways timeline` draws it month by month as a chart):",
        "",
        *table(COVERAGE_HEADER, coverage_rows(m)),
        "",
    ]
    out += ["#### What rests on each funding source", ""]
    out += (
        table(RISK_HEADER, risk_rows(m))
        if m.risks
        else ["No funding source's ending alone would open a gap."]
    )
    if m.scenarios:
        out += ["", "#### Scenarios", "", *table(SCENARIO_HEADER, scenario_rows(m))]
    return [*out, ""]


def listing(x: Listing) -> list[str]:
    body = table(x.header, x.rows) if x.rows else [escape(x.empty)]
    return [f"### {escape(x.title)}", "", escape(x.note), "", *body, ""]


def section(s: Section) -> list[str]:
    out = [
        f"## {escape(s.title)}",
        "",
        f"Model `{s.id}` · as of {s.as_of.isoformat()} · funding horizon to "
        f"{s.horizon_end.isoformat()}",
        "",
        *table(["figure", "value"], [[k, v] for k, v in s.figures]),
        "",
        "### Gaps, by the board that owns them",
        "",
        *gaps(s.boards),
        *(line for x in s.listings for line in listing(x)),
        "### Coverage",
        "",
    ]
    for m in s.matrices:
        out += matrix(m)
    out += ["### Diagrams", ""]
    for caption, diagram in s.diagrams:
        out += [f"#### {escape(caption)}", ""]
        if isinstance(diagram, Diagram):
            out += ["```mermaid", emit(diagram).rstrip("\n"), "```", ""]
        else:
            out += [escape(str(diagram)), ""]
    out += money_markdown(s)
    out += ["### Funding end dates, soonest first", ""]
    rows = [
        [r.ends.isoformat() + (" (within horizon)" if r.soon else ""), r.service, r.detail]
        for r in s.funding
    ]
    out += table(["ends", "service", "funding"], rows) if rows else ["None."]
    return [*out, ""]


def render(paper: BoardReport) -> str:
    out = [
        f"# {escape(paper.title)}",
        "",
        "Made by vru-pathways from the framework YAML. Severity follows each need's "
        "priority: error (high), warning (medium or no need recorded), info (low).",
        "",
    ]
    if paper.comparison:
        out += ["## Across the areas", ""]
        for m in paper.comparison:
            out += matrix(m)
    for s in paper.sections:
        out += section(s)
    out += ["## Evidence appendix", "", "Every source the frameworks cite.", ""]
    out += table(
        ["ID", "source", "publisher", "year", "address"],
        [[i, s.title, s.publisher or "", str(s.year or ""), s.url or ""] for i, s in paper.sources],
    )
    return "\n".join(out).rstrip("\n") + "\n"
