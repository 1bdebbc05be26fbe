"""Open Referral UK / HSDS 3.0 service directory → a vru-pathways/1 document of services.

A local service directory knows what a service is called, who runs it, whether it is
open, whom it is for and where: that becomes ``partners``, ``areas`` and ``services``.
It does not know the prevention tier or the risk and protective factors a service works
on, so each service gets ``tier: primary`` and ``addresses: []``, both marked ``TODO``
for the analyst.

Where the two schemas keep what is read here (``shared/data``, HSDS 3.0 and the UK
profile agree on all of it):

- ages: ``minimum_age`` and ``maximum_age``, numbers on the service itself (3.0 has no
  eligibility table; the UK profile also drops ``eligibility_description``). Older
  exports' ``eligibility``/``eligibilitys`` entries with the same two keys are read too;
- areas: ``service_areas[].name`` (the UK profile repeats it as ``service_area``);
- status: ``status``, one of ``active``, ``inactive``, ``defunct``, ``temporarily closed``;
- provider: the service's ``organization`` object, the organisation whose ``services``
  hold it (``organization_full.json``), or ``organization_id`` naming one of those.

Pure: the caller reads the JSON and writes the YAML. Scalars are written as JSON strings
(valid YAML double-quoted scalars), with the characters YAML cannot hold raw escaped.

>>> text, warnings = import_directory([], "empty.json")
>>> "services: {}" in text, warnings
(True, [])
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field

from ..yaml_text import comment, key, quoted

__all__ = ["import_directory", "STATUS_MAP"]

STATUS_MAP: dict[str, str] = {
    "active": "active",
    "inactive": "closed",
    "defunct": "closed",
    "temporarily closed": "paused",
}
"""HSDS ``status`` → vru-pathways ``status``."""

_ID_LIMIT = 48
_MAX_AGE = 999  # the format's age ranges have at most three digits
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$")
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

Obj = dict[str, object]


# --- reading the JSON --------------------------------------------------------------------


def _obj(value: object) -> Obj | None:
    return value if isinstance(value, dict) else None


def _text(value: object) -> str | None:
    """A non-blank string, stripped; anything else is ``None``."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _key(value: object) -> str | None:
    """An identifier as text (HSDS ids are strings; tolerate numbers)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | str):
        return _text(str(value))
    return None


def _items(value: object) -> list[object]:
    if isinstance(value, list):
        return value
    return [value] if isinstance(value, dict) else []


def _age(value: object) -> int | None | str:
    """An age as a whole number; ``None`` when absent; a reason (str) when unreadable."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number: float
    if isinstance(value, bool):
        return f"{value!r} is not a number"
    if isinstance(value, int | float):
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


# --- writing YAML ------------------------------------------------------------------------


def _hsds_id(ident: str) -> str:
    return ident if _SAFE_ID.match(ident) else quoted(comment(ident))


def _slug(text: str, fallback: str) -> str:
    """A kebab-case ID for ``text``, at most ``_ID_LIMIT`` characters.

    >>> _slug("Example Organization Inc.", "partner")
    'example-organization-inc'
    >>> _slug("🎉", "service")
    'service'
    """
    spaced = re.sub(r"\s+", " ", text)  # every kind of space and line break divides words
    plain = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    if len(slug) > _ID_LIMIT:
        slug = slug[:_ID_LIMIT]
        cut = slug.rfind("-")
        if cut > _ID_LIMIT // 2:
            slug = slug[:cut]
        slug = slug.strip("-")
    return slug or fallback


def _unique(base: str, taken: set[str]) -> str:
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident


# --- the model ---------------------------------------------------------------------------


@dataclass
class _Partner:
    ident: str
    name: str
    hsds_id: str | None
    sector: str | None


@dataclass
class _Service:
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
class _Import:
    source: str
    warnings: list[str] = field(default_factory=list)
    partners: dict[str, _Partner] = field(default_factory=dict)  # org key → partner
    areas: dict[str, str] = field(default_factory=dict)  # area name → ID
    services: list[_Service] = field(default_factory=list)
    taken: dict[str, set[str]] = field(default_factory=dict)
    seen_services: dict[str, str] = field(default_factory=dict)  # HSDS id → service ID
    modified: list[str] = field(default_factory=list)

    def new_id(self, section: str, text: str, fallback: str) -> str:
        return _unique(_slug(text, fallback), self.taken.setdefault(section, set()))

    def partner(self, org: Obj) -> str | None:
        """The partner ID for an organisation object, adding it on first sight."""
        name, hsds_id = _text(org.get("name")), _key(org.get("id"))
        key = f"id:{hsds_id}" if hsds_id else f"name:{name}" if name else None
        if key is None:
            return None
        if key in self.partners:
            return self.partners[key].ident
        if name is None:
            return None  # only an id: a later record may name it
        sector = next((s for pattern, s in _SECTORS if pattern.search(name)), None)
        ident = self.new_id("partners", name, "partner")
        self.partners[key] = _Partner(ident, name, hsds_id, sector)
        self.note_modified(org)
        return ident

    def area(self, record: Obj) -> str | None:
        name = next(
            (
                t
                for t in (_text(record.get(k)) for k in ("name", "service_area", "description"))
                if t
            ),
            None,
        )
        if name is None:
            return None
        name = " ".join(name.split())
        if name not in self.areas:
            self.areas[name] = self.new_id("areas", name, "area")
        return self.areas[name]

    def note_modified(self, record: Obj) -> None:
        stamp = _text(record.get("last_modified"))
        if stamp:
            self.modified.append(stamp)


# --- finding the services in an export ---------------------------------------------------

_Entry = tuple[Obj, Obj | None, str]  # service, the organisation holding it, where


def _is_organization(record: Obj) -> bool:
    return isinstance(record.get("services"), list)


def _from_list(items: list[object], where: str, out: list[_Entry], imp: _Import) -> None:
    for index, item in enumerate(items):
        here = f"{where}[{index}]"
        record = _obj(item)
        if record is None:
            imp.warnings.append(f"{here}: not a JSON object; skipped")
        elif _is_organization(record):
            _from_organization(record, here, out, imp)
        else:
            out.append((record, None, here))


def _from_organization(org: Obj, where: str, out: list[_Entry], imp: _Import) -> None:
    services = org.get("services")
    assert isinstance(services, list)
    for index, item in enumerate(services):
        record = _obj(item)
        if record is None:
            imp.warnings.append(f"{where}.services[{index}]: not a JSON object; skipped")
        else:
            out.append((record, org, f"{where}.services[{index}]"))
    if imp.partner(org) is None:
        imp.warnings.append(f"{where}: an organisation with no name; no partner made for it")


def _check_page(page: Obj, imp: _Import) -> None:
    contents = page.get("contents")
    count = len(contents) if isinstance(contents, list) else 0
    total, pages = page.get("total_items"), page.get("total_pages")
    partial = page.get("last_page") is False or page.get("first_page") is False
    if isinstance(total, int) and not isinstance(total, bool) and total > count:
        partial = True
    if partial:
        what = f"page {page.get('page_number')} of {pages}" if pages is not None else "one page"
        of = f" of {total}" if isinstance(total, int) else ""
        imp.warnings.append(
            f"this export is {what}: it holds {count}{of} records; fetch every page "
            "(or ask for a larger per_page) to import them all"
        )


def _entries(data: object, imp: _Import) -> list[_Entry]:
    out: list[_Entry] = []
    if isinstance(data, list):
        _from_list(data, "", out, imp)
        return out
    record = _obj(data)
    if record is None:
        raise ValueError(
            f"not an HSDS export: expected a JSON object or list, found {type(data).__name__}"
        )
    if isinstance(record.get("contents"), list):
        _check_page(record, imp)
        contents = record["contents"]
        assert isinstance(contents, list)
        _from_list(contents, "contents", out, imp)
    elif _is_organization(record):
        _from_organization(record, "", out, imp)
    elif any(k in record for k in ("name", "id", "status")):
        out.append((record, None, ""))
    else:
        raise ValueError(
            "not an HSDS export: expected a service, an organization with "
            "'services', a page with 'contents', or a list of services"
        )
    return out


# --- mapping one service -----------------------------------------------------------------


def _ages(service: Obj, label: str, imp: _Import) -> str | None:
    holders = [
        service,
        *(
            e
            for e in (
                _obj(x) for key in ("eligibility", "eligibilitys") for x in _items(service.get(key))
            )
            if e
        ),
    ]
    for holder in holders:
        low, high = _age(holder.get("minimum_age")), _age(holder.get("maximum_age"))
        if low is None and high is None:
            continue
        problems = [
            f"{k} {v}"
            for k, v in (("minimum_age", low), ("maximum_age", high))
            if isinstance(v, str)
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
    eligibility = _text(service.get("eligibility_description"))
    if eligibility and re.search(r"\d", eligibility):
        imp.warnings.append(
            f"{label}: no minimum_age or maximum_age, but the eligibility "
            f"text may give ages: {eligibility!r}"
        )
    return None


def _status(service: Obj, label: str, imp: _Import) -> tuple[str | None, str | None]:
    """(status, a note for the analyst when it could not be mapped)."""
    raw = service.get("status")
    if raw is None:
        imp.warnings.append(f"{label}: no status; left out (the format then reads it as active)")
        return None, "no status in the directory"
    text = _text(raw) if isinstance(raw, str) else None
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
    service: Obj, holder: Obj | None, orgs: dict[str, Obj], label: str, imp: _Import
) -> str | None:
    own = _obj(service.get("organization"))
    org_id = _key(service.get("organization_id")) or (_key(own.get("id")) if own else None)
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


def _service(entry: _Entry, orgs: dict[str, Obj], imp: _Import) -> None:
    service, holder, where = entry
    hsds_id = _key(service.get("id"))
    name = _text(service.get("name"))
    label = f"service {json.dumps(name, ensure_ascii=False)}" if name else "a service"
    if hsds_id:
        label += f" (hsds id {hsds_id})"
    if where:
        label += f" at {where}"
    if hsds_id and hsds_id in imp.seen_services:
        imp.warnings.append(f"{label}: appears again; kept once, as '{imp.seen_services[hsds_id]}'")
        return
    if name is None:
        alternate = _text(service.get("alternate_name"))
        if alternate is None:
            imp.warnings.append(f"{label}: has no name; skipped")
            return
        imp.warnings.append(
            f"{label}: has no name; named by its alternate_name "
            f"{json.dumps(alternate, ensure_ascii=False)}"
        )
        name = alternate
    if hsds_id is None:
        imp.warnings.append(f"{label}: has no id; a later re-import cannot match it")
    ident = imp.new_id("services", name, "service")
    if hsds_id:
        imp.seen_services[hsds_id] = ident
    imp.note_modified(service)
    areas: list[str] = []
    for index, item in enumerate(_items(service.get("service_areas"))):
        record = _obj(item)
        area = imp.area(record) if record is not None else None
        if area is None:
            imp.warnings.append(f"{label}: service_areas[{index}] has no name; left out")
        elif area not in areas:
            areas.append(area)
    status, note = _status(service, label, imp)
    url = _text(service.get("url"))
    imp.services.append(
        _Service(
            ident=ident,
            name=name,
            hsds_id=hsds_id,
            provider=_provider(service, holder, orgs, label, imp),
            ages=_ages(service, label, imp),
            areas=areas,
            status=status,
            status_note=note,
            url=url,
            description=_text(service.get("description")),
        )
    )


# --- the document ------------------------------------------------------------------------


def _basename(source: str) -> str:
    return re.split(r"[\\/]", source.rstrip("\\/"))[-1] or source


def _header(imp: _Import) -> list[str]:
    source = comment(imp.source) or "an unnamed file"
    lines = [
        "# Services imported from an Open Referral UK / HSDS 3.0 service directory:",
        f"# {source}",
    ]
    if imp.modified:
        lines += [
            f"# Records last modified up to {comment(max(imp.modified))}",
            "# (HSDS exports carry no export date: this is the latest last_modified).",
        ]
    else:
        lines.append("# The export gives no date.")
    lines += [
        "#",
        "# A directory does not know what gap analysis needs, so for every service:",
        "# - tier is set to primary: check the prevention tier (each line says TODO);",
        "# - addresses is left empty: fill in the risk and protective factors it works on",
        "#   (until then `vru-pathways validate` reports each one as an orphan-service);",
        "# - capacity, funding, approach, outcomes, starts and ends are not in the directory.",
        "# status maps HSDS status: active -> active, inactive -> closed, defunct -> closed,",
        "# temporarily closed -> paused.",
        "# `# hsds id:` keeps the directory's id so that a later re-import can match records.",
    ]
    return lines


def _render(imp: _Import) -> str:
    base = re.sub(r"\.[A-Za-z0-9]+$", "", _basename(imp.source))
    doc_id = _slug(base, "directory")
    lines = [
        *_header(imp),
        "format: vru-pathways/1",
        f"id: {key(doc_id)}",
        f"title: {quoted(f'Services from {_basename(imp.source)}')}",
        "",
    ]

    partners = list(imp.partners.values())
    lines.append("partners:" if partners else "partners: {}")
    for p in partners:
        note = f"  # hsds id: {_hsds_id(p.hsds_id)}" if p.hsds_id else ""
        lines += [f"  {key(p.ident)}:{note}", f"    name: {quoted(p.name)}"]
        if p.sector:
            lines.append(f"    sector: {p.sector}  # guessed from the name")
    lines.append("")

    lines.append("areas:" if imp.areas else "areas: {}")
    for name, ident in imp.areas.items():
        long = "  # TODO: the directory's words; give it a short name" if len(name) > 60 else ""
        lines += [f"  {key(ident)}:{long}", f"    name: {quoted(name)}"]
    lines.append("")

    lines.append("services:" if imp.services else "services: {}")
    for s in imp.services:
        note = f"  # hsds id: {_hsds_id(s.hsds_id)}" if s.hsds_id else "  # hsds id: none"
        lines += [
            f"  {key(s.ident)}:{note}",
            f"    name: {quoted(s.name)}",
            "    tier: primary  # TODO: check the prevention tier",
        ]
        if s.provider:
            lines.append(f"    provider: {key(s.provider)}")
        if s.ages:
            lines.append(f"    ages: {quoted(s.ages)}")
        if s.areas:
            lines.append(f"    areas: [{', '.join(key(a) for a in s.areas)}]")
        if s.status:
            lines.append(f"    status: {s.status}")
        elif s.status_note:
            lines.append(
                f"    # TODO: status: {comment(s.status_note)}; set active, "
                "planned, paused or closed (left out, it reads as active)"
            )
        if s.url:
            lines.append(f"    url: {quoted(s.url)}")
        if s.description:
            lines.append(f"    description: {quoted(s.description)}")
        lines.append(
            "    addresses: []  # TODO: the risk and protective factors this service works on"
        )
    return "\n".join(lines).rstrip("\n") + "\n"


def import_directory(data: object, source: str) -> tuple[str, list[str]]:
    """Turn a parsed ORUK/HSDS 3.0 export into a vru-pathways/1 document.

    ``data`` is one service (``service_full.json``), a page of services
    (``{"contents": [...], "total_items": ...}``), a list of services, or an
    organization holding ``services`` (``organization_full.json``); lists and pages may
    also hold organizations. ``source`` is the file name, for the header and the
    document's ``id``. Returns the YAML text and warnings about what could not be mapped.
    Raises ``ValueError`` when ``data`` is none of these shapes.
    """
    imp = _Import(source)
    entries = _entries(data, imp)
    orgs: dict[str, Obj] = {}
    for service, holder, _ in entries:  # organisations by id, preferring named copies
        for org in (holder, _obj(service.get("organization"))):
            key = _key(org.get("id")) if org is not None else None
            if org is None or key is None:
                continue
            if key not in orgs or (_text(org.get("name")) and not _text(orgs[key].get("name"))):
                orgs[key] = org
    for entry in entries:
        _service(entry, orgs, imp)
    return _render(imp), imp.warnings
