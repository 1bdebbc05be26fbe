"""A view on paper: the drawing of one view measured on the page it is printed on, and,
when its smallest text would print under 7 pt, split into pages that each print it at
7 pt or more, or refused with what to do instead.

:func:`pages` is the one entry point: ``draw`` uses it, and so can any writer that puts
diagrams on paper.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from math import ceil

from ..analysis.context import Context
from ..edge.graphviz import measure
from ..render import EMITTERS
from ..render.diagram import Diagram
from ..render.page import MIN_TEXT, Paper, fit_attributes, papers, smallest_font
from ..render.page import with_graph_attributes as with_attributes
from ..views import SPLIT_BY, Options, ViewError
from ..views.build import REGISTRY, build
from ..views.select import Selection
from ..views.split import parts, titled


@dataclass(frozen=True)
class Page:
    """One page: its diagram, the DOT text that draws it (scaled to its paper), the
    paper (``None``: the drawing's own size) and the size its smallest text prints at."""

    diagram: Diagram
    dot: str
    paper: Paper | None
    printed: float
    part: str = ""
    """Which part of a split view the page shows (``individual factors, 1 of 2``)."""


def _fitted(diagram: Diagram, choices: list[Paper], part: str = "") -> Page:
    """The diagram on whichever of the papers prints its text largest."""
    dot = EMITTERS["dot"](diagram)
    width, height = measure(dot)
    smallest = smallest_font(dot)
    paper = max(choices, key=lambda p: p.scale(width, height))
    printed = smallest * paper.scale(width, height)
    return Page(diagram, with_attributes(dot, fit_attributes(paper)), paper, printed, part)


def pages(
    ctx: Context,
    options: Options,
    page: str | None = None,
    orientation: str = "auto",
    split_by: str | None = None,
) -> list[Page]:
    """The view as pages. Without ``page``, one page at the drawing's own size. With it,
    one page when the whole prints at :data:`MIN_TEXT` or more; else the view split
    ``split_by`` (``level``, ``harm``, ``board``; ``None`` tries each in turn, ``none``
    never splits), the first split whose every page does; else a :class:`ViewError` that
    says how small the text would be and what to do."""
    whole = build(ctx, options)
    if page is None:
        dot = EMITTERS["dot"](whole)
        return [Page(whole, dot, None, smallest_font(dot))]
    choices = papers(page, orientation)
    one = _fitted(whole, choices)
    if one.printed >= MIN_TEXT:
        return [one]
    tried: list[str] = []
    ways = SPLIT_BY if split_by is None else () if split_by == "none" else (split_by,)
    for by in ways if REGISTRY[options.view].splits else ():
        split = _split(ctx, options, by, choices)
        if split and min(p.printed for p in split) >= MIN_TEXT:
            return split
        if split:
            worst = min(split, key=lambda p: p.printed)
            tried.append(
                f"split by {by} into {len(split)} pages, {_part(worst)} prints at "
                f"{worst.printed:.1f} pt"
            )
    raise ViewError(_refusal(options, one, tried, page))


def _split(ctx: Context, options: Options, by: str, choices: list[Paper]) -> list[Page]:
    """Every non-empty part of the split, a part too small to read continued over as
    many pages as it takes (a run of its factors each), fitted to the paper; none when
    the split leaves the view on one page (nothing gained)."""
    drawn: list[Page] = []
    for note, part in parts(ctx, options, by):
        try:
            trial = _fitted(build(ctx, titled(part, note)), choices, note)
        except ViewError:
            continue
        drawn += _runs(ctx, note, part, trial, choices)
    return drawn if len(drawn) > 1 else []


def _runs(ctx: Context, note: str, part: Options, trial: Page, choices: list[Paper]) -> list[Page]:
    """The part as one page if it prints large enough, else its factors in runs, as many
    as the text is too small by (a drawing's height grows with its factors), each run too
    small halved, down to a factor a page."""
    factors = Selection(ctx, part).factors()
    if trial.printed >= MIN_TEXT or len(factors) < 2:
        return [trial]
    count = min(len(factors), max(2, ceil(MIN_TEXT / trial.printed)))
    pieces = [
        factors[n * len(factors) // count : (n + 1) * len(factors) // count] for n in range(count)
    ]
    while True:
        notes = [f"{note}, {n} of {len(pieces)}" for n in range(1, len(pieces) + 1)]
        runs = [
            _fitted(build(ctx, titled(replace(part, factors=tuple(piece)), run)), choices, run)
            for piece, run in zip(pieces, notes, strict=True)
        ]
        small = [i for i, page in enumerate(runs) if page.printed < MIN_TEXT and len(pieces[i]) > 1]
        if not small:
            return runs
        pieces = [half for i, piece in enumerate(pieces) for half in _halves(piece, i in small)]


def _halves(piece: list[str], halve: bool) -> list[list[str]]:
    if not halve:
        return [piece]
    middle = (len(piece) + 1) // 2
    return [piece[:middle], piece[middle:]]


def _part(page: Page) -> str:
    return f"'{page.part}'"


def _refusal(options: Options, one: Page, tried: list[str], page: str) -> str:
    bigger = "" if page == "a3" else "print it on A3 (--page a3), or "
    also = f"; {'; '.join(tried)}" if tried else ""
    return (
        f"the {options.view} view would print its smallest text at {one.printed:.1f} pt on "
        f"{one.paper}, below {MIN_TEXT:g} pt{also}: {bigger}narrow it with "
        f"{REGISTRY[options.view].narrower}"
    )


def described(pages_: list[Page]) -> str:
    """The alt text of every page, one after the other."""
    return "\n".join(p.diagram.description for p in pages_)
