"""Workbooks for the spreadsheet tests: the models they carry, a model exported, a workbook
edited as a person would, imported documents written back out, and hostile archives
built part by part."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

from helpers import ROOT
from openpyxl import Workbook, load_workbook

from vru_pathways.interchange.xlsx import ENTITY_SHEETS, export_workbook
from vru_pathways.loading import load

MODELS = [ROOT / "models" / name / "model.yaml" for name in ("northbrook", "southmere", "eastwick")]
FORMAT_EXAMPLE = ROOT / "tests/cases/valid/format-example/models/example-area/model.yaml"
SHEETS = ["Documents", "Scope and policy", *(s.title for s in ENTITY_SHEETS)]


def exported(root: Path) -> bytes:
    loaded = load([str(root)])
    assert loaded.ok, [f.line() for f in loaded.findings]
    return export_workbook(loaded.frameworks[0].docs)


def write_out(texts: dict[str, str], folder: Path, original: Path) -> Path:
    """The imported documents written under ``folder``, the root in a folder named like the
    original root's (and its parents, as far up as a path climbs); returns the root."""
    depth = max(p.split("/").count("..") for p in texts)
    home = folder.joinpath(*original.parent.parts[len(original.parent.parts) - depth :])
    for rel, text in texts.items():
        path = Path(os.path.normpath(home / rel))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Path(os.path.normpath(home / list(texts)[-1]))


def edited(root: Path, edit: Callable[[Workbook], None]) -> bytes:
    book = load_workbook(io.BytesIO(exported(root)))
    edit(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rezipped(data: bytes, parts: dict[str, bytes]) -> bytes:
    """The workbook ``data`` with ``parts`` (path in the archive → bytes) replaced or
    added, every other part as it was."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as old,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for info in old.infolist():
            if info.filename not in parts:
                new.writestr(info.filename, old.read(info))
        for name, part in parts.items():
            new.writestr(name, part)
    return out.getvalue()


def sheet_xml(rows: list[str]) -> bytes:
    """A worksheet part whose ``sheetData`` holds these ``<row>`` elements."""
    head = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    return f"{head}<sheetData>{''.join(rows)}</sheetData></worksheet>".encode()


def text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def one_sheet(cells: dict[str, object], title: str = "Documents") -> bytes:
    """A workbook of one sheet saved by openpyxl as a spreadsheet program would (text in
    shared strings), holding ``cells`` (``"A1"`` → value)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for ref, value in cells.items():
        sheet[ref] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
