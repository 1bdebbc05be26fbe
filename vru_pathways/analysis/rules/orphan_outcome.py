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
from ..context import Context


def check(ctx: Context) -> Iterator[Finding]:
    fw = ctx.framework
    fed = {o for service in fw.services.values() for o in service.outcomes}
    fed |= {t for outcome in fw.outcomes.values() for t in outcome.leads_to}
    for o, outcome in fw.root.model.outcomes.items():
        if o not in fed and fw.origin[("outcomes", o)] is fw.root:
            yield Finding(fw.where("outcomes", o), "orphan-outcome",
                          f"outcome '{o}' ({outcome.name}) has no service contributing to it "
                          "and no outcome leading to it", Severity.WARNING, f"outcomes.{o}")
