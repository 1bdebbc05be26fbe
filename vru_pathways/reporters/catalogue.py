"""``list``'s entries as a table or as JSON."""

from __future__ import annotations

import json

from ..results import CatalogueEntry, CatalogueList
from .table import grid

LIST_FORMATS = ("table", "json")
"""The formats of ``list``."""


def _cell(value: str | tuple[str, ...]) -> str:
    return value if isinstance(value, str) else ", ".join(value)


def table(result: CatalogueList) -> str:
    """One row an entry: ID, name, then the kind's further columns."""
    if not result.entries:
        return f"No {result.kind} match.\n"
    header = ["id", *result.columns, "name"]
    rows = [[e.id, *(_cell(v) for _, v in e.details), e.name] for e in result.entries]
    footer = f"\n{len(result.entries)} {result.kind}\n"
    return "\n".join(grid(header, rows)) + "\n" + footer


def _entry(entry: CatalogueEntry) -> dict[str, object]:
    out: dict[str, object] = {"id": entry.id, "name": entry.name}
    out.update((k, v if isinstance(v, str) else list(v)) for k, v in entry.details)
    return out


def as_json(result: CatalogueList) -> str:
    """``{"kind": …, "entries": [{"id", "name", …}]}``."""
    document = {"kind": result.kind, "entries": [_entry(e) for e in result.entries]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def render(name: str, result: CatalogueList) -> str:
    """``result`` in format ``name`` (one of :data:`LIST_FORMATS`)."""
    return as_json(result) if name == "json" else table(result)
