"""Linear and bounded: models built to be huge in one dimension finish under a cap on time
and memory in a fresh process (a subprocess timeout and an address-space limit, see
attacks.capped), and what they print stays small however many findings, services, funds
or areas there are."""

from __future__ import annotations

import json
import re
from pathlib import Path

import attacks
import pytest
from attacks import HEAD, capped
from helpers import run, write

from vru_pathways.loading import files


def model(folder: Path, text: str) -> str:
    (folder / "model.yaml").write_text(text, encoding="utf-8")
    return "model.yaml"


@pytest.mark.slow
def test_sixteen_thousand_nested_areas(tmp_path: Path) -> None:
    """A chain of 16,000 areas, 3,000 services listing areas near its top and needs
    listing areas along it (minutes and gigabytes when reach was a set per service)."""
    name = model(tmp_path, attacks.nested_areas(16_000, 3_000, needs=20))
    table = capped(tmp_path, "gaps", name)
    assert table["code"] == 1, table["out"][-2000:]
    assert "area-gap" in table["out"]
    assert len(table["out"]) < 100_000
    drawn = capped(tmp_path, "draw", name, "--area", "a0", "--max-nodes", "5000", "-f", "dot")
    assert drawn["code"] == 0, drawn["err"]
    assert drawn["out"].startswith("digraph")


@pytest.mark.slow
def test_twenty_thousand_services_over_six_thousand_areas(tmp_path: Path) -> None:
    name = model(tmp_path, attacks.wide_areas(6_000, 20_000))
    result = capped(tmp_path, "gaps", name, "-f", "json")
    assert result["code"] == 1
    report = json.loads(result["out"])
    assert report["matrix"] == {"f": {"model.yaml": "20000"}}
    assert len(result["out"]) < 2_000_000


@pytest.mark.slow
def test_funding_cliffs_name_a_few_and_count_the_rest(tmp_path: Path) -> None:
    """300 factors, each covered by the same 300 services, each paid by 30 funds that
    all end: 300 funding cliffs whose messages could each name 9,000 funds."""
    name = model(tmp_path, attacks.funding_cliffs(300, 300, 30))
    result = capped(tmp_path, "gaps", name, "-f", "json", "--max-findings", "0")
    assert result["code"] == 0
    cliffs = [f for f in json.loads(result["out"])["findings"] if f["rule"] == "funding-cliff"]
    assert len(cliffs) == 300
    for cliff in cliffs:
        assert len(cliff["message"]) < 1000, cliff["message"]
        assert cliff["message"].endswith(" and 295 more")
        assert " and 27 more" in cliff["message"]
        assert len(cliff["related"]) <= 400
    assert len(result["out"]) < 2_000_000


@pytest.mark.slow
def test_a_ten_thousand_step_outcome_chain(tmp_path: Path) -> None:
    name = model(tmp_path, attacks.outcome_chain(10_000))
    gaps = capped(tmp_path, "gaps", name, "-f", "json")
    assert gaps["code"] == 0
    assert json.loads(gaps["out"])["matrix"] == {"f": {"model.yaml": "1"}}
    for view in (["--view", "focus", "--focus", "f"], ["--view", "focus", "--focus", "o5000"]):
        drawn = capped(tmp_path, "draw", name, *view, "--depth", "10", "-f", "dot")
        assert drawn["code"] == 0, drawn["err"]
        assert len(drawn["out"]) < 50_000


@pytest.mark.slow
@pytest.mark.parametrize(
    ("entry", "column", "words"),
    [
        ("funding:\n  g: {name: G, amount: 1e99999999}", 24, "must be at most 1000000000000"),
        ("funding:\n  g: {name: G, amount: 9999999999999999999999}", 24, "must be at most"),
        (
            "services:\n  s: {name: S, tier: primary, capacity: 100000000000000000000}",
            41,
            "must be at most 100000000",
        ),
        ("needs:\n  f: {cohort: " + "9" * 5000 + "}", 15, ""),
    ],
    ids=[
        "amount 1e99999999",
        "amount 10^22",
        "capacity 10^20",
        "cohort 5,000 digits",
    ],
)
def test_absurd_numbers_are_located_invalid_values_at_once(
    tmp_path: Path, entry: str, column: int, words: str
) -> None:
    name = model(tmp_path, HEAD + entry + "\n")
    result = capped(tmp_path, "validate", name, "-f", "json", seconds=30)
    assert result["code"] == 2
    [finding] = json.loads(result["out"])["findings"]
    assert (finding["line"], finding["column"]) == (3, column)
    assert finding["rule"] in ("invalid-value", "wrong-type"), finding
    assert words in finding["message"]
    assert len(finding["message"]) < 300


@pytest.mark.slow
def test_a_sixteen_million_character_word_draws_quickly_and_small(tmp_path: Path) -> None:
    word = "x" * 16_000_000
    name = model(
        tmp_path,
        f"{HEAD}risk_factors:\n  f: {{name: {word}, level: individual}}\nneeds:\n  f: {{priority: high}}\n",
    )
    result = capped(tmp_path, "draw", name, "-o", "map.svg")
    assert result["code"] == 0, result["err"]
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert "x" * 200 + "…" in svg
    assert len(svg) < 100_000
    dot = capped(tmp_path, "draw", name, "-f", "dot")
    assert len(dot["out"]) < 100_000


@pytest.mark.slow
def test_three_hundred_thousand_duplicate_keys_are_counted_not_listed(tmp_path: Path) -> None:
    name = model(tmp_path, attacks.duplicate_keys(300_000))
    result = capped(tmp_path, "validate", name, "--max-findings", "0")
    assert result["code"] == 2
    assert (
        "and 298,999 more duplicate-key problems in this file, not listed one by one"
        in (result["out"])
    )
    assert result["out"].count("\n") < 1100


def test_duplicate_keys_shown_are_capped_by_default(tmp_path: Path) -> None:
    name = model(tmp_path, attacks.duplicate_keys(5_000))
    result = run(["validate", name], tmp_path)
    assert result.code == 2
    assert result.out.count("\n") < 110
    assert re.search(r"\d+ more duplicate-key findings in model\.yaml are not shown", result.out)


def test_the_default_output_says_how_many_duplicates_there_are(tmp_path: Path) -> None:
    name = model(tmp_path, attacks.duplicate_keys(5_000))
    result = run(["validate", name], tmp_path)
    # one key written 5,000 times: 4,999 duplicates, 1,000 recorded one by one and one
    # finding counting the other 3,999; 100 shown, so 4,899 more
    assert "4,899 more duplicate-key findings in model.yaml are not shown" in result.out
    assert "validate: 4999 errors" in result.out


NOT_SHOWN = (
    "more orphan-service findings in model.yaml are not shown "
    "(the first 100 are; --max-findings N shows more, 0 all)"
)


@pytest.mark.slow
def test_a_hundred_thousand_orphans_make_a_small_sarif_log(tmp_path: Path) -> None:
    name = model(tmp_path, attacks.orphans(100_000))
    result = capped(tmp_path, "validate", name, "-f", "sarif")
    assert result["code"] == 0
    assert len(result["out"].encode()) < 300_000
    assert f"99,900 {NOT_SHOWN}" in result["out"]
    assert len(json.loads(result["out"])["runs"][0]["results"]) == 101


def test_many_orphans_make_small_junit_and_max_findings_zero_shows_all(tmp_path: Path) -> None:
    name = model(tmp_path, attacks.orphans(10_000))
    junit = run(["validate", name, "-f", "junit"], tmp_path).out
    assert len(junit.encode()) < 100_000
    assert f"9,900 {NOT_SHOWN}" in junit
    every = run(["validate", name, "-f", "junit", "--max-findings", "0"], tmp_path).out
    assert NOT_SHOWN not in every
    assert every.count("warning [orphan-service]") == 10_000
    three = run(["validate", name, "-f", "json", "--max-findings", "3"], tmp_path)
    findings = json.loads(three.out)["findings"]
    assert len(findings) == 4
    assert findings[-1]["message"] == f"9,997 {NOT_SHOWN}".replace("first 100", "first 3")


def test_fifty_models_read_their_shared_framework_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [HEAD, "harms:\n  knife: {name: Knife}\n", "risk_factors:\n"]
    lines += [f"  f{i}: {{name: F, level: individual}}\n" for i in range(5_000)]
    lines += ["outcomes:\n  o: {name: O, stage: impact}\n"]
    write(tmp_path, {"frameworks/big.yaml": "".join(lines)})
    for m in range(50):
        write(
            tmp_path,
            {
                f"models/m{m}/model.yaml": f"{HEAD}id: m{m}\nuses: [../../frameworks/big.yaml]\n"
                "scope: {harms: [knife], as_of: 2025-01-01}\n"
                f"needs:\n  f{m}: {{priority: high}}\nservices:\n"
                f"  s: {{name: S, tier: primary, addresses: [f{m}], outcomes: [o]}}\n"
            },
        )
    opened: list[str] = []
    real = files.os.open
    monkeypatch.setattr(files.os, "open", lambda p, *a: opened.append(p) or real(p, *a))
    paths = [f"models/m{m}/model.yaml" for m in range(50)]
    result = run(["gaps", *paths, "-f", "json"], tmp_path)
    assert result.code == 1, result.out[-1000:]
    assert len(json.loads(result.out)["models"]) == 50
    assert sum(p.endswith("frameworks/big.yaml") for p in opened) == 1
    assert len(opened) == 51
