"""pydantic validation errors → located findings with rule IDs and suggestions.

A pydantic ``loc`` is walked down the positions of the YAML tree, falling back to the
deepest known ancestor. Unknown keys point at the key; missing keys at the mapping that
lacks them. The rule ID comes from the error type: our own constrained types raise errors
whose type *is* the rule ID.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from ..diagnostics import Finding, Location, Severity, suggest
from ..positions import Path, Positions, dotted
from ..rulebook import Rule
from .misplaced import Misplaced

_RULE_BY_TYPE = {
    "extra_forbidden": Rule.UNKNOWN_KEY,
    "missing": Rule.MISSING_KEY,
}
_OWN_RULES = frozenset({Rule.BAD_DATE, Rule.BAD_AGE_RANGE, Rule.BAD_ID})
_PLAIN = {
    "dict_type": "expected a mapping of keys to values",
    "model_type": "expected a mapping of keys to values",
    "list_type": "expected a list, such as [a, b]",
    "string_type": "expected text",
    "int_parsing": "expected a whole number",
    "int_type": "expected a whole number",
    "int_from_float": "expected a whole number",
    "decimal_parsing": "expected a number",
    "decimal_type": "expected a number",
    "finite_number": "expected a finite number",
    "int_parsing_size": "expected a whole number of sensible size",
    "string_too_short": "must not be empty",
    "greater_than_equal": "must be at least {ge}",
    "less_than_equal": "must be at most {le}",
}


def _strip(annotation: Any) -> Any:
    """Unwrap ``Annotated`` and ``X | None`` to the type that holds the keys."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def _type_at(model: type[BaseModel], path: Path) -> Any:
    """The declared type at ``path`` inside ``model``."""
    current: Any = model
    for part in path:
        current = _strip(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(str(part))
            if info is None:
                return None
            current = info.annotation
        elif typing.get_origin(current) in (dict, list):
            current = typing.get_args(current)[-1]
        else:
            return None
    return _strip(current)


def _choices(annotation: Any) -> list[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return [str(a) for a in typing.get_args(annotation)]
    return []


def _message(error: Any, model: type[BaseModel], path: Path, value: Any) -> tuple[str, str, str]:
    """The rule, the subject (the place the message opens with) and the rest of it."""
    kind = error["type"]
    where = dotted(path)
    parent_where = dotted(path[:-1]) or "the document"
    if kind == "extra_forbidden":
        return Rule.UNKNOWN_KEY, parent_where, _unknown_key(model, path)
    if kind == "missing":
        return Rule.MISSING_KEY, parent_where, f"'{path[-1]}' is required"
    if path == ("format",) and kind == "literal_error":
        text = f"unsupported format '{value}': this release reads vru-pathways/1 only"
        return Rule.INVALID_VALUE, "", text
    if kind in _OWN_RULES:
        return kind, where, error["msg"]
    choices = _choices(_type_at(model, tuple(p for p in path if p != "[key]")))
    if choices and isinstance(value, str):
        hint = suggest(value, choices)
        text = f"'{value}' is not one of {', '.join(choices)}"
        return Rule.INVALID_VALUE, where, f"{text} — did you mean '{hint}'?" if hint else text
    plain = _PLAIN.get(kind)
    text = plain.format(**error.get("ctx", {})) if plain else error["msg"]
    rule = _RULE_BY_TYPE.get(kind, Rule.INVALID_VALUE)
    return rule, where, f"{text}{_shown(value)}"


def _unknown_key(model: type[BaseModel], path: Path) -> str:
    """What to say of a key the format does not define: the likeliest one meant, else
    every key allowed there."""
    parent = _type_at(model, path[:-1])
    is_model = isinstance(parent, type) and issubclass(parent, BaseModel)
    fields = list(parent.model_fields) if is_model else []
    hint = suggest(str(path[-1]), fields)
    text = f"unknown key '{path[-1]}'"
    if hint:
        return f"{text} — did you mean '{hint}'?"
    return f"{text}; allowed keys: {', '.join(fields)}"


def _shown(value: Any) -> str:
    if isinstance(value, str) and len(value) < 60:
        return f" (got '{value}')"
    if isinstance(value, list):
        return " (got a list)"
    if isinstance(value, dict):
        return " (got a mapping)"
    return " (got nothing)" if value is None else ""


def _drop_key_marker(loc: Sequence[Any]) -> tuple[Path, bool]:
    if loc and loc[-1] == "[key]":
        return tuple(loc[:-1]), True
    return tuple(loc), False


def _comma(key: Any, meant: str) -> str:
    return (
        f"'{key}' is read as a key of its own, because a comma ends an unquoted value "
        f"inside {{ }}: put the whole value in quotes, {meant}"
    )


def from_validation_error(
    exc: ValidationError,
    model: type[BaseModel],
    positions: Positions,
    path: str,
    commas: dict[Path, str] | None = None,
) -> list[Finding]:
    """Every error in ``exc`` as a located finding; ``commas`` holds the keys a comma
    cut from the value before them, and what that value was meant to be."""
    out: list[Finding] = []
    commas = commas or {}
    errors = exc.errors(include_url=False)
    misplaced = Misplaced(errors, model, positions)
    for error in errors:
        loc, is_key = _drop_key_marker(error["loc"])
        if misplaced.follows(error, loc):
            continue
        rule, subject, text = _message(error, model, loc, error.get("input"))
        if rule == Rule.UNKNOWN_KEY and loc in commas:
            text = _comma(loc[-1], commas[loc])
        text = misplaced.message(loc) or text
        message = f"{subject}: {text}" if subject else text
        if rule == Rule.MISSING_KEY:
            line, col = positions.find(loc[:-1], key=True)
        else:
            key = is_key or rule == Rule.UNKNOWN_KEY or loc in misplaced.found
            line, col = positions.find(loc, key=key)
        entity = dotted(loc[:2]) if loc and loc[0] != "format" else ""
        where = Location(path, line, col)
        out.append(Finding(where, rule, message, Severity.ERROR, entity, subject=subject, path=loc))
    return out
