"""What the board report says about each model, worked out once: the values
:mod:`.outline` arranges into blocks for every writer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

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
    name: str = ""
    """What the gap is about, by name (:func:`.plain.subject`)."""
    plain: str = ""
    """What is missing, in plain words (:func:`.plain.gap`)."""
    could: tuple[str, ...] = ()
    """The approaches that could close it, by name with their evidence rating."""
    cover: tuple[tuple[str, str], ...] = ()
    """Cover found in other areas: (area, service name) pairs, in the order loaded."""


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
    area: str = ""
    """The model's short name among those loaded (what differs between their titles)."""
    target: float | None = None
    """The coverage the partnership aims for, in percent (``policy.fail_under``)."""
    ending: list[Ending] = field(default_factory=list)
    """Funding of running services that ends within the horizon, soonest first."""
    partnership: str = ""
    """Who the paper is from (:func:`.build.partnership`)."""
    listings: list[Listing] = field(default_factory=list)
    """The roll-up of gaps up the boards, and the referral routes that lead nowhere."""


@dataclass(frozen=True)
class Ending:
    name: str
    amount: Decimal | None
    ends: dt.date
    services: tuple[str, ...]
    """The names of the running services it pays for."""


@dataclass
class BoardReport:
    title: str
    sections: list[Section]
    comparison: list[Matrix]
    sources: list[tuple[str, Source]]
    findings: list[Finding]
    places: dict[str, str] = field(default_factory=dict)
    """Area ID → name, over every model."""
