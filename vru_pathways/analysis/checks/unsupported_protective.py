"""``unsupported-protective``: an in-scope protective factor that no active service builds.

The protective-factor twin of ``no-pathway``: strengthening protection (a trusted adult,
being in education) is half of the public-health approach.

Passes::

    services:
      youth-club: {name: Youth club, tier: primary, addresses: [positive-activities]}

Fails: the same model with no active service naming ``positive-activities``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding
from ...rulebook import Rule
from ..context import Context

RULE = Rule.UNSUPPORTED_PROTECTIVE
SUBJECT = "factor"


def check(ctx: Context) -> Iterator[Finding]:
    for f in ctx.judged_factors:
        if ctx.framework.factor_kind[f] == "protective" and not ctx.covering[f]:
            yield ctx.about_factor(
                RULE,
                f,
                f"no active service builds it on {ctx.as_of.isoformat()}",
            )
