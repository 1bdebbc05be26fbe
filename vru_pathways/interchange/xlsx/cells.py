"""Where an imported value came from, and the findings located there.

Every value read from a workbook keeps its cell, and every problem is a
:class:`~vru_pathways.diagnostics.Finding` at ``{workbook}#{sheet}!{cell}`` (line: the row,
col: the column) whose message opens with the cell (``Services!N2: …``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from openpyxl.utils import get_column_letter

from ...diagnostics import Finding, Location, Severity, suggest
from .columns import Column

__all__ = ["Cell", "Entities", "Problems", "Row", "Setting", "Settings", "Values", "did_you_mean"]


@dataclass(frozen=True, order=True)
class Cell:
    """A cell's address: ``Services!N2`` is ``Cell("Services", 2, 14)``."""

    sheet: str
    row: int
    col: int

    @property
    def ref(self) -> str:
        return f"{get_column_letter(self.col)}{self.row}"

    def __str__(self) -> str:
        return f"{self.sheet}!{self.ref}"


Values = dict[Column, tuple[Any, Cell]]
"""Column → (value, the cell it came from)."""


@dataclass
class Row:
    """One data row: the document it belongs to, its key, and its non-empty values."""

    document: str
    document_cell: Cell
    key: str
    key_cell: Cell
    values: Values = field(default_factory=dict)


Entities = dict[tuple[str, str], list[Row]]
"""(document, section) → its rows, in the sheet's order."""


class Setting(NamedTuple):
    """One row of the "Scope and policy" sheet."""

    column: Column | None
    """The key's column; ``None`` for a bare ``scope`` or ``policy`` row (an empty mapping)."""
    value: Any
    value_cell: Cell
    key_cell: Cell


Settings = dict[tuple[str, str], list[Setting]]
"""(document, "scope" or "policy") → its rows, in the sheet's order."""


@dataclass
class Problems:
    """The findings of one import, each an error at the cell it is about."""

    workbook: str
    """The workbook's file name, which every location opens with."""
    found: list[Finding] = field(default_factory=list)

    def location(self, cell: Cell) -> Location:
        return Location(f"{self.workbook}#{cell}", cell.row, cell.col)

    def add(self, cell: Cell, rule: str, text: str, entity: str = "") -> None:
        self.found.append(
            Finding(self.location(cell), rule, f"{cell}: {text}", Severity.ERROR, entity)
        )


def did_you_mean(message: str, word: str, choices: Iterable[str], otherwise: str) -> str:
    """``message`` with the choice closest to ``word`` when one is close, else with
    ``otherwise`` (which lists the choices).

    >>> did_you_mean("unknown sheet 'Service'", "Service", ["Services"], "the sheets are: …")
    "unknown sheet 'Service' — did you mean 'Services'?"
    """
    hint = suggest(word, choices)
    return f"{message} — did you mean '{hint}'?" if hint else f"{message}; {otherwise}"
