"""The board report's outline, built from the shipped models: remedies best rated first,
the other areas that already cover a gap, a comparison across the areas."""

from __future__ import annotations

import json

from helpers import ROOT

from vru_pathways.board_report.build import build
from vru_pathways.loading import load

MODELS = [f"models/{m}/model.yaml" for m in ("northbrook", "southmere", "eastwick")]


def test_remedies_are_best_rated_first_and_elsewhere_names_other_areas() -> None:
    paper = build(load([str(ROOT / m) for m in MODELS]).frameworks)
    items = [i for s in paper.sections for g in s.boards for i in g.items]
    tier_gap = next(i for i in items if i.finding.rule == "tier-gap")
    assert tier_gap.remedies and all("tertiary" in r for r in tier_gap.remedies)
    ratings = ["high", "moderate", "low", "insufficient", "none", "unrated"]
    order = [
        next(n for n, r in enumerate(ratings) if f"evidence: {r};" in text)
        for text in tier_gap.remedies
    ]
    assert order == sorted(order)
    evidence_gap = next(i for i in items if i.finding.rule == "evidence-gap")
    assert all("unrated" not in r and "insufficient" not in r for r in evidence_gap.remedies)
    northbrook = paper.sections[0]
    assert any(
        i.elsewhere and all(not e.startswith("northbrook:") for e in i.elsewhere)
        for g in northbrook.boards
        for i in g.items
    )
    funding = [r.ends for r in northbrook.funding]
    assert funding == sorted(funding)
    cited = [ident for ident, _ in paper.sources]
    assert len(cited) == len(set(cited)) and "yef-toolkit" in cited


def test_report_json_is_not_needed_for_the_hub_view() -> None:
    paper = build(load([str(ROOT / m) for m in MODELS]).frameworks)
    across = paper.comparison[1]
    assert across.columns == ["northbrook", "southmere", "eastwick"]
    assert any(name == "Permanent exclusion from school" for name, _ in across.rows)
    assert json.dumps([c for _, c in across.rows])
