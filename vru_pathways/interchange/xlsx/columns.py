"""The workbook's layout, read off the pydantic models: its sheets and their columns.

A "Documents" sheet has a row per document and a column per document field; a "Scope
and policy" sheet has ``document``, ``key``, ``value`` rows (``scope.ages``); each section
has a sheet ("Sources" … "Services") whose columns are ``document``, the ID (``factor`` on
"Needs"), then every field of the entity in the model's order, a nested mapping flattened
to ``evidence.impact`` and so on. A field added to a model is a column without more code.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel

from ...schema.document import SECTIONS, Document, Policy, Scope
from ...schema.types import Ages, Date, Id, Month

DOCUMENTS = "Documents"
SCOPE_AND_POLICY = "Scope and policy"
ROOT_FOLDER = "vru-pathways root folder"
"""A custom document property: the names of the root document's folder and of its parents,
as far up as a document's path goes (``models/northbrook`` for ``../../frameworks/…``). A
``uses`` path that climbs out and back down by name (``../northbrook/x.yaml``) resolves
only with them; without them, the check uses made-up names."""

Kind = Literal[
    "text",
    "id",
    "choice",
    "int",
    "float",
    "decimal",
    "date",
    "month",
    "ages",
    "ids",
    "choices",
    "texts",
    "map",
    "some-ids",
]
LISTS: tuple[Kind, ...] = ("ids", "choices", "texts", "some-ids")
NUMBERS: tuple[Kind, ...] = ("int", "float", "decimal")
FREE_TEXT: tuple[Kind, ...] = ("text", "texts")
"""Kept as typed, spaces and all; other cells are stripped."""
TYPED: tuple[Kind, ...] = ("int", "float", "decimal", "date")
"""Written plain in the YAML, as numbers and dates are in the shipped documents."""
_LIST_OF: dict[str, Kind] = {"id": "ids", "choice": "choices", "text": "texts"}
_SIMPLE: dict[Any, Kind] = {str: "text", int: "int", float: "float", Decimal: "decimal"}


@dataclass(frozen=True)
class Column:
    """One spreadsheet column: a field of an entity (or of a nested mapping)."""

    header: str
    path: tuple[str, ...]
    kind: Kind
    choices: tuple[str, ...] = ()
    nullable: bool = False
    """An empty list differs from none here (written ``[]``)."""


@dataclass(frozen=True)
class Sheet:
    """The sheet of one section: its title, the ID column's header and the field columns."""

    title: str
    section: str
    key: str
    columns: tuple[Column, ...]


def _optional(annotation: Any) -> tuple[Any, bool]:
    """``X | None`` → (``X``, True); anything else → (itself, False)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
        return typing.Union[tuple(args)], True  # noqa: UP007 - built from a tuple at run time
    return annotation, False


def _kind(annotation: Any) -> tuple[Kind, tuple[str, ...]]:
    """The kind of column a field's type makes, and its choices if it is a closed set."""
    for alias, kind in ((Id, "id"), (Date, "date"), (Month, "month"), (Ages, "ages")):
        if annotation == alias:
            return typing.cast(Kind, kind), ()
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _kind(args[0])
    if origin in (typing.Union, types.UnionType) and args == (Id, list[Id]):
        return "some-ids", ()
    if origin is Literal:
        return "choice", tuple(str(a) for a in args)
    if origin is list:
        item, choices = _kind(args[0])
        if item in _LIST_OF:
            return _LIST_OF[item], choices
    if origin is dict and _kind(args[0])[0] == "id":
        value, choices = _kind(args[1])
        if value in ("choice", "int"):
            return "map", choices
    if annotation in _SIMPLE:
        return _SIMPLE[annotation], ()
    raise TypeError(f"no spreadsheet column for a field of type {annotation!r}")


def _columns(
    model: type[BaseModel], prefix: tuple[str, ...] = (), names: Iterable[str] | None = None
) -> tuple[Column, ...]:
    out: list[Column] = []
    for name in names if names is not None else model.model_fields:
        annotation, nullable = _optional(model.model_fields[name].annotation)
        path = (*prefix, name)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            out += _columns(annotation, path)
            continue
        kind, choices = _kind(annotation)
        out.append(Column(".".join(path), path, kind, choices, nullable and kind in LISTS))
    return tuple(out)


def _entity_model(section: str) -> type[BaseModel]:
    model: type[BaseModel] = typing.get_args(Document.model_fields[section].annotation)[1]
    return model


ENTITY_SHEETS: tuple[Sheet, ...] = tuple(
    Sheet(
        section.replace("_", " ").capitalize(),
        section,
        "factor" if section == "needs" else "id",
        _columns(_entity_model(section)),
    )
    for section in SECTIONS
)
"""One sheet per section, in the format's order."""
DOCUMENT_COLUMNS = _columns(Document, names=("id", "title", "description", "uses", "format"))
SETTINGS = _columns(Scope, ("scope",)) + _columns(Policy, ("policy",))
"""The keys of the "Scope and policy" sheet (``scope.ages``), in the model's order."""
SETTINGS_VALUE = Column("value", ("value",), "text")
"""The "Scope and policy" sheet's ``value`` column, read as each row's key says."""
