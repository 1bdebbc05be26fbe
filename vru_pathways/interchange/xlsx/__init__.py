"""Loaded documents ⇄ an .xlsx workbook, for the people who keep their plan in a spreadsheet."""

from .read import (
    DOCUMENTS,
    ENTITY_SHEETS,
    ROOT_FOLDER,
    SCOPE_AND_POLICY,
    export_workbook,
    import_workbook,
)

__all__ = [
    "DOCUMENTS",
    "ENTITY_SHEETS",
    "ROOT_FOLDER",
    "SCOPE_AND_POLICY",
    "export_workbook",
    "import_workbook",
]
