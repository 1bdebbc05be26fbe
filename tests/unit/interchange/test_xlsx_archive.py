"""A workbook is looked at before openpyxl opens it: its size, its parts, what they unpack
to, the rows of each sheet and the text of each cell, read chunk by chunk. (In a fresh
process, with time and memory measured: tests/acceptance/test_security_imports.py.)"""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from workbooks import FORMAT_EXAMPLE, exported, one_sheet, rezipped, sheet_xml, text_cell

from vru_pathways.interchange.xlsx import archive, import_workbook

SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture(scope="module")
def book() -> bytes:
    return exported(FORMAT_EXAMPLE)


def zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive_:
        for name, data in parts.items():
            archive_.writestr(name, data)
    return out.getvalue()


def noise(characters: int) -> str:
    """Text that hardly compresses, so that no part of it looks like a zip bomb."""
    return random.Random(characters).randbytes(characters // 2 + 1).hex()[:characters]


def shared_strings(*texts: str) -> bytes:
    items = "".join(f"<si><t>{t}</t></si>" for t in texts)
    head = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    return f"{head}{items}</sst>".encode()


def rows(count: int) -> bytes:
    return sheet_xml([f'<row r="{n}">{text_cell(f"A{n}", "x")}</row>' for n in range(1, count + 1)])


def test_a_workbook_the_tool_exported_is_opened(book: bytes) -> None:
    assert archive.refusal(book) is None


def test_what_is_no_zip_is_left_for_openpyxl_to_name(book: bytes) -> None:
    assert archive.refusal(b"not a zip") is None
    assert archive.refusal(book[: len(book) // 2]) is None


def test_a_file_over_the_limit_is_refused_by_its_size() -> None:
    refused = archive.refusal(b"PK\x03\x04" + bytes(archive.MAX_BYTES))
    assert refused == "the file is 20.0 MiB, over the 20 MiB a workbook may be"


def test_more_parts_than_a_workbook_has_are_refused(book: bytes) -> None:
    parts = {f"xl/media/image{n}.png": b"" for n in range(archive.MAX_MEMBERS)}
    held = len(zipfile.ZipFile(io.BytesIO(book)).namelist()) + archive.MAX_MEMBERS
    assert archive.refusal(rezipped(book, parts)) == (
        f"it holds {held:,} parts; a workbook has a few dozen"
    )


def test_parts_that_unpack_past_the_limit_are_refused(
    book: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive, "MAX_UNPACKED", 2**20)
    noise = bytes(range(256)) * 4096  # 1 MiB that hardly compresses
    assert archive.refusal(rezipped(book, {"xl/media/a.bin": noise})) == (
        "it would unpack to 1 MiB, over the 1 MiB this tool unpacks"
    )


def test_a_part_that_inflates_like_a_zip_bomb_is_refused(book: bytes) -> None:
    refused = archive.refusal(rezipped(book, {"xl/media/zeros.bin": bytes(8 * 2**20)}))
    assert refused is not None
    assert refused.startswith("its part xl/media/zeros.bin would inflate ")
    assert refused.endswith(" times (a zip bomb?)")


def test_a_small_part_may_compress_well(book: bytes) -> None:
    assert archive.refusal(rezipped(book, {"xl/media/zeros.bin": bytes(2**20)})) is None


@pytest.mark.parametrize("limit", [40_000, 39_999])
def test_rows_are_counted_exactly_across_chunks(
    book: bytes, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    """40,000 rows take some megabytes: the count carries over each chunk's end."""
    monkeypatch.setattr(archive, "MAX_ROWS", limit)
    refused = archive.refusal(rezipped(book, {SHEET: rows(40_000)}))
    if limit == 40_000:
        assert refused is None
    else:
        assert refused == f"its sheet {SHEET} has 40,000 rows, over the 39,999 this tool reads"


def test_a_sheet_of_more_rows_than_the_limit_is_refused(book: bytes) -> None:
    assert archive.refusal(rezipped(book, {SHEET: rows(archive.MAX_ROWS + 1)})) == (
        f"its sheet {SHEET} has 100,001 rows, over the 100,000 this tool reads"
    )


@pytest.mark.parametrize("where", [0, 2**20 - 37, 2**20 + 5])
def test_a_cell_longer_than_excel_allows_is_refused_wherever_it_falls(
    book: bytes, where: int
) -> None:
    """A long text cut by a chunk's end is still measured whole."""
    padding = "<!--" + noise(where) + "-->"
    sheet = sheet_xml([padding + f'<row r="1">{text_cell("A1", noise(40_000))}</row>'])
    assert archive.refusal(rezipped(book, {SHEET: sheet})) == (
        f"a cell in {SHEET} holds more than 32,767 characters, more than Excel allows"
    )


def test_a_shared_string_of_a_mebibyte_is_refused(book: bytes) -> None:
    strings = shared_strings("document", noise(2**20))
    refused = archive.refusal(rezipped(book, {"xl/sharedStrings.xml": strings}))
    assert refused == (
        "a cell in xl/sharedStrings.xml holds more than 32,767 characters, more than Excel allows"
    )


def test_a_cell_is_measured_in_characters_not_bytes(book: bytes) -> None:
    longest = sheet_xml([f'<row r="1">{text_cell("A1", "é" * archive.MAX_CELL)}</row>'])
    assert archive.refusal(rezipped(book, {SHEET: longest})) is None
    over = sheet_xml([f'<row r="1">{text_cell("A1", "é" * (archive.MAX_CELL + 300))}</row>'])
    assert archive.refusal(rezipped(book, {SHEET: over})) is not None


def test_only_the_workbook_xml_is_scanned(book: bytes) -> None:
    """A picture is no sheet: its bytes are neither rows nor cells."""
    assert archive.refusal(rezipped(book, {"xl/media/a.png": b"<row " * 200_000})) is None


@pytest.mark.parametrize("far", ["XFD2000", "H1048576"], ids=["columns", "rows"])
def test_a_cell_addressed_far_away_is_refused(far: str) -> None:
    assert archive.refusal(one_sheet({"A1": "document", far: "x"})) is not None


def test_a_refused_workbook_is_a_located_too_large_finding(book: bytes) -> None:
    documents, [finding] = import_workbook(rezipped(book, {SHEET: rows(100_001)}), "big.xlsx")
    assert documents == {}
    assert (finding.rule, str(finding.location)) == ("too-large", "big.xlsx:1:1")
    assert finding.message.startswith("big.xlsx: not opened: its sheet ")


def central_entry(book: bytes, name: str) -> int:
    """Where the central directory's entry for the part ``name`` starts."""
    at = 0
    while True:
        at = book.index(b"PK\x01\x02", at)
        length = int.from_bytes(book[at + 28 : at + 30], "little")
        if book[at + 46 : at + 46 + length] == name.encode():
            return at
        at += 4


def corrupted(book: bytes, where: str) -> bytes:
    """The workbook with one byte or two of one part spoilt: its local header, its
    compressed bytes, or its central directory entry's version, flags or method."""
    with zipfile.ZipFile(io.BytesIO(book)) as archive_:
        info = archive_.getinfo(SHEET)
    data = bytearray(book)
    entry = central_entry(book, SHEET)
    if where == "local header":
        data[info.header_offset : info.header_offset + 4] = b"XXXX"
    elif where == "compressed bytes":
        start = info.header_offset + 30 + len(info.filename) + 10
        data[start : start + 2] = bytes(b ^ 0xFF for b in data[start : start + 2])
    elif where == "version needed":
        data[entry + 6] = 64
    elif where == "encrypted flag":
        data[entry + 8] |= 1
    else:
        data[entry + 10] = 99  # no such compression method
    return bytes(data)


SPOILT = ["local header", "compressed bytes", "version needed", "encrypted flag", "method"]


@pytest.mark.parametrize("where", SPOILT)
def test_a_spoilt_part_is_a_finding_not_an_exception(book: bytes, where: str) -> None:
    documents, [finding] = import_workbook(corrupted(book, where), "book.xlsx")
    assert documents == {}
    assert finding.severity.label == "error"
