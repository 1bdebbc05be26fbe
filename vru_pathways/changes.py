"""Two versions of the same models → :class:`~vru_pathways.results.Changes`.

Findings are matched by rule, entity and models, not by line, so moving text around a
file changes nothing; a finding whose severity or wording changed is reported as such.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .analysis.coverage import Coverage, Ratio
from .diagnostics import Finding
from .framework import Framework
from .results import Change, Changes, CheckReport, CoverageChange, ServiceChanges

Key = tuple[str, str, tuple[str, ...], int]


def keyed(findings: tuple[Finding, ...] | list[Finding]) -> dict[Key, Finding]:
    """Each finding under a key that survives edits elsewhere in the file."""
    seen: Counter[tuple[str, str, tuple[str, ...]]] = Counter()
    out: dict[Key, Finding] = {}
    for f in findings:
        base = (f.rule, f.entity or f.message, f.models)
        out[(*base, seen[base])] = f
        seen[base] += 1
    return out


def _coverage_parts(cov: Coverage) -> dict[str, Ratio]:
    parts = {"overall": cov.overall}
    parts |= {f"tier {k}": v for k, v in cov.by_tier.items()}
    parts |= {f"level {k}": v for k, v in cov.by_level.items()}
    parts |= {f"area {k}": v for k, v in cov.by_area.items()}
    return parts


def _services(model: str, old: Framework | None, new: Framework | None) -> ServiceChanges:
    before: dict[str, Any] = old.services if old else {}
    after: dict[str, Any] = new.services if new else {}
    changed = {}
    for s in (s for s in after if s in before):
        a, b = before[s].model_dump(), after[s].model_dump()
        fields = [k for k in b if a.get(k) != b.get(k)]
        if fields:
            changed[s] = fields
    return ServiceChanges(
        model,
        tuple(s for s in after if s not in before),
        tuple(s for s in before if s not in after),
        changed,
    )


def _coverage(old: CheckReport, new: CheckReport) -> list[CoverageChange]:
    out = []
    old_cov = {c.model: c for c in old.coverage}
    for cov in new.coverage:
        was = _coverage_parts(old_cov[cov.model]) if cov.model in old_cov else {}
        now = _coverage_parts(cov)
        for part in dict.fromkeys([*now, *was]):
            if was.get(part) != now.get(part):
                out.append(CoverageChange(cov.model, part, was.get(part), now.get(part)))
    return out


def _matched(
    before: dict[Key, Finding], after: dict[Key, Finding]
) -> tuple[list[Change], list[Change]]:
    """The gaps on both sides whose severity changed, and those only reworded."""
    severity: list[Change] = []
    reworded: list[Change] = []
    for key in (k for k in after if k in before):
        first, then = before[key], after[key]
        if first.severity != then.severity:
            severity.append(Change(first, then))
        elif first.message != then.message:
            reworded.append(Change(first, then))
    return severity, reworded


def compare(
    old: CheckReport,
    new: CheckReport,
    old_frameworks: list[Framework],
    new_frameworks: list[Framework],
    old_name: str,
    new_name: str,
) -> Changes:
    """What changed from ``old`` to ``new``: gaps, severities, coverage and services."""
    before, after = keyed(old.findings), keyed(new.findings)
    severity, reworded = _matched(before, after)
    old_fw = {fw.id: fw for fw in old_frameworks}
    services = [_services(fw.id, old_fw.get(fw.id), fw) for fw in new_frameworks]
    return Changes(
        old_name,
        new_name,
        opened=tuple(sorted(f for k, f in after.items() if k not in before)),
        closed=tuple(sorted(f for k, f in before.items() if k not in after)),
        severity_changed=tuple(severity),
        reworded=tuple(reworded),
        coverage=tuple(_coverage(old, new)),
        services=tuple(s for s in services if s.added or s.removed or s.changed),
    )
