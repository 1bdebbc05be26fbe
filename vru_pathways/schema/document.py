"""pydantic models of one framework document, format version 1 (see FORMAT.md).

Pure: no IO. Unknown keys are errors everywhere (``extra="forbid"``). References between
entities are plain IDs here; they are resolved across documents by ``loading``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .types import Ages, Date, Id, Month, Text

FORMAT_VERSION = "vru-pathways/1"

Level = Literal["individual", "relationship", "community", "societal"]
Stage = Literal["short", "medium", "long", "impact"]
Tier = Literal["primary", "secondary", "tertiary"]
Impact = Literal["harmful", "none", "insufficient", "low", "moderate", "high"]
Sector = Literal[
    "police",
    "health",
    "local-authority",
    "education",
    "justice",
    "fire",
    "voluntary",
    "community",
    "other",
]
Duty = Literal["specified", "relevant", "policing-body", "none"]
Priority = Literal["high", "medium", "low"]
Status = Literal["active", "planned", "paused", "closed"]
Evaluation = Literal["none", "planned", "process", "impact"]
RuleSeverity = Literal["error", "warning", "info", "off"]

LEVELS: tuple[Level, ...] = ("individual", "relationship", "community", "societal")
STAGES: tuple[Stage, ...] = ("short", "medium", "long", "impact")
TIERS: tuple[Tier, ...] = ("primary", "secondary", "tertiary")
IMPACTS: tuple[Impact, ...] = ("harmful", "none", "insufficient", "low", "moderate", "high")

MAX_PEOPLE = 100_000_000
"""Places or people a year: more than the population of the United Kingdom is a typo."""
MAX_AMOUNT = 10**12
"""Pounds: a trillion is more than any funding stream; past it an amount is a typo (and
a number of a million digits would take minutes to print)."""

Count = Annotated[int, Field(ge=0, le=MAX_PEOPLE)]


class Entity(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Entity):
    """Where a fact comes from."""

    title: Text
    publisher: str | None = None
    year: Annotated[int, Field(ge=1000, le=9999)] | None = None
    url: str | None = None


class Harm(Entity):
    """A kind of serious violence."""

    name: Text
    description: str | None = None


class Factor(Entity):
    """A risk or protective factor, placed on the WHO ecological model."""

    name: Text
    level: Level
    ages: Ages | None = None
    harms: list[Id] = []
    sources: list[Id] = []
    indicators: list[str] = []
    description: str | None = None


class Outcome(Entity):
    """A change a service contributes to; impact outcomes are where pathways end."""

    name: Text
    stage: Stage
    leads_to: list[Id] = []
    indicator: str | None = None
    harms: list[Id] = []
    sources: list[Id] = []


class Evidence(Entity):
    """An evidence catalogue's rating of an approach."""

    source: Id | None = None
    impact: Impact | None = None
    quality: Annotated[int, Field(ge=1, le=5)] | None = None
    cost: Annotated[int, Field(ge=1, le=3)] | None = None
    rated: Month | None = None


class Approach(Entity):
    """A type of intervention and what the evidence says about it."""

    name: Text
    tiers: list[Tier] = []
    settings: list[str] = []
    addresses: list[Id] = []
    evidence: Evidence | None = None


class Area(Entity):
    name: Text
    within: Id | None = None


class Partner(Entity):
    name: Text
    sector: Sector | None = None
    duty: Duty | None = None


class Board(Entity):
    name: Text
    reports_to: Id | list[Id] | None = None
    """The board, or (from 1.1) the boards, this one reports to."""

    @property
    def reports_to_all(self) -> list[str]:
        """The boards this one reports to, as a list whichever form the YAML used."""
        if self.reports_to is None:
            return []
        return [self.reports_to] if isinstance(self.reports_to, str) else list(self.reports_to)


class Funding(Entity):
    name: Text
    funder: Id | None = None
    amount: Annotated[Decimal, Field(ge=0, le=MAX_AMOUNT)] | None = None
    starts: Date | None = None
    ends: Date | None = None


class Need(Entity):
    """The local picture of one factor, from the strategic needs assessment."""

    priority: Priority | None = None
    cohort: Count | None = None
    ages: Ages | None = None
    areas: list[Id] = []
    owner: Id | None = None
    evidence: str | None = None


class Service(Entity):
    """An activity that addresses factors."""

    name: Text
    tier: Tier
    provider: Id | None = None
    approach: Id | None = None
    ages: Ages | None = None
    areas: list[Id] = []
    capacity: Count | None = None
    funding: list[Id] = []
    status: Status = "active"
    starts: Date | None = None
    ends: Date | None = None
    addresses: list[Id] = []
    outcomes: list[Id] = []
    outputs: list[str] = []
    refers_to: list[Id] = []
    evaluation: Evaluation | None = None
    url: str | None = None
    description: str | None = None


class Scenario(Entity):
    """A "what if", judged on a copy of the loaded framework, never written back (1.1)."""

    name: Text
    description: str | None = None
    as_of: Date | None = None
    """The date to judge it on; the model's when not given."""
    end_funding: list[Id] = []
    """Funding that ends the day before the scenario's as-of date."""
    close: list[Id] = []
    """Services that close."""
    start: list[Id] = []
    """Services that are active from the scenario's as-of date."""
    capacity: dict[Id, Count] = {}
    """Services whose capacity changes: service ID → places a year."""


class Definition(Entity):
    """A definition of serious violence in use somewhere, as the harms it covers (1.2):
    what ``vru-pathways init --definition`` writes into a new model's ``scope.harms``."""

    name: Text
    harms: list[Id] = []
    description: str | None = None
    sources: list[Id] = []


class Scope(Entity):
    """The area's definition of serious violence."""

    harms: list[Id] | None = None
    ages: Ages | None = None
    areas: list[Id] | None = None
    as_of: Date | None = None


class Policy(Entity):
    """What a check should fail on."""

    horizon: Annotated[int, Field(ge=0, le=120)] = 6
    severity: dict[Id, RuleSeverity] = {}
    require_tiers: list[Tier] = []
    min_evidence: Impact = "low"
    fail_under: Annotated[float, Field(ge=0, le=100)] | None = None
    """Lowest acceptable coverage, in percent; below it a check fails (``--fail-under``)."""


class Document(Entity):
    """One YAML document of a framework."""

    format: Literal["vru-pathways/1"]
    id: Id | None = None
    title: str | None = None
    description: str | None = None
    uses: list[Text] = []
    sources: dict[Id, Source] = {}
    harms: dict[Id, Harm] = {}
    risk_factors: dict[Id, Factor] = {}
    protective_factors: dict[Id, Factor] = {}
    outcomes: dict[Id, Outcome] = {}
    approaches: dict[Id, Approach] = {}
    areas: dict[Id, Area] = {}
    partners: dict[Id, Partner] = {}
    boards: dict[Id, Board] = {}
    funding: dict[Id, Funding] = {}
    needs: dict[Id, Need] = {}
    services: dict[Id, Service] = {}
    scenarios: dict[Id, Scenario] = {}
    definitions: dict[Id, Definition] = {}
    scope: Scope | None = None
    policy: Policy | None = None


SECTIONS: tuple[str, ...] = (
    "sources",
    "harms",
    "risk_factors",
    "protective_factors",
    "outcomes",
    "approaches",
    "areas",
    "partners",
    "boards",
    "funding",
    "needs",
    "services",
    "scenarios",
    "definitions",
)
"""The sections that merge across documents, each a mapping of ID to entity."""
