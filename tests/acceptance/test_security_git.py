"""``diff REV:PATH``: the base side of a pull request's gate comes from git, blob by blob,
and nothing in the pull request can stand in for it: a file named like the spec is
refused, nothing outside the repository's tree can be named, a link in the tree is not
followed, and a blob too large is refused by its size without being read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from attacks import HAS_GIT, capped, git, repository
from helpers import run, write

from vru_pathways.edge import git as edge_git
from vru_pathways.loading import files

pytestmark = pytest.mark.skipif(not HAS_GIT, reason="git is not installed")

MODEL = "models/a/model.yaml"
FRAMEWORK = """\
format: vru-pathways/1
harms:
  knife: {name: Knife crime}
risk_factors:
  exclusion: {name: Exclusion, level: individual, harms: [knife]}
outcomes:
  impact: {name: Fewer admissions, stage: impact}
approaches:
  mentoring: {name: Mentoring, evidence: {impact: moderate}}
"""
BASE = """\
format: vru-pathways/1
id: a
uses: [../../frameworks/f.yaml]
scope: {harms: [knife], as_of: 2025-01-01}
needs:
  exclusion: {priority: high}
services:
  one: {name: One, tier: primary, approach: mentoring, addresses: [exclusion], outcomes: [impact]}
  two: {name: Two, tier: secondary, approach: mentoring, addresses: [exclusion], outcomes: [impact]}
"""
GAP = BASE.replace("tier: secondary,", "tier: secondary, status: closed,")
"""The change a pull request makes: one service closes, a high-priority need is left with
one (an error-severity single-service gap)."""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return repository(tmp_path / "repo", {"frameworks/f.yaml": FRAMEWORK, MODEL: BASE})


def pull_request(repo: Path, files_: dict[str, str]) -> None:
    git(repo, "checkout", "-q", "-b", "pull-request")
    write(repo, files_)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "change")


@pytest.mark.slow
def test_the_gate_fails_a_change_that_opens_a_gap(repo: Path) -> None:
    """What the next test relies on."""
    pull_request(repo, {MODEL: GAP})
    result = run(["diff", f"main:{MODEL}", MODEL, "--fail-on-new", "error"], repo)
    assert result.code == 1, result.out + result.err
    assert "+ error   single-service" in result.out


@pytest.mark.slow
def test_a_decoy_file_named_like_the_base_spec_cannot_pass_the_gate(repo: Path) -> None:
    """The pull request opens a gap and adds a file literally named
    ``main:models/a/model.yaml`` holding the new model, so that a tool reading that file
    as the base would see no change and exit 0."""
    pull_request(repo, {MODEL: GAP, f"main:{MODEL}": GAP})
    result = run(["diff", f"main:{MODEL}", MODEL, "--fail-on-new", "error"], repo)
    assert result.code == 2, result.out + result.err
    assert result.err == (
        f"vru-pathways: 'main:{MODEL}' is both a file here and the path {MODEL} at revision "
        f"main: refusing to guess; write ./main:{MODEL} for the file, or name the revision "
        "by its commit\n"
    )
    head = git(repo, "rev-parse", "main").strip()
    by_commit = run(["diff", f"{head}:{MODEL}", MODEL, "--fail-on-new", "error"], repo)
    assert by_commit.code == 1 and "+ error   single-service" in by_commit.out
    the_file = run(["diff", f"./main:{MODEL}", MODEL, "--fail-on-new", "error"], repo)
    assert the_file.code == 0, the_file.out + the_file.err


@pytest.mark.slow
def test_a_decoy_on_the_new_side_is_refused_too(repo: Path) -> None:
    pull_request(repo, {f"HEAD:{MODEL}": BASE})
    result = run(["diff", MODEL, f"HEAD:{MODEL}"], repo)
    assert result.code == 2 and "refusing to guess" in result.err


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/etc/shadow", "/etc/passwd", "../../etc/passwd", "../" * 20])
def test_a_path_outside_the_repository_reads_nothing_from_disk(
    repo: Path, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    opened: list[str] = []
    real = files.os.open
    monkeypatch.setattr(files.os, "open", lambda p, *a: opened.append(p) or real(p, *a))
    result = run(["diff", f"HEAD:{path}", MODEL, "-f", "json"], repo)
    assert result.code == 2
    assert "root:" not in result.out + result.err
    assert "no such file" in result.out or "outside" in result.out
    assert not [p for p in opened if not p.startswith(str(repo))]


@pytest.mark.slow
def test_uses_that_climb_out_of_the_repository_at_a_revision_are_refused(repo: Path) -> None:
    (repo.parent / "outside.yaml").write_text("format: vru-pathways/1\nLEAKED: x\n")
    write(repo, {"models/b/model.yaml": "format: vru-pathways/1\nuses: [../../../outside.yaml]\n"})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "b")
    result = run(["diff", "HEAD:models/b/model.yaml", MODEL, "-f", "json"], repo)
    assert result.code == 2
    assert "LEAKED" not in result.out
    assert "uses-outside-root" in result.out


@pytest.mark.slow
def test_a_link_in_the_tree_is_never_followed(repo: Path) -> None:
    """A pull request commits links to files and folders outside; at its revision they
    are links, not files, and nothing they point at is read."""
    (repo / "models/etc").symlink_to("/etc")
    (repo / "models/a/passwd.yaml").symlink_to("/etc/passwd")
    write(repo, {"models/c/model.yaml": "format: vru-pathways/1\nuses: [../a/passwd.yaml]\n"})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "links")
    through_folder = run(["diff", "HEAD:models/etc/passwd", MODEL], repo)
    assert through_folder.code == 2 and "root:" not in through_folder.out
    assert "no such file: models/etc/passwd" in through_folder.out
    used = run(["diff", "HEAD:models/c/model.yaml", MODEL], repo)
    assert used.code == 2 and "root:" not in used.out
    assert "'../a/passwd.yaml' is a symbolic link, not a file" in used.out


@pytest.mark.slow
def test_links_and_export_ignore_elsewhere_in_the_tree_change_nothing(repo: Path) -> None:
    """A revision is not exported: an absolute link and ``export-ignore`` lines, which an
    exported tree would follow or drop, leave the diff as it was."""
    (repo / "absolute-link").symlink_to("/etc/passwd")
    write(repo, {".gitattributes": "models export-ignore\nframeworks export-ignore\n"})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "attributes and a link")
    (repo / MODEL).write_text(GAP)
    result = run(["diff", f"HEAD:{MODEL}", MODEL, "-f", "json"], repo)
    assert result.code == 1, result.out + result.err
    report = json.loads(result.out)
    assert [(f["rule"], f["path"]) for f in report["opened"]] == [("single-service", MODEL)]
    assert report["closed"] == []


@pytest.mark.slow
def test_a_blob_over_the_limit_is_refused_by_its_size_unread(repo: Path) -> None:
    """A 120 MiB blob in the revision: refused as too-large, and the run's peak memory is
    that of a small model's (reading the blob would add at least its size)."""
    with open(repo / "models/big.yaml", "wb") as handle:
        handle.write(b"format: vru-pathways/1\n")
        for _ in range(120):
            handle.write((b"#" * 63 + b"\n") * 2**14)  # a mebibyte of comments
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "big")
    (repo / "models/big.yaml").write_text(BASE)
    big = capped(repo, "diff", "HEAD:models/big.yaml", MODEL)
    small = capped(repo, "diff", f"HEAD:{MODEL}", MODEL)
    assert big["code"] == 2, big
    assert "HEAD:models/big.yaml:1:1  error     too-large" in big["out"]
    assert "over 50 MiB (120.0 MiB)" in big["out"]
    assert big["peak_mb"] - small["peak_mb"] < 40, (big["peak_mb"], small["peak_mb"])


def test_a_revision_that_looks_like_an_option_is_never_passed_to_git(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    monkeypatch.setattr(edge_git.subprocess, "run", lambda *a, **k: calls.append(a))
    write(tmp_path, {"models/a.yaml": "format: vru-pathways/1\n"})
    for spec in ("--output=x:models/a.yaml", "-oProxyCommand=touch pwned:models/a.yaml"):
        result = run(["diff", "--", spec, "models/a.yaml"], tmp_path)
        assert result.code == 2
        assert "is not a revision of the git repository here" in result.err
    assert calls == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [".git", "models"]


@pytest.mark.slow
def test_a_revision_path_that_is_a_folder_or_missing_is_a_message(repo: Path) -> None:
    for spec, words in (
        ("HEAD:models", "not a file: models is a folder"),
        ("HEAD:no.yaml", "no such file: no.yaml"),
    ):
        result = run(["diff", spec, MODEL], repo)
        assert result.code == 2 and words in result.out, result.out
