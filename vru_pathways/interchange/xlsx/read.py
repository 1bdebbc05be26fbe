"""The workbook's sheets → the rows of each document, and the problems only a spreadsheet
can have: an unknown sheet, no Documents sheet, a row naming no document or one the
Documents sheet does not list, a document, ID or key given twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ...rulebook import Rule
from .cells import Cell, Entities, Problems, Row, Setting, Settings, Values, did_you_mean
from .columns import (
    DOCUMENT_COLUMNS,
    DOCUMENTS,
    ENTITY_SHEETS,
    SCOPE_AND_POLICY,
    SETTINGS,
    SETTINGS_VALUE,
    Sheet,
)
from .paths import normal
from .table import Named, Table
from .values import cell_value

__all__ = ["Reader"]

_SHEETS = [DOCUMENTS, SCOPE_AND_POLICY, *(s.title for s in ENTITY_SHEETS)]
_BY_KEY = {c.header: c for c in SETTINGS}
_SECTIONS = ("scope", "policy")


@dataclass
class Reader:
    """Reads one workbook's sheets, adding each problem to ``problems``."""

    problems: Problems
    table: Table

    def sheets(self, book: Workbook) -> bool:
        """Whether the workbook has the Documents sheet the others need; each unknown
        sheet is a problem."""
        for sheet in book.worksheets:
            if sheet.title not in _SHEETS:
                self.problems.add(
                    Cell(sheet.title, 1, 1),
                    Rule.UNKNOWN_KEY,
                    did_you_mean(
                        f"unknown sheet '{sheet.title}'",
                        sheet.title,
                        _SHEETS,
                        f"the sheets are: {', '.join(_SHEETS)}",
                    ),
                )
        if DOCUMENTS in book.sheetnames:
            return True
        self.problems.add(
            Cell(DOCUMENTS, 1, 1),
            Rule.MISSING_KEY,
            "no 'Documents' sheet: it lists the documents, one row each, that "
            "the other sheets' rows belong to",
        )
        return False

    def documents(self, sheet: Worksheet) -> dict[str, Row]:
        """The Documents sheet: each document's path (normalised) → its row."""
        out: dict[str, Row] = {}
        for named, raw in self.table.rows(sheet, ["document"], DOCUMENT_COLUMNS):
            written, at = named["document"]
            path = self._path(written, at, out)
            if path is not None:
                out[path] = Row(path, at, path, at, self.convert(raw, f"document '{path}'"))
        return out

    def _path(self, written: str | None, at: Cell, listed: dict[str, Row]) -> str | None:
        if written is None:
            self.problems.add(
                at,
                Rule.MISSING_KEY,
                "'document' is required: the path of the "
                "document, relative to the root document's folder",
            )
            return None
        path = normal(written)
        if path is None:
            self.problems.add(
                at,
                Rule.INVALID_VALUE,
                f"'{written}' is not a document path: write "
                "it relative to the root document's folder, e.g. "
                "'../../frameworks/example.yaml'",
            )
            return None
        if path in listed:
            self.problems.add(
                at,
                Rule.DUPLICATE_ID,
                f"document '{written}' is already listed at {listed[path].document_cell}",
            )
            return None
        return path

    def document_of(self, written: str | None, at: Cell, documents: dict[str, Row]) -> str | None:
        """The document a row of another sheet names, if the Documents sheet lists it."""
        if written is None:
            self.problems.add(
                at,
                Rule.MISSING_KEY,
                "'document' is required: the path of one of the documents in the Documents sheet",
            )
            return None
        path = normal(written)
        if path is None or path not in documents:
            self.problems.add(
                at,
                Rule.UNKNOWN_ID,
                did_you_mean(
                    f"unknown document '{written}'",
                    written,
                    documents,
                    f"the Documents sheet lists: {', '.join(documents) or 'none'}",
                ),
            )
            return None
        return path

    def settings(self, book: Workbook, documents: dict[str, Row]) -> Settings:
        """The Scope and policy sheet's rows that give something, by document and section."""
        out: Settings = {}
        if SCOPE_AND_POLICY not in book.sheetnames:
            return out
        seen: dict[tuple[str, str], Cell] = {}
        sheet = book[SCOPE_AND_POLICY]
        for named, raw in self.table.rows(sheet, ["document", "key"], [SETTINGS_VALUE]):
            found = self._setting(named, raw, documents)
            if found is None:
                continue
            document, key, setting = found
            if (document, key) in seen:
                self.problems.add(
                    setting.key_cell,
                    Rule.DUPLICATE_KEY,
                    f"'{key}' of '{document}' is already given at {seen[(document, key)]}",
                )
                continue
            seen[(document, key)] = setting.key_cell
            section = setting.column.path[0] if setting.column else key
            out.setdefault((document, section), []).append(setting)
        return out

    def _setting(
        self, named: Named, raw: Values, documents: dict[str, Row]
    ) -> tuple[str, str, Setting] | None:
        """A row's document, key and setting; ``None`` for a row with a problem, or with
        a key left empty (as the root's rows are until filled in)."""
        (written, doc_at), (key, key_at) = named["document"], named["key"]
        document = self.document_of(written, doc_at, documents)
        if document is None:
            return None
        if key is None:
            if raw:
                self.problems.add(
                    key_at, Rule.MISSING_KEY, "'key' is required, such as 'scope.ages'"
                )
            return None
        if key not in _BY_KEY and key not in _SECTIONS:
            self.problems.add(
                key_at,
                Rule.UNKNOWN_KEY,
                did_you_mean(
                    f"unknown key '{key}'",
                    key,
                    [*_BY_KEY, *_SECTIONS],
                    f"the keys are: {', '.join(_BY_KEY)}",
                ),
            )
            return None
        column = _BY_KEY.get(key)
        if column is None:
            return document, key, Setting(None, None, key_at, key_at)
        if SETTINGS_VALUE not in raw:
            return None
        given, value_at = raw[SETTINGS_VALUE]
        value = cell_value(given, column, value_at, key, self.problems)
        return None if value is None else (document, key, Setting(column, value, value_at, key_at))

    def entities(self, book: Workbook, documents: dict[str, Row]) -> Entities:
        """Every entity sheet's rows, by document and section."""
        out: Entities = {}
        for spec in ENTITY_SHEETS:
            if spec.title in book.sheetnames:
                self._entities(book[spec.title], spec, documents, out)
        return out

    def _entities(
        self, sheet: Worksheet, spec: Sheet, documents: dict[str, Row], out: Entities
    ) -> None:
        seen: dict[tuple[str, str], Cell] = {}
        for named, raw in self.table.rows(sheet, ["document", spec.key], spec.columns):
            (written, doc_at), (key, key_at) = named["document"], named[spec.key]
            document = self.document_of(written, doc_at, documents)
            if document is None:
                continue
            if key is None:
                self.problems.add(key_at, Rule.MISSING_KEY, f"'{spec.key}' is required")
                continue
            entity = f"{spec.section}.{key}"
            if (document, key) in seen:
                self.problems.add(
                    key_at,
                    Rule.DUPLICATE_ID,
                    f"{entity} is already defined at {seen[(document, key)]}",
                    entity,
                )
                continue
            seen[(document, key)] = key_at
            row = Row(document, doc_at, key, key_at, self.convert(raw, entity))
            out.setdefault((document, spec.section), []).append(row)

    def convert(self, raw: Values, entity: str) -> Values:
        """The row's raw cell values as YAML data; empty ones left out."""
        out: Values = {}
        for column, (given, at) in raw.items():
            value: Any = cell_value(given, column, at, entity, self.problems)
            if value is not None:
                out[column] = (value, at)
        return out
