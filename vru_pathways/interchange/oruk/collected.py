"""What an import collects: the partners, areas and services it has made, their IDs, and
the warnings for the analyst."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .ids import slug, unique
from .values import Obj, as_id, as_text

__all__ = ["Import", "Partner", "Service"]

_SECTORS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bpolice\b", re.I), "police"),
    (re.compile(r"\bfire and rescue\b", re.I), "fire"),
    (re.compile(r"\bnhs\b", re.I), "health"),
    (
        re.compile(
            r"\b(city|county|borough|district|metropolitan borough) council\b"
            r"|^london borough of\b",
            re.I,
        ),
        "local-authority",
    ),
)
"""A partner's sector, guessed from words in its name."""


@dataclass
class Partner:
    ident: str
    name: str
    hsds_id: str | None
    sector: str | None


@dataclass
class Service:
    ident: str
    name: str
    hsds_id: str | None
    provider: str | None
    ages: str | None
    areas: list[str]
    status: str | None
    status_note: str | None
    url: str | None
    description: str | None


@dataclass
class Import:
    source: str
    warnings: list[str] = field(default_factory=list)
    partners: dict[str, Partner] = field(default_factory=dict)
    """``id:`` or ``name:`` and the organisation's id or name → its partner."""
    areas: dict[str, str] = field(default_factory=dict)
    """Area name → ID."""
    services: list[Service] = field(default_factory=list)
    taken: dict[str, dict[str, int]] = field(default_factory=dict)
    """Section → the IDs made in it (see :func:`.ids.unique`)."""
    seen_services: dict[str, str] = field(default_factory=dict)
    """HSDS id → service ID."""
    modified: list[str] = field(default_factory=list)
    """Every record's ``last_modified``."""

    def new_id(self, section: str, text: str, fallback: str) -> str:
        return unique(slug(text, fallback), self.taken.setdefault(section, {}))

    def partner(self, org: Obj) -> str | None:
        """The partner ID for an organisation object, adding it on first sight."""
        name, hsds_id = as_text(org.get("name")), as_id(org.get("id"))
        key = f"id:{hsds_id}" if hsds_id else f"name:{name}" if name else None
        if key is None:
            return None
        if key in self.partners:
            return self.partners[key].ident
        if name is None:
            return None  # only an id: a later record may name it
        sector = next((s for pattern, s in _SECTORS if pattern.search(name)), None)
        ident = self.new_id("partners", name, "partner")
        self.partners[key] = Partner(ident, name, hsds_id, sector)
        self.note_modified(org)
        return ident

    def area(self, record: Obj) -> str | None:
        """The area ID for a ``service_areas`` entry, adding it on first sight."""
        names = (as_text(record.get(k)) for k in ("name", "service_area", "description"))
        name = next((n for n in names if n), None)
        if name is None:
            return None
        name = " ".join(name.split())
        if name not in self.areas:
            self.areas[name] = self.new_id("areas", name, "area")
        return self.areas[name]

    def note_modified(self, record: Obj) -> None:
        stamp = as_text(record.get("last_modified"))
        if stamp:
            self.modified.append(stamp)
