"""The entry point: a view looked up by name, grouped, held to a size, titled, described."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..analysis.context import Context
from ..render.alt_text import describe
from ..render.diagram import Diagram, NodeKind
from . import VIEWS, Options, ViewError, focus, logic_model, matrix, pathways, referrals
from .filters import check
from .grouping import group
from .layout import Layout
from .select import Selection


@dataclass(frozen=True)
class View:
    title: str
    """What the diagram's title starts with."""
    layout: Callable[[Selection], Layout]
    about_factors: bool = True
    """Whether its description says which factor gaps it has none of (a view that
    draws no factors says nothing of them)."""
    splits: bool = True
    """Whether the view can be split into pages by its factors (``--split-by``)."""
    runs: str = "factors"
    """What a page too small to read is cut into runs of: ``factors`` or ``services``
    (the logic model, which draws no factor)."""
    narrower: str = "--harm ID, --area ID, --gaps-only, --group-by tier or --view focus --focus ID"
    """What the message of a view too small to print suggests, besides a bigger page."""


REGISTRY: dict[str, View] = {
    "logic-model": View("Logic model", logic_model.layout, runs="services"),
    "pathways": View("Pathway map", pathways.layout),
    "focus": View("Focus", focus.layout, splits=False, narrower="--depth 1 or --gaps-only"),
    "referrals": View(
        "Referral routes",
        referrals.layout,
        about_factors=False,
        splits=False,
        narrower="--tier TIER or --area ID",
    ),
    "matrix": View("Matrix", matrix.layout, narrower="--harm ID, --level LEVEL or --gaps-only"),
}
"""Every view by the name ``--view`` takes; its keys are :data:`vru_pathways.views.VIEWS`."""


def build(ctx: Context, options: Options) -> Diagram:
    """The diagram of ``options.view`` for one framework, filtered and grouped."""
    if options.view not in REGISTRY:
        raise ViewError(f"unknown view '{options.view}'; choose one of {', '.join(VIEWS)}")
    check(ctx.framework, options)
    view = REGISTRY[options.view]
    layout = view.layout(Selection(ctx, options))
    if options.group_by:
        layout = group(ctx.framework, layout, options.group_by)
    _something_drawn(options, layout)
    _hold_to_size(options, len(layout.nodes))
    title = f"{view.title}: {ctx.framework.title}{layout.around}"
    subtitle = " · ".join((f"As of {ctx.as_of.isoformat()}", *options.filters))
    return _diagram(title, subtitle, layout, analysed=view.about_factors)


_SERVICES = frozenset({NodeKind.SERVICE, NodeKind.SERVICE_GROUP})


def _something_drawn(options: Options, layout: Layout) -> None:
    """A :class:`ViewError` when the filters leave nothing to draw, or no service when
    they filter services, rather than an empty or a misleading page."""
    asked = " ".join(options.filters) or "the model"
    if not layout.nodes:
        raise ViewError(
            f"nothing to draw: the {options.view} view of {asked} has no box; "
            "widen the filters (--harm, --area, --tier, --gaps-only)"
        )
    if (options.tiers or options.areas) and not {n.kind for n in layout.nodes} & _SERVICES:
        raise ViewError(
            f"nothing to draw: no service shown in the {options.view} view passes "
            f"{asked}; widen --tier or --area"
        )


def _hold_to_size(options: Options, boxes: int) -> None:
    if boxes > options.max_nodes:
        raise ViewError(
            f"the {options.view} view would draw {boxes} boxes, too many to read "
            f"(more than {options.max_nodes}); narrow it with --focus ID, --area, --tier, "
            "--harm or --gaps-only, or collapse services with --group-by provider|tier|approach "
            "(--max-nodes N raises the limit)"
        )


def _diagram(title: str, subtitle: str, layout: Layout, *, analysed: bool = True) -> Diagram:
    """The diagram of the nodes the columns place, in column order, with its alt text."""
    by_id = {n.id: n for n in layout.nodes}
    placed = {nid: by_id[nid] for c in layout.columns for g in c.groups for nid in g.nodes}
    if layout.table is not None:
        placed = by_id
    diagram = Diagram(title, subtitle, layout.columns, placed, layout.edges, table=layout.table)
    return replace(diagram, description=describe(diagram, analysed=analysed))
