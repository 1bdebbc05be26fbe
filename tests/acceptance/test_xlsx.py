"""Spreadsheets in the real LibreOffice, and through the command line: a workbook opens as
written, comes back from LibreOffice the same, and imports only inside its folder."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import ROOT, run
from openpyxl import Workbook, load_workbook
from workbooks import FORMAT_EXAMPLE, MODELS, SHEETS, edited, exported, write_out

from vru_pathways.interchange.xlsx import import_workbook
from vru_pathways.loading import load


@pytest.fixture(scope="module")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., None]:
    """Runs ``libreoffice --headless`` with the arguments, in a profile of its own."""
    program = shutil.which("libreoffice") or shutil.which("soffice")
    if program is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is needed in CI (scripts/setup-system --test)", pytrace=False)
        pytest.skip("LibreOffice is not installed (scripts/setup-system --test)")
    profile = tmp_path_factory.mktemp("libreoffice-profile").as_uri()

    def run(*args: str) -> None:
        subprocess.run(
            [program, f"-env:UserInstallation={profile}", "--headless", *args],
            capture_output=True,
            check=True,
            timeout=300,
        )

    return run


def trimmed(rows: list[list[str]]) -> list[list[str]]:
    return [row[: max((i + 1 for i, v in enumerate(row) if v), default=0)] for row in rows]


@pytest.mark.slow
def test_libreoffice_reads_every_sheet_as_written(
    libreoffice: Callable[..., None], tmp_path: Path
) -> None:
    data = exported(MODELS[0])
    (tmp_path / "northbrook.xlsx").write_bytes(data)
    out = tmp_path / "csv"
    # Every sheet to its own CSV (the -1 sheet index: LibreOffice 7.2 or later), as shown.
    libreoffice(
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        str(out),
        str(tmp_path / "northbrook.xlsx"),
    )
    assert sorted(p.name for p in out.iterdir()) == sorted(f"northbrook-{s}.csv" for s in SHEETS)
    book = load_workbook(io.BytesIO(data))
    for name in SHEETS:
        with open(out / f"northbrook-{name}.csv", newline="", encoding="utf-8") as handle:
            shown = list(csv.reader(handle))
        written = [
            ["" if v is None else str(v) for v in row]
            for row in book[name].iter_rows(values_only=True)
        ]
        assert trimmed(shown) == trimmed(written), name
    services = (out / "northbrook-Services.csv").read_text(encoding="utf-8")
    framework = load([str(MODELS[0])]).frameworks[0]
    assert all(ident in services for ident in framework.services)
    assert "Northbrook Youth Collective" in (out / "northbrook-Partners.csv").read_text("utf-8")


@pytest.mark.slow
def test_a_workbook_saved_by_libreoffice_imports_the_same(
    libreoffice: Callable[..., None], tmp_path: Path
) -> None:
    root = MODELS[0]
    (tmp_path / "northbrook.xlsx").write_bytes(exported(root))
    libreoffice(
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        str(tmp_path / "saved"),
        str(tmp_path / "northbrook.xlsx"),
    )
    texts, findings = import_workbook((tmp_path / "saved/northbrook.xlsx").read_bytes(), "nb.xlsx")
    assert findings == []
    again = load([str(write_out(texts, tmp_path / "out", root))])
    assert again.findings == []
    before = load([str(root)]).frameworks[0].docs
    assert [d.model.model_dump() for d in again.frameworks[0].docs] == [
        d.model.model_dump() for d in before
    ]


def test_cli_round_trip_stays_inside_the_output_folder(tmp_path: Path) -> None:
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    model = ROOT / "models" / "northbrook" / "model.yaml"
    assert run(["export", "xlsx", str(model), "-o", "nb.xlsx"], work).code == 0
    assert run(["import", "xlsx", "nb.xlsx", "-o", "out"], work).code == 0
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.yaml"))
    assert written == [
        "a/b/out/frameworks/serious-violence-uk.yaml",
        "a/b/out/frameworks/yef-toolkit.yaml",
        "a/b/out/models/avonvale/region.yaml",
        "a/b/out/models/northbrook/model.yaml",
    ]
    assert run(["gaps", "out/models/northbrook/model.yaml", "--fail-on", "never"], work).code == 0


def test_cli_import_reports_sheet_and_cell_and_exits_2(tmp_path: Path) -> None:
    def edit(book: Workbook) -> None:
        book["Services"]["N2"] = "exclusion"

    (tmp_path / "bad.xlsx").write_bytes(edited(FORMAT_EXAMPLE, edit))
    result = run(["import", "xlsx", "bad.xlsx", "-o", "out"], tmp_path)
    assert result.code == 2
    assert "bad.xlsx#Services!N2" in result.out
    assert "Services!N2: unknown factor 'exclusion'" in result.out
    assert not (tmp_path / "out").exists()
