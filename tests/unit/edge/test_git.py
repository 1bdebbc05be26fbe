"""``REV:PATH``: read from git blob by blob whenever REV names a commit; a spec that is also
a file here is refused; nothing above the repository's tree can be named; a revision
that looks like an option never reaches git."""

from __future__ import annotations

from pathlib import Path

import pytest
from attacks import HAS_GIT, git, repository
from helpers import cwd

from vru_pathways.edge import git as edge_git
from vru_pathways.edge.git import GitError, Revision, Spec, split

requires_git = pytest.mark.skipif(not HAS_GIT, reason="git is not installed")
MODEL = "format: vru-pathways/1\nid: a\nuses: [../shared.yaml]\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return repository(
        tmp_path / "repo",
        {"models/a.yaml": MODEL, "shared.yaml": "format: vru-pathways/1\n"},
    )


def test_a_path_without_a_colon_is_a_path() -> None:
    assert split("models/a.yaml") is None
    assert split("HEAD:") is None


@pytest.mark.parametrize(
    "spec",
    ["--output=x:models/a.yaml", "-c:models/a.yaml", "--upload-pack=touch pwned:a.yaml"],
)
def test_a_revision_that_looks_like_an_option_never_reaches_git(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spec: str
) -> None:
    called: list[tuple[str, ...]] = []
    monkeypatch.setattr(edge_git, "_git", lambda *args, **_: called.append(args) or b"")
    with cwd(tmp_path), pytest.raises(GitError, match="is not a revision"):
        split(spec)
    assert called == []
    assert edge_git.commit_of(spec.partition(":")[0]) is None
    assert called == []


@pytest.mark.slow
@requires_git
def test_a_name_that_is_no_revision_and_no_file_is_refused(tmp_path: Path) -> None:
    with cwd(tmp_path), pytest.raises(GitError, match="'nothing' is not a revision"):
        split("nothing:models/a.yaml")


@pytest.mark.slow
@requires_git
def test_a_file_named_like_a_spec_is_a_file_when_no_revision_has_that_name(
    repo: Path,
) -> None:
    (repo / "notes:a.yaml").write_text("x")
    with cwd(repo):
        assert split("notes:a.yaml") is None


@pytest.mark.slow
@requires_git
def test_a_spec_that_is_both_a_revision_path_and_a_file_is_refused(repo: Path) -> None:
    (repo / "main:models").mkdir()
    (repo / "main:models" / "a.yaml").write_text(MODEL)
    with cwd(repo), pytest.raises(GitError, match="is both a file here and the path"):
        split("main:models/a.yaml")
    (repo / "dangling").symlink_to("nowhere")
    (repo / "HEAD:x.yaml").symlink_to("nowhere")
    with cwd(repo), pytest.raises(GitError, match="refusing to guess"):
        split("HEAD:x.yaml")


@pytest.mark.slow
@requires_git
def test_a_spec_naming_a_commit_is_read_from_git(repo: Path) -> None:
    head = git(repo, "rev-parse", "HEAD").strip()
    with cwd(repo):
        assert split("main:models/a.yaml") == Spec("main", head, "models/a.yaml")
        assert split(f"{head[:10]}:models/a.yaml") == Spec(head[:10], head, "models/a.yaml")


@pytest.mark.slow
@requires_git
def test_a_revision_reads_blobs_and_knows_what_each_path_is(repo: Path) -> None:
    (repo / "link.yaml").symlink_to("/etc/passwd")
    git(repo, "add", "link.yaml")
    git(repo, "commit", "-q", "-m", "a link")
    (repo / "models/a.yaml").write_text("changed on disk, not committed\n")
    with cwd(repo / "models"):
        spec = split("HEAD:a.yaml")
        assert spec is not None
        source = Revision(spec)
        key, boundary = source.start(spec.path)
    assert key == "models/a.yaml"
    assert source.read(key, 1000) == MODEL.encode()
    assert source.size(key) == len(MODEL)
    assert source.read(key, 5) == MODEL.encode()[:6]
    used = source.used(key, "../shared.yaml")
    assert (used, source.kind(used)) == ("shared.yaml", "a file")
    assert source.kind("models") == "a folder"
    assert source.kind("link.yaml") == "a symbolic link"
    assert source.kind("models/none.yaml") == "missing"
    assert source.show(key) == "HEAD:models/a.yaml"


@pytest.mark.slow
@requires_git
def test_nothing_above_the_repository_can_be_named(repo: Path) -> None:
    with cwd(repo):
        source = Revision(Spec("HEAD", git(repo, "rev-parse", "HEAD").strip(), "models/a.yaml"))
    climbing = [source.used("models/a.yaml", n) for n in ("../../x.yaml", "../../../etc/shadow")]
    assert climbing == ["../x.yaml", "../../etc/shadow"]
    for key in ["/etc/shadow", "/", "..", *climbing]:
        assert not source.inside(key, "")
        assert source.kind(key) == "missing"
    assert [source.kind(key) for key in ("", ".")] == ["missing", "missing"]
