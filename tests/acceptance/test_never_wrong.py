"""Never a wrong picture: a filter value the model does not have, a focus that draws
nothing, a filter that leaves nothing drawn, each a usage error (exit 2) with a
suggestion and nothing written; and the three commands that used to draw a wrong
picture with exit 0."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import ROOT, run

SOUTHMERE = "models/southmere/model.yaml"
NORTHBROOK = "models/northbrook/model.yaml"


def nodes(dot: str) -> set[str]:
    return set(re.findall(r'^\s+"([a-z]+:[^"]+)" \[', dot, re.M))


@pytest.mark.parametrize(
    ("flag", "value", "hint"),
    [
        ("--tier", "tertairy", "tertiary"),
        ("--area", "sm-harbourside-x", "sm-harbourside"),
        ("--harm", "knife-crme", "knife-crime"),
        ("--level", "comunity", "community"),
        ("--board", "southmere-csb", "southmere-csp"),
    ],
)
def test_an_unknown_filter_value_is_a_usage_error_and_writes_nothing(
    tmp_path: Path, flag: str, value: str, hint: str
) -> None:
    out = tmp_path / "x.svg"
    result = run(["draw", SOUTHMERE, flag, value, "-o", str(out)], ROOT)
    assert result.code == 2, result.err
    assert f"{flag} {value}" in result.err and f"did you mean '{hint}'?" in result.err
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == [".git"], "nothing written"


def test_a_focus_on_an_outcome_draws_it_and_what_leads_to_it() -> None:
    result = run(
        ["draw", SOUTHMERE, "--view", "focus", "--focus", "fewer-homicides", "-f", "dot"], ROOT
    )
    assert result.code == 0, result.err
    drawn = nodes(result.out)
    assert "outcome:fewer-homicides" in drawn
    assert any(n.startswith("service:") for n in drawn)
    assert "around the outcome Fewer non-domestic homicides" in result.out


@pytest.mark.parametrize(
    ("centre", "kind"),
    [
        ("criminal-exploitation", "factor"),
        ("nb-inclusion-mentors", "service"),
        ("fewer-knife-violence", "outcome"),
        ("mentoring", "approach"),
        ("nb-vru-allocation-2026-27", "funding"),
        ("northbrook-council", "partner"),
    ],
)
def test_a_focus_on_any_kind_of_node_draws_it_and_its_neighbourhood(centre: str, kind: str) -> None:
    result = run(["draw", NORTHBROOK, "--view", "focus", "--focus", centre, "-f", "dot"], ROOT)
    assert result.code == 0, result.err
    drawn = nodes(result.out)
    assert f"{kind}:{centre}" in drawn
    assert len(drawn) > 1, "the neighbourhood is drawn too"
    if kind in ("approach", "funding", "partner"):
        assert re.search(rf'"{kind}:{centre}" -> "service:', result.out)


def test_an_unknown_focus_kind_suggests_one() -> None:
    result = run(["draw", NORTHBROOK, "--view", "focus", "--focus", "fundin:x", "-f", "dot"], ROOT)
    assert result.code == 2 and "did you mean 'funding:x'?" in result.err


def test_the_logic_model_says_nothing_of_factors_it_does_not_draw(tmp_path: Path) -> None:
    alt = tmp_path / "alt.txt"
    result = run(
        [
            "draw",
            NORTHBROOK,
            "--view",
            "logic-model",
            "-f",
            "dot",
            "-o",
            str(tmp_path / "x.dot"),
            "--alt-text",
            str(alt),
        ],
        ROOT,
    )
    assert result.code == 0, result.err
    text = alt.read_text(encoding="utf-8")
    assert "Factors" not in text and "no pathway" not in text
    assert "Funding that ends within the horizon:" in text


def test_the_pathway_map_alt_text_names_the_no_pathway_findings_of_gaps(tmp_path: Path) -> None:
    gaps = run(["gaps", NORTHBROOK, "--fail-on", "never", "-f", "json"], ROOT)
    found = [f for f in json.loads(gaps.out)["findings"] if f["rule"] == "no-pathway"]
    alt = tmp_path / "alt.txt"
    run(
        ["draw", NORTHBROOK, "-f", "dot", "-o", str(tmp_path / "x.dot"), "--alt-text", str(alt)],
        ROOT,
    )
    line = next(
        x
        for x in alt.read_text(encoding="utf-8").splitlines()
        if x.startswith("Risk factors with no pathway")
    )
    assert len(found) == 12 and line.count("; ") == len(found) - 1


@pytest.mark.parametrize(
    "args",
    [
        [
            "--view",
            "logic-model",
            "--harm",
            "robbery",
            "--tier",
            "primary",
            "--area",
            "nb-northfields",
        ],
        ["--tier", "primary", "--area", "nb-northfields", "--harm", "robbery"],
        ["--view", "matrix", "--level", "societal", "--gaps-only", "--harm", "robbery"],
    ],
)
def test_a_filter_that_leaves_nothing_drawn_is_refused(tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "x.svg"
    result = run(["draw", NORTHBROOK, *args, "-o", str(out)], ROOT)
    assert result.code == 2, (result.out, result.err)
    assert "nothing to draw" in result.err
    assert not out.exists()


def test_page_needs_an_image_format() -> None:
    result = run(["draw", NORTHBROOK, "--page", "a4", "-f", "dot"], ROOT)
    assert result.code == 2 and "--page sets a drawing on paper" in result.err
