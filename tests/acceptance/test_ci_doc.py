"""docs/ci.md's workflow, run as written on a repository with a pull-request branch."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import ROOT

DOC = ROOT / "docs" / "ci.md"
NOT_RUN = {"Install vru-pathways", "Comment on the pull request"}
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def workflow() -> dict[str, object]:
    block = re.search(
        r"```yaml\n(name: vru-pathways\n.*?)```", DOC.read_text(encoding="utf-8"), re.S
    )
    assert block, "docs/ci.md has no workflow"
    loaded: dict[str, object] = yaml.safe_load(block.group(1))
    return loaded


def steps() -> list[dict[str, str]]:
    jobs = workflow()["jobs"]
    assert isinstance(jobs, dict)
    return list(jobs["check"]["steps"])


def git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def repository(tmp_path: Path) -> Path:
    repo = tmp_path / "frameworks-repo"
    for folder in ("frameworks", "models", "schemas"):
        shutil.copytree(ROOT / folder, repo / folder)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(repo, "checkout", "-q", "-b", "pull-request")
    return repo


def base_sha(repo: Path) -> str:
    done = subprocess.run(
        ["git", "rev-parse", "origin/main"], cwd=repo, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def run_steps(repo: Path, tmp_path: Path) -> dict[str, subprocess.CompletedProcess[str]]:
    summary = tmp_path / "summary.md"
    env = {
        **os.environ,
        "GITHUB_ACTIONS": "true",
        "GITHUB_BASE_REF": "main",
        "BASE_SHA": base_sha(repo),
        "GITHUB_STEP_SUMMARY": str(summary),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    results = {}
    for step in steps():
        if "run" in step and step["name"] not in NOT_RUN:
            results[step["name"]] = subprocess.run(
                ["bash", "-e", "-o", "pipefail", "-c", step["run"]],
                cwd=repo,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
    return results


def test_the_workflow_is_what_we_test() -> None:
    names = [s.get("name", s.get("uses", "")) for s in steps()]
    assert {n for n in names if n in NOT_RUN} == NOT_RUN
    assert any("upload-sarif" in s.get("uses", "") for s in steps())


@pytest.mark.slow
def test_a_pull_request_that_opens_an_error_gap_fails_with_annotations(tmp_path: Path) -> None:
    repo = repository(tmp_path)
    model = repo / "models" / "northbrook" / "model.yaml"
    text = model.read_text(encoding="utf-8")
    # the only services for 'neet' close: a high-priority need is left with no pathway
    broken = text.replace("tier: secondary\n", "tier: secondary\n    status: paused\n")
    assert broken != text
    model.write_text(
        broken + "  nb-typo: {name: Typo, tier: primary, adresses: [neet]}\n", encoding="utf-8"
    )
    git(repo, "commit", "-q", "-am", "change")
    results = run_steps(repo, tmp_path)
    validate = results["Validate (annotations on the offending lines)"]
    assert validate.returncode == 2
    assert re.search(
        r"^::error file=models/northbrook/model.yaml,line=\d+,col=\d+,"
        r"title=vru-pathways unknown-key::.*did you mean 'addresses'",
        validate.stdout,
        re.M,
    )
    assert "LOCATION" in validate.stdout  # the full table follows the annotations


@pytest.mark.slow
def test_a_pull_request_is_summarised_and_gated_on_new_gaps(tmp_path: Path) -> None:
    repo = repository(tmp_path)
    model = repo / "models" / "eastwick" / "model.yaml"
    text = model.read_text(encoding="utf-8")
    # pausing early-help family support leaves two high-priority needs on one service
    changed = text.replace("tier: secondary\n", "tier: secondary\n    status: paused\n", 1)
    assert changed != text
    model.write_text(changed, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "pause a service")
    results = run_steps(repo, tmp_path)
    assert results["Validate (annotations on the offending lines)"].returncode == 0
    gaps = results["Find the gaps (SARIF for code scanning)"]
    assert gaps.returncode == 0
    sarif = json.loads((repo / "vru-pathways.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    diff = results["Gaps opened and closed by this pull request"]
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary.count(f"## vru-pathways: {base_sha(repo)}:models/") == 3
    assert "| eastwick |  |  | ew-family-support (status) |" in summary
    opened = summary.split("### Gaps closed")[0]
    assert "| error | single-service | eastwick | risk factor 'child-abuse-neglect'" in opened
    assert diff.returncode == 1


@pytest.mark.slow
def test_an_unchanged_pull_request_passes(tmp_path: Path) -> None:
    repo = repository(tmp_path)
    results = run_steps(repo, tmp_path)
    assert {name: r.returncode for name, r in results.items()} == {
        "Validate (annotations on the offending lines)": 0,
        "Find the gaps (SARIF for code scanning)": 0,
        "Gaps opened and closed by this pull request": 0,
    }
    assert "**0 gap(s) opened, 0 closed, 0 changed severity**" in (
        tmp_path / "summary.md"
    ).read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_file_posing_as_the_base_revision_fails_the_gate(tmp_path: Path) -> None:
    """A pull request that opens a gap and adds a copy of the model under the name the
    workflow reads the base by cannot make the diff compare against its copy."""
    repo = repository(tmp_path)
    model = repo / "models" / "eastwick" / "model.yaml"
    decoy = repo / f"{base_sha(repo)}:models" / "eastwick" / "model.yaml"
    decoy.parent.mkdir(parents=True)
    changed = model.read_text(encoding="utf-8").replace(
        "tier: secondary\n", "tier: secondary\n    status: paused\n", 1
    )
    decoy.write_text(changed, encoding="utf-8")
    model.write_text(changed, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "pause a service, and a decoy of the base")
    diff = run_steps(repo, tmp_path)["Gaps opened and closed by this pull request"]
    assert diff.returncode == 1
    assert "is both a file here and the path" in diff.stderr
