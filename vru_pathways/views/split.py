"""A view split into pages, each the view of one part of the factors: one ecological
level, one harm, or the needs one board owns. Each part is the view drawn under one
more filter, so every page is whole: its own title, subtitle and key."""

from __future__ import annotations

from dataclasses import replace

from ..analysis.context import Context
from ..schema.document import LEVELS
from . import Options


def _levels(ctx: Context, options: Options) -> list[tuple[str, Options]]:
    levels = [lv for lv in LEVELS if not options.levels or lv in options.levels]
    return [(f"{lv} factors", replace(options, levels=(lv,))) for lv in levels]


def _harms(ctx: Context, options: Options) -> list[tuple[str, Options]]:
    fw = ctx.framework
    driven = {h for f in ctx.in_scope for h in fw.factors[f].harms}
    harms = [h for h in fw.harms if h in driven and (not options.harms or h in options.harms)]
    return [(fw.harms[h].name, replace(options, harms=(h,))) for h in harms]


def _boards(ctx: Context, options: Options) -> list[tuple[str, Options]]:
    """A part per board owning a need of the scope, then the factors no board owns."""
    fw = ctx.framework
    owners = {n.owner for f, n in fw.needs.items() if f in ctx.in_scope}
    wanted = [b for b in fw.boards if b in owners]
    out = [(f"owned by {fw.boards[b].name}", b) for b in wanted]
    out.append(("owned by no board", ""))
    return [
        (note, replace(options, boards=(b,)))
        for note, b in out
        if not options.boards or b in options.boards
    ]


_PARTS = {"level": _levels, "harm": _harms, "board": _boards}


def parts(ctx: Context, options: Options, by: str) -> list[tuple[str, Options]]:
    """What each page shows (``individual factors``) and the options that draw it, in
    document order; parts a filter already rules out are left out."""
    return _PARTS[by](ctx, options)


def titled(options: Options, note: str) -> Options:
    """The options of one page, its subtitle saying which part it is."""
    return replace(options, filters=(*options.filters, note))
