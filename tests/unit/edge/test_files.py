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
    # edge.git.checkout unpacks a revision into a temporary folder of its own, to read it
    assert [w for w in found if not w.startswith("git.py:")] == []
    assert all(w.endswith(": extractall") for w in found)


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
