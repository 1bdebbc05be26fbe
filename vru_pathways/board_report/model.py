"""The board report's outline, as data: what every writer (HTML, Markdown) lays out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..analysis.coverage import Coverage
from ..diagnostics import Finding
from ..schema.document import Source
from .money import MoneyAndTime


@dataclass(frozen=True)
class Matrix:
    title: str
    note: str
    columns: list[str]
    rows: list[tuple[str, list[str]]]


@dataclass(frozen=True)
class GapItem:
    finding: Finding
    remedies: list[str]
    """Approaches from the evidence catalogue that could close it, best-rated first."""
    elsewhere: list[str]
    """Services in the other loaded models that already give this factor a pathway."""


@dataclass(frozen=True)
class BoardGroup:
    board: str
    items: list[GapItem]


@dataclass(frozen=True)
class Listing:
    """A titled table of a section that every writer lays out the same way: the
    governance roll-up, the broken referral routes."""

    title: str
    note: str
    header: list[str]
    rows: list[list[str]]
    empty: str
    """What the section says when there are no rows."""


@dataclass(frozen=True)
class FundingRow:
    service: str
    ends: dt.date
    detail: str
    soon: bool


@dataclass
class Section:
    """One model's part of the report."""

    id: str
    title: str
    as_of: dt.date
    horizon_end: dt.date
    figures: list[tuple[str, str]]
    matrices: list[Matrix]
    boards: list[BoardGroup]
    funding: list[FundingRow]
    diagrams: list[tuple[str, object]] = field(default_factory=list)
    """(caption, Diagram) pairs, or (caption, reason) when a view cannot be drawn."""
    coverage: Coverage | None = None
    factor_names: dict[str, str] = field(default_factory=dict)
    money: MoneyAndTime | None = None
    listings: list[Listing] = field(default_factory=list)
    """The roll-up of gaps up the boards, and the referral routes that lead nowhere."""


@dataclass
class BoardReport:
    title: str
    sections: list[Section]
    comparison: list[Matrix]
    sources: list[tuple[str, Source]]
    findings: list[Finding]
