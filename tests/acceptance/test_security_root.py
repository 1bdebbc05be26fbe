"""Nothing outside the root folder is read through ``uses``: the git work tree of the model,
else the current folder, or ``--root DIR``. Each attack is a located ``uses-outside-root``
(or ``missing-file`` for what is no file) and exit 2; the file outside is never opened,
and nothing of it reaches any output format.

Every test builds its own work tree, ``repo``, beside a folder ``outside`` holding a file
with a secret; the test's own folder is a work tree too (conftest.py), so ``outside`` is
inside that one, and only the nearest work tree up from the model counts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import run, write

from vru_pathways.loading import files

SECRET = "SECRET-MARKER-5b9e0c"
FORMATS = ["table", "json", "csv", "markdown", "github", "sarif", "junit"]
MODEL = "models/a/model.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    write(
        tmp_path,
        {
            "outside/credentials.yaml": f"format: vru-pathways/1\n{SECRET}: hunter2\n",
            "outside/framework.yaml": "format: vru-pathways/1\nharms:\n  h: {name: H}\n",
            "repo/frameworks/f.yaml": "format: vru-pathways/1\nharms:\n  knife: {name: Knife}\n",
        },
    )
    return tmp_path / "repo"


def model(repo: Path, *uses: str) -> Path:
    listed = ", ".join(json.dumps(u) for u in uses)
    return write(repo, {MODEL: f"format: vru-pathways/1\nid: a\nuses: [{listed}]\n"}) / MODEL


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every path the loader opens, as given to ``os.open``."""
    seen: list[str] = []
    real = files.os.open

    def recording(path: str, *args: object, **kwargs: object) -> int:
        seen.append(os.fspath(path))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files.os, "open", recording)
    return seen


def inside(path: str, folder: Path) -> bool:
    real = os.path.realpath(path)
    return os.path.commonpath([real, os.path.realpath(folder)]) == os.path.realpath(folder)


ATTACKS = {
    "climbing": "../../../outside/credentials.yaml",
    "climbing far": "../" * 30 + "outside/credentials.yaml",
    "absolute": "/etc/shadow",
    "proc": "/proc/self/environ",
    "device": "/dev/zero",
    "link inside pointing out": "link.yaml",
    "folder link pointing out": "out/credentials.yaml",
    "a sibling named like the root": "../../../repo-evil/model.yaml",
}


@pytest.mark.parametrize("name", list(ATTACKS))
def test_a_uses_entry_outside_the_root_is_refused_unopened(
    repo: Path, opened: list[str], name: str
) -> None:
    (repo / "models/a").mkdir(parents=True)
    (repo / "models/a/link.yaml").symlink_to("../../../outside/credentials.yaml")
    (repo / "models/a/out").symlink_to("../../../outside")
    (repo.parent / "repo-evil").mkdir()
    (repo.parent / "repo-evil/model.yaml").write_text("format: vru-pathways/1\n")
    model(repo, "../../frameworks/f.yaml", ATTACKS[name])
    result = run(["validate", MODEL, "-f", "json"], repo)
    assert result.code == 2
    [finding] = json.loads(result.out)["findings"]
    assert finding["rule"] == "uses-outside-root"
    assert (finding["path"], finding["line"]) == (MODEL, 3)
    assert finding["column"] == 8 + len(json.dumps("../../frameworks/f.yaml")) + 2
    assert f"'{ATTACKS[name]}' is outside the root folder" in finding["message"]
    assert opened and all(inside(p, repo) for p in opened), opened
    assert not any(p.startswith(("/etc", "/proc", "/dev")) for p in opened)


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_output_format_shows_anything_of_a_file_outside(repo: Path, fmt: str) -> None:
    (repo / "models/a").mkdir(parents=True)
    (repo / "models/a/link.yaml").symlink_to("../../../outside/credentials.yaml")
    model(repo, "../../../outside/credentials.yaml", "link.yaml")
    for command in ("validate", "gaps"):
        result = run([command, MODEL, "-f", fmt], repo)
        assert result.code == 2
        assert SECRET not in result.out + result.err
        assert "hunter2" not in result.out + result.err
        assert "uses-outside-root" in result.out


def test_the_secret_would_show_if_it_were_read(repo: Path) -> None:
    """What the test above relies on: a file that is read shows its unknown key."""
    model(repo, "../../../outside/credentials.yaml")
    result = run(["validate", MODEL, "--root", str(repo.parent)], repo)
    assert SECRET in result.out


def test_a_model_that_is_a_link_out_of_its_work_tree_is_refused_unopened(
    repo: Path, opened: list[str]
) -> None:
    (repo / "models").mkdir()
    (repo / "models/model.yaml").symlink_to("../../outside/credentials.yaml")
    result = run(["validate", "models/model.yaml"], repo)
    assert result.code == 2
    assert "models/model.yaml:1:1  error     uses-outside-root" in result.out
    assert "outside the root folder ., so it is not read (give --root DIR to read it)" in (
        result.out
    )
    assert SECRET not in result.out
    assert opened == []


def test_a_model_in_a_folder_linked_from_outside_is_refused(repo: Path) -> None:
    (repo / "linked").symlink_to("../outside")
    result = run(["gaps", "linked/credentials.yaml", "-f", "json"], repo)
    assert result.code == 2
    assert json.loads(result.out)["findings"][0]["rule"] == "uses-outside-root"
    assert SECRET not in result.out


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda p: os.mkfifo(p), "a FIFO (named pipe)"),
        (lambda p: p.mkdir(), "a folder"),
    ],
    ids=["fifo", "folder"],
)
def test_what_is_no_file_is_refused_by_kind_unopened(
    repo: Path, opened: list[str], make: object, kind: str
) -> None:
    (repo / "models/a").mkdir(parents=True)
    make(repo / "models/a/special.yaml")  # type: ignore[operator]
    model(repo, "special.yaml")
    result = run(["validate", MODEL, "-f", "json"], repo)
    assert result.code == 2
    [finding] = json.loads(result.out)["findings"]
    assert (finding["rule"], finding["line"], finding["column"]) == ("missing-file", 3, 8)
    assert finding["message"] == f"uses[0]: 'special.yaml' is {kind}, not a file"
    named = run(["validate", "models/a/special.yaml"], repo)
    assert named.code == 2
    assert f"not a file: models/a/special.yaml is {kind}" in named.out
    assert all(not p.endswith("special.yaml") for p in opened)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_named_as_the_model_is_refused(repo: Path, device: str) -> None:
    result = run(["gaps", device], repo)
    assert result.code == 2
    assert f"not a file: {device} is a device" in result.out


FIFO_CHILD = """
import sys
from vru_pathways.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.slow
@pytest.mark.parametrize("args", [["validate", MODEL], ["gaps", "models/a/pipe.yaml"]])
def test_a_fifo_never_blocks_a_run(repo: Path, args: list[str]) -> None:
    """In a fresh process with a timeout: no writer ever comes to the FIFO."""
    (repo / "models/a").mkdir(parents=True)
    os.mkfifo(repo / "models/a/pipe.yaml")
    model(repo, "pipe.yaml")
    done = subprocess.run(
        [sys.executable, "-c", FIFO_CHILD, *args],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "a FIFO (named pipe)" in done.stdout


def test_root_widens_the_boundary(repo: Path) -> None:
    model(repo, "../../../outside/framework.yaml")
    refused = run(["validate", MODEL], repo)
    assert refused.code == 2 and "uses-outside-root" in refused.out
    widened = run(["validate", MODEL, "--root", str(repo.parent)], repo)
    assert (widened.code, widened.out.splitlines()[-1]) == (
        0,
        "validate: 0 errors, 0 warnings, 0 info",
    )


def test_root_narrows_the_boundary(repo: Path) -> None:
    model(repo, "../../frameworks/f.yaml")
    assert run(["validate", MODEL], repo).code == 0
    narrowed = run(["validate", MODEL, "--root", "models"], repo)
    assert narrowed.code == 2
    assert "'../../frameworks/f.yaml' is outside the root folder models" in narrowed.out


def test_root_applies_to_the_model_named_too(repo: Path) -> None:
    result = run(["validate", str(repo.parent / "outside/framework.yaml"), "--root", "."], repo)
    assert result.code == 2
    assert "outside the root folder ., so it is not read (give --root DIR to read it)" in result.out


def test_the_nearest_work_tree_is_the_root(repo: Path) -> None:
    """A work tree inside another (a submodule, a partner's folder with its own .git):
    its model may not reach into the outer one."""
    (repo / "vendor/partner/.git").mkdir(parents=True)
    write(
        repo,
        {"vendor/partner/model.yaml": "format: vru-pathways/1\nuses: [../../frameworks/f.yaml]\n"},
    )
    result = run(["validate", "vendor/partner/model.yaml"], repo)
    assert result.code == 2
    assert "is outside the root folder vendor/partner" in result.out


def test_the_root_comes_from_the_model_not_the_current_folder(repo: Path, tmp_path: Path) -> None:
    """Run from anywhere, even a folder that holds the outside file, the model's own work
    tree is the boundary."""
    model(repo, "../../../outside/credentials.yaml")
    result = run(["validate", str(repo / MODEL)], tmp_path / "outside")
    assert result.code == 2
    assert "uses-outside-root" in result.out and SECRET not in result.out


def test_a_chain_of_uses_inside_the_root_still_reads(repo: Path) -> None:
    write(repo, {"regions/r.yaml": "format: vru-pathways/1\nuses: [../frameworks/f.yaml]\n"})
    (repo / "regions/alias.yaml").symlink_to("r.yaml")
    model(repo, "../../regions/alias.yaml")
    result = run(["validate", MODEL], repo)
    assert result.code == 0, result.out


@pytest.mark.parametrize(
    "args", [["gaps", ""], ["validate", ""], ["draw", "", "-f", "dot"], ["diff", "", MODEL]]
)
def test_an_empty_path_is_a_message(repo: Path, args: list[str]) -> None:
    model(repo, "../../frameworks/f.yaml")
    result = run(args, repo)
    assert result.code == 2, result
    assert "internal error" not in result.err
