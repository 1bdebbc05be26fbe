"""Changes between two versions as text, Markdown (a pull-request comment) or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..diagnostics import Finding
from ..results import Change, Changes, CoverageChange, ServiceChanges
from .json_ import finding_dict
from .markdown import escape, table


def _pct(change: CoverageChange) -> tuple[str, str, str]:
    old = f"{change.old.percent:g}%" if change.old else "—"
    new = f"{change.new.percent:g}%" if change.new else "—"
    return old, new, f"{change.delta:+.1f}"


def _where(f: Finding) -> str:
    return f"{f.location}"


def _models(f: Finding) -> str:
    return ", ".join(f.models)


def summary(changes: Changes) -> str:
    return (
        f"{len(changes.opened)} gap(s) opened, {len(changes.closed)} closed, "
        f"{len(changes.severity_changed)} changed severity"
    )


def text(changes: Changes, command: str = "diff") -> str:
    lines = [f"vru-pathways {command} {changes.old} → {changes.new}", summary(changes), ""]
    lines += _text_gaps("Gaps opened", changes.opened, "+")
    lines += _text_gaps("Gaps closed", changes.closed, "-")
    lines.append(f"Severity changed ({len(changes.severity_changed)}):")
    lines += [
        f"  ~ {c.old.severity.label} → {c.new.severity.label} {c.new.rule} "
        f"[{_models(c.new)}] {c.new.message} ({_where(c.new)})"
        for c in changes.severity_changed
    ] or ["  none"]
    if changes.reworded:
        lines += ["", f"Same gap, new figures ({len(changes.reworded)}):"]
        lines += [f"  ~ {c.new.rule} [{_models(c.new)}] {c.new.message}" for c in changes.reworded]
    lines += ["", "Coverage (in-scope factors with a full pathway):"]
    lines += [
        f"  {c.model} {c.part}: {' → '.join(_pct(c)[:2])} ({_pct(c)[2]} points)"
        for c in changes.coverage
    ] or ["  unchanged"]
    lines += ["", "Services:"]
    lines += [f"  {s.model}: {_service_changes(s)}" for s in changes.services] or ["  unchanged"]
    return "\n".join(lines) + "\n"


def _text_gaps(title: str, findings: Sequence[Finding], mark: str) -> list[str]:
    rows = [
        f"  {mark} {f.severity.label:<7} {f.rule:<22} [{_models(f)}] {f.message} ({_where(f)})"
        for f in findings
    ]
    return [f"{title} ({len(findings)}):", *(rows or ["  none"]), ""]


def _service_changes(s: ServiceChanges) -> str:
    """``added a, b; removed c; changed d (tier, ages)``: the parts that apply."""
    changed = "; ".join(f"{k} ({', '.join(v)})" for k, v in s.changed.items())
    parts = [
        f"added {', '.join(s.added)}" if s.added else "",
        f"removed {', '.join(s.removed)}" if s.removed else "",
        f"changed {changed}" if s.changed else "",
    ]
    return "; ".join(p for p in parts if p)


def _finding_rows(findings: Sequence[Finding]) -> list[list[str]]:
    return [[f.severity.label, f.rule, _models(f), f.message, _where(f)] for f in findings]


def markdown(changes: Changes) -> str:
    lines = [
        f"## vru-pathways: {escape(changes.old)} → {escape(changes.new)}",
        "",
        f"**{summary(changes)}**",
        "",
    ]
    header = ["severity", "rule", "model", "gap", "where"]
    for title, findings in (("Gaps opened", changes.opened), ("Gaps closed", changes.closed)):
        lines += [f"### {title} ({len(findings)})", ""]
        lines += (table(header, _finding_rows(findings)) if findings else ["None."]) + [""]
    if changes.severity_changed:
        lines += [f"### Severity changed ({len(changes.severity_changed)})", ""]
        rows = [
            [
                f"{c.old.severity.label} → {c.new.severity.label}",
                c.new.rule,
                _models(c.new),
                c.new.message,
                _where(c.new),
            ]
            for c in changes.severity_changed
        ]
        lines += table(header, rows) + [""]
    lines += ["### Coverage", ""]
    if changes.coverage:
        rows = [[c.model, c.part, *_pct(c)] for c in changes.coverage]
        lines += table(["model", "part", "before", "after", "change (points)"], rows)
    else:
        lines.append("Unchanged.")
    lines += ["", "### Services", ""]
    if changes.services:
        rows = [
            [
                s.model,
                ", ".join(s.added),
                ", ".join(s.removed),
                "; ".join(f"{k} ({', '.join(v)})" for k, v in s.changed.items()),
            ]
            for s in changes.services
        ]
        lines += table(["model", "added", "removed", "changed"], rows)
    else:
        lines.append("Unchanged.")
    return "\n".join(lines) + "\n"


def _change(c: Change) -> dict[str, Any]:
    return {"old": finding_dict(c.old), "new": finding_dict(c.new)}


def as_json(changes: Changes) -> str:
    return json.dumps(as_dict(changes), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def as_dict(changes: Changes) -> dict[str, Any]:
    """The changes as JSON data."""
    return {
        "old": changes.old,
        "new": changes.new,
        "opened": [finding_dict(f) for f in changes.opened],
        "closed": [finding_dict(f) for f in changes.closed],
        "severity_changed": [_change(c) for c in changes.severity_changed],
        "reworded": [_change(c) for c in changes.reworded],
        "coverage": [
            {
                "model": c.model,
                "part": c.part,
                "old": c.old.percent if c.old else None,
                "new": c.new.percent if c.new else None,
                "change": round(c.delta, 1),
            }
            for c in changes.coverage
        ],
        "services": [
            {"model": s.model, "added": s.added, "removed": s.removed, "changed": s.changed}
            for s in changes.services
        ],
    }
