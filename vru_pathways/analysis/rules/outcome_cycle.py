"""``outcome-cycle``: outcomes whose ``leads_to`` loops back on itself (hygiene).

A loop makes a logic model unreadable and says nothing about how change happens. Each
loop is reported once, at the ``leads_to`` entry that closes it, naming every outcome in
the loop in order.

Fails::

    outcomes:
      a: {name: A, stage: short, leads_to: [b]}
      b: {name: B, stage: short, leads_to: [a]}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Severity
from ..context import Context


def _loops(edges: dict[str, list[str]]) -> Iterator[list[str]]:
    """Each loop found by a depth-first walk in document order, once per entry outcome."""
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    for start in edges:
        if start in state:
            continue
        path: list[str] = []
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(edges[start]))]
        state[start] = 1
        path.append(start)
        while stack:
            node, targets = stack[-1]
            nxt = next(targets, None)
            if nxt is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(nxt) == 1:
                yield path[path.index(nxt):]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append((nxt, iter(edges[nxt])))


def check(ctx: Context) -> Iterator[Finding]:
    fw = ctx.framework
    edges = {o: list(outcome.leads_to) for o, outcome in fw.outcomes.items()}
    for loop in _loops(edges):
        last, first = loop[-1], loop[0]
        index = fw.outcomes[last].leads_to.index(first)
        yield Finding(
            fw.where("outcomes", last, "leads_to", index), "outcome-cycle",
            f"outcomes lead to each other in a loop: {' → '.join([*loop, first])}",
            Severity.WARNING, f"outcomes.{last}",
            related=tuple(fw.where("outcomes", o) for o in loop),
        )
