"""The project's own data is a test: every shipped framework and model loads cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT

from vru_pathways.rulebook import RULES
from vru_pathways.use_cases import check as app

FRAMEWORKS = sorted((ROOT / "frameworks").glob("*.yaml"))
MODELS = sorted((ROOT / "models").glob("*/model.yaml"))


@pytest.mark.parametrize("path", FRAMEWORKS + MODELS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_shipped_document_loads(path: Path) -> None:
    report = app.validate([str(path)])
    assert report.analysable, [f.line() for f in report.findings]
    problems = [f.line() for f in report.findings if RULES[f.rule].kind == "input"]
    assert problems == []


def test_example_region_shows_every_kind_of_gap() -> None:
    report = app.gaps([str(p) for p in MODELS])
    assert report.analysable
    found = {f.rule for f in report.findings}
    expected = {r.id for r in RULES.values() if r.kind in ("gap", "hygiene")}
    expected.discard("date-order")  # an error that would fail the examples' validation
    assert expected - found == set()
    assert len(MODELS) >= 2


def test_example_region_has_25_services_or_more() -> None:
    services: set[str] = set()
    for model in MODELS:
        services |= set(app.load([str(model)]).frameworks[0].services)
    assert len(services) >= 25


def test_models_say_they_are_illustrative() -> None:
    for path in [*MODELS, ROOT / "models" / "avonvale" / "region.yaml"]:
        assert "illustrative" in path.read_text(encoding="utf-8").lower()


def test_frameworks_cite_their_sources() -> None:
    loaded = app.load([str(ROOT / "frameworks" / "yef-toolkit.yaml")]).frameworks[0]
    assert all(f.sources for f in loaded.factors.values())
    assert all(a.evidence and a.evidence.source for a in loaded.approaches.values())
    impact = [o for o, out in loaded.outcomes.items() if out.stage == "impact"]
    assert sorted(impact) == ["fewer-homicides", "fewer-knife-admissions", "fewer-knife-violence"]
