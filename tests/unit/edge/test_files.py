"""Files are written in one place, atomically: every file the package writes goes through
``edge.files.write_atomic``, and a write that fails leaves the previous file whole and no
temporary file behind. (Killed runs, and the command line's message: test_hardening.py.)"""

from __future__ import annotations

import ast
import errno
import os
from pathlib import Path

import pytest
from helpers import ROOT

from vru_pathways.edge import files as export

MODULE_WRITERS = {
    "fdopen",
    "replace",
    "rename",
    "copy",
    "copyfile",
    "copy2",
    "copytree",
    "move",
    "mkstemp",
    "NamedTemporaryFile",
    "extractall",
}
"""Functions of os, shutil, tempfile and tarfile that make or write files."""


def _writes(path: Path) -> list[str]:
    """Calls in the module that could write a file: ``open`` in a writing mode,
    ``write_text``/``write_bytes``, and file-making functions of os, shutil, tempfile."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name == "open":
            modes = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)]
            modes += [
                k.value.value
                for k in node.keywords
                if k.arg == "mode" and isinstance(k.value, ast.Constant)
            ]
            writing = any(not isinstance(m, str) or set(m) - set("rbt") for m in modes)
        elif name in ("write_text", "write_bytes", "extractall"):
            writing = True
        else:
            owner = func.value if isinstance(func, ast.Attribute) else None
            writing = (
                name in MODULE_WRITERS
                and isinstance(owner, ast.Name)
                and owner.id in ("os", "shutil", "tempfile")
            )
        if writing:
            found.append(f"{path.name}:{node.lineno}: {name}")
    return found


def test_every_file_the_package_writes_goes_through_write_atomic() -> None:
    package = ROOT / "vru_pathways"
    found = [
        w
        for p in sorted(package.rglob("*.py"))
        if p.relative_to(package).as_posix() != "edge/files.py"
        for w in _writes(p)
    ]
    # REV:PATH is read blob by blob from git: no revision is unpacked into a folder either
    assert found == []


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".vru-"))


def test_a_failed_rename_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.html"
    target.write_bytes(b"old report")

    def fail(*_: object) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(export.os, "replace", fail)
    with pytest.raises(OSError):
        export.write_atomic(str(target), b"new report" * 1000)
    assert target.read_bytes() == b"old report"
    assert _temps(tmp_path) == []


@pytest.mark.parametrize(
    "failure", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()]
)
def test_a_write_that_fails_halfway_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    target = tmp_path / "map.svg"
    target.write_bytes(b"old map")
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, fd: int, mode: str) -> None:
            self.file = real_fdopen(fd, mode)

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *_: object) -> None:
            self.file.close()

        def write(self, data: bytes) -> None:
            self.file.write(data[: len(data) // 2])
            self.file.flush()
            raise failure

    monkeypatch.setattr(export.os, "fdopen", HalfWriter)
    with pytest.raises(type(failure)):
        export.write_atomic(str(target), b"<svg>new map</svg>" * 1000)
    assert target.read_bytes() == b"old map"
    assert _temps(tmp_path) == []


# --- what is never written over -------------------------------------------------------


def test_a_target_that_is_an_input_is_refused(tmp_path: Path) -> None:
    model = tmp_path / "model.yaml"
    model.write_bytes(b"format: vru-pathways/1\n")
    inputs = {os.path.realpath(model)}
    with pytest.raises(export.WriteError, match="one of this command's inputs"):
        export.write(str(model), b"overwritten", inputs)
    (tmp_path / "sub").mkdir()
    with pytest.raises(export.WriteError, match="one of this command's inputs"):
        export.write(str(tmp_path / "sub" / ".." / "model.yaml"), b"overwritten", inputs)
    assert model.read_bytes() == b"format: vru-pathways/1\n"


def test_a_link_is_refused_and_neither_it_nor_its_target_changes(tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_bytes(b"keep")
    link = tmp_path / "out.svg"
    link.symlink_to("target.txt")
    dangling = tmp_path / "dangling.svg"
    dangling.symlink_to("nowhere/at/all.svg")
    for path in (link, dangling):
        with pytest.raises(export.WriteError, match="it is a symbolic link"):
            export.write(str(path), b"new")
    assert target.read_bytes() == b"keep"
    assert os.readlink(link) == "target.txt"
    assert not (tmp_path / "nowhere").exists()


def test_a_link_to_an_input_is_refused(tmp_path: Path) -> None:
    (tmp_path / "model.yaml").write_bytes(b"model")
    (tmp_path / "out.dot").symlink_to("model.yaml")
    with pytest.raises(export.WriteError):
        export.write(str(tmp_path / "out.dot"), b"x", {os.path.realpath(tmp_path / "model.yaml")})
    assert (tmp_path / "model.yaml").read_bytes() == b"model"


def test_a_fifo_is_refused_without_waiting_for_a_reader(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "out.dot")
    with pytest.raises(export.WriteError, match=r"it is a FIFO \(named pipe\), not a file"):
        export.write(str(tmp_path / "out.dot"), b"x")


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full", "/dev/zero"])
def test_a_device_is_refused(device: str) -> None:
    with pytest.raises(export.WriteError, match=f"refusing to write {device}: it is a device"):
        export.write(device, b"x")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out.svg").mkdir()
    with pytest.raises(export.WriteError, match="it is a folder, not a file"):
        export.write(str(tmp_path / "out.svg"), b"x")
    assert list((tmp_path / "out.svg").iterdir()) == []


def test_an_existing_file_is_replaced_only_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "services.yaml"
    assert export.write(str(target), b"first", replace=False) is False
    with pytest.raises(export.WriteError, match="give --force to replace it"):
        export.write(str(target), b"second", replace=False)
    assert target.read_bytes() == b"first"
    assert export.write(str(target), b"third", replace=True) is True
    assert target.read_bytes() == b"third"


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_bytes(b"old")
    target.chmod(0o600)
    export.write(str(target), b"new")
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "relative", ["/etc/cron.d/x.yaml", "../x.yaml", "a/../../x.yaml", "a/../../../x.yaml"]
)
def test_a_tree_never_writes_outside_its_folder(tmp_path: Path, relative: str) -> None:
    out = tmp_path / "out"
    with pytest.raises(export.WriteError, match="refusing to write outside"):
        export.write_tree(str(out), {"ok.yaml": b"ok", relative: b"x"}, "book.xlsx")
    assert not out.exists()


def test_a_tree_replaces_nothing_without_force_and_names_what_it_replaces(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    documents = {"models/a/model.yaml": b"new model", "frameworks/f.yaml": b"new framework"}
    assert export.write_tree(str(out), documents, "book.xlsx") == []
    (out / "models/a/model.yaml").write_bytes(b"edited by hand")
    with pytest.raises(export.WriteError, match=r"refusing to replace 2 existing file\(s\)"):
        export.write_tree(str(out), documents, "book.xlsx")
    assert (out / "models/a/model.yaml").read_bytes() == b"edited by hand"
    replaced = export.write_tree(str(out), documents, "book.xlsx", force=True)
    assert sorted(replaced) == sorted(str(out / p) for p in documents)
    assert (out / "models/a/model.yaml").read_bytes() == b"new model"


def test_a_tree_refuses_a_link_among_its_files_even_with_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "elsewhere.txt").write_bytes(b"keep")
    (out / "model.yaml").symlink_to("../elsewhere.txt")
    with pytest.raises(export.WriteError, match="symbolic link"):
        export.write_tree(str(out), {"model.yaml": b"x"}, "book.xlsx", force=True)
    assert (tmp_path / "elsewhere.txt").read_bytes() == b"keep"


def test_a_tree_refuses_to_write_over_its_own_input(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "book.xlsx").write_bytes(b"the workbook")
    inputs = {os.path.realpath(out / "book.xlsx")}
    with pytest.raises(export.WriteError, match="one of this command's inputs"):
        export.write_tree(str(out), {"book.xlsx": b"x"}, "book.xlsx", force=True, inputs=inputs)
    assert (out / "book.xlsx").read_bytes() == b"the workbook"
