"""A workbook looked at before it is opened: an ``.xlsx`` is a zip archive, and a small
one can unpack to gigabytes.

Refused, before openpyxl reads a byte: a file over :data:`MAX_BYTES`; more than
:data:`MAX_MEMBERS` parts; parts that would unpack to more than :data:`MAX_UNPACKED` in
all, or that inflate more than :data:`MAX_RATIO` times; a sheet of more than
:data:`MAX_ROWS` rows or :data:`MAX_COLUMNS` columns; a cell of more text than Excel
itself allows (:data:`MAX_CELL`). Rows and columns count as far as any cell, row or
sheet dimension addresses, since a spreadsheet reader sizes a sheet by those. The parts
are read in chunks, so looking costs no more memory than a chunk; a part that cannot be
read is :class:`Damaged`.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

MAX_BYTES = 20 * 2**20
MAX_MEMBERS = 1000
MAX_UNPACKED = 100 * 2**20
MAX_RATIO = 100
MAX_ROWS = 100_000
MAX_COLUMNS = 200
MAX_CELL = 32_767
"""Characters in one cell: Excel's own limit."""

_CHUNK = 2**20
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_CELL = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})([0-9]{1,9})"')
_ROW_NUMBER = re.compile(rb'<(?:\w+:)?row\s[^>]*?\br="([0-9]{1,9})"')
_DIMENSION = re.compile(
    rb'<(?:\w+:)?dimension\s[^>]*?\bref="[A-Z]*[0-9]*:?([A-Z]{1,3})([0-9]{1,9})"'
)
_TAIL = 256
"""Bytes kept from one chunk to the next, so that no tag is cut in two unseen."""


class Damaged(Exception):
    """A part of the archive cannot be read: the file is damaged, or not a workbook."""


def _column(letters: bytes) -> int:
    """``A`` → 1, ``XFD`` → 16,384."""
    n = 0
    for b in letters:
        n = n * 26 + b - 64
    return n


def refusal(data: bytes, size: int | None = None) -> str | None:
    """Why the workbook is not opened, or ``None``; :class:`Damaged` when a part of it
    cannot be read. ``size`` is the file's, when only its first bytes were read."""
    size = max(len(data), size or 0)
    if size > MAX_BYTES:
        mib = size / 2**20
        return f"the file is {mib:.1f} MiB, over the {MAX_BYTES // 2**20} MiB a workbook may be"
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        return None  # not a zip at all: openpyxl says so in its own words
    except NotImplementedError as exc:
        raise Damaged(f"its archive cannot be read ({exc})") from None
    with archive:
        members = archive.infolist()
        return _too_many(members) or _too_big(members) or _too_long(archive, members)


def _too_many(members: list[zipfile.ZipInfo]) -> str | None:
    if len(members) > MAX_MEMBERS:
        return f"it holds {len(members):,} parts; a workbook has a few dozen"
    return None


def _too_big(members: list[zipfile.ZipInfo]) -> str | None:
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED:
        return (
            f"it would unpack to {total / 2**20:,.0f} MiB, over the "
            f"{MAX_UNPACKED // 2**20} MiB this tool unpacks"
        )
    for m in members:
        if m.file_size > _CHUNK and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            return (
                f"its part {m.filename} would inflate {m.file_size // max(m.compress_size, 1):,} "
                "times (a zip bomb?)"
            )
    return None


_CONTINUATION = bytes(range(0x80, 0xC0))
"""UTF-8 continuation bytes: dropping them leaves one byte per character."""


class _Extent:
    """How far a sheet reaches: its ``<row>`` tags, and the furthest row and column any
    cell, row or dimension addresses (a spreadsheet program sizes a sheet by those)."""

    def __init__(self) -> None:
        self.rows = self.last_row = self.last_column = 0

    def add(self, data: bytes, cut: int) -> None:
        """Count what starts before ``cut`` (the rest is seen again with the next chunk)."""
        self.rows += sum(1 for m in _ROW.finditer(data) if m.start() < cut)
        for m in _CELL.finditer(data):
            if m.start() < cut:
                self._reach(int(m.group(2)), _column(m.group(1)))
        for m in _DIMENSION.finditer(data):
            if m.start() < cut:
                self._reach(int(m.group(2)), _column(m.group(1)))
        for m in _ROW_NUMBER.finditer(data):
            if m.start() < cut:
                self._reach(int(m.group(1)), 0)

    def _reach(self, row: int, column: int) -> None:
        self.last_row = max(self.last_row, row)
        self.last_column = max(self.last_column, column)


def _scan(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[_Extent, int]:
    """How far a part reaches and its longest stretch between two ``<``, in characters,
    read chunk by chunk (a tag or a stretch cut by a chunk's end carries on into the
    next)."""
    extent = _Extent()
    longest = pending = 0
    carry = b""
    try:
        with archive.open(member) as part:
            while chunk := part.read(_CHUNK):
                data = carry + chunk
                cut = max(len(data) - _TAIL, 0)
                extent.add(data, cut)
                carry = data[cut:]
                pieces = data[:cut].split(b"<")
                pending += len(pieces[0].translate(None, _CONTINUATION))
                for piece in pieces[1:]:
                    longest = max(longest, pending)
                    pending = len(piece.translate(None, _CONTINUATION))
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError) as exc:
        raise Damaged(f"its part {member.filename} cannot be read ({exc})") from None
    extent.add(carry, len(carry))
    pending += len(carry.translate(None, _CONTINUATION))
    return extent, max(longest, pending)


def _too_long(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> str | None:
    """Sheets with too many rows, and cells with too much text, counted in one pass over
    each part of the workbook's XML."""
    for m in members:
        if not (m.filename.startswith("xl/") and m.filename.endswith(".xml")):
            continue
        extent, longest = _scan(archive, m)
        rows = max(extent.rows, extent.last_row)
        if rows > MAX_ROWS:
            return (
                f"its sheet {m.filename} has {rows:,} rows, over the {MAX_ROWS:,} this tool reads"
            )
        if extent.last_column > MAX_COLUMNS:
            return (
                f"its sheet {m.filename} reaches column {extent.last_column:,}, past the "
                f"{MAX_COLUMNS:,} this tool reads"
            )
        if longest > MAX_CELL + 200:
            return (
                f"a cell in {m.filename} holds more than {MAX_CELL:,} characters, more than "
                "Excel allows"
            )
    return None
