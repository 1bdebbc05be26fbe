"""The values the use-cases return and every reporter reads: frozen, built once.

A use-case never prints and never decides an exit code; it returns one of these, and
the command line turns it into text and a code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from .analysis.coverage import Coverage, Ratio
from .analysis.timeline import Timeline
from .diagnostics import DEFAULT_MAX_FINDINGS, Finding, Severity, capped
from .loading import Loaded


@dataclass(frozen=True)
class CheckReport:
    """What ``validate`` and ``gaps`` produce: findings, and for ``gaps`` coverage."""

    command: str
    findings: tuple[Finding, ...]
    analysable: bool
    models: tuple[str, ...] = ()
    coverage: tuple[Coverage, ...] = ()
    factor_names: dict[str, str] = field(default_factory=dict)
    fail_on: Severity | None = Severity.ERROR
    """The threshold the command fails at; reports that mark failures (JUnit) use it."""
    gates: tuple[str, ...] = ()
    """Coverage gates not met (``--fail-under``, ``policy.fail_under``); each fails the run."""
    inputs: tuple[str, ...] = ()
    """The real path of every file the command read: an output may not replace one."""
    max_findings: int | None = DEFAULT_MAX_FINDINGS
    """Findings of one rule shown per file; ``None`` shows all."""

    @cached_property
    def shown(self) -> list[Finding]:
        """The findings a report lists: at most :attr:`max_findings` of a rule per file,
        with a line for the rest (exit codes and counts still see every finding)."""
        return capped(self.findings, self.max_findings)


def checked(command: str, loaded: Loaded) -> CheckReport:
    """What loading alone found: its problems, the models it could assemble, the files
    it read."""
    models = tuple(fw.id for fw in loaded.frameworks)
    return CheckReport(command, tuple(loaded.findings), loaded.ok, models, inputs=loaded.read)


def unanalysable(command: str, findings: list[Finding] | tuple[Finding, ...]) -> CheckReport:
    """The report of input that cannot be analysed: its problems, nothing else."""
    return CheckReport(command, tuple(findings), False)


@dataclass(frozen=True)
class Drawing:
    """What ``draw`` produces: the bytes of the file, or the findings that stopped it.
    A drawing split into pages is one PDF, or one SVG or PNG per page in ``pages`` (and
    ``data`` empty)."""

    report: CheckReport
    data: bytes = b""
    alt_text: str = ""
    pages: tuple[bytes, ...] = ()


@dataclass(frozen=True)
class Output:
    """What ``report`` and ``export`` produce: the bytes of one file, or the findings
    that stopped it; ``notes`` are warnings to show beside it."""

    report: CheckReport
    data: bytes = b""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outputs:
    """What ``import xlsx`` produces: files by relative POSIX path, or the findings that
    stopped it."""

    report: CheckReport
    files: dict[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class Change:
    """The same gap before and after, with another severity or other figures."""

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
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: dict[str, list[str]]
    """Service ID → the fields that changed."""


@dataclass(frozen=True)
class Changes:
    """What a change to the models opened, closed and moved."""

    old: str
    new: str
    opened: tuple[Finding, ...] = ()
    closed: tuple[Finding, ...] = ()
    severity_changed: tuple[Change, ...] = ()
    reworded: tuple[Change, ...] = ()
    coverage: tuple[CoverageChange, ...] = ()
    services: tuple[ServiceChanges, ...] = ()

    def introduced(self, threshold: Severity) -> list[Finding]:
        """Gaps the change brought in at or above ``threshold``: opened ones, and ones
        whose severity rose to it."""
        raised = [
            c.new for c in self.severity_changed if c.new.severity >= threshold > c.old.severity
        ]
        return [f for f in self.opened if f.severity >= threshold] + raised


@dataclass(frozen=True)
class Comparison:
    """What ``diff`` produces: the changes, or the reports that stopped it."""

    old: CheckReport
    new: CheckReport
    changes: Changes | None = None


@dataclass(frozen=True)
class ScenarioChanges:
    """What one scenario does to one model: the gaps it opens and closes and the coverage
    it moves, against the unchanged model."""

    model: str
    scenario: str
    """The scenario's ID (``command-line`` for one put together from options)."""
    name: str
    before: dt.date
    """The date the unchanged model is judged on."""
    after: dt.date
    """The date the scenario is judged on."""
    changes: Changes
    changes_nothing: bool = False
    """The scenario asks for no change at all (no funding ended, no service closed…)."""


@dataclass(frozen=True)
class FundingRisk:
    """What ending one funding source alone would do to one model, on its as-of date."""

    model: str
    funding: str
    name: str
    funder: str | None
    amount: Decimal | None
    ends: dt.date | None
    services: tuple[str, ...]
    """The services that list it."""
    losing: tuple[str, ...]
    """In-scope factors that have a full pathway now and would not."""
    opened: int
    """Findings its ending would open."""
    coverage_lost: float
    """Points of overall coverage its ending would take away."""


@dataclass(frozen=True)
class WhatIf:
    """What ``whatif`` produces: each scenario's changes, or the ranking of funding
    sources (``--each-funding``), or the problems that stopped it."""

    report: CheckReport
    scenarios: tuple[ScenarioChanges, ...] = ()
    ranking: tuple[FundingRisk, ...] = ()


@dataclass(frozen=True)
class TimelineResult:
    """What ``timeline`` produces: each model's months ahead, and the chart when one was
    asked for; or the problems that stopped it."""

    report: CheckReport
    timelines: tuple[Timeline, ...] = ()
    chart: bytes = b""
    """The chart's SVG, PNG or PDF, when one was asked for."""
    description: str = ""
    """What the chart shows, in plain English (its alt text)."""


@dataclass(frozen=True)
class CatalogueEntry:
    """One entry of the shipped catalogue as ``list`` shows it."""

    id: str
    name: str
    details: tuple[tuple[str, str | tuple[str, ...]], ...] = ()
    """Further columns, in order: (column, text or a list of IDs)."""


@dataclass(frozen=True)
class CatalogueList:
    """What ``list`` produces: the entries of one kind, in catalogue order."""

    kind: str
    entries: tuple[CatalogueEntry, ...]
    columns: tuple[str, ...] = ()
    """The names of each entry's further columns."""
