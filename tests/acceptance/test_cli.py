"""The exit-code matrix and the command line's contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from golden import CASES
from helpers import run, write

from vru_pathways.use_cases import check as use_cases
from vru_pathways.use_cases import schema as schema_case

MODEL = """\
format: vru-pathways/1
id: tiny
scope: {as_of: 2025-01-01}
harms:
  knife-crime: {name: Knife crime}
risk_factors:
  exclusion: {name: Exclusion, level: individual, harms: [knife-crime]}
outcomes:
  fewer-admissions: {name: Fewer admissions, stage: impact}
approaches:
  mentoring: {name: Mentoring, evidence: {impact: moderate}}
needs:
  exclusion: {priority: PRIORITY, cohort: 15}
services:
  a: {name: A, tier: secondary, provider: p, approach: mentoring, capacity: 10, addresses: [exclusion], outcomes: [fewer-admissions]}
  b: {name: B, tier: secondary, provider: q, approach: mentoring, capacity: 10, addresses: [exclusion], outcomes: [fewer-admissions]}
partners:
  p: {name: P}
  q: {name: Q}
"""
# With 50 people needing a service and 20 places, a capacity-gap whose severity follows
# the need's priority.
SHORT = MODEL.replace("cohort: 15", "cohort: 50")


def model(tmp_path: Path, text: str) -> str:
    write(tmp_path, {"model.yaml": text})
    return str(tmp_path / "model.yaml")


@pytest.mark.parametrize(
    ("priority", "fail_on", "code"),
    [
        ("high", "error", 1),
        ("high", "never", 0),
        ("medium", "error", 0),
        ("medium", "warning", 1),
        ("low", "warning", 0),
        ("low", "info", 1),
    ],
)
def test_fail_on_threshold(tmp_path: Path, priority: str, fail_on: str, code: int) -> None:
    path = model(tmp_path, SHORT.replace("PRIORITY", priority))
    result = run(["gaps", path, "--fail-on", fail_on])
    assert "capacity-gap" in result.out
    assert result.code == code


def test_clean_model_exits_0(tmp_path: Path) -> None:
    result = run(["gaps", model(tmp_path, MODEL.replace("PRIORITY", "high")), "--fail-on", "info"])
    assert result.out.startswith("No findings."), result.out
    assert result.code == 0


def test_default_fail_on_is_error(tmp_path: Path) -> None:
    assert run(["gaps", model(tmp_path, SHORT.replace("PRIORITY", "high"))]).code == 1
    assert run(["gaps", model(tmp_path, SHORT.replace("PRIORITY", "medium"))]).code == 0


@pytest.mark.parametrize("command", ["validate", "gaps"])
def test_input_that_cannot_be_analysed_exits_2(tmp_path: Path, command: str) -> None:
    path = model(tmp_path, "format: vru-pathways/1\nservices: [\n")
    result = run([command, path, "--fail-on", "never"])
    assert result.code == 2
    assert "yaml-syntax" in result.out


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = run(["validate", str(tmp_path / "nope.yaml")])
    assert result.code == 2
    assert "missing-file" in result.out


@pytest.mark.parametrize(
    "args",
    [
        ["gaps"],
        ["gaps", "x.yaml", "--format", "pdf"],
        ["gaps", "x.yaml", "--as-of", "31/03/2025"],
        ["gaps", "x.yaml", "--fail-on", "sometimes"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(args)
    assert result.code == 2
    assert "Traceback" not in result.err


def test_as_of_overrides_scope(tmp_path: Path) -> None:
    path = model(
        tmp_path,
        MODEL.replace("PRIORITY", "high").replace(
            "addresses: [exclusion], outcomes", "ends: 2025-06-30, addresses: [exclusion], outcomes"
        ),
    )
    assert "no-pathway" not in run(["gaps", path]).out
    later = run(["gaps", path, "--as-of", "2025-07-01"])
    assert "no-pathway" in later.out
    assert "tiny   2025-07-01" in later.out


def test_internal_error_exits_3_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(use_cases, "gaps", broken)
    path = model(tmp_path, MODEL.replace("PRIORITY", "high"))
    result = run(["gaps", path])
    assert result.code == 3
    assert result.err == (
        "vru-pathways: internal error: RuntimeError: boom (run with --debug for the traceback)\n"
    )
    debug = run(["--debug", "gaps", path])
    assert debug.code == 3
    assert "Traceback (most recent call last)" in debug.err


def test_json_output_is_parseable_and_located(tmp_path: Path) -> None:
    path = model(tmp_path, SHORT.replace("PRIORITY", "high"))
    document = json.loads(run(["gaps", path, "--format", "json"]).out)
    [finding] = document["findings"]
    assert (finding["rule"], finding["line"], finding["column"]) == ("capacity-gap", 13, 39)
    assert document["coverage"][0]["overall"] == {"covered": 1, "total": 1}


def test_csv_and_markdown(tmp_path: Path) -> None:
    path = model(tmp_path, SHORT.replace("PRIORITY", "high"))
    csv_lines = run(["gaps", path, "--format", "csv"]).out.splitlines()
    assert csv_lines[0] == "path,line,column,severity,rule,entity,board,models,message"
    assert csv_lines[1].split(",")[1:5] == ["13", "39", "error", "capacity-gap"]
    markdown = run(["gaps", path, "--format", "markdown"]).out
    assert "| location | severity | rule | board | message |" in markdown
    assert "## Coverage" in markdown


def test_schema_is_json_schema_of_the_format() -> None:
    document = json.loads(schema_case.schema())
    assert document["properties"]["format"]["const"] == "vru-pathways/1"
    assert document["$defs"]["Service"]["additionalProperties"] is False
    assert run(["schema"]).out == schema_case.schema()


@pytest.mark.slow
def test_python_m_runs_the_same_cli() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "vru_pathways", "--version"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.startswith("vru-pathways ")


def test_format_md_example_has_exactly_the_gaps_it_lists() -> None:
    root = CASES / "valid" / "format-example"
    report = use_cases.gaps([str(root / "models" / "example-area" / "model.yaml")])
    assert sorted(f.rule for f in report.findings) == [
        "age-gap",
        "area-gap",
        "capacity-gap",
        "funding-cliff",
        "single-service",
    ]
    messages = {f.rule: f.message for f in report.findings}
    assert "ages 10 uncovered" in messages["age-gap"]
    assert "south" in messages["area-gap"]
    assert "40 people" in messages["capacity-gap"] and "25 places" in messages["capacity-gap"]
    assert "vru-grant ends 2025-03-31" in messages["funding-cliff"]
    assert report.coverage[0].status == {"school-exclusion": "pathway"}


def test_schema_rejects_bad_id_keys_as_the_validator_does() -> None:
    services = json.loads(schema_case.schema())["properties"]["services"]
    assert services["additionalProperties"] is False
    assert list(services["patternProperties"]) == ["^[a-z0-9][a-z0-9-]*$"]
