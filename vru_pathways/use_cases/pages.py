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
from ..render import emit
from ..render.diagram import Diagram
from ..render.page import MIN_TEXT, Paper, fit_attributes, papers, smallest_font
from ..render.page import with_graph_attributes as with_attributes
from ..views import SPLIT_BY, Options, ViewError
from ..views.build import REGISTRY, build
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
    size: tuple[float, float] = (0.0, 0.0)
    """The drawing's width and height at full size, in inches."""


def _fitted(diagram: Diagram, choices: list[Paper], part: str = "") -> Page:
    """The diagram on whichever of the papers prints its text largest."""
    from ..edge.graphviz import measure  # lazy: Graphviz only for a drawing on paper

    dot = emit("dot", diagram)
    width, height = measure(dot)
    smallest = smallest_font(dot)
    paper = max(choices, key=lambda p: p.scale(width, height))
    printed = smallest * paper.scale(width, height)
    fitted = with_attributes(dot, fit_attributes(paper))
    return Page(diagram, fitted, paper, printed, part, (width, height))


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
        dot = emit("dot", whole)
        return [Page(whole, dot, None, smallest_font(dot))]
    choices = papers(page, orientation)
    one = _fitted(whole, choices)
    if one.printed >= MIN_TEXT:
        return [one]
    tried: list[str] = []
    for by in _ways(options.view, split_by):
        split = _split(ctx, options, by, choices)
        if split and min(p.printed for p in split) >= MIN_TEXT:
            return split
        if split:
            worst = min(split, key=lambda p: p.printed)
            how = f"split by {by}" if by else "cut into runs"
            tried.append(
                f"{how} into {len(split)} pages, {_part(worst)} prints at {worst.printed:.1f} pt"
            )
    raise ViewError(_refusal(options, one, tried, page))


def _ways(view: str, split_by: str | None) -> tuple[str, ...]:
    """The splits to try, in turn: the one asked for (``none``: no split); else, for a
    view cut into runs of services (the logic model), runs of the whole first, then each
    of :data:`SPLIT_BY`. A view that cannot be split (focus) is never split."""
    if not REGISTRY[view].splits or split_by == "none":
        return ()
    if split_by is not None:
        return (split_by,)
    return ("", *SPLIT_BY) if REGISTRY[view].runs == "services" else SPLIT_BY


def _split(ctx: Context, options: Options, by: str, choices: list[Paper]) -> list[Page]:
    """Every non-empty part of the split (``""``: the whole, as one part), a part too
    small to read continued over as many pages as it takes, fitted to the paper; none
    when the split leaves the view on one page (nothing gained)."""
    drawn: list[Page] = []
    split = parts(ctx, options, by) if by else [("part", options)]
    for note, part in split:
        try:
            trial = _fitted(build(ctx, titled(part, note)), choices, note)
        except ViewError:
            continue
        drawn += _runs(ctx, note, part, trial, choices)
    return drawn if len(drawn) > 1 else []


def units(diagram: Diagram, kind: str) -> list[str]:
    """The IDs of the factors (every member of a shared box) or services a diagram draws,
    in the order drawn."""
    sections = ("risk_factors", "protective_factors") if kind == "factors" else ("services",)
    found = (entity.partition(".") for node in diagram.nodes.values() for entity, _ in node.members)
    return list(dict.fromkeys(ident for section, _, ident in found if section in sections))


def _runs(ctx: Context, note: str, part: Options, trial: Page, choices: list[Paper]) -> list[Page]:
    """The part as one page if it prints large enough, else what it draws (its factors,
    or the logic model's services) in runs, as many as the text is too small by (a
    drawing's height grows with its boxes), each run still too small halved, down to one
    a page."""
    kind = REGISTRY[part.view].runs
    items = units(trial.diagram, kind)
    if trial.printed >= MIN_TEXT or len(items) < 2:
        return [trial]

    def only(piece: list[str]) -> Options:
        if kind == "services":
            return replace(part, services=tuple(piece))
        return replace(part, factors=tuple(piece))

    count = min(len(items), max(2, _estimate(trial)))
    pieces = [items[n * len(items) // count : (n + 1) * len(items) // count] for n in range(count)]
    while True:
        pieces = [piece for piece in pieces if _draws(ctx, only(piece))]
        notes = [_numbered(note, n, len(pieces)) for n in range(1, len(pieces) + 1)]
        runs = [
            _fitted(build(ctx, titled(only(piece), run)), choices, run)
            for piece, run in zip(pieces, notes, strict=True)
        ]
        small = [i for i, page in enumerate(runs) if page.printed < MIN_TEXT and len(pieces[i]) > 1]
        if not small:
            return runs
        pieces = [half for i, piece in enumerate(pieces) for half in _halves(piece, i in small)]


def _estimate(trial: Page) -> int:
    """How many runs a page too small to read takes, if its height grows with the boxes
    it draws: its height over the height that would print at :data:`MIN_TEXT`."""
    if trial.paper is None:
        return 2
    needed = MIN_TEXT / (trial.printed / trial.paper.scale(*trial.size))
    allowed = trial.paper.area[1] / needed
    return ceil(trial.size[1] / allowed) if allowed > 0 else 2


def _draws(ctx: Context, options: Options) -> bool:
    """Whether the options leave anything to draw."""
    try:
        build(ctx, options)
    except ViewError:
        return False
    return True


def _numbered(note: str, number: int, count: int) -> str:
    """``individual factors, 1 of 3``; the whole cut into runs: ``part 1 of 3``."""
    return f"part {number} of {count}" if note == "part" else f"{note}, {number} of {count}"


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
