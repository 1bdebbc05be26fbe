"""Gaps rolled up the governance hierarchy: each board sees its own gaps and those of
every board that reports to it, directly or through others (``reports_to`` may name
several boards, so a sub-board's gaps reach each of them)."""

from __future__ import annotations

from collections import Counter

from ..diagnostics import Finding, Severity
from ..framework import Framework
from .model import Listing

HEADER = ["Board", "Reports to", "Its own gaps", "Sub-boards", "Gaps of its sub-boards", "In all"]


def sub_boards(fw: Framework, board: str) -> list[str]:
    """Every board reporting to ``board``, directly or through others, in document
    order; a loop in ``reports_to`` is walked once."""
    below: dict[str, list[str]] = {b: [] for b in fw.boards}
    for ident, b in fw.boards.items():
        for parent in b.reports_to_all:
            if parent in below:
                below[parent].append(ident)
    seen: set[str] = set()
    todo = list(below[board])
    while todo:
        here = todo.pop()
        if here in seen or here == board:
            continue
        seen.add(here)
        todo += below[here]
    return [b for b in fw.boards if b in seen]


def _counts(findings: list[Finding]) -> str:
    """``"2 errors, 1 warning"``, or ``none``."""
    tally = Counter(f.severity for f in findings)
    words = ((Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "info"))
    parts = [
        f"{tally[s]} {w}{'' if tally[s] == 1 or s is Severity.INFO else 's'}"
        for s, w in words
        if tally[s]
    ]
    return ", ".join(parts) or "none"


def rollup(fw: Framework, findings: list[Finding]) -> Listing | None:
    """One row per board, in document order; ``None`` for a model with no boards."""
    if not fw.boards:
        return None
    owned: dict[str, list[Finding]] = {b: [] for b in fw.boards}
    for f in findings:
        if f.board in owned:
            owned[f.board].append(f)
    rows = []
    for ident, board in fw.boards.items():
        below = sub_boards(fw, ident)
        theirs = [f for b in below for f in owned[b]]
        parents = [fw.boards[p].name for p in board.reports_to_all if p in fw.boards]
        rows.append(
            [
                board.name,
                "; ".join(parents) or "—",
                _counts(owned[ident]),
                "; ".join(fw.boards[b].name for b in below) or "—",
                _counts(theirs) if below else "—",
                _counts(owned[ident] + theirs),
            ]
        )
    note = (
        "Each board's own gaps (the needs it owns), and the gaps of every board that "
        "reports to it, directly or through another: a board reporting to two boards "
        "counts under both."
    )
    return Listing("Gaps up the governance hierarchy", note, HEADER, rows, "No boards.")
