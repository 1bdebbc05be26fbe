"""Loaded documents → the bytes of a workbook; the same documents give the same bytes.

IDs in a cell are joined with ", ", free-text lists and ``policy.severity``
(``rule: level``) with line breaks; dates, months and ages are text cells, so nothing is
turned into an Excel date. An empty cell is a key not given; ``[]`` is an empty list where
that differs from none (``scope.harms``). Every time the file holds is
:data:`FIXED_TIME`. The caller writes the bytes.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter
from pydantic import BaseModel

from ...framework import Doc
from ...schema.document import Document
from ..zips import FIXED_TIME, restamped
from .columns import (
    DOCUMENT_COLUMNS,
    DOCUMENTS,
    ENTITY_SHEETS,
    LISTS,
    NUMBERS,
    ROOT_FOLDER,
    SCOPE_AND_POLICY,
    SETTINGS,
    Column,
    Sheet,
)
from .paths import relative, ups

__all__ = ["FIXED_TIME", "export_workbook"]

CellValue = str | int | float | None
_MAX_WIDTH = 60
_LAST_ROW = 1048576
_BOLD = Font(name="Calibri", sz=11, family=2, scheme="minor", bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def export_workbook(docs: list[Doc]) -> bytes:
    """The documents (the root last, as in ``Framework.docs``) as an .xlsx workbook."""
    if not docs:
        raise ValueError("no documents to export")
    _check_rows(docs)
    home = os.path.dirname(docs[-1].path)
    paths = [relative(doc.path, home) for doc in docs]
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    _note_root_folder(book, home, paths)
    _documents_sheet(book.create_sheet(DOCUMENTS), paths, docs)
    _settings_sheet(book.create_sheet(SCOPE_AND_POLICY), paths, docs)
    for sheet in ENTITY_SHEETS:
        _entity_sheet(book.create_sheet(sheet.title), sheet, paths, docs)
    return _save(book)


def _check_rows(docs: list[Doc]) -> None:
    """A sheet that would outgrow a workbook is refused before anything is built."""
    for sheet in ENTITY_SHEETS:
        rows = sum(len(getattr(doc.model, sheet.section)) for doc in docs)
        if rows >= _LAST_ROW:
            raise ValueError(
                f"the {sheet.title} sheet would need {rows:,} rows, and a workbook holds "
                f"{_LAST_ROW - 1:,}: export one model, not a national framework"
            )


def _note_root_folder(book: Workbook, home: str, paths: list[str]) -> None:
    """Keep the names of the folders the paths climb out of (see ``ROOT_FOLDER``)."""
    depth = max(ups(path) for path in paths)
    if depth:
        folders = os.path.abspath(home or os.curdir).replace(os.sep, "/").split("/")[-depth:]
        hint = StringProperty(name=ROOT_FOLDER, value="/".join(folders))
        book.custom_doc_props.append(hint)  # type: ignore[attr-defined]  # not in the stubs


def _documents_sheet(sheet: Worksheet, paths: list[str], docs: list[Doc]) -> None:
    rows: list[list[CellValue]] = [
        [path, *(_cell_value(_field(doc.model, c.path), c) for c in DOCUMENT_COLUMNS)]
        for path, doc in zip(paths, docs, strict=True)
    ]
    headers = ["document", *(c.header for c in DOCUMENT_COLUMNS)]
    _fill(sheet, headers, [None, *DOCUMENT_COLUMNS], rows, "B2")


def _settings_sheet(sheet: Worksheet, paths: list[str], docs: list[Doc]) -> None:
    rows: list[list[CellValue]] = []
    for path, doc in zip(paths, docs, strict=True):
        rows += _settings_rows(doc.model, path, doc is docs[-1])
    _fill(sheet, ["document", "key", "value"], [None, None, None], rows, "C2")


def _entity_sheet(sheet: Worksheet, spec: Sheet, paths: list[str], docs: list[Doc]) -> None:
    rows: list[list[CellValue]] = []
    for path, doc in zip(paths, docs, strict=True):
        for ident, entity in getattr(doc.model, spec.section).items():
            rows.append(
                [path, ident, *(_cell_value(_field(entity, c.path), c) for c in spec.columns)]
            )
    headers = ["document", spec.key, *(c.header for c in spec.columns)]
    _fill(sheet, headers, [None, None, *spec.columns], rows, "C2")


def _field(model: BaseModel | None, path: Sequence[str]) -> Any:
    """The value at ``path`` if the document gave it, else ``None`` (defaults stay unset)."""
    current: Any = model
    for part in path:
        if current is None or part not in current.model_fields_set:
            return None
        current = getattr(current, part)
    return current


def _cell_value(value: Any, column: Column) -> CellValue:
    if value is None:
        return None
    kind = column.kind
    if kind == "some-ids" and isinstance(value, str):
        return value
    if kind in LISTS:
        if not value:
            return "[]" if column.nullable else None
        return ("\n" if kind == "texts" else ", ").join(str(item) for item in value)
    if kind == "map":
        return "\n".join(f"{key}: {level}" for key, level in value.items()) or None
    if kind == "date":
        return str(value.isoformat())
    if kind in NUMBERS:
        return _number(value)
    return str(value)


def _number(value: int | float | Decimal) -> CellValue:
    """A number cell when the spreadsheet holds it exactly (openpyxl writes ``%.16g``,
    through a float), else text, which the import reads back as the same number."""
    if isinstance(value, int):
        return value if abs(value) < 10**15 else str(value)
    if isinstance(value, Decimal):
        if value == value.to_integral_value() and abs(value) < 10**15:
            return int(value)
        exact = Decimal(repr(float(value))) == value
        return _number(float(value)) if exact else str(value)
    return value if float(f"{value:.16g}") == value else repr(value)


def _settings_rows(model: Document, path: str, is_root: bool) -> list[list[CellValue]]:
    """The root lists every key (empty where not given, to fill in); another document only
    what it gives. A bare ``scope`` or ``policy`` row keeps an empty mapping."""
    rows: list[list[CellValue]] = []
    for section in ("scope", "policy"):
        given = getattr(model, section)
        values = [
            (c, _cell_value(_field(given, c.path[1:]), c)) for c in SETTINGS if c.path[0] == section
        ]
        if given is not None and all(v is None for _, v in values):
            rows.append([path, section, None])
        rows += [[path, c.header, v] for c, v in values if v is not None or is_root]
    return rows


def _fill(
    sheet: Worksheet,
    headers: list[str],
    columns: list[Column | None],
    rows: list[list[CellValue]],
    freeze: str,
) -> None:
    """The header row in bold, then the rows; each column as wide as its longest line
    (within limits), text unless it holds numbers, a drop-down where it is a choice."""
    for index, header in enumerate(headers, start=1):
        sheet.cell(1, index, header).font = _BOLD
    widths = [len(h) for h in headers]
    for number, row in enumerate(rows, start=2):
        for index, value in enumerate(row, start=1):
            _write(sheet, number, index, value, columns[index - 1])
            if value is not None:
                longest = max(len(line) for line in str(value).split("\n"))
                widths[index - 1] = max(widths[index - 1], longest)
    for index, column in enumerate(columns, start=1):
        _format_column(sheet, index, column, widths[index - 1])
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"


def _write(sheet: Worksheet, row: int, col: int, value: CellValue, column: Column | None) -> None:
    """One cell: text stays text, even when it starts with "="."""
    try:
        cell = sheet.cell(row, col, value)
    except IllegalCharacterError:
        where = f"{sheet.title}!{get_column_letter(col)}{row}"
        raise ValueError(
            f"{where}: {value!r} holds a control character, which a spreadsheet cannot hold"
        ) from None
    if isinstance(value, str):
        cell.data_type = "s"
        if "\n" in value:
            cell.alignment = _WRAP
    if column is None or column.kind not in NUMBERS:
        cell.number_format = "@"


def _format_column(sheet: Worksheet, index: int, column: Column | None, width: int) -> None:
    letter = get_column_letter(index)
    sheet.column_dimensions[letter].width = min(max(width, 8), _MAX_WIDTH) + 2
    if column is None or column.kind not in NUMBERS:
        sheet.column_dimensions[letter].number_format = "@"
    if column is not None and column.kind == "choice":
        sheet.add_data_validation(_choices(column, letter))


def _choices(column: Column, letter: str) -> DataValidation:
    """A drop-down of the column's choices, down to the sheet's last row; a value off the
    list is warned about, not refused (the import says what is wrong)."""
    allowed = DataValidation(
        type="list",
        formula1=f'"{",".join(column.choices)}"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle=column.header,
        error=f"One of: {', '.join(column.choices)}",
    )
    allowed.add(f"{letter}2:{letter}{_LAST_ROW}")
    return allowed


def _save(book: Workbook) -> bytes:
    book.properties.creator = "vru-pathways"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return restamped(raw.getvalue())
