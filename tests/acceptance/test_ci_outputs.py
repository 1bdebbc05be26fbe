"""CI outputs: GitHub annotations, SARIF, JUnit; coverage gates; policy in every command."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import DATA, ROOT, run, write

EXAMPLE = ROOT / "tests" / "cases" / "valid" / "format-example"
MODEL = "models/example-area/model.yaml"
SARIF_SCHEMA = DATA / "sarif" / "sarif-schema-2.1.0.oasis-errata01-draft04.json"


def test_annotations_are_exact() -> None:
    out = run(["gaps", MODEL, "--format", "github"], EXAMPLE).out
    lines = out.splitlines()
    assert lines[:7] == [
        "::group::models/example-area/model.yaml",
        "::error file=models/example-area/model.yaml,line=14,col=3,title=vru-pathways age-gap"
        "::risk factor 'school-exclusion' (Permanent exclusion from school): ages 10 uncovered"
        " (need: 10–16)",
        "::error file=models/example-area/model.yaml,line=14,col=3,title=vru-pathways "
        "funding-cliff::risk factor 'school-exclusion' (Permanent exclusion from school): every "
        "covering service may stop by 2025-07-01 (6 months after 2025-01-01): "
        "inclusion-mentors: vru-grant ends 2025-03-31",
        "::error file=models/example-area/model.yaml,line=14,col=3,title=vru-pathways "
        "single-service::risk factor 'school-exclusion' (Permanent exclusion from school): a "
        "high-priority need carried by one service (inclusion-mentors)",
        "::error file=models/example-area/model.yaml,line=14,col=46,title=vru-pathways "
        "capacity-gap::risk factor 'school-exclusion' (Permanent exclusion from school): 40 "
        "people a year need a service; the covering services have 25 places "
        "(inclusion-mentors 25), 15 short",
        "::error file=models/example-area/model.yaml,line=14,col=57,title=vru-pathways "
        "area-gap::risk factor 'school-exclusion' (Permanent exclusion from school): south "
        "(South locality) uncovered",
        "::endgroup::",
    ]
    # the full report follows, since GitHub shows only the first few annotations
    assert lines[7].startswith("LOCATION") and lines[-1] == "gaps: 5 errors, 0 warnings, 0 info"


def test_annotation_properties_and_message_are_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "dir,1"
    write(folder, {"m:x.yaml": "format: vru-pathways/1\nid: 100%\n"})
    out = run(["validate", "m:x.yaml", "--format", "github"], folder).out
    assert out.splitlines()[1] == (
        "::error file=m%3Ax.yaml,line=2,col=5,title=vru-pathways bad-id::id: '100%25' is not a "
        "valid ID: use lower-case letters, digits and hyphens, e.g. '100'"
    )


def test_github_format_is_chosen_inside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run(["gaps", MODEL], EXAMPLE).out.startswith("::group::")
    assert run(["gaps", MODEL, "-f", "table"], EXAMPLE).out.startswith("LOCATION")
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert run(["gaps", MODEL], EXAMPLE).out.startswith("LOCATION")


def sarif_valid(path: Path) -> None:
    checker = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run(
        [str(checker), "--schemafile", str(SARIF_SCHEMA), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("command", "folder", "paths"),
    [
        ("gaps", ROOT, ["models/northbrook/model.yaml", "models/southmere/model.yaml"]),
        (
            "validate",
            ROOT / "tests" / "cases" / "invalid" / "several-errors-in-several-files",
            ["model.yaml"],
        ),
    ],
)
def test_sarif_is_valid_and_complete(
    tmp_path: Path, command: str, folder: Path, paths: list[str]
) -> None:
    result = run([command, *paths, "--format", "sarif"], folder)
    out = tmp_path / "out.sarif"
    out.write_text(result.out, encoding="utf-8")
    sarif_valid(out)
    log = json.loads(result.out)
    [sarif_run] = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules)
    results = sarif_run["results"]
    assert results
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        region = r["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    text_result = run([command, *paths], folder).out
    assert len(results) == sum(
        1 for line in text_result.splitlines() if line.split(" ", 1)[0].count(":") >= 2
    )


def test_sarif_fingerprints_survive_moved_lines(tmp_path: Path) -> None:
    text = (EXAMPLE / MODEL).read_text(encoding="utf-8")
    write(
        tmp_path,
        {
            "frameworks/example.yaml": (EXAMPLE / "frameworks/example.yaml").read_text(
                encoding="utf-8"
            ),
            "models/a/model.yaml": text,
            "models/b/model.yaml": text.replace("areas:\n", "# a comment\n\nareas:\n"),
        },
    )

    def prints(model: str) -> list[str]:
        log = json.loads(run(["gaps", model, "-f", "sarif"], tmp_path).out)
        results = log["runs"][0]["results"]
        return [r["partialFingerprints"]["vruPathwaysFinding/v1"] for r in results]

    a, b = prints("models/a/model.yaml"), prints("models/b/model.yaml")
    assert a == b and len(set(a)) == 5


def test_junit_structure() -> None:
    out = run(["gaps", MODEL, "--format", "junit", "--fail-on", "error"], EXAMPLE).out
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    [suite] = root
    assert suite.get("name") == "example-area"
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert len(cases) == int(suite.get("tests")) == 18
    failed = {name for name, c in cases.items() if c.find("failure") is not None}
    assert failed == {"age-gap", "area-gap", "capacity-gap", "funding-cliff", "single-service"}
    assert suite.get("failures") == root.get("failures") == "5"
    assert "ages 10 uncovered" in cases["age-gap"].find("failure").text


def test_junit_keeps_findings_below_the_threshold_as_output() -> None:
    out = run(["gaps", "models/eastwick/model.yaml", "-f", "junit", "--fail-on", "error"], ROOT).out
    root = ET.fromstring(out.encode("utf-8"))
    no_pathway = next(c for c in root.iter("testcase") if c.get("name") == "no-pathway")
    assert no_pathway.find("failure") is None  # warnings only
    assert "no active service" in no_pathway.find("system-out").text


def test_junit_reports_input_problems() -> None:
    folder = ROOT / "tests" / "cases" / "invalid" / "unknown-key"
    result = run(["validate", "model.yaml", "-f", "junit"], folder)
    assert result.code == 2
    root = ET.fromstring(result.out.encode("utf-8"))
    [suite] = root
    assert suite.get("name") == "input" and suite.get("failures") == "1"


def test_fail_under_gates_coverage() -> None:
    model = "models/northbrook/model.yaml"
    low = run(["gaps", model, "--fail-on", "never", "--fail-under", "50"], ROOT)
    assert low.code == 0 and "FAILED coverage gate" not in low.out
    high = run(["gaps", model, "--fail-on", "never", "--fail-under", "90"], ROOT)
    assert high.code == 1
    assert "FAILED coverage gate: northbrook: coverage 67.4% is under the 90% required" in high.out


def test_policy_fail_under_and_severity_hold_in_every_command(tmp_path: Path) -> None:
    text = (EXAMPLE / MODEL).read_text(encoding="utf-8")
    policy = (
        "policy:\n  fail_under: 100\n  severity: {orphan-service: off, age-gap: info,"
        " capacity-gap: off, area-gap: off, funding-cliff: off, single-service: off}\n"
    )
    orphan = "  drop-in: {name: Drop-in, tier: primary}\n"
    write(
        tmp_path,
        {
            "frameworks/example.yaml": (EXAMPLE / "frameworks/example.yaml").read_text(
                encoding="utf-8"
            ),
            "models/a/model.yaml": text + orphan + policy,
        },
    )
    model = "models/a/model.yaml"
    validated = run(["validate", model], tmp_path)
    assert "orphan-service" not in validated.out and validated.code == 0
    gaps = run(["gaps", model, "--fail-on", "info"], tmp_path)
    assert "info      age-gap" in gaps.out and "capacity-gap" not in gaps.out
    assert gaps.code == 1
    assert run(["gaps", model, "--fail-on", "never"], tmp_path).code == 0  # 100% covered
    assert (
        run(["gaps", model, "--fail-on", "never", "--fail-under", "100.5"], tmp_path).code == 2
    )  # out of range: a usage error
    gaps_only = run(["draw", model, "--gaps-only", "-f", "dot"], tmp_path).out
    assert '"factor:school-exclusion"' in gaps_only  # its age-gap is still a finding


def test_control_characters_from_a_file_cannot_inject_commands(tmp_path: Path) -> None:
    write(
        tmp_path,
        {"model.yaml": 'format: vru-pathways/1\n"a\\e[31m\\n::warning file=x::injected": 1\n'},
    )
    for fmt in ("table", "github"):
        out = run(["validate", "model.yaml", "-f", fmt], tmp_path).out
        assert "\x1b" not in out
        assert not any(line.startswith("::warning file=x") for line in out.splitlines())
        assert "\\x1b[31m\\n::warning file=x::injected" in out or "%0A::warning" in out
