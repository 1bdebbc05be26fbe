"""The loader's findings on the assembled documents, pointed at the cells their values came from.

The documents are checked in memory (:func:`~vru_pathways.loading.load_texts`), rooted at
those no other document uses. A finding's line maps to the cell the line came from; its
message loses the YAML path it opened with (``Finding.subject``: the cell now says where),
and a missing field points at its column when the sheet has one (``Finding.path``), so
nothing here reads a message's words.
"""

from __future__ import annotations

import dataclasses
import posixpath
from dataclasses import dataclass

from ...diagnostics import Finding, Location
from ...loading import load_texts
from ...rulebook import Rule
from ...schema.document import SECTIONS
from .assemble import Yaml
from .cells import Cell, Problems, Row
from .paths import ups

__all__ = ["check", "roots_of"]

_MADE_UP = ".xlsx-root"
"""The name of each folder a path climbs out of, when the workbook does not say."""


def roots_of(documents: dict[str, Row]) -> list[str]:
    """The documents no other document uses (in the sheet's order); else the last one."""
    used: set[str] = set()
    for path, row in documents.items():
        for column, (value, _) in row.values.items():
            if column.header == "uses":
                used |= {
                    posixpath.normpath(posixpath.join(posixpath.dirname(path), u)) for u in value
                }
    found = [path for path in documents if path not in used]
    return found or list(documents)[-1:]


def check(
    texts: dict[str, str],
    built: dict[str, Yaml],
    roots: list[str],
    folders: list[str],
    headers: dict[str, dict[str, int]],
    problems: Problems,
) -> list[Finding]:
    """The loader's findings on ``texts`` (as :func:`assemble` ``built`` them), located at
    cells of the workbook ``problems`` is about. ``folders``: the root folder's name and its
    parents' (see ``ROOT_FOLDER``); ``headers``: each sheet's header → column number."""
    pointer = _Pointer(built, headers, problems)
    loaded = load_texts(texts, roots, pointer.describe, _home(texts, folders))
    return [pointer.point(f) for f in loaded.findings]


def _home(texts: dict[str, str], folders: list[str]) -> str:
    """The folder the root documents are in, by as many names as the paths climb."""
    depth = max(ups(path) for path in texts)
    names = folders[len(folders) - depth :] if depth else []
    if len(names) != depth or any(n in (".", "..") or "\\" in n for n in names):
        names = [_MADE_UP] * depth
    return "/".join(names)


@dataclass(frozen=True)
class _Pointer:
    built: dict[str, Yaml]
    headers: dict[str, dict[str, int]]
    problems: Problems

    def cell_of(self, location: Location) -> Cell | None:
        """The cell a line of an assembled document came from."""
        document = self.built.get(location.path)
        if document is None or not document.cells:
            return None
        cells = document.cells
        return cells[min(max(location.line, 1), len(cells)) - 1]

    def describe(self, location: Location) -> str:
        cell = self.cell_of(location)
        return str(cell) if cell is not None else str(location)

    def moved(self, location: Location) -> Location:
        cell = self.cell_of(location)
        return self.problems.location(cell) if cell is not None else location

    def point(self, finding: Finding) -> Finding:
        """The finding located at its cell, its message without the YAML path it opened
        with (the cell now says where)."""
        message = finding.message
        if finding.subject:
            message = message.removeprefix(f"{finding.subject}: ")
        related = tuple(self.moved(r) for r in finding.related)
        cell = self.cell_of(finding.location)
        if cell is None:
            return dataclasses.replace(finding, message=message, related=related)
        if finding.rule == Rule.MISSING_KEY and finding.path:
            cell, message = self._missing(finding.path, cell, message)
        location = self.problems.location(cell)
        return dataclasses.replace(
            finding, location=location, message=f"{cell}: {message}", related=related
        )

    def _missing(self, path: tuple[str | int, ...], cell: Cell, message: str) -> tuple[Cell, str]:
        """A missing field's cell: in its row, under its column if the sheet has one; else
        the row's cell, the message saying which column to add."""
        fields = path[2:] if path[0] in SECTIONS else path
        header = ".".join(str(p) for p in fields if isinstance(p, str))
        column = self.headers.get(cell.sheet, {}).get(header)
        if column is None:
            return cell, f"{message} (the sheet has no '{header}' column)"
        return Cell(cell.sheet, cell.row, column), message
