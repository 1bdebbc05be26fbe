"""``orphan-outcome``: an outcome of the root document that nothing leads to (hygiene).

No service contributes to it and no outcome ``leads_to`` it. Outcomes of shared
frameworks are not reported, since a model uses only part of a catalogue.

Fails (in the root document)::

    outcomes:
      safer-streets: {name: Safer streets, stage: long}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Severity
from ...graph import node_id
from ...rulebook import Rule
from ..context import Context

RULE = Rule.ORPHAN_OUTCOME
SUBJECT = "model"


def check(ctx: Context) -> Iterator[Finding]:
    fw = ctx.framework
    for o, outcome in fw.root.model.outcomes.items():
        if fw.origin[("outcomes", o)] is not fw.root:
            continue
        incoming = ctx.graph.in_edges(node_id("outcome", o), data="rel")
        if not any(rel in ("outcomes", "leads_to") for _, _, rel in incoming):
            yield Finding(
                fw.where("outcomes", o),
                RULE,
                f"outcome '{o}' ({outcome.name}) has no service contributing to it "
                "and no outcome leading to it",
                Severity.WARNING,
                f"outcomes.{o}",
            )
