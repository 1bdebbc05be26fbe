"""``validate`` and ``gaps``: the checks a model must pass."""

from __future__ import annotations

import datetime as dt

from ..analysis import HYGIENE
from ..analysis.context import Context
from ..analysis.engine import merge, run
from ..diagnostics import DEFAULT_MAX_FINDINGS, Severity
from ..judgement import judge
from ..loading import Loaded, load
from ..results import CheckReport
from . import Progress


def validate(
    paths: list[str],
    fail_on: Severity | None = Severity.ERROR,
    progress: Progress | None = None,
    root: str | None = None,
    max_findings: int | None = DEFAULT_MAX_FINDINGS,
) -> CheckReport:
    """Format, references and hygiene findings (the rules that need no as-of date)."""
    if progress:
        progress.stage(f"reading and checking {len(paths)} model(s), {progress.size / 1e6:.0f} MB")
    loaded = load(paths, root)
    found = list(loaded.findings)
    if progress:
        progress.stage("checking hygiene")
    if loaded.ok:
        for framework in loaded.frameworks:
            found += run(Context(framework), HYGIENE)
    models = tuple(fw.id for fw in loaded.frameworks)
    return CheckReport(
        "validate",
        tuple(merge(found)),
        loaded.ok,
        models,
        fail_on=fail_on,
        inputs=loaded.read,
        max_findings=max_findings,
    )


def gaps(
    paths: list[str],
    as_of: dt.date | None = None,
    fail_under: float | None = None,
    fail_on: Severity | None = Severity.ERROR,
    progress: Progress | None = None,
    root: str | None = None,
    max_findings: int | None = DEFAULT_MAX_FINDINGS,
) -> CheckReport:
    """Every finding of FORMAT.md's "What counts as a gap", and coverage per model."""
    if progress:
        progress.stage(f"reading and checking {len(paths)} model(s), {progress.size / 1e6:.0f} MB")
    loaded = load(paths, root)
    if progress:
        progress.stage("finding the gaps")
    return analyse(loaded, as_of, fail_under, fail_on, max_findings=max_findings)


def analyse(
    loaded: Loaded,
    as_of: dt.date | None = None,
    fail_under: float | None = None,
    fail_on: Severity | None = Severity.ERROR,
    command: str = "gaps",
    max_findings: int | None = DEFAULT_MAX_FINDINGS,
) -> CheckReport:
    """The gaps and coverage of loaded frameworks (only their problems if unanalysable)."""
    if not loaded.ok:
        models = tuple(fw.id for fw in loaded.frameworks)
        return CheckReport(
            command,
            tuple(merge(loaded.findings)),
            False,
            models,
            fail_on=fail_on,
            inputs=loaded.read,
            max_findings=max_findings,
        )
    contexts = [Context(framework, as_of) for framework in loaded.frameworks]
    return judge(contexts, loaded.findings, loaded.read, fail_under, fail_on, command, max_findings)
