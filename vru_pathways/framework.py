"""The resolved framework: the union of a root document and everything it uses.

Entities keep the order the documents give them (used documents first, then the one that
uses them), so everything downstream is ordered by the data, never by hashing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from .diagnostics import Location
from .positions import Path, Positions
from .schema.document import (
    Approach,
    Area,
    Board,
    Definition,
    Document,
    Factor,
    Funding,
    Harm,
    Need,
    Outcome,
    Partner,
    Policy,
    Scenario,
    Scope,
    Service,
    Source,
)

FactorKind = Literal["risk", "protective"]


@dataclass(frozen=True, eq=False)
class Doc:
    """One loaded document: where it came from and where each of its values sits."""

    path: str
    model: Document
    positions: Positions
    broken: frozenset[str] = frozenset()
    """IDs of entries left out because they failed validation (already reported)."""

    def at(self, *path: str | int, key: bool = False) -> Location:
        line, col = self.positions.find(tuple(path), key=key)
        return Location(self.path, line, col)


@dataclass
class Framework:
    root: Doc
    docs: list[Doc]
    sources: dict[str, Source] = field(default_factory=dict)
    harms: dict[str, Harm] = field(default_factory=dict)
    factors: dict[str, Factor] = field(default_factory=dict)
    factor_kind: dict[str, FactorKind] = field(default_factory=dict)
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    approaches: dict[str, Approach] = field(default_factory=dict)
    areas: dict[str, Area] = field(default_factory=dict)
    partners: dict[str, Partner] = field(default_factory=dict)
    boards: dict[str, Board] = field(default_factory=dict)
    funding: dict[str, Funding] = field(default_factory=dict)
    needs: dict[str, Need] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    definitions: dict[str, Definition] = field(default_factory=dict)
    origin: dict[tuple[str, str], Doc] = field(default_factory=dict)
    """(section, ID) → the document that defines it; factors under their own section."""

    @property
    def id(self) -> str:
        return self.root.model.id or self.root.path

    @property
    def title(self) -> str:
        return self.root.model.title or self.id

    @property
    def scope(self) -> Scope:
        return self.root.model.scope or Scope()

    @property
    def policy(self) -> Policy:
        return self.root.model.policy or Policy()

    def as_of(self, override: dt.date | None = None) -> dt.date:
        return override or self.scope.as_of or dt.date.today()

    def section_of_factor(self, factor_id: str) -> str:
        return f"{self.factor_kind[factor_id]}_factors"

    def where(self, section: str, ident: str, *rest: str | int) -> Location:
        """The location of an entity (its key) or of one of its values."""
        doc = self.origin[(section, ident)]
        path: Path = (section, ident, *rest)
        return doc.at(*path, key=not rest)

    def where_factor(self, factor_id: str, *rest: str | int) -> Location:
        return self.where(self.section_of_factor(factor_id), factor_id, *rest)

    def section(self, name: str) -> dict[str, Any]:
        table: dict[str, Any] = getattr(self, name)
        return table
