"""The board report's roll-up of gaps up the boards, and its broken referral routes."""

from __future__ import annotations

import datetime as dt

from vru_pathways.analysis import CHECKS
from vru_pathways.analysis.context import Context
from vru_pathways.analysis.engine import run
from vru_pathways.board_report.referrals import broken_routes
from vru_pathways.board_report.rollup import rollup, sub_boards
from vru_pathways.loading import load_texts

# Hand-worked: steering reports to both exploitation and da-partnership, which both
# report to csp; a loop (csp reports to steering) is walked once. The one gap is the
# no-pathway warning of the need steering owns (no service addresses it), so it counts
# under steering, under exploitation and da-partnership (its parents) and under csp.
MODEL = """\
format: vru-pathways/1
id: gov
scope: {as_of: 2025-01-01}
risk_factors:
  f: {name: F, level: individual}
boards:
  csp: {name: CSP, reports_to: steering}
  exploitation: {name: Exploitation, reports_to: csp}
  da-partnership: {name: DA partnership, reports_to: [csp]}
  steering: {name: Steering group, reports_to: [exploitation, da-partnership]}
needs:
  f: {priority: medium, owner: steering}
services:
  a: {name: A, tier: primary, refers_to: [b, c]}
  b: {name: B, tier: primary, status: paused}
  c: {name: C, tier: primary, ends: 2024-12-31}
"""


def _context() -> Context:
    loaded = load_texts({"m.yaml": MODEL}, ["m.yaml"])
    assert loaded.ok, loaded.findings
    return Context(loaded.frameworks[0], dt.date(2025, 1, 1))


def test_sub_boards_are_every_board_below_once_even_round_a_loop() -> None:
    fw = _context().framework
    assert sub_boards(fw, "csp") == ["exploitation", "da-partnership", "steering"]
    assert sub_boards(fw, "exploitation") == ["csp", "da-partnership", "steering"]
    assert sub_boards(fw, "steering") == ["csp", "exploitation", "da-partnership"]


def test_each_board_sees_its_own_gaps_and_its_sub_boards() -> None:
    ctx = _context()
    findings = [f for f in run(ctx, CHECKS) if f.rule == "no-pathway"]
    assert [f.board for f in findings] == ["steering"]
    listing = rollup(ctx.framework, findings)
    assert listing is not None
    rows = {row[0]: row for row in listing.rows}
    assert rows["Steering group"][1:3] == ["Exploitation; DA partnership", "1 warning"]
    assert rows["DA partnership"][2:] == [
        "none",
        "CSP; Exploitation; Steering group",
        "1 warning",
        "1 warning",
    ]
    assert rows["CSP"][2] == "none" and rows["CSP"][5] == "1 warning"


def test_broken_routes_name_each_route_and_why() -> None:
    listing = broken_routes(_context())
    assert listing is not None
    assert [row[:3] for row in listing.rows] == [
        ["A (a)", "B (b)", "paused"],
        ["A (a)", "C (c)", "ended 2024-12-31"],
    ]
    assert listing.rows[0][3] == "m.yaml:14:43"  # line 14, the b in refers_to: [b, c]
