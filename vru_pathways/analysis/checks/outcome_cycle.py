"""``outcome-cycle``: outcomes whose ``leads_to`` loops back on itself (hygiene).

A loop makes a logic model unreadable and says nothing about how change happens. Each
knot of outcomes that reach one another is reported once, at the ``leads_to`` entry that
closes one loop through it, naming the outcomes of that loop in order.

Fails::

    outcomes:
      a: {name: A, stage: short, leads_to: [b]}
      b: {name: B, stage: short, leads_to: [a]}
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ...diagnostics import Finding, Severity
from ...rulebook import Rule
from ..context import Context

RULE = Rule.OUTCOME_CYCLE
SUBJECT = "model"


def check(ctx: Context) -> Iterator[Finding]:
    fw = ctx.framework
    order = {o: i for i, o in enumerate(fw.outcomes)}
    chain = ctx.outcome_chain
    knots = [sorted(k, key=order.__getitem__) for k in nx.strongly_connected_components(chain)]
    for knot in sorted(knots, key=lambda k: order[k[0]]):
        first = knot[0]
        if len(knot) == 1 and not chain.has_edge(first, first):
            continue
        edges = nx.find_cycle(chain.subgraph(knot), source=first)
        loop = [u for u, _ in edges]
        last, back = edges[-1]
        index = fw.outcomes[last].leads_to.index(back)
        yield Finding(
            fw.where("outcomes", last, "leads_to", index),
            RULE,
            f"outcomes lead to each other in a loop: {' → '.join([*loop, back])}",
            Severity.WARNING,
            f"outcomes.{last}",
            related=tuple(fw.where("outcomes", o) for o in knot if o != last),
        )
