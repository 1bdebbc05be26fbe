"""Where documents come from: files on disk, or texts held in memory.

The loader asks a :class:`Files` for a document by the name a ``uses`` entry gives it,
relative to the document that names it, and shows it to the user by the source's own
spelling. Reading is refused before it starts for a file over :data:`MAX_BYTES`; text that
is not UTF-8 is refused with the line and column of its first bad byte.
"""

from __future__ import annotations

import os
import posixpath
import stat
from collections.abc import Mapping
from typing import Protocol

from ..diagnostics import Finding, InputError, Location, Severity
from ..rulebook import Rule
from .yaml_errors import line_col

MAX_BYTES = 50 * 1024 * 1024
"""Files larger than this are refused unread. A national framework of 100,000 services
is about 30 MiB; loading takes about 70 times the file's size in memory."""

_UTF16_32 = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
"""Byte-order marks of encodings that are not UTF-8, longest first."""


def display_path(path: str) -> str:
    """A path as the user should read it: relative to the working folder, with ``/``
    (as given, when there is no working folder any more)."""
    try:
        rel = os.path.relpath(path) if path else '""'
    except (OSError, ValueError):  # the working folder was deleted during the run
        rel = path
    return (path if rel.startswith("..") and os.path.isabs(path) else rel).replace(os.sep, "/")


MAX_NAMES = 1000
"""Names of a folder compared, at most, with a file name that names no file."""

FILE = "a file"
MISSING = "missing"


class Files(Protocol):
    """A place documents are read from, named by keys the source chooses.

    Every document a framework reads lies inside a *boundary* fixed by its root document
    (on disk: the root folder); a ``uses`` entry that leads outside it is refused before
    anything is opened.
    """

    def start(self, name: str) -> tuple[str, str]:
        """The key of a document named on the command line, and its boundary."""

    def used(self, by: str, name: str) -> str:
        """The key of the document that a ``uses`` entry ``name`` of ``by`` names."""

    def inside(self, key: str, boundary: str) -> bool: ...

    def kind(self, key: str) -> str:
        """:data:`FILE`, :data:`MISSING`, or what else is there ("a folder", "a FIFO")."""

    def show(self, key: str) -> str:
        """The key as the user should read it."""

    def size(self, key: str) -> int:
        """The document's size in bytes, read from its metadata before any of it is."""

    def names(self, folder: str) -> list[str]:
        """The names in the folder of key ``folder`` (none if it is no folder), so that a
        ``uses`` entry naming no file can be told what it most likely meant."""

    def read(self, key: str, limit: int) -> bytes:
        """At most ``limit + 1`` bytes of the document (one more shows it is too long);
        :class:`OSError`, its ``strerror`` saying why, when it cannot be read."""


_KINDS = (
    (stat.S_ISREG, FILE),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(mode: int) -> str:
    """What a file of this mode is, in words.

    >>> kind_of(stat.S_IFIFO)
    'a FIFO (named pipe)'
    """
    return next((word for test, word in _KINDS if test(mode)), "not a regular file")


def work_tree(folder: str) -> str | None:
    """The git work tree holding ``folder`` (the nearest folder up with a ``.git``)."""
    here = os.path.abspath(folder)
    while True:
        if os.path.exists(os.path.join(here, ".git")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


class DiskFiles:
    """Documents on disk, keyed by their real path (symbolic links resolved).

    The boundary is ``root`` when given (``--root DIR``), else the git work tree of the
    document named, else the current folder; it too is a real path, so a link that
    leads out of it is outside.
    """

    def __init__(self, root: str | None = None) -> None:
        self.fixed = os.path.realpath(root) if root else None

    def start(self, name: str) -> tuple[str, str]:
        if not name:
            raise InputError('an empty path ("") names no model: is a variable unset?')
        try:
            boundary = self.fixed or work_tree(os.path.dirname(os.path.abspath(name))) or "."
            return os.path.realpath(name), os.path.realpath(boundary)
        except FileNotFoundError:  # os.getcwd: the working folder is gone
            raise InputError(
                f"cannot read {name}: the working folder no longer exists (it was deleted or moved)"
            ) from None

    def used(self, by: str, name: str) -> str:
        return os.path.realpath(os.path.join(os.path.dirname(by), name))

    def inside(self, key: str, boundary: str) -> bool:
        return os.path.commonpath([key, boundary]) == boundary

    def kind(self, key: str) -> str:
        try:
            return kind_of(os.stat(key).st_mode)
        except (OSError, ValueError):
            return MISSING

    def show(self, key: str) -> str:
        return display_path(key)

    def size(self, key: str) -> int:
        return os.stat(key).st_size

    def names(self, folder: str) -> list[str]:
        try:
            return sorted(os.listdir(folder))[:MAX_NAMES]
        except (OSError, ValueError):
            return []

    def read(self, key: str, limit: int) -> bytes:
        """The file's bytes, opened without following a link or waiting on a pipe; a file
        that is no regular file once open (it was swapped) is refused by what it is."""
        handle = os.open(key, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_NOCTTY)
        try:
            mode = os.fstat(handle).st_mode
            if not stat.S_ISREG(mode):
                raise OSError(0, f"it is {kind_of(mode)}, not a file")
            chunks: list[bytes] = []
            got = 0
            while got <= limit and (chunk := os.read(handle, limit + 1 - got)):
                chunks.append(chunk)
                got += len(chunk)
            return b"".join(chunks)
        finally:
            os.close(handle)


class MemoryFiles:
    """Documents held as text, keyed by a POSIX path relative to ``home``, a folder path
    that stands in for where the documents were (``models/north``), so that a ``uses``
    entry that climbs out of it and back in (``../north/x.yaml``) finds its document.
    A ``uses`` entry is joined to the folder of the document that names it, as on disk;
    documents are shown by their path relative to ``home``. There is no boundary: a
    document not held is missing."""

    def __init__(self, texts: Mapping[str, str], home: str = "") -> None:
        self.home = posixpath.normpath(posixpath.join("/", home))
        self.texts = {self._key(k): v for k, v in texts.items()}
        self.folders = {posixpath.dirname(k) for k in self.texts}

    def _key(self, name: str) -> str:
        return posixpath.normpath(posixpath.join(self.home, name))

    def start(self, name: str) -> tuple[str, str]:
        return self._key(name), "/"

    def used(self, by: str, name: str) -> str:
        return posixpath.normpath(posixpath.join(posixpath.dirname(by), name))

    def inside(self, key: str, boundary: str) -> bool:
        return True

    def kind(self, key: str) -> str:
        return FILE if key in self.texts else "a folder" if key in self.folders else MISSING

    def show(self, key: str) -> str:
        return posixpath.relpath(posixpath.join(self.home, key), self.home)

    def size(self, key: str) -> int:
        return len(self.texts[key].encode("utf-8"))

    def names(self, folder: str) -> list[str]:
        return sorted(posixpath.basename(k) for k in self.texts if posixpath.dirname(k) == folder)

    def read(self, key: str, limit: int) -> bytes:
        return self.texts[key].encode("utf-8")[: limit + 1]


def too_large(shown: str, size: int) -> Finding:
    measured = f" ({size / 2**20:.1f} MiB)" if size > MAX_BYTES else ""
    message = (
        f"the file is over {MAX_BYTES // 2**20} MiB{measured}, the most this tool "
        "reads: split it into documents that 'uses' each other"
    )
    return Finding(Location(shown), Rule.TOO_LARGE, message, Severity.ERROR)


def decode(data: bytes, shown: str) -> tuple[str | None, list[Finding]]:
    """The text of a document (a UTF-8 byte-order mark dropped), or why it is not UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        mark = next((bom for bom in _UTF16_32 if data.startswith(bom)), None)
        if mark is not None:
            message = (
                f"the file is {_UTF16_32[mark]} text (it starts with a {_UTF16_32[mark]} "
                "byte-order mark); save it as UTF-8 (most editors: 'Save with encoding')"
            )
            return None, [Finding(Location(shown), Rule.ENCODING, message, Severity.ERROR)]
        before = data[: exc.start].decode("utf-8").removeprefix("\ufeff")
        line, col = line_col(before, len(before))
        byte = data[exc.start]
        seen = bytes([byte]).decode("cp1252", "ignore")
        guess = f" ('{seen}' in Windows-1252 or Latin-1?)" if seen.isprintable() and seen else ""
        message = (
            f"byte 0x{byte:02x} is not UTF-8 text{guess}; save the file as UTF-8 "
            "(most editors: 'Save with encoding')"
        )
        return None, [Finding(Location(shown, line, col), Rule.ENCODING, message, Severity.ERROR)]
    return text.removeprefix("\ufeff"), []


def read_input(path: str, limit: int) -> tuple[bytes, int]:
    """At most ``limit + 1`` bytes of a file from another tool (a workbook, a directory
    export), and the file's size, so that a file over the limit is never read whole. A
    FIFO, device or folder is refused by what it is, without waiting on it; a file that
    cannot be read is an :class:`~vru_pathways.diagnostics.InputError`."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read {display_path(path)}: {_reason(exc)}") from None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise InputError(
                f"cannot read {display_path(path)}: it is {kind_of(status.st_mode)}, not a file"
            )
        chunks: list[bytes] = []
        got = 0
        while got <= limit and (chunk := os.read(handle, min(limit + 1 - got, 2**24))):
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks), status.st_size
    except OSError as exc:
        raise InputError(f"cannot read {display_path(path)}: {_reason(exc)}") from None
    finally:
        os.close(handle)


def _reason(exc: Exception) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
