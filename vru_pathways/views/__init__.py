"""Named selections of a framework, drawn as a :class:`~vru_pathways.render.diagram.Diagram`.

- ``logic-model``: inputs (funding, partners) → activities (services) → outputs →
  short / medium / long-term outcomes → impact, the W.K. Kellogg columns.
- ``pathways``: factors by ecological level → services by tier → outcomes → impact,
  with gaps marked. Every factor with a ``needs`` entry (a local priority) gets a node
  of its own; the other in-scope factors of a level are listed together, one node per
  status (with a pathway, dead end, no pathway), so the map fits a printed page.
  ``all_factors`` gives every factor its own node.
- ``focus``: the pathway neighbourhood of one factor, service or outcome, ``depth``
  steps upstream and downstream.
- ``referrals``: services by tier and the referral routes between them, marking routes
  into services not active and services no active service refers people to.

One module per view; :mod:`.select` decides what a view shows, :mod:`.nodes` draws the
boxes, :mod:`.grouping` applies ``--group-by`` and :mod:`.build` looks the view up in its
registry. Filters (``areas``, ``tiers``, ``harms``, ``gaps_only``) and ``group_by`` apply
to every view. Node order comes from the documents, so adding a service never reorders
the rest.

This module stays light (no networkx, no pydantic): the command line reads its names at
start-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import InputError

VIEWS = ("logic-model", "pathways", "focus", "referrals", "matrix")
"""The ``--view`` choices: the keys of :data:`.build.REGISTRY`."""
GROUP_BY = ("provider", "tier", "approach")
SPLIT_BY = ("level", "harm", "board")
"""How a drawing too small to read on its page is split into pages: ``--split-by``."""
MATRIX_BY = ("tier", "area")
"""The columns of the matrix view: ``--columns``."""
MAX_NODES = 150


class ViewError(InputError):
    """A view that cannot be drawn as asked; the message says what to do instead."""


@dataclass(frozen=True)
class Options:
    view: str = "pathways"
    focus: str | None = None
    depth: int = 2
    areas: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()
    harms: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    boards: tuple[str, ...] = ()
    """Only factors whose need this board owns; ``""`` stands for factors no board owns."""
    factors: tuple[str, ...] = ()
    """Only these factors (IDs): one page's share of a split."""
    services: tuple[str, ...] = ()
    """Only these services (IDs): one page's share of a split logic model."""
    gaps_only: bool = False
    group_by: str | None = None
    all_factors: bool = False
    max_nodes: int = MAX_NODES
    filters: tuple[str, ...] = field(default=())
    """The filters as the subtitle names them (``harm knife-crime``, ``gaps only``)."""
    columns: str = "tier"
    """The matrix view's columns: one of :data:`MATRIX_BY`."""
