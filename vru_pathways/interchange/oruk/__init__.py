"""Open Referral UK / HSDS 3.0 service directory → a vru-pathways/1 document of services.

A local service directory knows what a service is called, who runs it, whether it is
open, whom it is for and where: that becomes ``partners``, ``areas`` and ``services``.
It does not know the prevention tier or the risk and protective factors a service works
on, so each service gets ``tier: primary`` and ``addresses: []``, both marked ``TODO``
for the analyst.

The import finds the services in the export's shape (:mod:`.shapes`), maps each one's
fields (:mod:`.mapping`, which says where HSDS keeps what is read), collects partners,
areas and services with IDs made from their names (:mod:`.collected`, :mod:`.ids`) and
writes the document (:mod:`.render`). Pure: the caller reads the JSON and writes the YAML.

>>> text, warnings = import_directory([], "empty.json")
>>> "services: {}" in text, warnings
(True, [])
"""

from __future__ import annotations

from .collected import Import
from .mapping import STATUS_MAP, service
from .render import render
from .shapes import Entry, entries
from .values import Obj, as_id, as_obj, as_text

__all__ = ["STATUS_MAP", "import_directory"]


def import_directory(data: object, source: str) -> tuple[str, list[str]]:
    """Turn a parsed ORUK/HSDS 3.0 export into a vru-pathways/1 document.

    ``data`` is one service (``service_full.json``), a page of services
    (``{"contents": [...], "total_items": ...}``), a list of services, or an
    organization holding ``services`` (``organization_full.json``); lists and pages may
    also hold organizations. ``source`` is the file name, for the header and the
    document's ``id``. Returns the YAML text and warnings about what could not be mapped.
    Raises ``ValueError`` when ``data`` is none of these shapes.
    """
    imp = Import(source)
    found = entries(data, imp)
    orgs = _organizations(found)
    for entry in found:
        service(entry, orgs, imp)
    return render(imp), imp.warnings


def _organizations(found: list[Entry]) -> dict[str, Obj]:
    """The export's organisations by id, a named copy preferred to a nameless one."""
    orgs: dict[str, Obj] = {}
    for record, holder, _ in found:
        for org in (holder, as_obj(record.get("organization"))):
            key = as_id(org.get("id")) if org is not None else None
            if org is None or key is None:
                continue
            if key not in orgs or (as_text(org.get("name")) and not as_text(orgs[key].get("name"))):
                orgs[key] = org
    return orgs
