"""``list``: the shipped catalogue's IDs with their names, so that an analyst never
guesses one; and finding the catalogue, which ``init`` wires a new model to.

The catalogue is every document in the frameworks folder (``frameworks/`` of the
project), loaded together; its entries are listed in the order a reader scans them
(factors by ecological level, outcomes by stage, the rest by ID).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..diagnostics import InputError, Severity, suggest
from ..framework import Framework
from ..loading import display_path, load
from ..results import CatalogueEntry, CatalogueList
from ..schema.document import IMPACTS, LEVELS, STAGES

FRAMEWORKS = "frameworks"
"""The folder of the shipped catalogue, in the project folder."""
KINDS = ("factors", "outcomes", "approaches", "harms", "definitions")
"""What ``list`` lists."""
FILTERS = {
    "harm": ("factors", "outcomes", "approaches", "definitions"),
    "level": ("factors",),
}
"""The kinds each filter applies to."""


def find_frameworks(given: str | None = None, start: str = ".") -> Path:
    """The catalogue's folder: ``given``, else the nearest ``frameworks/`` at or above
    ``start`` (so a command works from anywhere inside the project)."""
    if given is not None:
        folder = Path(given)
        if not folder.is_dir():
            raise InputError(f"--frameworks {given}: no such folder")
        return folder
    here = Path(start).resolve()
    for folder in (here, *here.parents):
        if (folder / FRAMEWORKS).is_dir():
            return folder / FRAMEWORKS
    raise InputError(
        f"no {FRAMEWORKS}/ folder here or above {display_path(str(here))}: run the command "
        f"inside the project, or give --frameworks DIR"
    )


def documents(folder: Path) -> list[str]:
    """The catalogue's documents, sorted."""
    found = sorted(str(p) for p in folder.glob("*.yaml") if p.is_file())
    if not found:
        raise InputError(f"{display_path(str(folder))}: no framework documents (*.yaml) in it")
    return found


def read(folder: Path) -> Framework:
    """Every document of the catalogue loaded together, as one framework. A catalogue
    that does not load is an input error naming its first problem."""
    paths = documents(folder)
    loaded = load(paths, root=str(folder))
    problems = [f for f in loaded.findings if f.severity is Severity.ERROR]
    if problems or not loaded.frameworks:
        first = problems[0] if problems else None
        raise InputError(
            f"the catalogue in {display_path(str(folder))} does not load"
            + (f": {first.location}: {first.message}" if first else "")
        )
    merged = loaded.frameworks[0]
    for other in loaded.frameworks[1:]:
        for name in ("sources", "harms", "factors", "outcomes", "approaches", "definitions"):
            merged.section(name).update(other.section(name))
        merged.factor_kind.update(other.factor_kind)
    return merged


def known(value: str, choices: Iterable[str], what: str, listing: str) -> str:
    names = list(choices)
    if value in names:
        return value
    hint = suggest(value, names)
    text = f"no {what} '{value}' in the catalogue"
    text += f" — did you mean '{hint}'?" if hint else ""
    raise InputError(f"{text} (vru-pathways list {listing} shows them all)")


def check_filters(kind: str, harm: str | None, level: str | None) -> None:
    """A filter given for a kind it does not apply to is a usage error."""
    for name, value in (("harm", harm), ("level", level)):
        if value is not None and kind not in FILTERS[name]:
            kinds = ", ".join(FILTERS[name])
            raise InputError(f"--{name} applies to {kinds}, not to {kind}")


def listing(
    kind: str, harm: str | None = None, level: str | None = None, folder: str | None = None
) -> CatalogueList:
    """The catalogue's entries of ``kind``, with ``--harm`` and ``--level`` applied."""
    known(kind, KINDS, "kind", "--help")
    check_filters(kind, harm, level)
    catalogue = read(find_frameworks(folder))
    if harm is not None:
        known(harm, catalogue.harms, "harm", "harms")
    if level is not None:
        known(level, LEVELS, "level", "factors")
    build: Callable[[Framework, str | None, str | None], CatalogueList] = _BUILDERS[kind]
    return build(catalogue, harm, level)


def _factors(fw: Framework, harm: str | None, level: str | None) -> CatalogueList:
    chosen = [
        (ident, f)
        for ident, f in fw.factors.items()
        if (harm is None or harm in f.harms) and (level is None or f.level == level)
    ]
    chosen.sort(key=lambda pair: (LEVELS.index(pair[1].level), pair[0]))
    entries = tuple(
        CatalogueEntry(
            ident,
            f.name,
            (
                ("kind", fw.factor_kind[ident]),
                ("level", f.level),
                ("ages", str(f.ages) if f.ages else ""),
                ("harms", tuple(f.harms)),
            ),
        )
        for ident, f in chosen
    )
    return CatalogueList("factors", entries, ("kind", "level", "ages", "harms"))


def _outcomes(fw: Framework, harm: str | None, _level: str | None) -> CatalogueList:
    chosen = [(i, o) for i, o in fw.outcomes.items() if harm is None or harm in o.harms]
    chosen.sort(key=lambda pair: (STAGES.index(pair[1].stage), pair[0]))
    entries = tuple(
        CatalogueEntry(i, o.name, (("stage", o.stage), ("harms", tuple(o.harms))))
        for i, o in chosen
    )
    return CatalogueList("outcomes", entries, ("stage", "harms"))


def _addresses_harm(fw: Framework, addresses: list[str], harm: str | None) -> bool:
    return harm is None or any(harm in fw.factors[f].harms for f in addresses)


def _approaches(fw: Framework, harm: str | None, _level: str | None) -> CatalogueList:
    entries = []
    for ident in sorted(fw.approaches):
        a = fw.approaches[ident]
        if not _addresses_harm(fw, a.addresses, harm):
            continue
        impact = a.evidence.impact if a.evidence and a.evidence.impact else "unrated"
        details: tuple[tuple[str, Any], ...] = (("tiers", tuple(a.tiers)), ("evidence", impact))
        entries.append(CatalogueEntry(ident, a.name, details))
    return CatalogueList("approaches", tuple(entries), ("tiers", "evidence"))


def _harms(fw: Framework, _harm: str | None, _level: str | None) -> CatalogueList:
    entries = tuple(CatalogueEntry(i, fw.harms[i].name) for i in sorted(fw.harms))
    return CatalogueList("harms", entries)


def _definitions(fw: Framework, harm: str | None, _level: str | None) -> CatalogueList:
    entries = tuple(
        CatalogueEntry(i, d.name, (("harms", tuple(d.harms)),))
        for i, d in sorted(fw.definitions.items())
        if harm is None or harm in d.harms
    )
    return CatalogueList("definitions", entries, ("harms",))


_BUILDERS: dict[str, Callable[[Framework, str | None, str | None], CatalogueList]] = {
    "factors": _factors,
    "outcomes": _outcomes,
    "approaches": _approaches,
    "harms": _harms,
    "definitions": _definitions,
}

IMPACT_RANK = {impact: rank for rank, impact in enumerate(IMPACTS)}
"""An evidence rating's place, worst first."""


def relative(target: Path, start: Path) -> str:
    """``target`` as a POSIX path relative to the folder ``start``."""
    return Path(os.path.relpath(target.resolve(), start.resolve())).as_posix()
