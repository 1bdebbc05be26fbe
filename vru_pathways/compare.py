"""Compare two versions of the same models: what a change opened, closed and moved.

Findings are matched by rule, entity and models, not by line, so moving text around a
file changes nothing; a finding whose severity or wording changed is reported as such.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .analysis.coverage import Coverage, Ratio
from .app import Report
from .diagnostics import Finding, Severity
from .framework import Framework

Key = tuple[str, str, tuple[str, ...], int]


def keyed(findings: list[Finding]) -> dict[Key, Finding]:
    """Each finding under a key that survives edits elsewhere in the file."""
    seen: Counter[tuple[str, str, tuple[str, ...]]] = Counter()
    out: dict[Key, Finding] = {}
    for f in findings:
        base = (f.rule, f.entity or f.message, f.models)
        out[(*base, seen[base])] = f
        seen[base] += 1
    return out


@dataclass(frozen=True)
class Change:
    old: Finding
    new: Finding


@dataclass(frozen=True)
class CoverageChange:
    model: str
    part: str
    """``overall``, ``tier primary``, ``level individual``, ``area north``…"""
    old: Ratio | None
    new: Ratio | None

    @property
    def delta(self) -> float:
        return (self.new.percent if self.new else 0.0) - (self.old.percent if self.old else 0.0)


@dataclass(frozen=True)
class ServiceChanges:
    model: str
    added: list[str]
    removed: list[str]
    changed: dict[str, list[str]]
    """Service ID → the fields that changed."""


@dataclass
class Diff:
    old: str
    new: str
    opened: list[Finding] = field(default_factory=list)
    closed: list[Finding] = field(default_factory=list)
    severity_changed: list[Change] = field(default_factory=list)
    reworded: list[Change] = field(default_factory=list)
    coverage: list[CoverageChange] = field(default_factory=list)
    services: list[ServiceChanges] = field(default_factory=list)

    def introduced(self, threshold: Severity) -> list[Finding]:
        """Gaps the change brought in at or above ``threshold``: opened ones, and ones
        whose severity rose to it."""
        raised = [
            c.new for c in self.severity_changed if c.new.severity >= threshold > c.old.severity
        ]
        return [f for f in self.opened if f.severity >= threshold] + raised


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
        model, [s for s in after if s not in before], [s for s in before if s not in after], changed
    )


def compare(
    old: Report,
    new: Report,
    old_frameworks: list[Framework],
    new_frameworks: list[Framework],
    old_name: str,
    new_name: str,
) -> Diff:
    diff = Diff(old_name, new_name)
    before, after = keyed(old.findings), keyed(new.findings)
    diff.opened = sorted(f for k, f in after.items() if k not in before)
    diff.closed = sorted(f for k, f in before.items() if k not in after)
    for key in (k for k in after if k in before):
        first, then = before[key], after[key]
        if first.severity != then.severity:
            diff.severity_changed.append(Change(first, then))
        elif first.message != then.message:
            diff.reworded.append(Change(first, then))
    old_cov = {c.model: c for c in old.coverage}
    for cov in new.coverage:
        was = _coverage_parts(old_cov[cov.model]) if cov.model in old_cov else {}
        now = _coverage_parts(cov)
        for part in dict.fromkeys([*now, *was]):
            if was.get(part) != now.get(part):
                diff.coverage.append(CoverageChange(cov.model, part, was.get(part), now.get(part)))
    old_fw = {fw.id: fw for fw in old_frameworks}
    for fw in new_frameworks:
        changes = _services(fw.id, old_fw.get(fw.id), fw)
        if changes.added or changes.removed or changes.changed:
            diff.services.append(changes)
    return diff
