"""Workbooks for the spreadsheet tests: the models they carry, a model exported, a workbook
edited as a person would, and imported documents written back out."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

from helpers import ROOT
from openpyxl import Workbook, load_workbook

from vru_pathways.interchange.xlsx import ENTITY_SHEETS, export_workbook
from vru_pathways.loading import load

MODELS = [ROOT / "models" / name / "model.yaml" for name in ("northbrook", "southmere", "eastwick")]
FORMAT_EXAMPLE = ROOT / "tests/cases/valid/format-example/models/example-area/model.yaml"
SHEETS = ["Documents", "Scope and policy", *(s.title for s in ENTITY_SHEETS)]


def exported(root: Path) -> bytes:
    loaded = load([str(root)])
    assert loaded.ok, [f.line() for f in loaded.findings]
    return export_workbook(loaded.frameworks[0].docs)


def write_out(texts: dict[str, str], folder: Path, original: Path) -> Path:
    """The imported documents written under ``folder``, the root in a folder named like the
    original root's (and its parents, as far up as a path climbs); returns the root."""
    depth = max(p.split("/").count("..") for p in texts)
    home = folder.joinpath(*original.parent.parts[len(original.parent.parts) - depth :])
    for rel, text in texts.items():
        path = Path(os.path.normpath(home / rel))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Path(os.path.normpath(home / list(texts)[-1]))


def edited(root: Path, edit: Callable[[Workbook], None]) -> bytes:
    book = load_workbook(io.BytesIO(exported(root)))
    edit(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
