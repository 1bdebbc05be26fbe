"""diff: pairs of model versions whose opened and closed gaps are known."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from helpers import run, write

FRAMEWORK = """\
format: vru-pathways/1
id: shared
harms:
  knife-crime: {name: Knife crime}
risk_factors:
  exclusion: {name: Exclusion, level: individual, harms: [knife-crime]}
  gangs: {name: Gangs, level: relationship, harms: [knife-crime]}
outcomes:
  fewer-admissions: {name: Fewer admissions, stage: impact}
approaches:
  mentoring: {name: Mentoring, evidence: {impact: moderate}}
  prison-awareness: {name: Prison awareness, evidence: {impact: harmful}}
"""

BASE = """\
format: vru-pathways/1
id: area
uses: [shared.yaml]
scope: {harms: [knife-crime], as_of: 2025-01-01}
areas:
  north: {name: North}
partners:
  council: {name: Council}
  charity: {name: Charity}
needs:
  exclusion: {priority: high, cohort: 20}
services:
  mentors:
    name: Mentors
    tier: secondary
    provider: council
    approach: mentoring
    capacity: 10
    addresses: [exclusion]
    outcomes: [fewer-admissions]
  club:
    name: Club
    tier: primary
    provider: charity
    approach: mentoring
    capacity: 10
    addresses: [exclusion]
    outcomes: [fewer-admissions]
"""
# BASE has one gap: 'gangs' is in scope with no service (no-pathway, a warning).

GANGS_SERVICE = """\
  gang-workers:
    name: Gang workers
    tier: tertiary
    provider: charity
    approach: mentoring
    addresses: [gangs]
    outcomes: [fewer-admissions]
"""
HARMFUL = """\
  prison-day:
    name: Prison day
    tier: secondary
    status: planned
    approach: prison-awareness
    addresses: [gangs]
"""


def versions(tmp_path: Path, new: str) -> tuple[str, str]:
    write(
        tmp_path,
        {
            "shared.yaml": FRAMEWORK,
            "old/model.yaml": BASE.replace("shared.yaml", "../shared.yaml"),
            "new/model.yaml": new.replace("shared.yaml", "../shared.yaml"),
        },
    )
    return str(tmp_path / "old" / "model.yaml"), str(tmp_path / "new" / "model.yaml")


def diff_json(old: str, new: str, *extra: str) -> tuple[int, dict[str, object]]:
    result = run(["diff", old, new, "--format", "json", *extra])
    return result.code, json.loads(result.out)


def rules(findings: object) -> list[tuple[str, str]]:
    assert isinstance(findings, list)
    return [(f["rule"], f["entity"]) for f in findings]


def test_closing_a_gap_and_adding_a_service(tmp_path: Path) -> None:
    code, d = diff_json(*versions(tmp_path, BASE + GANGS_SERVICE))
    assert rules(d["opened"]) == []
    assert rules(d["closed"]) == [("no-pathway", "risk_factors.gangs")]
    assert d["services"] == [
        {"model": "area", "added": ["gang-workers"], "removed": [], "changed": {}}
    ]
    overall = next(c for c in d["coverage"] if c["part"] == "overall")
    assert (overall["old"], overall["new"], overall["change"]) == (50.0, 100.0, 50.0)
    assert {c["part"] for c in d["coverage"]} >= {
        "overall",
        "tier tertiary",
        "level relationship",
        "area north",
    }
    assert code == 0


def test_opening_gaps_fails_only_at_the_threshold(tmp_path: Path) -> None:
    # the club closes: exclusion is left with one service (single-service, an error) and
    # too few places (capacity-gap, an error); a planned harmful service appears (error).
    new = (
        BASE.replace(
            "    provider: charity\n    approach: mentoring\n    capacity: 10\n",
            "    provider: charity\n    status: closed\n    approach: mentoring\n"
            "    capacity: 10\n",
        )
        + HARMFUL
    )
    old, new_path = versions(tmp_path, new)
    code, d = diff_json(old, new_path)
    assert sorted(rules(d["opened"])) == [
        ("capacity-gap", "risk_factors.exclusion"),
        ("harmful-approach", "services.prison-day"),
        ("single-service", "risk_factors.exclusion"),
    ]
    assert rules(d["closed"]) == []
    assert d["services"][0]["changed"] == {"club": ["status"]}
    assert code == 1
    assert run(["diff", old, new_path, "--fail-on-new", "never"]).code == 0
    # the reverse change opens nothing, so it passes even on warnings
    assert run(["diff", new_path, old, "--fail-on-new", "warning"]).code == 0


def test_severity_change_is_reported_and_counts_as_introduced(tmp_path: Path) -> None:
    new = BASE.replace("needs:\n", "needs:\n  gangs: {priority: high}\n")
    old, new_path = versions(tmp_path, new)
    code, d = diff_json(old, new_path)
    [change] = d["severity_changed"]
    assert (change["old"]["severity"], change["new"]["severity"]) == ("warning", "error")
    assert change["new"]["rule"] == "no-pathway"
    assert code == 1
    text = run(["diff", old, new_path]).out
    assert "~ warning → error no-pathway [area]" in text


def test_moving_text_around_changes_nothing(tmp_path: Path) -> None:
    moved = (
        BASE.replace("areas:\n  north: {name: North}\n", "")
        + "# comment\n\nareas:\n  north: {name: North}\n"
    )
    code, d = diff_json(*versions(tmp_path, moved))
    assert (d["opened"], d["closed"], d["severity_changed"], d["coverage"], d["services"]) == (
        [],
        [],
        [],
        [],
        [],
    )
    assert code == 0


def test_markdown_is_a_pull_request_comment(tmp_path: Path) -> None:
    out = run(["diff", *versions(tmp_path, BASE + GANGS_SERVICE), "-f", "markdown"]).out
    assert out.startswith("## vru-pathways: ")
    assert "**0 gap(s) opened, 1 closed, 0 changed severity**" in out
    assert "### Gaps closed (1)" in out and "| warning | no-pathway | area |" in out
    assert "| area | overall | 50% | 100% | +50.0 |" in out


def test_unanalysable_side_exits_2(tmp_path: Path) -> None:
    old, new = versions(tmp_path, BASE.replace("tier: primary", "tier: first"))
    result = run(["diff", old, new])
    assert result.code == 2 and "invalid-value" in result.out


def git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


@pytest.mark.slow
@pytest.mark.skipif(
    subprocess.run(["git", "--version"], capture_output=True).returncode,
    reason="git is not installed",
)
def test_rev_path_reads_the_model_and_its_uses_at_that_revision(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    write(
        repo,
        {
            "frameworks/shared.yaml": FRAMEWORK,
            "models/area/model.yaml": BASE.replace("shared.yaml", "../../frameworks/shared.yaml"),
        },
    )
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "v1")
    # the change adds a service in the model and a risk factor in the shared framework
    (repo / "models" / "area" / "model.yaml").write_text(
        BASE.replace("shared.yaml", "../../frameworks/shared.yaml") + GANGS_SERVICE,
        encoding="utf-8",
    )
    gangs = "  gangs: {name: Gangs, level: relationship, harms: [knife-crime]}\n"
    weapons = "  weapons: {name: Weapons, level: societal, harms: [knife-crime]}\n"
    (repo / "frameworks" / "shared.yaml").write_text(
        FRAMEWORK.replace(gangs, gangs + weapons), encoding="utf-8"
    )
    models = repo / "models"
    result = run(["diff", "main:area/model.yaml", "area/model.yaml", "-f", "json"], models)
    assert result.code == 0, result.out + result.err
    d = json.loads(result.out)
    assert rules(d["closed"]) == [("no-pathway", "risk_factors.gangs")]
    assert rules(d["opened"]) == [("no-pathway", "risk_factors.weapons")]
    assert d["closed"][0]["path"] == "main:models/area/model.yaml"
    bad = run(["diff", "nosuchrev:area/model.yaml", "area/model.yaml"], models)
    assert bad.code == 2 and "is not a revision" in bad.err
