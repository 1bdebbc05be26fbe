"""The synthetic national framework generator: deterministic, loadable, realistic."""

from __future__ import annotations

import sys
from pathlib import Path

from helpers import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import write  # noqa: E402

from vru_pathways.use_cases import check as app  # noqa: E402


def test_same_seed_same_bytes_and_other_seed_other_bytes(tmp_path: Path) -> None:
    a = write(tmp_path / "a", 300, seed=7).read_bytes()
    b = write(tmp_path / "b", 300, seed=7).read_bytes()
    c = write(tmp_path / "c", 300, seed=8).read_bytes()
    assert a == b and a != c


def test_it_loads_and_has_realistic_gaps(tmp_path: Path) -> None:
    root = write(tmp_path, 500, seed=1)
    report = app.gaps([str(root)])
    assert report.analysable, [f.line() for f in report.findings[:5]]
    rules = {f.rule for f in report.findings}
    assert {"no-pathway", "harmful-approach", "capacity-gap", "area-gap", "age-gap"} <= rules
    framework = app.load([str(root)]).frameworks[0]
    assert len(framework.services) == 500
    kinds = {
        a.within and framework.areas[a.within].within is not None for a in framework.areas.values()
    }
    assert kinds == {None, False, True}  # regions, authorities and localities
