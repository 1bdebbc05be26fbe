"""Run rules over frameworks, apply each model's policy, merge what models share."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ..collector import paused
from ..diagnostics import Finding, Severity
from . import CHECKS, SUBJECTS
from .context import Context


def run(ctx: Context, rules: Iterable[str]) -> list[Finding]:
    """The findings of ``rules`` on one framework, with ``policy.severity`` applied; on a
    focused context (:class:`~.focus.Focus`), only the rules about factors and services.
    The cycle collector waits while they run: a context's tables hold no cycles."""
    overrides = ctx.policy.severity
    model = (ctx.framework.id,)
    out: list[Finding] = []
    with paused():
        for rule in rules:
            setting = overrides.get(rule)
            if setting == "off" or (ctx.focus is not None and SUBJECTS[rule] == "model"):
                continue
            for finding in CHECKS[rule](ctx):
                severity = Severity.parse(setting) if setting else finding.severity
                out.append(dataclasses.replace(finding, severity=severity, models=model))
    return out


def merge(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per place and message, naming every model it holds in, sorted."""
    merged: dict[tuple[object, ...], Finding] = {}
    for f in findings:
        key = (f.location, f.rule, f.message, f.severity)
        if key in merged:
            seen = merged[key]
            models = tuple(dict.fromkeys((*seen.models, *f.models)))
            merged[key] = dataclasses.replace(seen, models=models)
        else:
            merged[key] = f
    return sorted(merged.values())
