"""``single-service``: a high-priority need rests on one service or one provider.

If that one service or provider stops, the need is uncovered overnight.

Passes: two covering services from two providers.
Fails: exactly one covering service, or several that all share one ``provider``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding
from ...rulebook import Rule
from ..context import Context

RULE = Rule.SINGLE_SERVICE
SUBJECT = "factor"


def check(ctx: Context) -> Iterator[Finding]:
    services = ctx.framework.services
    for f in ctx.judged_factors:
        need = ctx.need(f)
        covering = ctx.covering[f]
        if need is None or need.priority != "high" or not covering:
            continue
        providers = {services[s].provider for s in covering}
        if len(covering) == 1:
            yield ctx.about_factor(
                RULE, f, f"a high-priority need carried by one service ({covering[0]})"
            )
        elif len(providers) == 1 and None not in providers:
            yield ctx.about_factor(
                RULE,
                f,
                f"a high-priority need whose {len(covering)} covering services all come from "
                f"one provider ({providers.pop()})",
            )
