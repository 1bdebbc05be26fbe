"""What a ``uses`` entry that names no file, or a file outside the root folder, most
likely meant.

Analysts miscount the ``../`` that climb from a model's folder to ``frameworks/`` (a
model one folder deeper than the example it was copied from), or misremember a file's
name (``serious-violence.yaml`` for ``serious-violence-uk.yaml``). Each way the entry
could climb is tried, from the folder it names to the top of the boundary, and the first
folder that holds the file, or a file of a like name, gives the suggestion.
"""

from __future__ import annotations

import posixpath

from ..diagnostics import suggest
from .files import FILE, Files

MAX_CLIMB = 8
"""Folders climbed at most, in looking for the one an entry meant."""


def _tail(used: str) -> tuple[str, int]:
    """The entry without its leading ``./`` and ``../``, and how many ``../`` it had."""
    parts = used.split("/")
    ups = 0
    while parts and parts[0] in ("..", "."):
        ups += parts[0] == ".."
        parts.pop(0)
    return "/".join(parts), ups


def meant(files: Files, by: str, used: str, boundary: str) -> str | None:
    """The ``uses`` entry, as it should be written in ``by``, that names an existing file
    like the one ``used`` names; ``None`` if none is near."""
    tail, written = _tail(used.replace("\\", "/"))
    if not tail:
        return None
    folder, name = posixpath.split(tail)
    climbs = [written, *(n for n in range(MAX_CLIMB + 1) if n != written)]
    for ups in climbs:
        entry = "/".join([*([".."] * ups), tail])
        target = files.used(by, entry)
        if not files.inside(target, boundary):
            continue
        if files.kind(target) == FILE:
            return None if entry == used else entry
        place = files.used(by, "/".join([*([".."] * ups), folder or "."]))
        held = files.names(place) if files.inside(place, boundary) else []
        hint = suggest(name, [n for n in held if n.endswith((".yaml", ".yml"))])
        if hint:
            return posixpath.join(posixpath.dirname(entry), hint)
    return None


def missing(files: Files, by: str, used: str, boundary: str) -> str:
    """What to say of the ``uses`` entry ``used`` of ``by``, which names no file."""
    looked = files.show(files.used(by, used))
    hint = meant(files, by, used, boundary)
    return f"no file '{used}' (looked for {looked})" + (
        f" — did you mean '{hint}'?" if hint else ""
    )


def outside(files: Files, by: str, used: str, boundary: str) -> str:
    """What to say of the ``uses`` entry ``used`` of ``by``, which leads outside the
    boundary: most often one ``../`` too many."""
    hint = meant(files, by, used, boundary)
    return (
        f"'{used}' is outside the root folder {files.show(boundary)}, so it is not read; a "
        "model may use only files inside the git work tree it is in (else the current "
        "folder), or inside --root DIR" + (f" — did you mean '{hint}'?" if hint else "")
    )
