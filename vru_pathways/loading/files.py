"""Where documents come from: files on disk, or texts held in memory.

The loader asks a :class:`Files` for a document by the name a ``uses`` entry gives it,
relative to the document that names it, and shows it to the user by the source's own
spelling. Reading is refused before it starts for a file over :data:`MAX_BYTES`; text that
is not UTF-8 is refused with the line and column of its first bad byte.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping
from typing import Protocol

from ..diagnostics import Finding, InputError, Location, Severity
from ..rulebook import Rule
from .yaml_source import line_col

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
    """A path as the user should read it: relative to the working folder, with ``/``."""
    rel = os.path.relpath(path)
    return (path if rel.startswith("..") and os.path.isabs(path) else rel).replace(os.sep, "/")


class Files(Protocol):
    """A place documents are read from, named by keys the source chooses."""

    def root(self, name: str) -> str:
        """The key of a document named on the command line (or by the caller)."""

    def used(self, by: str, name: str) -> str:
        """The key of the document that a ``uses`` entry ``name`` of ``by`` names."""

    def is_file(self, key: str) -> bool: ...

    def exists(self, key: str) -> bool: ...

    def show(self, key: str) -> str:
        """The key as the user should read it."""

    def read(self, key: str) -> tuple[bytes | None, list[Finding]]:
        """The bytes of a document, or the findings that say why it cannot be read."""


class DiskFiles:
    """Documents on disk, keyed by their real path (symbolic links resolved)."""

    def root(self, name: str) -> str:
        return os.path.realpath(name)

    def used(self, by: str, name: str) -> str:
        return os.path.realpath(os.path.join(os.path.dirname(by), name))

    def is_file(self, key: str) -> bool:
        return os.path.isfile(key)

    def exists(self, key: str) -> bool:
        return os.path.exists(key)

    def show(self, key: str) -> str:
        return display_path(key)

    def read(self, key: str) -> tuple[bytes | None, list[Finding]]:
        shown = self.show(key)
        try:
            with open(key, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                data = handle.read(MAX_BYTES + 1) if size <= MAX_BYTES else b""
        except OSError as exc:
            reason = exc.strerror or str(exc)
            message = f"cannot read {shown}: {reason}"
            return None, [Finding(Location(shown), Rule.MISSING_FILE, message, Severity.ERROR)]
        if size > MAX_BYTES or len(data) > MAX_BYTES:
            return None, [_too_large(shown, size)]
        return data, []


class MemoryFiles:
    """Documents held as text, keyed by a POSIX path relative to ``home``, a folder path
    that stands in for where the documents were (``models/north``), so that a ``uses``
    entry that climbs out of it and back in (``../north/x.yaml``) finds its document.
    A ``uses`` entry is joined to the folder of the document that names it, as on disk;
    documents are shown by their path relative to ``home``."""

    def __init__(self, texts: Mapping[str, str], home: str = "") -> None:
        self.home = posixpath.normpath(posixpath.join("/", home))
        self.texts = {self.root(k): v for k, v in texts.items()}
        self.folders = {posixpath.dirname(k) for k in self.texts}

    def root(self, name: str) -> str:
        return posixpath.normpath(posixpath.join(self.home, name))

    def used(self, by: str, name: str) -> str:
        return posixpath.normpath(posixpath.join(posixpath.dirname(by), name))

    def is_file(self, key: str) -> bool:
        return key in self.texts

    def exists(self, key: str) -> bool:
        return key in self.texts or key in self.folders

    def show(self, key: str) -> str:
        return posixpath.relpath(posixpath.join(self.home, key), self.home)

    def read(self, key: str) -> tuple[bytes | None, list[Finding]]:
        data = self.texts[key].encode("utf-8")
        if len(data) > MAX_BYTES:
            return None, [_too_large(self.show(key), len(data))]
        return data, []


def _too_large(shown: str, size: int) -> Finding:
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


def read_input(path: str, what: str) -> bytes:
    """The bytes of a file from another tool (a workbook, a directory export); a file
    that cannot be read is an :class:`~vru_pathways.diagnostics.InputError`."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
