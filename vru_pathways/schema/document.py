"""pydantic models of one framework document, format version 1 (see FORMAT.md).

Pure: no IO. Unknown keys are errors everywhere (``extra="forbid"``). References between
entities are plain IDs here; they are resolved across documents by ``loading``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

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


def no_items() -> Any:
    """An empty list by default, made for each entity by ``list`` (pydantic deep-copies
    a default value for each entity that leaves the field out: 200,000 copies on a
    national framework); the JSON Schema still gives the default."""
    return Field(default_factory=list, json_schema_extra={"default": []})


def no_entries() -> Any:
    """An empty mapping by default, as :func:`no_items`."""
    return Field(default_factory=dict, json_schema_extra={"default": {}})


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
    harms: list[Id] = no_items()
    sources: list[Id] = no_items()
    indicators: list[str] = no_items()
    description: str | None = None


class Outcome(Entity):
    """A change a service contributes to; impact outcomes are where pathways end."""

    name: Text
    stage: Stage
    leads_to: list[Id] = no_items()
    indicator: str | None = None
    harms: list[Id] = no_items()
    sources: list[Id] = no_items()


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
    tiers: list[Tier] = no_items()
    settings: list[str] = no_items()
    addresses: list[Id] = no_items()
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
    areas: list[Id] = no_items()
    owner: Id | None = None
    evidence: str | None = None


class Service(Entity):
    """An activity that addresses factors."""

    name: Text
    tier: Tier
    provider: Id | None = None
    approach: Id | None = None
    ages: Ages | None = None
    areas: list[Id] = no_items()
    capacity: Count | None = None
    funding: list[Id] = no_items()
    status: Status = "active"
    starts: Date | None = None
    ends: Date | None = None
    addresses: list[Id] = no_items()
    outcomes: list[Id] = no_items()
    outputs: list[str] = no_items()
    refers_to: list[Id] = no_items()
    evaluation: Evaluation | None = None
    url: str | None = None
    description: str | None = None


class Scenario(Entity):
    """A "what if", judged on a copy of the loaded framework, never written back (1.1)."""

    name: Text
    description: str | None = None
    as_of: Date | None = None
    """The date to judge it on; the model's when not given."""
    end_funding: list[Id] = no_items()
    """Funding that ends the day before the scenario's as-of date."""
    close: list[Id] = no_items()
    """Services that close."""
    start: list[Id] = no_items()
    """Services that are active from the scenario's as-of date."""
    capacity: dict[Id, Count] = no_entries()
    """Services whose capacity changes: service ID → places a year."""


class Definition(Entity):
    """A definition of serious violence in use somewhere, as the harms it covers (1.2):
    what ``vru-pathways init --definition`` writes into a new model's ``scope.harms``."""

    name: Text
    harms: list[Id] = no_items()
    description: str | None = None
    sources: list[Id] = no_items()


class Scope(Entity):
    """The area's definition of serious violence."""

    harms: list[Id] | None = None
    ages: Ages | None = None
    areas: list[Id] | None = None
    as_of: Date | None = None


class Policy(Entity):
    """What a check should fail on."""

    horizon: Annotated[int, Field(ge=0, le=120)] = 6
    severity: dict[Id, RuleSeverity] = no_entries()
    require_tiers: list[Tier] = no_items()
    min_evidence: Impact = "low"
    fail_under: Annotated[float, Field(ge=0, le=100)] | None = None
    """Lowest acceptable coverage, in percent; below it a check fails (``--fail-under``)."""


class Document(Entity):
    """One YAML document of a framework."""

    format: Literal["vru-pathways/1"]
    id: Id | None = None
    title: str | None = None
    description: str | None = None
    uses: list[Text] = no_items()
    sources: dict[Id, Source] = no_entries()
    harms: dict[Id, Harm] = no_entries()
    risk_factors: dict[Id, Factor] = no_entries()
    protective_factors: dict[Id, Factor] = no_entries()
    outcomes: dict[Id, Outcome] = no_entries()
    approaches: dict[Id, Approach] = no_entries()
    areas: dict[Id, Area] = no_entries()
    partners: dict[Id, Partner] = no_entries()
    boards: dict[Id, Board] = no_entries()
    funding: dict[Id, Funding] = no_entries()
    needs: dict[Id, Need] = no_entries()
    services: dict[Id, Service] = no_entries()
    scenarios: dict[Id, Scenario] = no_entries()
    definitions: dict[Id, Definition] = no_entries()
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
