"""Properties of checking: for any input, loading never raises and every problem is located;
the order of the roots changes no finding."""

from __future__ import annotations

from pathlib import Path

from helpers import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vru_pathways.use_cases import check as app

MODELS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "models").glob("*/model.yaml"))
KEYS = [
    "format",
    "services",
    "needs",
    "risk_factors",
    "tier",
    "ages",
    "name",
    "level",
    "addresses",
    "uses",
    "scope",
    "policy",
    "x",
    "harms",
    "ends",
]
scalars = st.one_of(
    st.sampled_from(
        [
            "vru-pathways/1",
            "no",
            "010",
            "2025-02-30",
            "10-17",
            "18+",
            "",
            "secondary",
            "[",
            "&a",
            "*a",
            "\t",
        ]
    ),
    st.text(max_size=8),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)
    ),
    max_leaves=12,
)


def to_yaml(value: object, indent: int = 0) -> str:
    pad = "  " * indent
    if isinstance(value, dict):
        return (
            "".join(f"{pad}{k}:\n{to_yaml(v, indent + 1)}" for k, v in value.items())
            or f"{pad}{{}}\n"
        )
    if isinstance(value, list):
        return "".join(f"{pad}-\n{to_yaml(v, indent + 1)}" for v in value) or f"{pad}[]\n"
    return f"{pad}{value}\n"


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.dictionaries(st.sampled_from(KEYS), values, max_size=5).map(to_yaml),
        st.text(max_size=60),
    )
)
def test_any_text_gives_located_findings_never_an_exception(tmp_path: Path, text: str) -> None:
    path = tmp_path / "model.yaml"
    path.write_text(text, encoding="utf-8")
    for use_case in (app.validate, app.gaps):
        report = use_case([str(path)])
        for finding in report.findings:
            assert finding.location.line >= 1 and finding.location.col >= 1
            assert finding.location.path.endswith("model.yaml")
        if not report.analysable:
            assert report.findings


def test_reordering_roots_does_not_change_findings() -> None:
    forward = app.gaps([str(ROOT / m) for m in MODELS]).findings
    backward = app.gaps([str(ROOT / m) for m in reversed(MODELS)]).findings
    assert [(f.location, f.rule, f.message) for f in forward] == [
        (f.location, f.rule, f.message) for f in backward
    ]
