"""The report arranged as blocks (:mod:`.blocks`): a cover, a summary page per model, the hub's
view across the areas, each model's diagrams and money, then the appendix; and the deck
of slides a board meeting is shown, made of the same blocks.

Another part is another function returning a :class:`~.blocks.Part`, placed in
:func:`paper`; every writer lays it out unchanged.
"""

from __future__ import annotations

from ..charts.bars import Bar, Bars, describe
from ..charts.describe import chart_description
from ..charts.text import listed, long_date
from ..render.diagram import Diagram
from ..schema.document import TIERS
from .appendix import appendix, matrix_table
from .blocks import (
    Block,
    Deck,
    Figure,
    Heading,
    Item,
    Items,
    Paper,
    Paragraph,
    Part,
    Slide,
    Table,
    figures_of,
)
from .model import BoardReport, Section
from .summary import (
    at_risk,
    coverage_words,
    figures,
    gap_item,
    money_items,
    money_words,
    summary,
    tier_chart,
    top_gaps,
)

BOARDS = 5
"""Boards a slide lists, each with its most severe gap and what could close it."""
SOURCES = 4
"""Funding sources a slide names beside the timeline."""
INTRO = (
    "Made by vru-pathways from the framework YAML. Each summary is in plain words; the "
    "appendix keeps the IDs, the places in the YAML and every finding."
)


def region_chart(paper: BoardReport) -> Figure | None:
    covs = [(s.area, s.coverage) for s in paper.sections if s.coverage is not None]
    if len(covs) < 2:
        return None
    rows = tuple(
        (
            area,
            (Bar(c.overall.covered, c.overall.total),)
            + tuple(Bar(c.by_tier[t].covered, c.by_tier[t].total) for t in TIERS),
        )
        for area, c in covs
    )
    series = ("All tiers", *(t.capitalize() for t in TIERS))
    chart = Bars("Coverage by area and prevention tier", "area", rows, series)
    return Figure("region-areas", "chart", "Coverage by area and tier", describe(chart), chart)


def across(paper: BoardReport) -> list[Part]:
    chart = region_chart(paper)
    if chart is None:
        return []
    blocks: list[Block] = [Heading(1, "Across the areas"), chart]
    blocks += [matrix_table(m) for m in paper.comparison[:1]]
    return [Part("across", tuple(blocks))]


def diagram_figures(s: Section) -> list[Block]:
    out: list[Block] = []
    for n, (caption, pages) in enumerate(s.diagrams, 1):
        if not isinstance(pages, list):
            out.append(Figure(f"{s.id}-view-{n}", "diagram", caption, str(pages), None, str(pages)))
            continue
        for p, page in enumerate(pages, 1):
            assert isinstance(page, Diagram)
            label = caption if len(pages) == 1 else f"{caption}, page {p} of {len(pages)}"
            out.append(
                Figure(
                    f"{s.id}-view-{n}-{p}",
                    "diagram",
                    label,
                    page.description,
                    page,
                    title=page.title,
                )
            )
    return out


def timeline_figure(s: Section) -> Figure | None:
    if s.money is None:
        return None
    months = len(s.money.timeline.months)
    return Figure(
        f"{s.id}-timeline",
        "chart",
        f"Coverage over the next {months} months as funding ends, above the funding that "
        "pays for it",
        chart_description([s.money.timeline]),
        s.money.timeline,
    )


def money_blocks(s: Section) -> list[Block]:
    """Money and time: the timeline chart (its tables are in the appendix)."""
    chart = timeline_figure(s)
    if chart is None:
        return []
    return [Heading(2, "Money and time"), chart]


def listing_blocks(s: Section) -> list[Block]:
    """The gaps rolled up the boards, and the referral routes that lead nowhere."""
    out: list[Block] = []
    for x in s.listings:
        out += [Heading(2, x.title), Paragraph(x.note, "note")]
        if x.rows:
            out.append(Table(tuple(x.header), tuple(map(tuple, x.rows))))
        else:
            out.append(Paragraph(x.empty))
    return out


def details(s: Section) -> list[Part]:
    head: list[Block] = [
        Heading(1, s.title),
        Paragraph(
            f"As of {long_date(s.as_of)}; funding horizon to {long_date(s.horizon_end)}.", "note"
        ),
        Heading(2, "Diagrams"),
    ]
    parts = [
        Part(f"{s.id}-diagrams", tuple(head + diagram_figures(s)), "landscape"),
        Part(f"{s.id}-money", tuple(money_blocks(s))),
    ]
    if s.listings:
        parts.append(Part(f"{s.id}-governance", tuple(listing_blocks(s))))
    return parts


def board_slide(s: Section) -> Slide:
    items = tuple(
        Item(f"{items[0][0].name}: {items[0][0].plain}.", board, gap_item(items[0]).detail[:1])
        for board, items, _ in top_gaps(s.boards, 1)[:BOARDS]
    )
    blocks: list[Block] = [Items(items)] if items else [Paragraph("No gaps were found.")]
    return Slide(f"{s.area}: the top gap of each board", tuple(blocks))


def model_slides(s: Section) -> list[Slide]:
    tiers = tier_chart(s)
    text: list[Block] = [figures(s), Paragraph(coverage_words(s)), Paragraph(money_words(s))]
    slides = [Slide(f"{s.area}: summary", tuple(text + ([tiers] if tiers else [])))]
    slides.append(board_slide(s))
    slides += [
        Slide(f"{s.area}: {f.caption}", (f,)) for f in diagram_figures(s) if isinstance(f, Figure)
    ]
    chart = timeline_figure(s)
    if chart is not None:
        ending = money_items(s)
        words: list[Block] = [Paragraph(money_words(s))]
        if ending:  # as many as a slide holds in type that reads; the paper has them all
            words.append(Items(ending.items[:SOURCES]))
        slides.append(Slide(f"{s.area}: coverage as funding ends", (*words, chart)))
    return slides


def deck(paper: BoardReport, partnership: str, as_of: str) -> Deck:
    slides: list[Slide] = []
    chart = region_chart(paper)
    if chart is not None:
        slides.append(Slide("Across the areas", (chart,)))
    for s in paper.sections:
        slides += model_slides(s)
    return Deck(paper.title, f"{partnership} · as of {as_of}", tuple(slides))


def partnership(paper: BoardReport) -> str:
    return listed(list(dict.fromkeys(s.partnership for s in paper.sections))) or paper.title


def at_a_glance(report: BoardReport) -> Table | None:
    """Each model's headline figures and the funding it may lose, a row each."""
    if not report.sections:
        return None
    header = tuple(label for label, _ in figures(report.sections[0]).pairs)
    rows = tuple(
        (
            s.area or s.title,
            *(value for _, value in figures(s).pairs),
            f"{at_risk(s)} by {long_date(s.horizon_end)}" if s.ending else "none",
        )
        for s in report.sections
    )
    return Table(("Model", *header, "Funding ending"), rows, first_column_header=True)


def cover(report: BoardReport, parts: list[Part], who: str, as_of: str) -> Part:
    """The first page: who the paper is from, its date, each model at a glance and what
    the paper holds, so that each summary starts on a page of its own."""
    contents = tuple(
        Item(b.text) for p in parts for b in p.blocks if isinstance(b, Heading) and b.level == 1
    )
    glance = at_a_glance(report)
    blocks: list[Block] = [Paragraph(f"{who} · as of {as_of}", "lead"), Paragraph(INTRO, "note")]
    if glance is not None:
        blocks += [Heading(1, "At a glance"), glance]
    return Part("cover", (*blocks, Heading(1, "What this paper holds"), Items(contents)))


def paper(report: BoardReport) -> Paper:
    """The whole report as parts and slides."""
    as_of = listed(list(dict.fromkeys(long_date(s.as_of) for s in report.sections)))
    parts: list[Part] = [
        Part(f"{s.id}-summary", tuple(summary(s, report.places))) for s in report.sections
    ]
    parts += across(report)
    for s in report.sections:
        parts += details(s)
    parts += appendix(report)
    who = partnership(report)
    parts.insert(0, cover(report, parts, who, as_of))
    slides = deck(report, who, as_of)
    return Paper(
        report.title, who, as_of, tuple(parts), slides, figures=figures_of(tuple(parts), slides)
    )
