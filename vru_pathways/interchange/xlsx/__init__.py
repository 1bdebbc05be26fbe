"""Loaded documents ⇄ an .xlsx workbook, for the people who keep their plan in a spreadsheet.

The workbook has a "Documents" sheet (one row per document: its path relative to the root
document's folder, ``id``, ``title``, ``description``, ``uses``, ``format``), a "Scope and
policy" sheet (``document``, ``key``, ``value`` rows such as ``scope.ages``) and one sheet
per section ("Sources" … "Services"), laid out from the models (:mod:`.columns`).

:func:`export_workbook` writes the documents as cells (:mod:`.export`) and returns the
bytes, the caller writes them. :func:`import_workbook` takes bytes and returns YAML text
(:mod:`.importer`): it reads the sheets by their headers (:mod:`.table`, :mod:`.read`),
turns each cell into the data it stands for (:mod:`.values`), writes each document's YAML
remembering which cell every line came from (:mod:`.assemble`), then checks the documents
in memory with the project's own loader and points each finding at the cell its value
came from (:mod:`.check`:
``Services!N2: unknown factor 'exclusion' — did you mean 'school-exclusion'?``). Problems
only a spreadsheet can have (an unknown sheet or column, a row naming no document, an ID
twice in one sheet) are found before that, and located the same way (:mod:`.cells`).
"""

from .columns import DOCUMENTS, ENTITY_SHEETS, ROOT_FOLDER, SCOPE_AND_POLICY
from .export import FIXED_TIME, export_workbook
from .importer import import_workbook
from .paths import rooted

__all__ = [
    "DOCUMENTS",
    "ENTITY_SHEETS",
    "FIXED_TIME",
    "ROOT_FOLDER",
    "SCOPE_AND_POLICY",
    "export_workbook",
    "import_workbook",
    "rooted",
]
