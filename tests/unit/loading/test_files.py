"""Documents on disk: the root folder (the git work tree of the document named, else the
current folder, or ``--root``), real paths through every link, and special files told
apart by kind and never waited on."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest
from helpers import cwd

from vru_pathways.loading.files import FILE, MISSING, DiskFiles, kind_of, work_tree


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A work tree of its own inside the test's folder, with a file outside it."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "models").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.yaml").write_text("format: vru-pathways/1\n")
    return tmp_path / "repo"


def test_the_work_tree_is_the_nearest_folder_up_with_a_git(repo: Path) -> None:
    (repo / "models" / "a").mkdir()
    assert work_tree(str(repo / "models" / "a")) == str(repo)
    (repo / "models" / "a" / ".git").write_text("gitdir: elsewhere\n")  # a linked work tree
    assert work_tree(str(repo / "models" / "a")) == str(repo / "models" / "a")


def test_without_a_work_tree_the_root_is_the_current_folder(tmp_path: Path) -> None:
    os.rmdir(tmp_path / ".git")
    if work_tree(str(tmp_path)) is not None:
        pytest.skip("the temporary folder is inside a git work tree")
    (tmp_path / "here").mkdir()
    with cwd(tmp_path / "here"):
        key, boundary = DiskFiles().start("model.yaml")
    assert boundary == os.path.realpath(tmp_path / "here")
    assert key == os.path.realpath(tmp_path / "here" / "model.yaml")


def test_the_root_is_the_work_tree_of_the_document_not_of_the_current_folder(
    repo: Path, tmp_path: Path
) -> None:
    (tmp_path / "elsewhere" / ".git").mkdir(parents=True)
    with cwd(tmp_path / "elsewhere"):
        _, boundary = DiskFiles().start(str(repo / "models" / "model.yaml"))
    assert boundary == os.path.realpath(repo)


def test_root_fixes_the_boundary(repo: Path, tmp_path: Path) -> None:
    files = DiskFiles(str(tmp_path))
    key, boundary = files.start(str(repo / "models" / "model.yaml"))
    assert boundary == os.path.realpath(tmp_path)
    assert files.inside(files.used(key, "../../outside/secret.yaml"), boundary)
    assert not files.inside(files.used(key, "../../../x.yaml"), boundary)


@pytest.mark.parametrize(
    "name",
    [
        "../../outside/secret.yaml",
        "../../../../../../../outside/secret.yaml",
        "/etc/shadow",
        "/proc/self/environ",
        "/dev/zero",
        "../../repo-sibling/x.yaml",
    ],
)
def test_a_name_that_leads_out_is_outside(repo: Path, name: str) -> None:
    files = DiskFiles()
    key, boundary = files.start(str(repo / "models" / "model.yaml"))
    assert not files.inside(files.used(key, name), boundary)


def test_a_folder_whose_name_starts_like_the_root_is_not_inside_it(repo: Path) -> None:
    """``/x/repo-evil`` starts with the text ``/x/repo`` but is not inside it."""
    files = DiskFiles()
    key, boundary = files.start(str(repo / "models" / "model.yaml"))
    assert not files.inside(files.used(key, "../../repo-evil/model.yaml"), boundary)
    assert files.inside(files.used(key, "../models/../models/x.yaml"), boundary)


def test_a_link_inside_that_points_outside_is_outside(repo: Path) -> None:
    (repo / "models" / "link.yaml").symlink_to("../../outside/secret.yaml")
    (repo / "models" / "folder").symlink_to("../../outside")
    files = DiskFiles()
    key, boundary = files.start(str(repo / "models" / "model.yaml"))
    for name in ("link.yaml", "folder/secret.yaml"):
        used = files.used(key, name)
        assert used == os.path.realpath(repo.parent / "outside" / "secret.yaml")
        assert not files.inside(used, boundary)


def test_a_link_that_stays_inside_is_read_as_its_target(repo: Path) -> None:
    (repo / "models" / "real.yaml").write_text("format: vru-pathways/1\n")
    (repo / "models" / "alias.yaml").symlink_to("real.yaml")
    files = DiskFiles()
    key, boundary = files.start(str(repo / "models" / "model.yaml"))
    used = files.used(key, "alias.yaml")
    assert files.inside(used, boundary)
    assert used == os.path.realpath(repo / "models" / "real.yaml")


def test_a_named_model_that_is_a_link_out_of_its_work_tree_is_keyed_outside(
    repo: Path,
) -> None:
    (repo / "models" / "model.yaml").symlink_to("../../outside/secret.yaml")
    files = DiskFiles()
    key, boundary = files.start(str(repo / "models" / "model.yaml"))
    assert not files.inside(key, boundary)


def test_special_files_are_told_by_kind(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("x")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "sock"))
        files = DiskFiles()
        kinds = {
            name: files.kind(str(tmp_path / name))
            for name in ("fifo", "folder", "file", "sock", "none")
        }
    kinds["/dev/zero"] = files.kind("/dev/zero")
    assert kinds == {
        "fifo": "a FIFO (named pipe)",
        "folder": "a folder",
        "file": FILE,
        "sock": "a socket",
        "none": MISSING,
        "/dev/zero": "a device",
    }
    assert files.kind("a\0b") == MISSING
    assert kind_of(0) == "not a regular file"


def test_reading_a_fifo_never_waits(tmp_path: Path) -> None:
    """A FIFO swapped in after its kind was checked: read opens it without blocking and
    refuses it by what it is."""
    os.mkfifo(tmp_path / "fifo")
    start = time.monotonic()
    with pytest.raises(OSError, match="it is a FIFO"):
        DiskFiles().read(str(tmp_path / "fifo"), 100)
    assert time.monotonic() - start < 5


def test_reading_never_follows_a_link_swapped_in_late(repo: Path) -> None:
    """A link put where a checked file was is not followed when the file is opened."""
    link = repo / "models" / "late.yaml"
    link.symlink_to("../../outside/secret.yaml")
    with pytest.raises(OSError):
        DiskFiles().read(str(link), 100)


def test_reading_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="it is a device"):
        DiskFiles().read("/dev/zero", 100)


def test_reading_stops_one_byte_past_the_limit(tmp_path: Path) -> None:
    (tmp_path / "big.yaml").write_bytes(b"#" * 10_000)
    assert len(DiskFiles().read(str(tmp_path / "big.yaml"), 100)) == 101
    assert DiskFiles().read(str(tmp_path / "big.yaml"), 20_000) == b"#" * 10_000
