"""Writing files, atomically: a failed or interrupted run leaves any previous file whole.

A write goes to a temporary file beside the target and is renamed over it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..diagnostics import InputError


def write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temp = tempfile.mkstemp(prefix=".vru-", suffix=".tmp", dir=folder)
    try:
        os.chmod(temp, _mode(path))
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def _mode(path: str) -> int:
    """The permissions a written file gets: the old file's, else what the umask allows."""
    try:
        return os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class WriteError(InputError):
    """A file that cannot be written; the message names it and says why."""


def write(path: str, data: bytes) -> None:
    """:func:`write_atomic`, with a failure as a :class:`WriteError` that names the file."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from None


def write_tree(folder: str, documents: dict[str, bytes], source: str) -> None:
    """Write each document at its relative POSIX path under ``folder``, making folders;
    a path that would leave ``folder`` (absolute, or through ``..``) is refused before
    anything is written. ``source`` names where the documents came from, for the message."""
    for relative in documents:
        if relative.startswith("/") or ".." in relative.split("/"):
            raise WriteError(f"{source}: refusing to write outside {folder}: {relative}")
    for relative, data in documents.items():
        target = Path(folder) / relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WriteError(f"cannot make {target.parent}: {exc.strerror or exc}") from None
        write(str(target), data)
