"""A cell's value as the YAML data it stands for: text, a list of texts, or a mapping.

A spreadsheet holds numbers, dates and booleans where a person typed them, though the
format keeps all of them as text: each is written back as the text it shows (a date as
``2025-03-31``, a month as ``2025-03``, a whole number without ``.0``). A list is one
item a line for free text, else items split at commas and line breaks; ``[]`` is an empty
list where that differs from none. ``policy.severity`` is ``rule: level`` lines.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ...rulebook import Rule
from .cells import Cell, Problems
from .columns import FREE_TEXT, LISTS, Column

__all__ = ["cell_text", "cell_value"]

_ITEM_BREAK = re.compile(r"[,\n]")


def cell_text(raw: Any, column: Column) -> str | None:
    """A cell's value as the text the YAML should hold, ``None`` when empty.

    >>> cell_text(dt.datetime(2025, 3, 1), Column("starts", ("starts",), "month"))
    '2025-03'
    >>> cell_text(100000.0, Column("amount", ("amount",), "decimal"))
    '100000'
    """
    if raw is None:
        return None
    text = _as_text(raw, column)
    if not text.strip():
        return None
    return text if column.kind in FREE_TEXT else text.strip()


def _as_text(raw: Any, column: Column) -> str:
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, float):
        return str(int(raw)) if raw.is_integer() and abs(raw) < 1e16 else repr(raw)
    if isinstance(raw, dt.datetime | dt.date):
        return _date_text(raw, column)
    if isinstance(raw, dt.time):
        return raw.isoformat()
    return str(raw).replace("\r\n", "\n")


def _date_text(raw: dt.date, column: Column) -> str:
    if column.kind == "month":
        return raw.strftime("%Y-%m")
    if isinstance(raw, dt.datetime) and raw.time() != dt.time():
        return raw.isoformat(sep=" ")
    return raw.strftime("%Y-%m-%d")


def cell_value(raw: Any, column: Column, at: Cell, entity: str, problems: Problems) -> Any:
    """A cell's value as YAML data: text, a list of texts or a mapping; ``None`` if empty.
    A ``rule: level`` line that is neither, or names a rule twice, is a problem at ``at``."""
    text = cell_text(raw, column)
    if text is None:
        return None
    if column.kind == "some-ids":
        items = _items(text, column)
        return items[0] if items and len(items) == 1 else items
    if column.kind in LISTS:
        return _items(text, column)
    if column.kind == "map":
        return _levels(text, at, entity, problems, _PAIR.get(column.header, _PAIR["severity"]))
    return text


def _items(text: str, column: Column) -> list[str] | None:
    if column.nullable and text.strip() == "[]":
        return []
    if column.kind == "texts":
        return [line for line in text.split("\n") if line.strip()] or None
    items = (part.strip() for part in _ITEM_BREAK.split(text))
    return [item for item in items if item] or None


_PAIR = {
    "severity": "'rule: level' (one a line, e.g. 'age-gap: warning')",
    "capacity": "'service: places' (one a line, e.g. 'inclusion-mentors: 50')",
}
"""How a line of each mapping column is written, for the message when one is not."""


def _levels(
    text: str, at: Cell, entity: str, problems: Problems, pair: str
) -> dict[str, str] | None:
    levels: dict[str, str] = {}
    for line in text.split("\n"):
        rule, colon, level = line.partition(":")
        if not line.strip():
            continue
        if not colon or not rule.strip():
            problems.add(
                at,
                Rule.INVALID_VALUE,
                f"'{line.strip()}' is not {pair}",
                entity,
            )
        elif rule.strip() in levels:
            problems.add(at, Rule.DUPLICATE_KEY, f"'{rule.strip()}' is given twice", entity)
        else:
            levels[rule.strip()] = level.strip()
    return levels or None
