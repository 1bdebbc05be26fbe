"""Reports: a :class:`~vru_pathways.app.Report` → text in one of several formats.

``FORMATS`` is a plain dict whose keys are the ``--format`` choices and whose values name
the module that renders each; modules are imported only when used, so ``--help`` stays
fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..app import Report

FORMATS: dict[str, str] = {
    "table": "table",
    "json": "json_",
    "csv": "csv_",
    "markdown": "markdown",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
}


def render(name: str, report: Report) -> str:
    """``report`` as text in format ``name`` (a key of :data:`FORMATS`)."""
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    text: str = module.render(report)
    return text
