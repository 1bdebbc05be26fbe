"""Constrained scalar types of the format.

Each bad value raises a :class:`PydanticCustomError` whose *type* is the rule ID the user
sees (``bad-date``, ``bad-age-range``…), so error mapping needs no string matching.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..ages import PATTERN as AGES_PATTERN
from ..ages import AgeRange
from ..rulebook import Rule

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
_DATE = re.compile(DATE_PATTERN)
_MONTH = re.compile(MONTH_PATTERN)
_ID = re.compile(ID_PATTERN)
_ID_MATCH = _ID.match
_AGES: dict[str, AgeRange] = {}
"""Age ranges read so far, by their text: the same few ranges recur across thousands of
services, and an :class:`AgeRange` is frozen."""


def _text(value: Any, rule: str, what: str) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError(rule, "expected {what} written as text", {"what": what})
    return value


def _parse_id(value: Any) -> str:
    if value.__class__ is str and _ID_MATCH(value):
        return value  # nearly every ID: one test, no other call (a million at 100k services)
    text = _text(value, Rule.BAD_ID, "an ID")
    if not _ID.match(text):
        hint = re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-") or "an-id"
        raise PydanticCustomError(
            Rule.BAD_ID,
            "'{value}' is not a valid ID: use lower-case letters, digits and hyphens, "
            "e.g. '{hint}'",
            {"value": text, "hint": hint},
        )
    return text


def _parse_date(value: Any) -> dt.date:
    text = _text(value, Rule.BAD_DATE, "a date (YYYY-MM-DD)")
    if not _DATE.match(text):
        raise PydanticCustomError(
            Rule.BAD_DATE, "'{value}' is not a date; write it as YYYY-MM-DD", {"value": text}
        )
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise PydanticCustomError(
            Rule.BAD_DATE,
            "'{value}' is not a real date ({reason})",
            {"value": text, "reason": str(exc)},
        ) from None


def _parse_month(value: Any) -> str:
    text = _text(value, Rule.BAD_DATE, "a month (YYYY-MM)")
    if not _MONTH.match(text):
        raise PydanticCustomError(
            Rule.BAD_DATE, "'{value}' is not a month; write it as YYYY-MM", {"value": text}
        )
    return text


def _parse_ages(value: Any) -> AgeRange:
    known = _AGES.get(value) if value.__class__ is str else None
    if known is not None:
        return known
    text = _text(value, Rule.BAD_AGE_RANGE, 'an age range such as "10-17"')
    try:
        ages = AgeRange.parse(text)
    except ValueError as exc:
        raise PydanticCustomError(Rule.BAD_AGE_RANGE, str(exc)) from None
    if len(_AGES) < 10_000:
        _AGES[text] = ages
    return ages


Id = Annotated[
    str,
    PlainValidator(_parse_id),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN}),
]
Date = Annotated[
    dt.date,
    PlainValidator(_parse_date),
    WithJsonSchema({"type": "string", "pattern": DATE_PATTERN, "format": "date"}),
]
Month = Annotated[
    str,
    PlainValidator(_parse_month),
    WithJsonSchema({"type": "string", "pattern": MONTH_PATTERN}),
]
Ages = Annotated[
    AgeRange,
    PlainValidator(_parse_ages),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": AGES_PATTERN}),
]
Text = Annotated[str, StringConstraints(min_length=1)]
