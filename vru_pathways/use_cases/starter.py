"""``init``: a new area's starter model, wired to the shipped catalogue from where it is
written, with the harms of a definition the catalogue holds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import InputError
from ..interchange.starter import Starter, localities, slug, text
from ..loading import display_path
from .catalogue import documents, find_frameworks, known, read, relative

MODEL = "model.yaml"
SCHEMA = "schemas/vru-pathways-1.schema.json"
"""The JSON Schema, in the project folder beside ``frameworks/``."""


_SMALL = frozenset({"and", "of", "the", "upon", "on", "in", "under", "with", "by"})


def title(folder: str) -> str:
    """An area's name made from its folder's.

    >>> title("bath-and-north-east-somerset")
    'Bath and North East Somerset'
    """
    words = folder.replace("_", " ").replace("-", " ").split()
    return " ".join(w if i and w in _SMALL else w[:1].upper() + w[1:] for i, w in enumerate(words))


@dataclass(frozen=True)
class Started:
    """What ``init`` made: the file's path and text."""

    path: str
    text: str
    definition: str


def init(
    folder: str,
    definition: str,
    names: Sequence[str] = (),
    name: str | None = None,
    frameworks: str | None = None,
) -> Started:
    """The starter model for ``folder``; nothing is written here. A folder whose model
    exists already is an input error: ``init`` never replaces a file."""
    target = Path(folder) / MODEL
    if target.exists() or target.is_symlink():
        raise InputError(
            f"refusing to write {display_path(str(target))}: it exists already, and init "
            "never replaces a file; edit it, or give another folder"
        )
    catalogue_folder = find_frameworks(frameworks, folder if Path(folder).exists() else ".")
    catalogue = read(catalogue_folder)
    known(definition, catalogue.definitions, "definition", "definitions")
    area = slug(Path(folder).resolve().name)
    if not area:
        raise InputError(f"{folder}: the folder's name needs a letter or a digit to make an ID")
    here = Path(folder)
    starter = Starter(
        model_id=area,
        name=name or title(Path(folder).resolve().name),
        definition=definition,
        localities=localities(names, area),
        uses=tuple(relative(Path(p), here) for p in documents(catalogue_folder)),
        schema=relative(catalogue_folder.parent / SCHEMA, here),
        command=display_path(str(target)),
    )
    return Started(display_path(str(target)), text(catalogue, starter), definition)
