"""The import, end to end: a workbook's bytes → the YAML text of each document, and every
problem found, the spreadsheet's own and the loader's, each at its cell."""

from __future__ import annotations

import io

from openpyxl import Workbook, load_workbook

from ...diagnostics import Finding, Location, Severity
from ...rulebook import Rule
from .archive import Damaged, refusal
from .assemble import assemble
from .cells import Problems
from .check import check, roots_of
from .columns import DOCUMENTS, ROOT_FOLDER
from .paths import rooted
from .read import Reader
from .table import Table

__all__ = ["import_workbook"]


def import_workbook(
    data: bytes, name: str, size: int | None = None
) -> tuple[dict[str, str], list[Finding]]:
    """The workbook as YAML text, by path relative to the folder to write into, and the
    problems found, each located at ``{name}#{sheet}!{cell}`` (line: row, col: column).

    Paths never leave that folder: the root document goes where the workbook says it
    came from (``models/northbrook/model.yaml``), so ``../../frameworks/x.yaml`` lands
    beside it as it was. ``size`` is the file's, when ``data`` is only its first bytes.
    """
    try:
        refused = refusal(data, size)
    except Damaged as exc:
        message = f"{name}: not an .xlsx workbook that can be read: {exc}"
        return {}, [Finding(Location(name), Rule.INVALID_VALUE, message, Severity.ERROR)]
    if refused is not None:
        message = f"{name}: not opened: {refused}"
        return {}, [Finding(Location(name), Rule.TOO_LARGE, message, Severity.ERROR)]
    try:
        book = load_workbook(io.BytesIO(data), data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for a file it cannot read
        message = f"{name}: not an .xlsx workbook that can be read ({exc})"
        return {}, [Finding(Location(name), Rule.INVALID_VALUE, message, Severity.ERROR)]
    folders = _root_folders(book)
    documents, findings = _documents(book, name, folders)
    return rooted(documents, folders), findings


def _root_folders(book: Workbook) -> list[str]:
    """The root folder's name and its parents', if the workbook says (``ROOT_FOLDER``)."""
    props = book.custom_doc_props  # type: ignore[attr-defined]  # not in the stubs
    hint = next((str(p.value) for p in props if p.name == ROOT_FOLDER), "")
    return [n for n in hint.split("/") if n and n not in (".", "..")]


def _documents(
    book: Workbook, name: str, folders: list[str]
) -> tuple[dict[str, str], list[Finding]]:
    """The documents by path relative to the root document's folder, and the problems."""
    problems = Problems(name)
    table = Table(problems)
    reader = Reader(problems, table)
    if not reader.sheets(book):
        return {}, sorted(problems.found)
    documents = reader.documents(book[DOCUMENTS])
    settings = reader.settings(book, documents)
    entities = reader.entities(book, documents)
    built = {path: assemble(path, row, settings, entities) for path, row in documents.items()}
    texts = {path: y.text() for path, y in built.items()}
    if texts:
        problems.found += check(texts, built, roots_of(documents), folders, table.headers, problems)
    return texts, sorted(set(problems.found))
