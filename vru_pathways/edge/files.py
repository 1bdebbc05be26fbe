"""Writing files, atomically, and never over what must not be replaced.

A write goes to a temporary file beside the target and is renamed over it, so a failed
or interrupted run leaves any previous file whole. Before that, the target is refused
(exit 2) when it is one of the command's own inputs, a symbolic link, or anything but a
regular file: a device, a FIFO, a folder.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Collection
from pathlib import Path

from ..diagnostics import InputError


class WriteError(InputError):
    """A file that cannot or must not be written; the message names it and says why."""


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


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def refusal(path: str, inputs: Collection[str] = ()) -> str | None:
    """Why ``path`` must not be written, or ``None``; ``inputs`` are the real paths of the
    files the command read."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot write {path}: {exc.strerror or exc}"
    if stat.S_ISLNK(info.st_mode):
        return (
            f"refusing to write {path}: it is a symbolic link, which a write would replace; "
            "write to the file it points at, or remove the link"
        )
    kind = next((word for test, word in _KINDS if test(info.st_mode)), None)
    if kind is not None:
        return f"refusing to write {path}: it is {kind}, not a file"
    if os.path.realpath(path) in inputs:
        return (
            f"refusing to write {path}: it is one of this command's inputs; write the "
            "output to another file"
        )
    return None


def _linked_folder(folder: str, relative: str) -> str | None:
    """The first folder between ``folder`` and ``relative``'s file that is a symbolic
    link, or ``None``."""
    here = Path(folder)
    for part in relative.split("/")[:-1]:
        here = here / part
        if here.is_symlink():
            return str(here)
    return None


def write(path: str, data: bytes, inputs: Collection[str] = (), *, replace: bool = True) -> bool:
    """:func:`write_atomic`, unless :func:`refusal` objects, or the file exists and
    ``replace`` is false; a failure is a :class:`WriteError` that names the file. Says
    whether a file was replaced."""
    refused = refusal(path, inputs)
    if refused is not None:
        raise WriteError(refused)
    existed = os.path.lexists(path)
    if existed and not replace:
        raise WriteError(
            f"refusing to replace {path}: give --force to replace it, or write another file"
        )
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from None
    return existed


def write_tree(
    folder: str,
    documents: dict[str, bytes],
    source: str,
    *,
    force: bool = False,
    inputs: Collection[str] = (),
) -> list[str]:
    """Write each document at its relative POSIX path under ``folder``, making folders,
    and return the paths of the files it replaced. A path that would leave ``folder``
    (absolute, through ``..``, or through a folder under it that is a symbolic link), a
    target :func:`refusal` objects to, or an existing file without ``force``, is refused
    before anything is written. ``source`` names where the documents came from."""
    targets = {}
    for relative in documents:
        if relative.startswith("/") or ".." in relative.split("/"):
            raise WriteError(f"{source}: refusing to write outside {folder}: {relative}")
        targets[relative] = str(Path(folder) / relative)
        linked = _linked_folder(folder, relative)
        if linked is not None:
            raise WriteError(
                f"refusing to write {targets[relative]}: {linked} is a symbolic link, which "
                f"would put it outside {folder}; remove the link or write into another folder"
            )
        refused = refusal(targets[relative], inputs)
        if refused is not None:
            raise WriteError(refused)
    existing = [t for t in targets.values() if os.path.lexists(t)]
    if existing and not force:
        raise WriteError(
            f"refusing to replace {len(existing)} existing file(s) ({', '.join(existing)}): "
            "give --force to replace them, or write into another folder"
        )
    for relative, data in documents.items():
        target = Path(targets[relative])
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WriteError(f"cannot make {target.parent}: {exc.strerror or exc}") from None
        write(str(target), data, inputs)
    return existing
