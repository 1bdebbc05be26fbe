"""``date-order``: an ``ends`` before the ``starts`` of the same funding or service.

The entity cannot be judged as written: it would end before it began. An error whatever
the date, so ``validate`` reports it too.

Fails::

    funding:
      grant: {name: Grant, starts: 2025-04-01, ends: 2024-03-31}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Severity
from ...rulebook import Rule
from ..context import Context

RULE = Rule.DATE_ORDER
SUBJECT = "model"


def check(ctx: Context) -> Iterator[Finding]:
    fw = ctx.framework
    for section, noun, table in (
        ("funding", "funding", fw.funding),
        ("services", "service", fw.services),
    ):
        for ident, entity in table.items():
            if entity.starts and entity.ends and entity.ends < entity.starts:
                yield Finding(
                    fw.where(section, ident, "ends"),
                    RULE,
                    f"{noun} '{ident}' ({entity.name}) ends {entity.ends.isoformat()}, before it "
                    f"starts on {entity.starts.isoformat()}: correct one of the two dates",
                    Severity.ERROR,
                    f"{section}.{ident}",
                    related=(fw.where(section, ident, "starts"),),
                )
