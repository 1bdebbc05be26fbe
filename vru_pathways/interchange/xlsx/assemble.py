"""The rows of a document → its YAML text, remembering the cell each line came from.

Fields are written in the model's order, a nested mapping's grouped under its name
(``evidence:``); an entity without values is ``id: {}``. How each piece of text is
spelled is :mod:`..yaml_text`'s to say.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..yaml_text import block, key, scalar
from .cells import Cell, Entities, Row, Setting, Settings, Values
from .columns import ENTITY_SHEETS, SETTINGS, TYPED, Column, Sheet

__all__ = ["Yaml", "assemble"]

_DOCUMENT_ORDER = ("format", "id", "title", "description", "uses")


@dataclass
class Yaml:
    """YAML text being written, with the cell each line came from."""

    lines: list[str] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)

    def add(self, indent: int, text: str, cell: Cell) -> None:
        self.lines.append(" " * indent + text)
        self.cells.append(cell)

    def field(self, indent: int, name: str, value: Any, cell: Cell, typed: bool = False) -> None:
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
            self._text(indent, name, value, cell, typed)

    def _text(self, indent: int, name: str, value: str, cell: Cell, typed: bool) -> None:
        lines = block(value)
        if lines is None:
            self.add(indent, f"{name}: {scalar(value, typed)}", cell)
            return
        self.add(indent, f"{name}: {lines[0]}", cell)
        for line in lines[1:]:
            self.add(indent + 2 if line else 0, line, cell)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def assemble(path: str, document: Row, settings: Settings, entities: Entities) -> Yaml:
    """The document at ``path``: its own fields, its sections' entities, then its scope
    and policy."""
    out = Yaml()
    given = {c.header: v for c, v in document.values.items()}
    for name in _DOCUMENT_ORDER:
        if name in given:
            out.field(0, name, *given[name])
    for spec in ENTITY_SHEETS:
        _section(out, spec, entities.get((path, spec.section), []), document.document_cell)
    for section in ("scope", "policy"):
        _settings(out, section, settings.get((path, section), []))
    return out


def _section(out: Yaml, spec: Sheet, rows: list[Row], cell: Cell) -> None:
    if rows:
        out.add(0, f"{spec.section}:", cell)
    for row in rows:
        if not row.values:
            out.add(2, f"{key(row.key)}: {{}}", row.key_cell)
            continue
        out.add(2, f"{key(row.key)}:", row.key_cell)
        _entity(out, 4, spec.columns, row.values)


def _settings(out: Yaml, section: str, rows: list[Setting]) -> None:
    if not rows:
        return
    values = {s.column: (s.value, s.value_cell) for s in rows if s.column is not None}
    out.add(0, f"{section}:" if values else f"{section}: {{}}", rows[0].key_cell)
    _entity(out, 2, [c for c in SETTINGS if c.path[0] == section], values, drop=1)


def _entity(
    out: Yaml, indent: int, columns: Sequence[Column], values: Values, drop: int = 0
) -> None:
    """An entity's fields in the model's order; nested ones (``evidence.*``) grouped.
    ``drop``: how many leading parts of a column's path the entity's place already says."""
    groups: set[str] = set()
    for column in columns:
        if column not in values:
            continue
        path = column.path[drop:]
        if len(path) == 1:
            out.field(indent, path[0], *values[column], typed=column.kind in TYPED)
            continue
        if path[0] in groups:
            continue
        groups.add(path[0])
        members = [c for c in columns if c.path[drop:][0] == path[0] and c in values]
        out.add(indent, f"{path[0]}:", values[members[0]][1])
        for member in members:
            out.field(indent + 2, member.path[-1], *values[member], typed=member.kind in TYPED)
