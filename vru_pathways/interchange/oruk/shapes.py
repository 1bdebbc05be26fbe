"""Finding the services in an export, whatever its shape: one service, an organisation
holding ``services``, a page with ``contents``, or a list of any of these."""

from __future__ import annotations

from .collected import Import
from .values import Obj, as_obj

__all__ = ["Entry", "entries"]

Entry = tuple[Obj, Obj | None, str]
"""A service, the organisation holding it (if any), and where it is in the export."""


def entries(data: object, imp: Import) -> list[Entry]:
    """Every service in ``data``, in the export's order. Raises ``ValueError`` when
    ``data`` is none of the shapes."""
    out: list[Entry] = []
    if isinstance(data, list):
        _from_list(data, "", out, imp)
        return out
    record = as_obj(data)
    if record is None:
        raise ValueError(
            f"not an HSDS export: expected a JSON object or list, found {type(data).__name__}"
        )
    contents = record.get("contents")
    if isinstance(contents, list):
        _check_page(record, imp)
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


def _is_organization(record: Obj) -> bool:
    return isinstance(record.get("services"), list)


def _from_list(items: list[object], where: str, out: list[Entry], imp: Import) -> None:
    for index, item in enumerate(items):
        here = f"{where}[{index}]"
        record = as_obj(item)
        if record is None:
            imp.warnings.append(f"{here}: not a JSON object; skipped")
        elif _is_organization(record):
            _from_organization(record, here, out, imp)
        else:
            out.append((record, None, here))


def _from_organization(org: Obj, where: str, out: list[Entry], imp: Import) -> None:
    services = org.get("services")
    assert isinstance(services, list)
    for index, item in enumerate(services):
        record = as_obj(item)
        if record is None:
            imp.warnings.append(f"{where}.services[{index}]: not a JSON object; skipped")
        else:
            out.append((record, org, f"{where}.services[{index}]"))
    if imp.partner(org) is None:
        imp.warnings.append(f"{where}: an organisation with no name; no partner made for it")


def _check_page(page: Obj, imp: Import) -> None:
    """A warning when the page is one of several, or holds fewer records than the total."""
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
