"""The collected partners, areas and services → the YAML document, with comments for the
analyst: a header that says what the directory could not know, ``TODO`` on each line to
check, and each record's HSDS id kept for a later re-import.

Every scalar from the directory is quoted (:func:`..yaml_text.quoted`), every ID written
as :func:`..yaml_text.key` says, every comment made safe by :func:`..yaml_text.comment`.
"""

from __future__ import annotations

import re

from ..yaml_text import comment, key, quoted
from .collected import Import, Service
from .ids import slug

__all__ = ["render"]

_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$")
_LONG_NAME = 60
_HOW = [
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


def render(imp: Import) -> str:
    """The document's text, ending with one newline."""
    lines = [*_header(imp), *_document(imp), *_partners(imp), *_areas(imp), *_services(imp)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _basename(source: str) -> str:
    return re.split(r"[\\/]", source.rstrip("\\/"))[-1] or source


def _hsds_id(ident: str) -> str:
    """An HSDS id for a comment: as it is when it is plain, else quoted."""
    return ident if _SAFE_ID.match(ident) else quoted(comment(ident))


def _header(imp: Import) -> list[str]:
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
    return [*lines, *_HOW]


def _document(imp: Import) -> list[str]:
    base = re.sub(r"\.[A-Za-z0-9]+$", "", _basename(imp.source))
    return [
        "format: vru-pathways/1",
        f"id: {key(slug(base, 'directory'))}",
        f"title: {quoted(f'Services from {_basename(imp.source)}')}",
        "",
    ]


def _partners(imp: Import) -> list[str]:
    lines = ["partners:" if imp.partners else "partners: {}"]
    for p in imp.partners.values():
        note = f"  # hsds id: {_hsds_id(p.hsds_id)}" if p.hsds_id else ""
        lines += [f"  {key(p.ident)}:{note}", f"    name: {quoted(p.name)}"]
        if p.sector:
            lines.append(f"    sector: {p.sector}  # guessed from the name")
    return [*lines, ""]


def _areas(imp: Import) -> list[str]:
    lines = ["areas:" if imp.areas else "areas: {}"]
    for name, ident in imp.areas.items():
        long = (
            "  # TODO: the directory's words; give it a short name"
            if len(name) > _LONG_NAME
            else ""
        )
        lines += [f"  {key(ident)}:{long}", f"    name: {quoted(name)}"]
    return [*lines, ""]


def _services(imp: Import) -> list[str]:
    lines = ["services:" if imp.services else "services: {}"]
    for s in imp.services:
        lines += _service(s)
    return lines


def _service(s: Service) -> list[str]:
    note = f"  # hsds id: {_hsds_id(s.hsds_id)}" if s.hsds_id else "  # hsds id: none"
    lines = [
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
    lines.append("    addresses: []  # TODO: the risk and protective factors this service works on")
    return lines
