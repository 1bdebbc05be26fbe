"""One HSDS service → a service entry: its name, provider, ages, areas and status.

Where HSDS 3.0 and the UK profile keep what is read here (they agree on all of it):

- ages: ``minimum_age`` and ``maximum_age``, numbers on the service itself (3.0 has no
  eligibility table; the UK profile also drops ``eligibility_description``). Older
  exports' ``eligibility``/``eligibilitys`` entries with the same two keys are read too;
- areas: ``service_areas[].name`` (the UK profile repeats it as ``service_area``);
- status: ``status``, one of ``active``, ``inactive``, ``defunct``, ``temporarily closed``;
- provider: the service's ``organization`` object, the organisation whose ``services``
  hold it (``organization_full.json``), or ``organization_id`` naming one of those.

What cannot be mapped is left out, with a warning that says why.
"""

from __future__ import annotations

import json
import math
import re

from .collected import Import, Service
from .shapes import Entry
from .values import Obj, as_id, as_items, as_obj, as_text

__all__ = ["STATUS_MAP", "service"]

STATUS_MAP: dict[str, str] = {
    "active": "active",
    "inactive": "closed",
    "defunct": "closed",
    "temporarily closed": "paused",
}
"""HSDS ``status`` → vru-pathways ``status``."""

_MAX_AGE = 999  # the format's age ranges have at most three digits


def service(entry: Entry, orgs: dict[str, Obj], imp: Import) -> None:
    """Add the entry's service to ``imp``, unless it has no name or was seen already.
    ``orgs``: the export's organisations by id."""
    record, holder, where = entry
    hsds_id = as_id(record.get("id"))
    label = _label(record, hsds_id, where)
    if hsds_id and hsds_id in imp.seen_services:
        imp.warnings.append(f"{label}: appears again; kept once, as '{imp.seen_services[hsds_id]}'")
        return
    name = _name(record, label, imp)
    if name is None:
        return
    if hsds_id is None:
        imp.warnings.append(f"{label}: has no id; a later re-import cannot match it")
    ident = imp.new_id("services", name, "service")
    if hsds_id:
        imp.seen_services[hsds_id] = ident
    imp.note_modified(record)
    areas = _areas(record, label, imp)
    status, note = _status(record, label, imp)
    imp.services.append(
        Service(
            ident=ident,
            name=name,
            hsds_id=hsds_id,
            provider=_provider(record, holder, orgs, label, imp),
            ages=_ages(record, label, imp),
            areas=areas,
            status=status,
            status_note=note,
            url=as_text(record.get("url")),
            description=as_text(record.get("description")),
        )
    )


def _label(record: Obj, hsds_id: str | None, where: str) -> str:
    """How the warnings name the service: by name, id and place in the export."""
    name = as_text(record.get("name"))
    label = f"service {json.dumps(name, ensure_ascii=False)}" if name else "a service"
    if hsds_id:
        label += f" (hsds id {hsds_id})"
    if where:
        label += f" at {where}"
    return label


def _name(record: Obj, label: str, imp: Import) -> str | None:
    """The service's name, else its ``alternate_name``; ``None``: skip it."""
    name = as_text(record.get("name"))
    if name is not None:
        return name
    alternate = as_text(record.get("alternate_name"))
    if alternate is None:
        imp.warnings.append(f"{label}: has no name; skipped")
        return None
    imp.warnings.append(
        f"{label}: has no name; named by its alternate_name "
        f"{json.dumps(alternate, ensure_ascii=False)}"
    )
    return alternate


def _areas(record: Obj, label: str, imp: Import) -> list[str]:
    areas: list[str] = []
    for index, item in enumerate(as_items(record.get("service_areas"))):
        entry = as_obj(item)
        area = imp.area(entry) if entry is not None else None
        if area is None:
            imp.warnings.append(f"{label}: service_areas[{index}] has no name; left out")
        elif area not in areas:
            areas.append(area)
    return areas


def _age(value: object) -> int | None | str:
    """An age as a whole number; ``None`` when absent; a reason (str) when unreadable.

    >>> _age("12"), _age(None), _age(2.5)
    (12, None, '2.5 is not a whole number of years')
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number: float
    if isinstance(value, bool):
        return f"{value!r} is not a number"
    if isinstance(value, int):
        if 0 <= value <= _MAX_AGE:
            return value
        return (
            f"{value!r} is not an age" if value.bit_length() < 64 else "a huge number is not an age"
        )
    if isinstance(value, float):
        number = value
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return f"{value!r} is not a number"
    else:
        return f"{json.dumps(value)} is not a number"
    if not math.isfinite(number) or number != int(number):
        return f"{value!r} is not a whole number of years"
    if not 0 <= number <= _MAX_AGE:
        return f"{value!r} is not an age"
    return int(number)


def _ages(record: Obj, label: str, imp: Import) -> str | None:
    """The first holder's age range that gives an age, as the format writes it
    (``11-18``, ``16+``)."""
    for holder in _age_holders(record):
        low, high = _age(holder.get("minimum_age")), _age(holder.get("maximum_age"))
        if low is not None or high is not None:
            return _age_range(low, high, label, imp)
    eligibility = as_text(record.get("eligibility_description"))
    if eligibility and re.search(r"\d", eligibility):
        imp.warnings.append(
            f"{label}: no minimum_age or maximum_age, but the eligibility "
            f"text may give ages: {eligibility!r}"
        )
    return None


def _age_holders(record: Obj) -> list[Obj]:
    """The service, then the eligibility entries of older exports."""
    found = (
        as_obj(x) for key in ("eligibility", "eligibilitys") for x in as_items(record.get(key))
    )
    return [record, *(e for e in found if e)]


def _age_range(
    low: int | None | str, high: int | None | str, label: str, imp: Import
) -> str | None:
    """Two ages (or why each could not be read) as a range; ``None``, with a warning, when
    one is unreadable or the range ends before it starts."""
    problems = [
        f"{k} {v}" for k, v in (("minimum_age", low), ("maximum_age", high)) if isinstance(v, str)
    ]
    if problems:
        imp.warnings.append(f"{label}: ages left out: {'; '.join(problems)}")
        return None
    assert not isinstance(low, str) and not isinstance(high, str)
    if low is not None and high is not None and high < low:
        imp.warnings.append(
            f"{label}: ages left out: maximum_age {high} is below minimum_age {low}"
        )
        return None
    if high is None:
        return None if not low else f"{low}+"
    return f"{low or 0}-{high}"


def _status(record: Obj, label: str, imp: Import) -> tuple[str | None, str | None]:
    """(status, a note for the analyst when it could not be mapped)."""
    raw = record.get("status")
    if raw is None:
        imp.warnings.append(f"{label}: no status; left out (the format then reads it as active)")
        return None, "no status in the directory"
    text = as_text(raw) if isinstance(raw, str) else None
    norm = " ".join(re.sub(r"[_-]", " ", text).lower().split()) if text else ""
    if norm in STATUS_MAP:
        return STATUS_MAP[norm], None
    shown = json.dumps(raw, ensure_ascii=False)
    imp.warnings.append(
        f"{label}: status {shown} is not an HSDS status (active, inactive, "
        "defunct, temporarily closed); left out for you to set"
    )
    return None, f"the directory's status {shown} is not an HSDS status"


def _provider(
    record: Obj, holder: Obj | None, orgs: dict[str, Obj], label: str, imp: Import
) -> str | None:
    """The partner of the service's own organisation, the one its id names, or the one
    holding it: the first with a name."""
    own = as_obj(record.get("organization"))
    org_id = as_id(record.get("organization_id")) or (as_id(own.get("id")) if own else None)
    candidates = [own, orgs.get(org_id) if org_id else None, holder]
    for org in candidates:
        if org is not None:
            ident = imp.partner(org)
            if ident is not None:
                return ident
    if org_id or own is not None:
        imp.warnings.append(
            f"{label}: its organisation"
            f"{f' (hsds id {org_id})' if org_id else ''} has no name in this "
            "export; provider left out"
        )
    return None
