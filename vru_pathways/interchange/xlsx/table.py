"""A sheet read as a table: the header row names each column, and each row below is read by it.

A sheet's columns are roles (``document``, the ID, ``key``: read as text) and fields (a
:class:`~.columns.Column`, its raw cell value kept for the field's kind to read). A header
given twice, an unknown header, a missing role column and a filled cell under no header
are problems at their cells.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.cell.cell import MergedCell
from openpyxl.worksheet.worksheet import Worksheet

from ...rulebook import Rule
from .cells import Cell, Problems, Values, did_you_mean
from .columns import Column
from .values import cell_text

__all__ = ["Named", "Table"]

Roles = dict[int, str | Column]
"""Column number → the role (a name) or the field it holds."""
Named = dict[str, tuple[str | None, Cell]]
"""Role → (its text in the row or ``None``, its cell)."""


@dataclass
class Table:
    """Reads sheets by their headers, keeping each sheet's header → column number."""

    problems: Problems
    headers: dict[str, dict[str, int]] = field(default_factory=dict)
    """Sheet → header → column number, as read."""

    def rows(
        self, sheet: Worksheet, names: Sequence[str], columns: Sequence[Column]
    ) -> Iterator[tuple[Named, Values]]:
        """Each non-blank row: its role cells as text, and its field cells as raw values.
        Nothing when the sheet is empty or lacks a role's column."""
        found = self.header(sheet, names, columns)
        if found is None:
            return
        roles, blank = found
        reported: set[int] = set()
        for cells in sheet.iter_rows(min_row=2):
            row = self._row(sheet.title, cells, roles, blank, reported)
            if row is not None:
                yield row

    def header(
        self, sheet: Worksheet, names: Sequence[str], columns: Sequence[Column]
    ) -> tuple[Roles, set[int]] | None:
        """Column number → role (a name in ``names``) or column; and headerless columns.
        ``None`` when the sheet is empty or a role's column is missing."""
        wanted: dict[str, str | Column] = {n: n for n in names}
        wanted.update({c.header: c for c in columns})
        roles: Roles = {}
        seen: dict[str, int] = {}
        blank: set[int] = set()
        for cell in next(sheet.iter_rows(min_row=1, max_row=1), ()):
            assert isinstance(cell, SheetCell)
            text = "" if cell.value is None else str(cell.value).strip()
            if not text:
                blank.add(cell.column)
            elif text in seen:
                self._twice(Cell(sheet.title, 1, cell.column), text, seen[text])
            elif text in wanted:
                seen[text] = cell.column
                roles[cell.column] = wanted[text]
            else:
                self._unknown(Cell(sheet.title, 1, cell.column), text, wanted)
        self.headers[sheet.title] = seen
        if not seen and sheet.max_row <= 1:
            return None
        return (roles, blank) if self._has_roles(sheet, names, seen) else None

    def _has_roles(self, sheet: Worksheet, names: Sequence[str], seen: dict[str, int]) -> bool:
        """Whether every role has its column; each missing one is a problem just past the
        sheet's last column."""
        missing = [n for n in names if n not in seen]
        for name in missing:
            self.problems.add(
                Cell(sheet.title, 1, sheet.max_column + 1),
                Rule.MISSING_KEY,
                f"no '{name}' column: every row needs one",
            )
        return not missing

    def _twice(self, at: Cell, text: str, first: int) -> None:
        self.problems.add(
            at,
            Rule.DUPLICATE_KEY,
            f"column '{text}' is already at {Cell(at.sheet, 1, first)}; this one is ignored",
        )

    def _unknown(self, at: Cell, text: str, wanted: dict[str, str | Column]) -> None:
        self.problems.add(
            at,
            Rule.UNKNOWN_KEY,
            did_you_mean(
                f"unknown column '{text}'", text, wanted, f"the columns are: {', '.join(wanted)}"
            ),
        )

    def _row(
        self,
        title: str,
        cells: tuple[SheetCell | MergedCell, ...],
        roles: Roles,
        blank: set[int],
        reported: set[int],
    ) -> tuple[Named, Values] | None:
        """A row's named and field cells; ``None`` when it is blank. A filled cell under no
        header is a problem, once a column."""
        named: Named = {
            role: (None, Cell(title, cells[0].row or 0, col))
            for col, role in roles.items()
            if isinstance(role, str)
        }
        values: Values = {}
        filled = [cell for cell in cells if not _blank(cell.value)]
        for cell in filled:
            assert isinstance(cell, SheetCell)
            at = Cell(title, cell.row, cell.column)
            role = roles.get(cell.column)
            if isinstance(role, str):
                named[role] = (cell_text(cell.value, Column(role, (role,), "id")), at)
            elif role is not None:
                values[role] = (cell.value, at)
            elif cell.column in blank and cell.column not in reported:
                reported.add(cell.column)
                self.problems.add(
                    at,
                    Rule.UNKNOWN_KEY,
                    "this column has no header: name it (one of the fields) or clear it",
                )
        return (named, values) if filled else None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
