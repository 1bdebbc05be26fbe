"""The timeline command: coverage month by month against a small model worked by hand,
its formats and files, and the usage errors."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import run, write

# Three factors in scope. Mentors (secondary) cover exclusion, paid by a grant that ends
# on 31 January 2027; coaches (primary) cover neet on an open-ended budget; nothing covers
# weapons. So coverage is 2/3 (66.7%) from October 2026 to January 2027, and 1/3 (33.3%)
# from February, when the mentors, unfunded, cover nothing.
MODEL = """\
format: vru-pathways/1
id: riverside
title: Riverside logic model
scope: {as_of: 2026-10-01}
harms:
  knife-crime: {name: Knife crime}
risk_factors:
  exclusion: {name: Exclusion, level: individual, harms: [knife-crime]}
  neet: {name: Not in education, level: individual, harms: [knife-crime]}
  weapons: {name: Availability of weapons, level: community, harms: [knife-crime]}
outcomes:
  fewer-admissions: {name: Fewer admissions, stage: impact}
approaches:
  mentoring: {name: Mentoring, evidence: {impact: moderate}}
partners:
  council: {name: Riverside Council}
  trust: {name: Hill Trust}
funding:
  youth-fund: {name: GRANT_NAME, funder: trust, amount: 45000, starts: 2025-04-01, ends: 2027-01-31}
  base-budget: {name: Early help base budget, funder: council, amount: 1650000, starts: 2024-04-01}
services:
  mentors: {name: Mentors, tier: secondary, provider: council, approach: mentoring, addresses: [exclusion], outcomes: [fewer-admissions], funding: [youth-fund]}
  coaches: {name: Coaches, tier: primary, provider: council, approach: mentoring, addresses: [neet], outcomes: [fewer-admissions], funding: [base-budget]}
"""
BY_HAND = [
    # month, overall, primary, secondary, tertiary, running, ending
    ("2026-10", "66.7% (2/3)", "33.3%", "33.3%", "0%", "2", ""),
    ("2026-11", "66.7% (2/3)", "33.3%", "33.3%", "0%", "2", ""),
    ("2026-12", "66.7% (2/3)", "33.3%", "33.3%", "0%", "2", ""),
    ("2027-01", "66.7% (2/3)", "33.3%", "33.3%", "0%", "2", "Youth fund (£45,000)"),
    ("2027-02", "33.3% (1/3)", "33.3%", "0%", "0%", "1", ""),
    ("2027-03", "33.3% (1/3)", "33.3%", "0%", "0%", "1", ""),
]


@pytest.fixture
def model(tmp_path: Path) -> Path:
    write(tmp_path, {"model.yaml": MODEL.replace("GRANT_NAME", "Youth fund")})
    return tmp_path / "model.yaml"


def timeline(path: Path, *extra: str) -> str:
    result = run(["timeline", str(path), "--months", "6", *extra], path.parent)
    assert result.code == 0, result.err + result.out
    return result.out


def test_the_table_gives_coverage_by_month_and_tier_and_the_funding_ending(model: Path) -> None:
    lines = timeline(model).splitlines()
    assert lines[0].startswith("Riverside logic model (riverside): coverage over the 6 months")
    rows = [line.split("  ") for line in lines[3:9]]
    assert [tuple(c.strip() for c in row if c.strip()) for row in rows] == [
        tuple(c for c in row if c) for row in BY_HAND
    ]
    assert any(
        line.startswith("Youth fund (youth-fund)") and "(within the funding horizon)" in line
        for line in lines
    )


def test_json_has_every_month_with_its_counts_and_the_funding(model: Path) -> None:
    document = json.loads(timeline(model, "-f", "json"))
    (t,) = document["timelines"]
    assert [m["month"] for m in t["months"]] == [row[0] for row in BY_HAND]
    assert t["months"][3]["ending"] == ["youth-fund"]
    assert t["months"][4]["overall"] == {"covered": 1, "total": 3, "percent": 33.3}
    assert t["months"][4]["by_tier"]["secondary"] == {"covered": 0, "total": 3, "percent": 0.0}
    assert t["months"][4]["running"] == ["coaches"]
    grant = {g["id"]: g for g in t["funding"]}["youth-fund"]
    assert (grant["amount"], grant["ends"], grant["within_horizon"]) == (
        45000.0,
        "2027-01-31",
        True,
    )


def test_csv_has_a_row_per_month_and_no_cell_a_spreadsheet_would_run(tmp_path: Path) -> None:
    write(tmp_path, {"model.yaml": MODEL.replace("GRANT_NAME", '"=HYPERLINK(1)"')})
    rows = list(csv.DictReader(io.StringIO(timeline(tmp_path / "model.yaml", "-f", "csv"))))
    assert [(r["month"], r["overall_percent"], r["services_running"]) for r in rows] == [
        (month, overall.split("%")[0], running) for month, overall, *_, running, _ in BY_HAND
    ]
    january = rows[3]
    assert january["funding_ending"] == "'=HYPERLINK(1) (£45,000)"
    assert january["funding_ending_amount"] == "45000"
    assert rows[4]["secondary_percent"] == "0.0"


def test_the_as_of_date_moves_the_first_month(model: Path) -> None:
    document = json.loads(timeline(model, "-f", "json", "--as-of", "2027-02-15"))
    first = document["timelines"][0]["months"][0]
    assert (first["starts"], first["overall"]["percent"]) == ("2027-02-15", 33.3)


def test_a_chart_file_follows_its_extension_with_its_description(model: Path) -> None:
    folder = model.parent
    timeline(model, "-o", "chart.svg", "--alt-text", "chart.txt")
    root = ET.fromstring((folder / "chart.svg").read_bytes())
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Youth fund · £45,000 · Apr 2025 – Jan 2027" in texts
    described = (folder / "chart.txt").read_text(encoding="utf-8")
    assert "coverage falls from 67% in October 2026 to 33% by March 2027" in described
    timeline(model, "-o", "chart.pdf")
    timeline(model, "-o", "chart.png", "--dpi", "60")
    assert (folder / "chart.pdf").read_bytes().startswith(b"%PDF")
    assert (folder / "chart.png").read_bytes().startswith(b"\x89PNG")


def test_text_formats_can_be_written_to_a_file_too(model: Path) -> None:
    assert timeline(model, "-o", "months.json") == ""
    document = json.loads((model.parent / "months.json").read_text(encoding="utf-8"))
    assert len(document["timelines"][0]["months"]) == 6


def without_funding() -> str:
    """The model with its funding section and every service's funding taken out."""
    head, rest = MODEL.split("funding:\n", 1)
    services = rest.split("services:\n", 1)[1]
    for listed in (", funding: [youth-fund]", ", funding: [base-budget]"):
        services = services.replace(listed, "")
    return head + "services:\n" + services


def test_a_model_without_funding_still_shows_coverage(tmp_path: Path) -> None:
    write(tmp_path, {"model.yaml": without_funding()})
    path = tmp_path / "model.yaml"
    out = timeline(path)
    months = [line for line in out.splitlines() if line[:4] in ("2026", "2027")]
    assert len(months) == 6 and all("66.7% (2/3)" in line for line in months)
    assert "No funding recorded in riverside." in out
    timeline(path, "-o", "chart.svg")
    assert b"No funding recorded in Riverside logic model" in (tmp_path / "chart.svg").read_bytes()


def test_several_models_give_one_timeline_each(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "a.yaml": MODEL.replace("GRANT_NAME", "Youth fund"),
            "b.yaml": MODEL.replace("GRANT_NAME", "Youth fund").replace(
                "id: riverside", "id: hill"
            ),
        },
    )
    result = run(["timeline", "a.yaml", "b.yaml", "-f", "json"], tmp_path)
    assert result.code == 0, result.err
    assert [t["model"] for t in json.loads(result.out)["timelines"]] == ["riverside", "hill"]


@pytest.mark.parametrize(
    "args",
    [
        ["--months", "0"],
        ["--months", "121"],
        ["-f", "xlsx"],
        ["-o", "chart.gif"],
        ["-f", "svg"],
        ["--as-of", "soon"],
    ],
)
def test_usage_errors_exit_2(model: Path, args: list[str]) -> None:
    result = run(["timeline", str(model), *args], model.parent)
    assert result.code == 2
    assert not (model.parent / "chart.gif").exists()


def test_input_that_cannot_be_analysed_exits_2(tmp_path: Path) -> None:
    write(tmp_path, {"model.yaml": "format: vru-pathways/1\nservices: {a: {tier: nope}}\n"})
    result = run(["timeline", "model.yaml"], tmp_path)
    assert result.code == 2 and "model.yaml" in result.out


def test_it_never_writes_over_its_own_input(model: Path) -> None:
    before = model.read_bytes()
    result = run(["timeline", str(model), "-f", "svg", "-o", str(model)], model.parent)
    assert result.code == 2 and model.read_bytes() == before
