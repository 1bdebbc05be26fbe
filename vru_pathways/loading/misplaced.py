"""A key of an entity written at the indentation of the entities themselves.

::

    services:
      mentors:
        name: Mentors
      tier: secondary        # meant under mentors

YAML reads ``tier`` as a second service, whose value is not a mapping, and ``mentors``
as a service with no ``tier``. The first is said as what to change (the column to indent
it to), and the second, which follows from it, is not said at all.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..positions import Path, Positions, unpack
from ..schema.document import SECTIONS
from ..schema.references import NOUN

_NOT_A_MAPPING = frozenset({"model_type", "dict_type"})


def _noun(section: str) -> str:
    if section.endswith("_factors"):
        return "factor"
    return {"needs": "need", "scenarios": "scenario", "definitions": "definition"}.get(
        section, NOUN.get(section, "entry")
    )


class Misplaced:
    """The misplaced keys among one document's validation errors."""

    def __init__(self, errors: list[Any], model: type[BaseModel], positions: Positions) -> None:
        self.positions = positions
        self.model = model
        self._entries: dict[str, list[tuple[int, str]]] = {}
        self.found: dict[Path, tuple[str, int, int]] = {}
        """(section, key) → the entity above it, its line and the column of its keys."""
        for error in errors:
            loc = tuple(error["loc"])
            if len(loc) == 2 and loc[0] in SECTIONS and error["type"] in _NOT_A_MAPPING:
                self._look(loc[0], str(loc[1]))

    def _fields(self, section: str) -> list[str]:
        table = self.model.model_fields[section].annotation
        entity = getattr(table, "__args__", (None, None))[-1]
        if isinstance(entity, type) and issubclass(entity, BaseModel):
            return list(entity.model_fields)
        return []

    def _look(self, section: str, key: str) -> None:
        at = self.positions.keys.get((section, key))
        if at is None or key not in self._fields(section):
            return
        line, col = unpack(at)
        for above, ident in reversed([e for e in self._of(section) if e[0] < line]):
            keys = self.positions.keys_of((section, ident))
            if keys:
                first = min(unpack(p)[1] for p in keys)
                if first > col:
                    self.found[(section, key)] = (ident, above, first)
                return

    def _of(self, section: str) -> list[tuple[int, str]]:
        """The entities of a section, as (line, ID), in line order; read once per section
        however many keys are misplaced."""
        if section not in self._entries:
            found = []
            for q, p in self.positions.keys.items():
                if len(q) == 2 and q[0] == section:
                    found.append((unpack(p)[0], str(q[1])))
            self._entries[section] = sorted(found)
        return self._entries[section]

    def message(self, loc: Path) -> str | None:
        """What to say of the error at ``loc``, if it is a misplaced key."""
        if loc not in self.found:
            return None
        above, line, col = self.found[loc]
        noun = _noun(str(loc[0]))
        return (
            f"'{loc[1]}' is indented as {_a(noun)} of its own, but it is a key of {_a(noun)}: "
            f"indent it to column {col}, to line up with the keys of '{above}' (line {line})"
        )

    def follows(self, error: Any, loc: Path) -> bool:
        """Whether the error follows from a misplaced key and goes unsaid: a key the
        entity above lacks only because it is misplaced, or another complaint about the
        misplaced key itself (``reports_to`` is no ID)."""
        if loc in self.found:
            return error["type"] not in _NOT_A_MAPPING
        return (
            error["type"] == "missing"
            and len(loc) == 3
            and any((loc[0], loc[2]) == k and f[0] == loc[1] for k, f in self.found.items())
        )


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"
