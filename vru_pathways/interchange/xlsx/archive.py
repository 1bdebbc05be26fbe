"""A workbook looked at before it is opened: an ``.xlsx`` is a zip archive, and a small
one can unpack to gigabytes.

Refused, before openpyxl reads a byte: a file over :data:`MAX_BYTES`; more than
:data:`MAX_MEMBERS` parts; parts that would unpack to more than :data:`MAX_UNPACKED` in
all, or that inflate more than :data:`MAX_RATIO` times; a sheet of more than
:data:`MAX_ROWS` rows or :data:`MAX_COLUMNS` columns; a cell of more text than Excel
itself allows (:data:`MAX_CELL`). The parts are read in chunks, so looking costs no
more memory than a chunk.
"""

from __future__ import annotations

import io
import re
import zipfile

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


def refusal(data: bytes) -> str | None:
    """Why the workbook is not opened, or ``None``."""
    if len(data) > MAX_BYTES:
        size = len(data) / 2**20
        return f"the file is {size:.1f} MiB, over the {MAX_BYTES // 2**20} MiB a workbook may be"
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        return None  # not a zip at all: openpyxl says so in its own words
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


def _scan(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[int, int]:
    """The rows of a part and its longest stretch between two ``<``, in characters, read
    chunk by chunk (a tag or a stretch cut by a chunk's end carries on into the next)."""
    rows = longest = pending = 0
    carry = b""
    with archive.open(member) as part:
        while chunk := part.read(_CHUNK):
            data = carry + chunk
            cut = max(len(data) - 8, 0)
            rows += sum(1 for m in _ROW.finditer(data) if m.start() < cut)
            carry = data[cut:]
            pieces = data[:cut].split(b"<")
            pending += len(pieces[0].translate(None, _CONTINUATION))
            for piece in pieces[1:]:
                longest = max(longest, pending)
                pending = len(piece.translate(None, _CONTINUATION))
    pending += len(carry.translate(None, _CONTINUATION))
    return rows + len(_ROW.findall(carry)), max(longest, pending)


def _too_long(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> str | None:
    """Sheets with too many rows, and cells with too much text, counted in one pass over
    each part of the workbook's XML."""
    for m in members:
        if not (m.filename.startswith("xl/") and m.filename.endswith(".xml")):
            continue
        rows, longest = _scan(archive, m)
        if rows > MAX_ROWS:
            return (
                f"its sheet {m.filename} has {rows:,} rows, over the {MAX_ROWS:,} this tool reads"
            )
        if longest > MAX_CELL + 200:
            return (
                f"a cell in {m.filename} holds more than {MAX_CELL:,} characters, more than "
                "Excel allows"
            )
    return None
