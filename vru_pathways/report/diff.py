"""A comparison of two versions as text, Markdown (a pull-request comment) or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..compare import Change, CoverageChange, Diff
from ..diagnostics import Finding
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


def summary(diff: Diff) -> str:
    return (
        f"{len(diff.opened)} gap(s) opened, {len(diff.closed)} closed, "
        f"{len(diff.severity_changed)} changed severity"
    )


def text(diff: Diff) -> str:
    lines = [f"vru-pathways diff {diff.old} → {diff.new}", summary(diff), ""]
    sections: list[tuple[str, list[Finding], str]] = [
        ("Gaps opened", diff.opened, "+"),
        ("Gaps closed", diff.closed, "-"),
    ]
    for title, findings, mark in sections:
        lines.append(f"{title} ({len(findings)}):")
        lines += [
            f"  {mark} {f.severity.label:<7} {f.rule:<22} [{_models(f)}] {f.message} ({_where(f)})"
            for f in findings
        ] or ["  none"]
        lines.append("")
    lines.append(f"Severity changed ({len(diff.severity_changed)}):")
    lines += [
        f"  ~ {c.old.severity.label} → {c.new.severity.label} {c.new.rule} "
        f"[{_models(c.new)}] {c.new.message} ({_where(c.new)})"
        for c in diff.severity_changed
    ] or ["  none"]
    if diff.reworded:
        lines += ["", f"Same gap, new figures ({len(diff.reworded)}):"]
        lines += [f"  ~ {c.new.rule} [{_models(c.new)}] {c.new.message}" for c in diff.reworded]
    lines += ["", "Coverage (in-scope factors with a full pathway):"]
    lines += [
        f"  {c.model} {c.part}: {' → '.join(_pct(c)[:2])} ({_pct(c)[2]} points)"
        for c in diff.coverage
    ] or ["  unchanged"]
    lines += ["", "Services:"]
    for s in diff.services:
        parts = [
            f"added {', '.join(s.added)}" if s.added else "",
            f"removed {', '.join(s.removed)}" if s.removed else "",
            "changed " + "; ".join(f"{k} ({', '.join(v)})" for k, v in s.changed.items())
            if s.changed
            else "",
        ]
        lines.append(f"  {s.model}: " + "; ".join(p for p in parts if p))
    if not diff.services:
        lines.append("  unchanged")
    return "\n".join(lines) + "\n"


def _finding_rows(findings: list[Finding]) -> list[list[str]]:
    return [[f.severity.label, f.rule, _models(f), f.message, _where(f)] for f in findings]


def markdown(diff: Diff) -> str:
    lines = [
        f"## vru-pathways: {escape(diff.old)} → {escape(diff.new)}",
        "",
        f"**{summary(diff)}**",
        "",
    ]
    header = ["severity", "rule", "model", "gap", "where"]
    for title, findings in (("Gaps opened", diff.opened), ("Gaps closed", diff.closed)):
        lines += [f"### {title} ({len(findings)})", ""]
        lines += (table(header, _finding_rows(findings)) if findings else ["None."]) + [""]
    if diff.severity_changed:
        lines += [f"### Severity changed ({len(diff.severity_changed)})", ""]
        rows = [
            [
                f"{c.old.severity.label} → {c.new.severity.label}",
                c.new.rule,
                _models(c.new),
                c.new.message,
                _where(c.new),
            ]
            for c in diff.severity_changed
        ]
        lines += table(header, rows) + [""]
    lines += ["### Coverage", ""]
    if diff.coverage:
        rows = [[c.model, c.part, *_pct(c)] for c in diff.coverage]
        lines += table(["model", "part", "before", "after", "change (points)"], rows)
    else:
        lines.append("Unchanged.")
    lines += ["", "### Services", ""]
    if diff.services:
        rows = [
            [
                s.model,
                ", ".join(s.added),
                ", ".join(s.removed),
                "; ".join(f"{k} ({', '.join(v)})" for k, v in s.changed.items()),
            ]
            for s in diff.services
        ]
        lines += table(["model", "added", "removed", "changed"], rows)
    else:
        lines.append("Unchanged.")
    return "\n".join(lines) + "\n"


def _change(c: Change) -> dict[str, Any]:
    return {"old": finding_dict(c.old), "new": finding_dict(c.new)}


def as_json(diff: Diff) -> str:
    document = {
        "old": diff.old,
        "new": diff.new,
        "opened": [finding_dict(f) for f in diff.opened],
        "closed": [finding_dict(f) for f in diff.closed],
        "severity_changed": [_change(c) for c in diff.severity_changed],
        "reworded": [_change(c) for c in diff.reworded],
        "coverage": [
            {
                "model": c.model,
                "part": c.part,
                "old": c.old.percent if c.old else None,
                "new": c.new.percent if c.new else None,
                "change": round(c.delta, 1),
            }
            for c in diff.coverage
        ],
        "services": [
            {"model": s.model, "added": s.added, "removed": s.removed, "changed": s.changed}
            for s in diff.services
        ],
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


DIFF_FORMATS: dict[str, Callable[[Diff], str]] = {
    "text": text,
    "markdown": markdown,
    "json": as_json,
}
