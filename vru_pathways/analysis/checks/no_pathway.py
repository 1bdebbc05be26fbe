"""``no-pathway``: an in-scope risk factor that no active service addresses.

This is the gap the tool exists to find. A risk factor is in scope when it has a
``needs`` entry, or when one of its ``harms`` is in ``scope.harms``; it is covered by a
service that is ``active`` on the as-of date and names it in ``addresses``.

Passes::

    needs: {school-exclusion: {priority: high}}
    services:
      mentors: {name: Mentors, tier: secondary, addresses: [school-exclusion]}

Fails (the only service is still planned)::

    services:
      mentors: {name: Mentors, tier: secondary, status: planned,
                addresses: [school-exclusion]}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding
from ...rulebook import Rule
from ..context import Context

RULE = Rule.NO_PATHWAY
SUBJECT = "factor"


def check(ctx: Context) -> Iterator[Finding]:
    for f in ctx.judged_factors:
        if ctx.framework.factor_kind[f] == "risk" and ctx.status(f) == "no-pathway":
            yield ctx.about_factor(
                RULE, f, f"no active service addresses it on {ctx.as_of.isoformat()}"
            )
