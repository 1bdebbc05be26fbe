"""Files from other tools, hostile: a workbook that unpacks to gigabytes or holds a sheet of
a million rows is refused before openpyxl opens it, quickly and in little memory; a
directory export too big, too deep or with numbers JSON does not allow is a message and
exit 2; nothing is ever evaluated or followed; nothing ends in a traceback or exit 3."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from attacks import capped
from helpers import run
from openpyxl import Workbook
from workbooks import FORMAT_EXAMPLE, edited, exported, one_sheet, rezipped, sheet_xml, text_cell

from vru_pathways.interchange.xlsx import importer

WORKBOOK_MEMORY = 400 * 2**20
"""Address space for a workbook run: an import takes under 200 MiB."""


@pytest.fixture(scope="module")
def book() -> bytes:
    return exported(FORMAT_EXAMPLE)


def parts(book: bytes) -> int:
    """How many parts a workbook's archive holds."""
    return len(zipfile.ZipFile(io.BytesIO(book)).namelist())


def bomb(book: bytes) -> bytes:
    """A 1.7 MB workbook with a part that inflates to 300 MB."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(book)) as old,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for info in old.infolist():
            new.writestr(info.filename, old.read(info))
        with new.open("xl/media/image1.bin", "w") as part:
            for _ in range(300):
                part.write(bytes(2**20))
        new.writestr("xl/media/image2.bin", os.urandom(1_400_000))
    return out.getvalue()


def rows(count: int) -> bytes:
    return sheet_xml([f'<row r="{n}">{text_cell(f"A{n}", "x")}</row>' for n in range(1, count + 1)])


def shared_string(book: bytes, characters: int) -> bytes:
    text = os.urandom(characters // 2).hex()
    head = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    return rezipped(book, {"xl/sharedStrings.xml": f"{head}<si><t>{text}</t></si></sst>".encode()})


ATTACKS = {
    "a shared string of a mebibyte": (
        lambda b: shared_string(b, 2**20),
        "a cell in xl/sharedStrings.xml holds more than 32,767 characters",
    ),
    "a sheet of 200,000 rows": (
        lambda b: rezipped(b, {"xl/worksheets/sheet1.xml": rows(200_000)}),
        "its sheet xl/worksheets/sheet1.xml has 200,000 rows, over the 100,000",
    ),
    "1.7 MB inflating by 300 MB": (bomb, "it would unpack to 301 MiB, over the 100 MiB"),
    "1,100 parts": (
        lambda b: rezipped(b, {f"xl/media/image{n}.png": b"" for n in range(1100 - parts(b))}),
        "it holds 1,100 parts; a workbook has a few dozen",
    ),
    "21 MiB": (
        lambda b: rezipped(b, {"xl/media/photo.bin": os.urandom(21 * 2**20)}),
        "the file is 21.0 MiB, over the 20 MiB a workbook may be",
    ),
}


@pytest.mark.parametrize("name", list(ATTACKS))
def test_a_hostile_workbook_is_refused_before_openpyxl_opens_it(
    tmp_path: Path, book: bytes, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    make, words = ATTACKS[name]
    (tmp_path / "book.xlsx").write_bytes(make(book))
    opened: list[object] = []
    monkeypatch.setattr(importer, "load_workbook", lambda *a, **k: opened.append(a))
    result = run(["import", "xlsx", "book.xlsx", "-o", "out"], tmp_path)
    assert result.code == 2
    assert "book.xlsx:1:1  error     too-large" in result.out
    assert f"book.xlsx: not opened: {words}" in result.out
    assert opened == []
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
@pytest.mark.parametrize("name", ["a sheet of 200,000 rows", "1.7 MB inflating by 300 MB"])
def test_a_hostile_workbook_is_refused_quickly_in_little_memory(
    tmp_path: Path, book: bytes, name: str
) -> None:
    make, words = ATTACKS[name]
    (tmp_path / "book.xlsx").write_bytes(make(book))
    result = capped(tmp_path, "import", "xlsx", "book.xlsx", "-o", "out", memory=WORKBOOK_MEMORY)
    assert result["code"] == 2
    assert words in result["out"]
    assert result["peak_mb"] < 200


@pytest.mark.slow
def test_a_huge_workbook_is_refused_by_its_size_unread(tmp_path: Path) -> None:
    with open(tmp_path / "book.xlsx", "wb") as handle:
        handle.truncate(1536 * 2**20)
    result = capped(tmp_path, "import", "xlsx", "book.xlsx", "-o", "out", memory=WORKBOOK_MEMORY)
    assert result["code"] == 2
    assert "over the 20 MiB a workbook may be" in result["out"]


@pytest.mark.slow
def test_a_workbook_addressing_a_far_cell_is_refused(tmp_path: Path) -> None:
    cells = {"A1": "document", "B1": "id", "XFD2000": "x"}
    (tmp_path / "book.xlsx").write_bytes(one_sheet(cells))
    result = capped(tmp_path, "import", "xlsx", "book.xlsx", "-o", "out", memory=WORKBOOK_MEMORY)
    assert result["code"] == 2


def test_a_spoilt_workbook_is_a_message(tmp_path: Path, book: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        offset = archive.getinfo("xl/worksheets/sheet1.xml").header_offset
    spoilt = bytearray(book)
    spoilt[offset : offset + 4] = b"XXXX"
    (tmp_path / "book.xlsx").write_bytes(bytes(spoilt))
    result = run(["import", "xlsx", "book.xlsx", "-o", "out"], tmp_path)
    assert result.code == 2, result


CHILD = "import sys\nfrom vru_pathways.cli import main\nsys.exit(main(sys.argv[1:]))"


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [["import", "xlsx", "pipe.xlsx", "-o", "out"], ["import", "oruk", "pipe.json", "-o", "s.yaml"]],
    ids=["xlsx", "oruk"],
)
def test_a_fifo_as_the_source_of_an_import_never_blocks(tmp_path: Path, args: list[str]) -> None:
    os.mkfifo(tmp_path / args[2])
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=4,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the import waited on the FIFO")
    assert done.returncode == 2 and "FIFO" in done.stderr


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_a_device_as_the_source_of_an_oruk_import_is_a_message(tmp_path: Path, device: str) -> None:
    result = run(["import", "oruk", device, "-o", "s.yaml"], tmp_path)
    assert result.code == 2 and result.err.startswith("vru-pathways: ")
    assert not (tmp_path / "s.yaml").exists()


def services_sheet_edit(column: str, value: str) -> Callable[[Workbook], None]:
    def edit(workbook: Workbook) -> None:
        sheet = workbook["Services"]
        header = [c.value for c in sheet[1]]
        sheet.cell(2, header.index(column) + 1).value = value

    return edit


def test_a_formula_is_never_evaluated(tmp_path: Path) -> None:
    """openpyxl saves ``=1+1`` as a formula with no value computed: read for its value,
    the cell is empty, so a required name is missing, at its cell, and never ``2``."""
    data = edited(FORMAT_EXAMPLE, services_sheet_edit("name", "=1+1"))
    (tmp_path / "book.xlsx").write_bytes(data)
    result = run(["import", "xlsx", "book.xlsx", "-o", "out"], tmp_path)
    assert result.code == 2
    assert "book.xlsx#Services!C2:2:3  error     missing-key" in result.out
    assert "'name' is required" in result.out


def test_a_formula_is_read_as_the_value_its_spreadsheet_saved(tmp_path: Path, book: bytes) -> None:
    """A formula ``1+1`` whose saved value says 7: the import takes the 7 the spreadsheet
    wrote, so it computed nothing, and the formula itself is nowhere in the YAML."""
    sheet = "xl/worksheets/sheet14.xml"
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        xml = archive.read(sheet).decode()
    cell = '<c r="T2" t="str"><f>1+1</f><v>seven, not two</v></c>'
    changed, found = re.subn(r'<c r="T2"[^>]*?(/>|>.*?</c>)', cell, xml, count=1)
    assert found == 1, "the Services sheet's description cell"
    (tmp_path / "book.xlsx").write_bytes(rezipped(book, {sheet: changed.encode()}))
    result = run(["import", "xlsx", "book.xlsx", "-o", "out"], tmp_path)
    assert result.code == 0, result.out
    text = "".join(p.read_text() for p in (tmp_path / "out").rglob("*.yaml"))
    assert "description: seven, not two" in text
    assert "1+1" not in text


def test_an_external_link_is_not_followed_or_kept(tmp_path: Path, book: bytes) -> None:
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
        types = archive.read("[Content_Types].xml").decode()
    workbook = workbook.replace(
        "</sheets>",
        f'</sheets><externalReferences><externalReference xmlns:r="{ns}" r:id="rIdX"/>'
        "</externalReferences>",
    )
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdX" Type="{ns}/externalLink" '
        'Target="externalLinks/externalLink1.xml"/></Relationships>',
    )
    types = types.replace(
        "</Types>",
        '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
    )
    link = (
        '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'xmlns:r="{ns}"><externalBook r:id="rId1"/></externalLink>'
    )
    link_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{ns}/externalLinkPath" '
        'Target="file:///etc/passwd-LINKED" TargetMode="External"/></Relationships>'
    )
    data = rezipped(
        book,
        {
            "xl/workbook.xml": workbook.encode(),
            "xl/_rels/workbook.xml.rels": rels.encode(),
            "[Content_Types].xml": types.encode(),
            "xl/externalLinks/externalLink1.xml": link.encode(),
            "xl/externalLinks/_rels/externalLink1.xml.rels": link_rels.encode(),
        },
    )
    (tmp_path / "book.xlsx").write_bytes(data)
    result = run(["import", "xlsx", "book.xlsx", "-o", "out"], tmp_path)
    assert result.code == 0, result.out + result.err
    written = "".join(p.read_text() for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert "passwd" not in written and "LINKED" not in written + result.out + result.err


# --- directory exports ----------------------------------------------------------------


def export(folder: Path, text: str) -> str:
    (folder / "directory.json").write_text(text, encoding="utf-8")
    return "directory.json"


def service(**fields: object) -> dict[str, object]:
    return {"id": "1", "name": "Youth club", "status": "active", **fields}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested more than 100 levels deep"),
        ('{"services": [' + '{"a": ' * 100_000 + "1" + "}" * 100_000 + "]}", "nested more than"),
        ('[{"id": "1", "name": "a", "minimum_age": NaN}]', "NaN is not a JSON number"),
        ('[{"id": "1", "name": "a", "maximum_age": Infinity}]', "Infinity is not a JSON number"),
        ('[{"id": "1", "name": "a", "minimum_age": ' + "9" * 5000 + "}]", "Exceeds the limit"),
        ('{"services": 3}', "not an HSDS export"),
        ("42", "not an HSDS export: expected a JSON object or list, found int"),
    ],
    ids=["arrays", "objects", "NaN", "Infinity", "5,000 digits", "services not a list", "a number"],
)
def test_a_hostile_directory_export_is_a_message(tmp_path: Path, text: str, words: str) -> None:
    result = run(["import", "oruk", export(tmp_path, text), "-o", "s.yaml"], tmp_path)
    assert result.code == 2, result
    assert words in result.err
    assert result.err.count("\n") == 1 and result.err.startswith("vru-pathways: ")
    assert not (tmp_path / "s.yaml").exists()


@pytest.mark.slow
def test_a_directory_export_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    with open(tmp_path / "directory.json", "wb") as handle:  # sparse: no disk, 2 GiB if read
        handle.truncate(2048 * 2**20)
    result = capped(tmp_path, "import", "oruk", "directory.json", "-o", "s.yaml")
    assert result["code"] == 2
    assert "directory.json is 2048.0 MiB, over the 50 MiB this tool reads" in result["err"]
    assert result["peak_mb"] < 200


def test_an_age_of_1e400_is_left_out_with_a_warning(tmp_path: Path) -> None:
    text = json.dumps([service(minimum_age="1e400")]).replace('"1e400"', "1e400")
    result = run(["import", "oruk", export(tmp_path, text), "-o", "s.yaml"], tmp_path)
    assert result.code == 0, result.err
    assert "ages left out: minimum_age inf is not a whole number of years" in result.err
    assert "ages:" not in (tmp_path / "s.yaml").read_text()


@pytest.mark.parametrize("field", ["minimum_age", "maximum_age"])
def test_an_age_that_is_a_huge_whole_number_is_left_out(tmp_path: Path, field: str) -> None:
    text = json.dumps([service(**{field: 0})]).replace(f'"{field}": 0', f'"{field}": 1{"0" * 400}')
    result = run(["import", "oruk", export(tmp_path, text), "-o", "s.yaml"], tmp_path)
    assert result.code == 0, result.err
    assert "ages left out" in result.err


@pytest.mark.parametrize(
    "value",
    [
        "1e400",
        '"1e400"',
        '"9' + "9" * 4999 + '"',
        "-1",
        "2.5",
        "true",
        '"ten"',
        "[]",
        "{}",
        "1e308",
    ],
)
def test_any_age_is_a_warning_or_an_age(tmp_path: Path, value: str) -> None:
    text = json.dumps([service(maximum_age=0)]).replace(
        '"maximum_age": 0', f'"maximum_age": {value}'
    )
    result = run(["import", "oruk", export(tmp_path, text), "-o", "s.yaml"], tmp_path)
    assert result.code == 0, result.err
    assert "internal error" not in result.err


@pytest.mark.slow
def test_services_of_one_name_take_linear_time(tmp_path: Path) -> None:
    """20,000 services all called the same: IDs made one after another, each checked
    once (quadratic, 20,000 took minutes)."""
    timings = {}
    for count in (5_000, 20_000):
        folder = tmp_path / str(count)
        folder.mkdir()
        services = [service(id=str(n)) for n in range(count)]
        export(folder, json.dumps(services))
        result = capped(folder, "import", "oruk", "directory.json", "-o", "s.yaml")
        assert result["code"] == 0, result["err"][-500:]
        timings[count] = result["seconds"]
        ids = re.findall(r"^  (youth-club(?:-\d+)?):", (folder / "s.yaml").read_text(), re.M)
        assert len(ids) == len(set(ids)) == count
    assert "youth-club-20000" in ids
    assert timings[20_000] < 8 * max(timings[5_000], 0.05), timings
