"""``harmful-approach``: a service uses an approach the evidence rates as harmful.

Applies to every service not ``closed`` (a planned harmful service is worth stopping
before it starts). Always an error unless ``policy.severity`` says otherwise.

Fails::

    approaches:
      prison-awareness: {name: Prison awareness visits, evidence: {impact: harmful}}
    services:
      scared-straight: {name: Prison visit day, tier: secondary, approach: prison-awareness}
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Severity
from ...rulebook import Rule
from ..context import Context

RULE = Rule.HARMFUL_APPROACH
SUBJECT = "service"


def check(ctx: Context) -> Iterator[Finding]:
    fw = ctx.framework
    for s in ctx.judged_services:
        service = fw.services[s]
        if service.status == "closed" or ctx.rating(s) != "harmful":
            continue
        approach = service.approach or ""
        yield Finding(
            fw.where("services", s, "approach"),
            RULE,
            f"service '{s}' ({service.name}, {service.status}) uses '{approach}' "
            f"({fw.approaches[approach].name}), which the evidence rates as harmful: "
            "it can increase violence; replace or stop it",
            Severity.ERROR,
            f"services.{s}",
            related=(fw.where("approaches", approach),),
        )
