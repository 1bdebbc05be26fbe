"""The filters checked against the model before anything is drawn: a value no model
entity has is a usage error with a suggestion, never an empty or a wrong picture."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from ..diagnostics import suggest
from ..framework import Framework
from ..schema.document import LEVELS, TIERS
from . import GROUP_BY, MATRIX_BY, Options, ViewError


def _unknown(flag: str, values: Iterable[str], known: Collection[str], noun: str) -> None:
    """``noun`` is what a value must be: ``a prevention tier``, or for the model's own
    entities ``an area ID``."""
    for value in values:
        if value in known:
            continue
        hint = suggest(value, known)
        what = f"not {noun} of the model" if noun.endswith(" ID") else f"not {noun}"
        choices = f" ({', '.join(known)})" if 0 < len(known) <= 12 else ""
        raise ViewError(
            f"{flag} {value}: {what}{choices}" + (f" — did you mean '{hint}'?" if hint else "")
        )


def check(fw: Framework, options: Options) -> None:
    """:class:`ViewError` for the first filter value the framework does not have."""
    _unknown("--tier", options.tiers, TIERS, "a prevention tier")
    _unknown("--area", options.areas, fw.areas, "an area ID")
    _unknown("--harm", options.harms, fw.harms, "a harm ID")
    _unknown("--level", options.levels, LEVELS, "an ecological level")
    _unknown("--board", (b for b in options.boards if b), fw.boards, "a board ID")
    if options.group_by is not None:
        _unknown("--group-by", (options.group_by,), GROUP_BY, "a grouping")
    _unknown("--columns", (options.columns,), MATRIX_BY, "a kind of column")
