"""``export`` and ``import``: a model in the formats other tools read, and back."""

from __future__ import annotations

import datetime as dt
import os

from ..analysis.context import Context
from ..diagnostics import InputError, Severity
from ..framework import Framework
from ..loading import load
from ..loading.files import read_input
from ..loading.json_source import read_json
from ..results import CheckReport, Output, Outputs, checked, unanalysable


def _framework(path: str, command: str, root: str | None) -> tuple[Framework | None, CheckReport]:
    loaded = load([path], root)
    report = checked(command, loaded)
    return (loaded.frameworks[0] if loaded.ok else None), report


def export_xlsx(path: str, root: str | None = None) -> Output:
    """A workbook with one sheet per section, ID columns and readable lists."""
    from ..interchange.xlsx import export_workbook  # lazy: openpyxl, for workbooks only

    framework, report = _framework(path, "export", root)
    if framework is None:
        return Output(report)
    try:
        return Output(report, export_workbook(framework.docs))
    except ValueError as exc:
        raise InputError(f"{path}: cannot export a workbook: {exc}") from None


def export_graphml(path: str, as_of: dt.date | None = None, root: str | None = None) -> Output:
    """The framework graph as GraphML, with the analysis as node attributes."""
    from ..interchange.graphml import to_graphml  # lazy: each export imports only its own

    framework, report = _framework(path, "export", root)
    if framework is None:
        return Output(report)
    return Output(report, to_graphml(Context(framework, as_of)).encode("utf-8"))


def import_xlsx(workbook: str) -> Outputs:
    """A workbook made by ``export xlsx`` (and edited) as YAML documents."""
    from ..interchange.xlsx import import_workbook  # lazy: openpyxl, for workbooks only
    from ..interchange.xlsx.archive import MAX_BYTES  # lazy: with the workbook reader

    data, size = read_input(workbook, MAX_BYTES)
    documents, problems = import_workbook(data, os.path.basename(workbook), size)
    if any(p.severity is Severity.ERROR for p in problems):
        return Outputs(unanalysable("import", problems))
    files = {relative: text.encode("utf-8") for relative, text in documents.items()}
    report = CheckReport("import", tuple(problems), True, inputs=(os.path.realpath(workbook),))
    return Outputs(report, files)


def import_oruk(source: str) -> Output:
    """An Open Referral UK / HSDS 3.0 service directory export as service entries."""
    from ..interchange.oruk import import_directory  # lazy: each import reads only its own

    data = read_json(source)
    try:
        text, warnings = import_directory(data, os.path.basename(source))
    except ValueError as exc:
        raise InputError(f"{source}: {exc}") from None
    report = CheckReport("import", (), True, inputs=(os.path.realpath(source),))
    return Output(report, text.encode("utf-8"), tuple(warnings))
