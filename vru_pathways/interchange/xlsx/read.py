"""Loaded documents ⇄ an .xlsx workbook, for the people who keep their plan in a spreadsheet.

The workbook has a "Documents" sheet (one row per document: its path relative to the root
document's folder, ``id``, ``title``, ``description``, ``uses``, ``format``), a "Scope and
policy" sheet (``document``, ``key``, ``value`` rows such as ``scope.ages``) and one sheet
per section ("Sources" … "Services"). An entity sheet's columns are ``document``, the ID
(``factor`` on "Needs"), then every field of the entity in the model's order, a nested
mapping flattened to ``evidence.impact`` and so on. IDs in a cell are joined with ", ",
free-text lists and ``policy.severity`` (``rule: level``) with line breaks; dates, months
and ages are text cells, so nothing is turned into an Excel date. An empty cell is a key
not given; ``[]`` is an empty list where that differs from none (``scope.harms``).

Importing builds the YAML text of each document, remembering which sheet and cell every
line came from, then checks the documents with the project's own loader in a temporary
folder (the roots: the documents no other one uses) and points each finding at the cell
its value came from
(``Services!N2: unknown factor 'exclusion' — did you mean 'school-exclusion'?``).
Problems only a spreadsheet can have (an unknown sheet or column, a row naming no
document, an ID twice in one sheet) are found before that, and located the same way.

Pure apart from its two edges: :func:`export_workbook` returns the bytes (the caller
writes them) and :func:`import_workbook` takes bytes and returns YAML text; only the check
writes, to a temporary folder it removes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import posixpath
import re
import types
import typing
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter
from pydantic import BaseModel

from ...diagnostics import Finding, Location, Severity, suggest
from ...framework import Doc
from ...loading import load_texts
from ...rulebook import Rule
from ...schema.document import SECTIONS, Document, Policy, Scope
from ...schema.types import Ages, Date, Id, Month
from ..yaml_text import block, key, scalar

__all__ = ["DOCUMENTS", "SCOPE_AND_POLICY", "export_workbook", "import_workbook"]

DOCUMENTS = "Documents"
ROOT_FOLDER = "vru-pathways root folder"
"""A custom document property: the names of the root document's folder and of its parents,
as far up as a document's path goes (``models/northbrook`` for ``../../frameworks/…``). A
``uses`` path that climbs out and back down by name (``../northbrook/x.yaml``) resolves
only with them; without them, the check uses made-up names."""
SCOPE_AND_POLICY = "Scope and policy"
FIXED_TIME = dt.datetime(2000, 1, 1)
"""The workbook's created and modified times, and every zip entry's: same input, same bytes."""

Kind = Literal[
    "text",
    "id",
    "choice",
    "int",
    "float",
    "decimal",
    "date",
    "month",
    "ages",
    "ids",
    "choices",
    "texts",
    "map",
]
_LISTS: dict[str, Kind] = {"id": "ids", "choice": "choices", "text": "texts"}
_NUMBERS = ("int", "float", "decimal")
_FREE_TEXT = ("text", "texts")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_TYPED: tuple[Kind, ...] = ("int", "float", "decimal", "date")
_MAX_WIDTH = 60
_LAST_ROW = 1048576


# --- Columns, read off the pydantic models ------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One spreadsheet column: a field of an entity (or of a nested mapping)."""

    header: str
    path: tuple[str, ...]
    kind: Kind
    choices: tuple[str, ...] = ()
    nullable: bool = False
    """An empty list differs from none here (written ``[]``)."""


def _optional(annotation: Any) -> tuple[Any, bool]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _kind(annotation: Any) -> tuple[Kind, tuple[str, ...]]:
    for alias, kind in ((Id, "id"), (Date, "date"), (Month, "month"), (Ages, "ages")):
        if annotation == alias:
            return typing.cast(Kind, kind), ()
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _kind(args[0])
    if origin is Literal:
        return "choice", tuple(str(a) for a in args)
    if origin is list:
        item, choices = _kind(args[0])
        if item in _LISTS:
            return _LISTS[item], choices
    if origin is dict and _kind(args[0])[0] == "id":
        value, choices = _kind(args[1])
        if value == "choice":
            return "map", choices
    simple: dict[Any, Kind] = {str: "text", int: "int", float: "float", Decimal: "decimal"}
    if annotation in simple:
        return simple[annotation], ()
    raise TypeError(f"no spreadsheet column for a field of type {annotation!r}")


def _columns(
    model: type[BaseModel], prefix: tuple[str, ...] = (), names: Iterable[str] | None = None
) -> tuple[Column, ...]:
    out: list[Column] = []
    for name in names if names is not None else model.model_fields:
        annotation, nullable = _optional(model.model_fields[name].annotation)
        path = (*prefix, name)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            out += _columns(annotation, path)
            continue
        kind, choices = _kind(annotation)
        out.append(
            Column(
                ".".join(path),
                path,
                kind,
                choices,
                nullable and kind in ("ids", "choices", "texts"),
            )
        )
    return tuple(out)


@dataclass(frozen=True)
class _Sheet:
    title: str
    section: str
    key: str
    columns: tuple[Column, ...]


def _entity_model(section: str) -> type[BaseModel]:
    model: type[BaseModel] = typing.get_args(Document.model_fields[section].annotation)[1]
    return model


ENTITY_SHEETS: tuple[_Sheet, ...] = tuple(
    _Sheet(
        section.replace("_", " ").capitalize(),
        section,
        "factor" if section == "needs" else "id",
        _columns(_entity_model(section)),
    )
    for section in SECTIONS
)
"""One sheet per section, in the format's order."""
DOCUMENT_COLUMNS = _columns(Document, names=("id", "title", "description", "uses", "format"))
SETTINGS = _columns(Scope, ("scope",)) + _columns(Policy, ("policy",))
_YAML_ORDER = ("format", "id", "title", "description", "uses")
_SETTINGS_VALUE = Column("value", ("value",), "text")


# --- Export -----------------------------------------------------------------------------

CellValue = str | int | float | None


def export_workbook(docs: list[Doc]) -> bytes:
    """The documents (the root last, as in ``Framework.docs``) as an .xlsx workbook."""
    if not docs:
        raise ValueError("no documents to export")
    root = docs[-1]
    home = os.path.dirname(root.path)
    paths = [_relative(doc.path, home) for doc in docs]
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    depth = max(_ups(path) for path in paths)
    if depth:
        folders = os.path.abspath(home or os.curdir).replace(os.sep, "/").split("/")[-depth:]
        hint = StringProperty(name=ROOT_FOLDER, value="/".join(folders))
        book.custom_doc_props.append(hint)  # type: ignore[attr-defined]  # not in the stubs
    rows: list[list[CellValue]] = [
        [path, *(_cell_value(_field(doc.model, c.path), c) for c in DOCUMENT_COLUMNS)]
        for path, doc in zip(paths, docs, strict=True)
    ]
    _fill(
        book.create_sheet(DOCUMENTS),
        ["document", *(c.header for c in DOCUMENT_COLUMNS)],
        [None, *DOCUMENT_COLUMNS],
        rows,
        "B2",
    )
    settings: list[list[CellValue]] = []
    for path, doc in zip(paths, docs, strict=True):
        settings += _settings_rows(doc.model, path, doc is root)
    _fill(
        book.create_sheet(SCOPE_AND_POLICY),
        ["document", "key", "value"],
        [None, None, None],
        settings,
        "C2",
    )
    for sheet in ENTITY_SHEETS:
        rows = []
        for path, doc in zip(paths, docs, strict=True):
            for ident, entity in getattr(doc.model, sheet.section).items():
                rows.append(
                    [path, ident, *(_cell_value(_field(entity, c.path), c) for c in sheet.columns)]
                )
        _fill(
            book.create_sheet(sheet.title),
            ["document", sheet.key, *(c.header for c in sheet.columns)],
            [None, None, *sheet.columns],
            rows,
            "C2",
        )
    return _save(book)


def _relative(path: str, home: str) -> str:
    return os.path.relpath(path, home or os.curdir).replace(os.sep, "/")


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
    if kind in ("ids", "choices", "texts"):
        if not value:
            return "[]" if column.nullable else None
        return ("\n" if kind == "texts" else ", ").join(str(item) for item in value)
    if kind == "map":
        return "\n".join(f"{key}: {level}" for key, level in value.items()) or None
    if kind == "date":
        return str(value.isoformat())
    if kind in _NUMBERS:
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
    bold = Font(name="Calibri", sz=11, family=2, scheme="minor", bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, header in enumerate(headers, start=1):
        sheet.cell(1, index, header).font = bold
    widths = [len(h) for h in headers]
    for number, row in enumerate(rows, start=2):
        for index, value in enumerate(row, start=1):
            column = columns[index - 1]
            try:
                cell = sheet.cell(number, index, value)
            except IllegalCharacterError:
                where = f"{sheet.title}!{get_column_letter(index)}{number}"
                raise ValueError(
                    f"{where}: {value!r} holds a control character, which a spreadsheet cannot hold"
                ) from None
            if isinstance(value, str):
                cell.data_type = "s"  # text, even when it starts with "="
                if "\n" in value:
                    cell.alignment = wrap
            if column is None or column.kind not in _NUMBERS:
                cell.number_format = "@"
            if value is not None:
                longest = max(len(line) for line in str(value).split("\n"))
                widths[index - 1] = max(widths[index - 1], longest)
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = min(max(widths[index - 1], 8), _MAX_WIDTH) + 2
        if column is None or column.kind not in _NUMBERS:
            sheet.column_dimensions[letter].number_format = "@"
        if column is not None and column.kind == "choice":
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
            sheet.add_data_validation(allowed)
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"


def _save(book: Workbook) -> bytes:
    book.properties.creator = "vru-pathways"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    # openpyxl stamps each zip entry with the time of writing: stamp them all alike.
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info))
    return out.getvalue()


# --- Import: cells ------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class _Cell:
    sheet: str
    row: int
    col: int

    @property
    def ref(self) -> str:
        return f"{get_column_letter(self.col)}{self.row}"

    def __str__(self) -> str:
        return f"{self.sheet}!{self.ref}"


_Values = dict[Column, tuple[Any, _Cell]]
"""Column → (value, the cell it came from)."""


@dataclass
class _Row:
    """One data row: the document it belongs to, its key, and its non-empty values."""

    document: str
    document_cell: _Cell
    key: str
    key_cell: _Cell
    values: _Values = field(default_factory=dict)


@dataclass
class _Yaml:
    """YAML text being written, with the cell each line came from."""

    lines: list[str] = field(default_factory=list)
    cells: list[_Cell] = field(default_factory=list)

    def add(self, indent: int, text: str, cell: _Cell) -> None:
        self.lines.append(" " * indent + text)
        self.cells.append(cell)

    def field(self, indent: int, name: str, value: Any, cell: _Cell, typed: bool = False) -> None:
        """``name: value``; ``name`` is a field of the format, written as it is; ``typed``:
        the value is a number or a date (written plain like one)."""
        if isinstance(value, list):
            self.add(indent, f"{name}:" if value else f"{name}: []", cell)
            for item in value:
                self.add(indent + 2, f"- {scalar(item)}", cell)
        elif isinstance(value, dict):
            self.add(indent, f"{name}:", cell)
            for item, level in value.items():
                self.add(indent + 2, f"{key(item)}: {scalar(level)}", cell)
        else:
            lines = block(value)
            if lines is None:
                self.add(indent, f"{name}: {scalar(value, typed)}", cell)
                return
            self.add(indent, f"{name}: {lines[0]}", cell)
            for line in lines[1:]:
                self.add(indent + 2 if line else 0, line, cell)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _text(raw: Any, column: Column) -> str | None:
    """A cell's value as the text the YAML should hold, ``None`` when empty."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        text = "true" if raw else "false"
    elif isinstance(raw, int):
        text = str(raw)
    elif isinstance(raw, float):
        text = str(int(raw)) if raw.is_integer() and abs(raw) < 1e16 else repr(raw)
    elif isinstance(raw, dt.datetime | dt.date):
        if column.kind == "month":
            text = raw.strftime("%Y-%m")
        elif isinstance(raw, dt.datetime) and raw.time() != dt.time():
            text = raw.isoformat(sep=" ")
        else:
            text = raw.strftime("%Y-%m-%d")
    elif isinstance(raw, dt.time):
        text = raw.isoformat()
    else:
        text = str(raw).replace("\r\n", "\n")
    if not text.strip():
        return None
    return text if column.kind in _FREE_TEXT else text.strip()


# --- Import: the workbook -----------------------------------------------------------------


def import_workbook(data: bytes, name: str) -> tuple[dict[str, str], list[Finding]]:
    """The workbook as YAML text, by path relative to the folder to write into, and the
    problems found, each located at ``{name}#{sheet}!{cell}`` (line: row, col: column).

    Paths never leave that folder: the root document goes where the workbook says it
    came from (``models/northbrook/model.yaml``), so ``../../frameworks/x.yaml`` lands
    beside it as it was.
    """
    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file it cannot read
        message = f"{name}: not an .xlsx workbook that can be read ({exc})"
        return {}, [Finding(Location(name), Rule.INVALID_VALUE, message, Severity.ERROR)]
    props = book.custom_doc_props  # type: ignore[attr-defined]  # not in the stubs
    hint = next((str(p.value) for p in props if p.name == ROOT_FOLDER), "")
    folders = [n for n in hint.split("/") if n and n not in (".", "..")]
    documents, findings = _Importer(name, folders).run(book)
    return rooted(documents, folders), findings


def rooted(documents: dict[str, str], folders: list[str]) -> dict[str, str]:
    """Paths relative to the root document's folder, made relative to a folder that holds
    them all: the root's own folders when known, else as many ``document-N`` levels as
    the paths climb.

    >>> rooted({"model.yaml": "", "../../f.yaml": ""}, ["models", "a"])
    {'models/a/model.yaml': '', 'f.yaml': ''}
    """
    depth = max((posixpath.normpath(p).split("/").count("..") for p in documents), default=0)
    base = folders if len(folders) >= depth else [f"document-{n}" for n in range(depth)]
    return {
        posixpath.normpath(posixpath.join(*base, p)) if base else posixpath.normpath(p): t
        for p, t in documents.items()
    }


@dataclass
class _Importer:
    name: str
    folders: list[str] = field(default_factory=list)
    """The root folder's name and its parents' (see ``ROOT_FOLDER``), if the workbook says."""
    findings: list[Finding] = field(default_factory=list)
    headers: dict[str, dict[str, int]] = field(default_factory=dict)
    """Sheet → header → column number, as read."""

    def location(self, cell: _Cell) -> Location:
        return Location(f"{self.name}#{cell}", cell.row, cell.col)

    def problem(self, cell: _Cell, rule: str, text: str, entity: str = "") -> None:
        self.findings.append(
            Finding(self.location(cell), rule, f"{cell}: {text}", Severity.ERROR, entity)
        )

    def run(self, book: Workbook) -> tuple[dict[str, str], list[Finding]]:
        known = [DOCUMENTS, SCOPE_AND_POLICY, *(s.title for s in ENTITY_SHEETS)]
        for sheet in book.worksheets:
            if sheet.title not in known:
                hint = suggest(sheet.title, known)
                text = f"unknown sheet '{sheet.title}'"
                self.problem(
                    _Cell(sheet.title, 1, 1),
                    Rule.UNKNOWN_KEY,
                    f"{text} — did you mean '{hint}'?"
                    if hint
                    else f"{text}; the sheets are: {', '.join(known)}",
                )
        if DOCUMENTS not in book.sheetnames:
            self.problem(
                _Cell(DOCUMENTS, 1, 1),
                Rule.MISSING_KEY,
                "no 'Documents' sheet: it lists the documents, one row each, that "
                "the other sheets' rows belong to",
            )
            return {}, sorted(self.findings)
        documents = self.documents(book[DOCUMENTS])
        settings = self.settings(book, documents)
        entities: dict[tuple[str, str], list[_Row]] = {}
        for spec in ENTITY_SHEETS:
            if spec.title in book.sheetnames:
                self.entities(book[spec.title], spec, documents, entities)
        built = {
            path: self.assemble(path, row, settings, entities) for path, row in documents.items()
        }
        texts = {path: y.text() for path, y in built.items()}
        if texts:
            self.findings += self.check(texts, built, _roots(documents))
        return texts, sorted(set(self.findings))

    # reading

    def header(
        self, sheet: Worksheet, names: Sequence[str], columns: Sequence[Column]
    ) -> tuple[dict[int, str | Column], set[int]] | None:
        """Column number → role (a name in ``names``) or column; and headerless columns.
        ``None`` when a role's column is missing."""
        wanted: dict[str, str | Column] = {n: n for n in names}
        wanted.update({c.header: c for c in columns})
        roles: dict[int, str | Column] = {}
        seen: dict[str, int] = {}
        blank: set[int] = set()
        for cell in next(sheet.iter_rows(min_row=1, max_row=1), ()):
            assert isinstance(cell, Cell)
            at = _Cell(sheet.title, 1, cell.column)
            text = "" if cell.value is None else str(cell.value).strip()
            if not text:
                blank.add(cell.column)
            elif text in seen:
                first = _Cell(sheet.title, 1, seen[text])
                self.problem(
                    at,
                    Rule.DUPLICATE_KEY,
                    f"column '{text}' is already at {first}; this one is ignored",
                )
            elif text in wanted:
                seen[text] = cell.column
                roles[cell.column] = wanted[text]
            else:
                hint = suggest(text, wanted)
                message = f"unknown column '{text}'"
                self.problem(
                    at,
                    Rule.UNKNOWN_KEY,
                    f"{message} — did you mean '{hint}'?"
                    if hint
                    else f"{message}; the columns are: {', '.join(wanted)}",
                )
        self.headers[sheet.title] = seen
        if not seen and sheet.max_row <= 1:
            return None  # an empty sheet: nothing to read
        missing = [n for n in names if n not in seen]
        for name in missing:
            self.problem(
                _Cell(sheet.title, 1, sheet.max_column + 1),
                Rule.MISSING_KEY,
                f"no '{name}' column: every row needs one",
            )
        return None if missing else (roles, blank)

    def rows(
        self, sheet: Worksheet, names: Sequence[str], columns: Sequence[Column]
    ) -> Iterable[tuple[dict[str, tuple[str | None, _Cell]], _Values]]:
        """Each non-blank row: its role cells as text, and its column cells as raw values."""
        found = self.header(sheet, names, columns)
        if found is None:
            return
        roles, blank = found
        reported: set[int] = set()
        for cells in sheet.iter_rows(min_row=2):
            named: dict[str, tuple[str | None, _Cell]] = {
                n: (None, _Cell(sheet.title, cells[0].row or 0, c))
                for c, n in ((c, r) for c, r in roles.items() if isinstance(r, str))
            }
            values: _Values = {}
            empty = True
            for cell in cells:
                if cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
                    continue
                assert isinstance(cell, Cell)
                at = _Cell(sheet.title, cell.row, cell.column)
                empty = False
                role = roles.get(cell.column)
                if isinstance(role, str):
                    named[role] = (_text(cell.value, Column(role, (role,), "id")), at)
                elif role is not None:
                    values[role] = (cell.value, at)
                elif cell.column in blank and cell.column not in reported:
                    reported.add(cell.column)
                    self.problem(
                        at,
                        Rule.UNKNOWN_KEY,
                        "this column has no header: name it (one of the fields) or clear it",
                    )
            if not empty:
                yield named, values

    def documents(self, sheet: Worksheet) -> dict[str, _Row]:
        out: dict[str, _Row] = {}
        for named, raw in self.rows(sheet, ["document"], DOCUMENT_COLUMNS):
            written, at = named["document"]
            if written is None:
                self.problem(
                    at,
                    Rule.MISSING_KEY,
                    "'document' is required: the path of the "
                    "document, relative to the root document's folder",
                )
                continue
            path = _normal(written)
            if path is None:
                self.problem(
                    at,
                    Rule.INVALID_VALUE,
                    f"'{written}' is not a document path: write "
                    "it relative to the root document's folder, e.g. "
                    "'../../frameworks/example.yaml'",
                )
                continue
            if path in out:
                self.problem(
                    at,
                    Rule.DUPLICATE_ID,
                    f"document '{written}' is already listed at {out[path].document_cell}",
                )
                continue
            row = _Row(path, at, path, at)
            row.values = self.convert(raw, f"document '{path}'")
            out[path] = row
        return out

    def document_of(self, written: str | None, at: _Cell, documents: dict[str, _Row]) -> str | None:
        if written is None:
            self.problem(
                at,
                Rule.MISSING_KEY,
                "'document' is required: the path of one of the documents in the Documents sheet",
            )
            return None
        path = _normal(written)
        if path is None or path not in documents:
            hint = suggest(written, documents)
            text = f"unknown document '{written}'"
            self.problem(
                at,
                Rule.UNKNOWN_ID,
                f"{text} — did you mean '{hint}'?"
                if hint
                else f"{text}; the Documents sheet lists: {', '.join(documents) or 'none'}",
            )
            return None
        return path

    def settings(
        self, book: Workbook, documents: dict[str, _Row]
    ) -> dict[tuple[str, str], list[tuple[Column | None, Any, _Cell, _Cell]]]:
        """(document, "scope" or "policy") → its rows: (column or None for a bare row,
        value, its cell, the key's cell)."""
        out: dict[tuple[str, str], list[tuple[Column | None, Any, _Cell, _Cell]]] = {}
        if SCOPE_AND_POLICY not in book.sheetnames:
            return out
        by_key = {c.header: c for c in SETTINGS}
        seen: dict[tuple[str, str], _Cell] = {}
        sheet = book[SCOPE_AND_POLICY]
        for named, raw in self.rows(sheet, ["document", "key"], [_SETTINGS_VALUE]):
            (written, doc_at), (key, key_at) = named["document"], named["key"]
            document = self.document_of(written, doc_at, documents)
            if document is None:
                continue
            if key is None:
                if raw:
                    self.problem(
                        key_at, Rule.MISSING_KEY, "'key' is required, such as 'scope.ages'"
                    )
                continue
            if key not in by_key and key not in ("scope", "policy"):
                hint = suggest(key, [*by_key, "scope", "policy"])
                self.problem(
                    key_at,
                    Rule.UNKNOWN_KEY,
                    f"unknown key '{key}'"
                    + (
                        f" — did you mean '{hint}'?"
                        if hint
                        else f"; the keys are: {', '.join(by_key)}"
                    ),
                )
                continue
            column = by_key.get(key)
            value, value_at = None, key_at
            if column is not None and _SETTINGS_VALUE in raw:
                cell_value, value_at = raw[_SETTINGS_VALUE]
                value = self.value(cell_value, column, value_at, key)
            if column is not None and value is None:
                continue  # a key left empty, as the root's rows are until filled in
            if (document, key) in seen:
                self.problem(
                    key_at,
                    Rule.DUPLICATE_KEY,
                    f"'{key}' of '{document}' is already given at {seen[(document, key)]}",
                )
                continue
            seen[(document, key)] = key_at
            section = column.path[0] if column else key
            out.setdefault((document, section), []).append((column, value, value_at, key_at))
        return out

    def entities(
        self,
        sheet: Worksheet,
        spec: _Sheet,
        documents: dict[str, _Row],
        out: dict[tuple[str, str], list[_Row]],
    ) -> None:
        seen: dict[tuple[str, str], _Cell] = {}
        for named, raw in self.rows(sheet, ["document", spec.key], spec.columns):
            (written, doc_at), (key, key_at) = named["document"], named[spec.key]
            document = self.document_of(written, doc_at, documents)
            if document is None:
                continue
            if key is None:
                self.problem(key_at, Rule.MISSING_KEY, f"'{spec.key}' is required")
                continue
            entity = f"{spec.section}.{key}"
            if (document, key) in seen:
                self.problem(
                    key_at,
                    Rule.DUPLICATE_ID,
                    f"{entity} is already defined at {seen[(document, key)]}",
                    entity,
                )
                continue
            seen[(document, key)] = key_at
            row = _Row(document, doc_at, key, key_at, self.convert(raw, entity))
            out.setdefault((document, spec.section), []).append(row)

    def convert(self, raw: _Values, entity: str) -> _Values:
        out: _Values = {}
        for column, (cell_value, at) in raw.items():
            value = self.value(cell_value, column, at, entity)
            if value is not None:
                out[column] = (value, at)
        return out

    def value(self, raw: Any, column: Column, at: _Cell, entity: str) -> Any:
        """A cell's value as YAML data: text, a list of texts or a mapping; ``None`` if empty."""
        text = _text(raw, column)
        if text is None:
            return None
        kind = column.kind
        if kind in ("ids", "choices", "texts"):
            if column.nullable and text.strip() == "[]":
                return []
            parts = text.split("\n") if kind == "texts" else re.split(r"[,\n]", text)
            items = [p if kind == "texts" else p.strip() for p in parts]
            return [item for item in items if item.strip()] or None
        if kind == "map":
            levels: dict[str, str] = {}
            for line in text.split("\n"):
                rule, colon, level = line.partition(":")
                if not line.strip():
                    continue
                if not colon or not rule.strip():
                    self.problem(
                        at,
                        Rule.INVALID_VALUE,
                        f"'{line.strip()}' is not 'rule: level' "
                        f"(one a line, e.g. 'age-gap: warning')",
                        entity,
                    )
                elif rule.strip() in levels:
                    self.problem(at, Rule.DUPLICATE_KEY, f"'{rule.strip()}' is given twice", entity)
                else:
                    levels[rule.strip()] = level.strip()
            return levels or None
        return text

    # writing

    def assemble(
        self,
        path: str,
        document: _Row,
        settings: dict[tuple[str, str], list[tuple[Column | None, Any, _Cell, _Cell]]],
        entities: dict[tuple[str, str], list[_Row]],
    ) -> _Yaml:
        out = _Yaml()
        given = {c.header: v for c, v in document.values.items()}
        for name in _YAML_ORDER:
            if name in given:
                out.field(0, name, *given[name])
        for spec in ENTITY_SHEETS:
            rows = entities.get((path, spec.section), [])
            if rows:
                out.add(0, f"{spec.section}:", document.document_cell)
            for row in rows:
                if not row.values:
                    out.add(2, f"{key(row.key)}: {{}}", row.key_cell)
                    continue
                out.add(2, f"{key(row.key)}:", row.key_cell)
                _entity(out, 4, spec.columns, row.values)
        for section in ("scope", "policy"):
            given_rows = settings.get((path, section), [])
            if not given_rows:
                continue
            values = {c: (v, at) for c, v, at, _ in given_rows if c is not None}
            out.add(0, f"{section}:" if values else f"{section}: {{}}", given_rows[0][3])
            _entity(out, 2, [c for c in SETTINGS if c.path[0] == section], values, drop=1)
        return out

    # checking

    def check(
        self, texts: dict[str, str], built: dict[str, _Yaml], roots: list[str]
    ) -> list[Finding]:
        """The loader's findings on the assembled documents, pointed at cells."""

        def describe(location: Location) -> str:
            cell = self.cell_of(location, built)
            return str(cell) if cell else str(location)

        depth = max(_ups(path) for path in texts)
        names = self.folders[len(self.folders) - depth :] if depth else []
        if len(names) != depth or any(n in (".", "..") or "\\" in n for n in names):
            names = [".xlsx-root"] * depth
        loaded = load_texts(texts, roots, describe, "/".join(names))
        return [self.point(f, built) for f in loaded.findings]

    def cell_of(self, location: Location, built: dict[str, _Yaml]) -> _Cell | None:
        """The cell a line of an assembled document came from."""
        document = built.get(location.path)
        if document is None or not document.cells:
            return None
        cells = document.cells
        return cells[min(max(location.line, 1), len(cells)) - 1]

    def point(self, finding: Finding, built: dict[str, _Yaml]) -> Finding:
        """The finding located at its cell, its message without the YAML path it opened
        with (the cell now says where)."""
        cell = self.cell_of(finding.location, built)
        message = finding.message
        if finding.subject:
            message = message.removeprefix(f"{finding.subject}: ")
        if cell is not None and finding.rule == Rule.MISSING_KEY and finding.path:
            fields = finding.path[2:] if finding.path[0] in SECTIONS else finding.path
            header = ".".join(str(p) for p in fields if isinstance(p, str))
            column = self.headers.get(cell.sheet, {}).get(header)
            if column is not None:
                cell = _Cell(cell.sheet, cell.row, column)
            else:
                message += f" (the sheet has no '{header}' column)"
        related = tuple(
            self.location(at) if (at := self.cell_of(r, built)) else r for r in finding.related
        )
        if cell is None:
            return dataclasses.replace(finding, message=message, related=related)
        return dataclasses.replace(
            finding, location=self.location(cell), message=f"{cell}: {message}", related=related
        )


def _entity(
    out: _Yaml, indent: int, columns: Sequence[Column], values: _Values, drop: int = 0
) -> None:
    """An entity's fields in the model's order; nested ones (``evidence.*``) grouped."""
    groups: set[str] = set()
    for column in columns:
        if column not in values:
            continue
        path = column.path[drop:]
        if len(path) == 1:
            out.field(indent, path[0], *values[column], typed=column.kind in _TYPED)
            continue
        if path[0] in groups:
            continue
        groups.add(path[0])
        members = [c for c in columns if c.path[drop:][0] == path[0] and c in values]
        out.add(indent, f"{path[0]}:", values[members[0]][1])
        for member in members:
            out.field(indent + 2, member.path[-1], *values[member], typed=member.kind in _TYPED)


def _normal(written: str) -> str | None:
    """A document path in one spelling (``/``, no ``./``); ``None`` if it is no file path."""
    path = written.strip().replace("\\", "/")
    if not path or path.startswith("/") or re.match(r"^[A-Za-z]:", path):
        return None
    path = posixpath.normpath(path)
    if path in (".", "..") or path.endswith("/..") or path.endswith("/."):
        return None
    return path


def _ups(path: str) -> int:
    parts = path.split("/")
    return next((i for i, part in enumerate(parts) if part != ".."), len(parts))


def _roots(documents: dict[str, _Row]) -> list[str]:
    """The documents no other document uses (in the sheet's order); else the last one."""
    used: set[str] = set()
    for path, row in documents.items():
        for column, (value, _) in row.values.items():
            if column.header == "uses":
                used |= {
                    posixpath.normpath(posixpath.join(posixpath.dirname(path), u)) for u in value
                }
    roots = [path for path in documents if path not in used]
    return roots or list(documents)[-1:]
