"""whatif: scenarios against the unchanged model, and the funding ranking."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT

from vru_pathways.analysis.context import Context
from vru_pathways.analysis.scenarios import Change, apply
from vru_pathways.changes import compare, keyed
from vru_pathways.judgement import judge
from vru_pathways.loading import load
from vru_pathways.outlook import rank_funding

MODELS = sorted((ROOT / "models").glob("*/model.yaml"))
SCENARIOS = ROOT / "tests/cases/valid/scenarios/model.yaml"


@pytest.mark.parametrize("model", [*MODELS, SCENARIOS], ids=lambda p: p.parent.name)
def test_the_ranking_judged_where_it_can_change_is_judging_everything(model: Path) -> None:
    """Each funding source's ending, judged only on the services, factors and referrers
    it can touch, gives exactly what judging the whole changed model against the whole
    unchanged one gives."""
    framework = load([str(model)]).frameworks[0]
    base = Context(framework)
    before = judge([base], fail_on=None)
    for risk in rank_funding(framework, None):
        ended = apply(
            framework, Change(risk.funding, risk.funding, end_funding=(risk.funding,)), base.as_of
        )
        after = judge([Context(ended, base.as_of)], fail_on=None)
        changes = compare(before, after, [framework], [ended], "before", "after")
        status_before, status_after = before.coverage[0].status, after.coverage[0].status
        losing = [
            f for f, s in status_before.items() if s == "pathway" and status_after[f] != "pathway"
        ]
        assert risk.losing == tuple(losing), risk.funding
        assert risk.opened == len(changes.opened), risk.funding
        drop = round(before.coverage[0].overall.percent - after.coverage[0].overall.percent, 1)
        assert risk.coverage_lost == drop, risk.funding


def test_apply_leaves_the_framework_as_it_was() -> None:
    framework = load([str(SCENARIOS)]).frameworks[0]
    before = dict(framework.services), dict(framework.funding)
    changed = apply(
        framework,
        Change("x", "x", end_funding=("vru-grant",), close=("mentors",), start=("pilot",)),
        Context(framework).as_of,
    )
    assert (dict(framework.services), dict(framework.funding)) == before
    assert changed.services["mentors"].status == "closed"
    assert changed.services["pilot"].status == "active"
    assert str(changed.funding["vru-grant"].ends) == "2025-05-31"


def test_ending_funding_that_has_not_started_never_inverts_its_dates(tmp_path: Path) -> None:
    (tmp_path / "model.yaml").write_text(
        "format: vru-pathways/1\nscope: {as_of: 2025-06-01}\n"
        "funding:\n  later: {name: Later, starts: 2026-04-01, ends: 2027-03-31}\n",
        encoding="utf-8",
    )
    framework = load([str(tmp_path / "model.yaml")]).frameworks[0]
    changed = apply(framework, Change("x", "x", end_funding=("later",)), Context(framework).as_of)
    grant = changed.funding["later"]
    assert grant.starts is not None and grant.ends is not None and grant.starts <= grant.ends
    assert [
        k for k in keyed(judge([Context(changed)], fail_on=None).findings) if k[0] == "date-order"
    ] == []
