"""What reading one YAML document gives: its value, where each part sits, its problems."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..positions import Positions
from .yaml_guard import YamlProblem

NULLS = frozenset({"", "~", "null", "Null", "NULL"})
"""Plain scalars read as no value; every other scalar stays the text the user wrote."""

MAX_PROBLEMS = 1000
"""Problems of one rule recorded per file; the rest are counted, in one last problem, so
that a file of a million duplicate keys costs no more than one of a thousand."""


@dataclass
class Parsed:
    value: Any
    positions: Positions
    problems: list[YamlProblem]
