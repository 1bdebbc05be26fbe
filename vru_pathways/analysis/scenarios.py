"""Scenarios: a copy of a framework changed as a "what if" says, never written back.

A change ends funding (the day before the scenario's date), closes services, starts
services (active from that date) and sets capacities. Every rule then runs as written on
the changed copy; what changed is what the gaps of the two say (see ``changes``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..diagnostics import InputError, suggest
from ..framework import Framework
from ..schema.document import Scenario


@dataclass(frozen=True)
class Change:
    """What a scenario changes; named in the model, or put together on the command line."""

    id: str
    name: str
    as_of: dt.date | None = None
    """The date to judge the changed framework on; the unchanged model's when ``None``."""
    end_funding: tuple[str, ...] = ()
    close: tuple[str, ...] = ()
    start: tuple[str, ...] = ()
    capacity: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, ident: str, scenario: Scenario) -> Change:
        return cls(
            ident,
            scenario.name,
            scenario.as_of,
            tuple(scenario.end_funding),
            tuple(scenario.close),
            tuple(scenario.start),
            dict(scenario.capacity),
        )

    @property
    def empty(self) -> bool:
        return not (self.end_funding or self.close or self.start or self.capacity)


def apply(framework: Framework, change: Change, as_of: dt.date) -> Framework:
    """A copy of ``framework`` with the change made, for judging on ``as_of``; the
    framework itself is left as it was."""
    day_before = as_of - dt.timedelta(days=1) if as_of > dt.date.min else as_of
    funding = dict(framework.funding)
    for x in change.end_funding:
        ends = funding[x].ends
        ends = day_before if ends is None else min(ends, day_before)
        starts = funding[x].starts
        funding[x] = funding[x].model_copy(
            update={"ends": ends, "starts": starts if starts is None else min(starts, ends)}
        )
    services = dict(framework.services)
    for s in change.close:
        services[s] = services[s].model_copy(update={"status": "closed"})
    for s in change.start:
        starts = services[s].starts
        late = starts is not None and starts > as_of
        services[s] = services[s].model_copy(
            update={"status": "active", "starts": as_of if late else starts}
        )
    for s, places in change.capacity.items():
        services[s] = services[s].model_copy(update={"capacity": places})
    return dataclasses.replace(framework, funding=funding, services=services)


def touched(framework: Framework, change: Change) -> frozenset[str]:
    """The services whose entries the change alters, or whose funding it ends: every
    other service is on the scenario's date what it is in the unchanged framework."""
    ended = set(change.end_funding)
    funded = {s for s, service in framework.services.items() if ended & set(service.funding)}
    return frozenset(funded | set(change.close) | set(change.start) | set(change.capacity))


def check_ids(framework: Framework, change: Change) -> None:
    """A change naming funding or services the framework does not have is an
    :class:`~vru_pathways.diagnostics.InputError`, with the likeliest meant."""
    wanted: Sequence[tuple[str, Sequence[str], Mapping[str, object]]] = (
        ("--end-funding", change.end_funding, framework.funding),
        ("--close", change.close, framework.services),
        ("--start", change.start, framework.services),
        ("--capacity", tuple(change.capacity), framework.services),
    )
    for option, ids, known in wanted:
        for ident in ids:
            if ident not in known:
                hint = suggest(ident, known)
                noun = "funding source" if option == "--end-funding" else "service"
                text = f"{option} {ident}: {framework.id} has no {noun} of that ID"
                raise InputError(f"{text} — did you mean '{hint}'?" if hint else text)
