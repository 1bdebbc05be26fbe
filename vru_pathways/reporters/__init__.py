"""Reports: a :class:`~vru_pathways.results.CheckReport` → text in one of several formats.

``FORMATS`` is a plain dict whose keys are the ``--format`` choices and whose values name
the module that renders each; ``CHANGE_FORMATS`` likewise names the function of
:mod:`.changes` that writes each format of :class:`~vru_pathways.results.Changes`.
Modules are imported only when used, so ``--help`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..results import Changes, CheckReport, TimelineResult, WhatIf

FORMATS: dict[str, str] = {
    "table": "table",
    "json": "json_",
    "csv": "csv_",
    "markdown": "markdown",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
}


STREAMS: dict[str, str] = {"json": "json", "sarif": "json", "github": "commands"}
"""How each format's text is made safe for a terminal or a CI log (see
:mod:`vru_pathways.escaping`): ``json`` as JSON text, ``commands`` left as the reporter
wrote it (it writes workflow commands on purpose and escapes all else itself); any
format not listed, as printable text."""


def render(name: str, report: CheckReport) -> str:
    """``report`` as text in format ``name`` (a key of :data:`FORMATS`)."""
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    text: str = module.render(report)
    return text


CHANGE_FORMATS: dict[str, str] = {"text": "text", "markdown": "markdown", "json": "as_json"}
"""The formats of ``diff`` and ``whatif``, each a function of :mod:`.changes` and of
:mod:`.whatif`."""


def render_changes(name: str, changes: Changes) -> str:
    """``changes`` as text in format ``name`` (a key of :data:`CHANGE_FORMATS`)."""
    module = importlib.import_module(f"{__name__}.changes")
    text: str = getattr(module, CHANGE_FORMATS[name])(changes)
    return text


def render_whatif(name: str, result: WhatIf) -> str:
    """What scenarios do, in format ``name`` (a key of :data:`CHANGE_FORMATS`)."""
    module = importlib.import_module(f"{__name__}.whatif")
    text: str = getattr(module, CHANGE_FORMATS[name])(result)
    return text


TIMELINE_FORMATS: dict[str, str] = {"table": "table", "json": "as_json", "csv": "as_csv"}
"""The text formats of ``timeline``, each a function of :mod:`.timeline`."""


def render_timeline(name: str, result: TimelineResult) -> str:
    """The months ahead in format ``name`` (a key of :data:`TIMELINE_FORMATS`)."""
    module = importlib.import_module(f"{__name__}.timeline")
    text: str = getattr(module, TIMELINE_FORMATS[name])(result)
    return text
