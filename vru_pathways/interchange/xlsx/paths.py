"""Document paths as a workbook holds them: relative to the root document's folder, with ``/``.

A path may climb out of that folder (``../../frameworks/example.yaml``); the names of the
folders it climbs out of travel with the workbook (see ``ROOT_FOLDER``), so imported
documents land where they were, relative to one another.
"""

from __future__ import annotations

import os
import posixpath
import re

__all__ = ["normal", "relative", "rooted", "ups"]

_DRIVE = re.compile(r"^[A-Za-z]:")


def relative(path: str, home: str) -> str:
    """``path`` relative to the folder ``home`` (``""``: the working folder), with ``/``."""
    return os.path.relpath(path, home or os.curdir).replace(os.sep, "/")


def normal(written: str) -> str | None:
    """A document path in one spelling (``/``, no ``./``); ``None`` if it is no file path.

    >>> normal(" .\\\\frameworks//x.yaml "), normal("/etc/x.yaml"), normal("a/..")
    ('frameworks/x.yaml', None, None)
    """
    path = written.strip().replace("\\", "/")
    if not path or path.startswith("/") or _DRIVE.match(path):
        return None
    path = posixpath.normpath(path)
    if path in (".", "..") or path.endswith("/..") or path.endswith("/."):
        return None
    return path


def ups(path: str) -> int:
    """How many folders ``path`` climbs before it goes down.

    >>> ups("../../frameworks/x.yaml"), ups("model.yaml")
    (2, 0)
    """
    parts = path.split("/")
    return next((i for i, part in enumerate(parts) if part != ".."), len(parts))


def rooted(documents: dict[str, str], folders: list[str]) -> dict[str, str]:
    """Paths relative to the root document's folder, made relative to a folder that holds
    them all: the root's own folders when known, else as many ``document-N`` levels as
    the paths climb.

    >>> rooted({"model.yaml": "", "../../f.yaml": ""}, ["models", "a"])
    {'models/a/model.yaml': '', 'f.yaml': ''}
    """
    depth = max((posixpath.normpath(p).split("/").count("..") for p in documents), default=0)
    base = folders if len(folders) >= depth else [f"document-{n}" for n in range(depth)]
    return {
        posixpath.normpath(posixpath.join(*base, p)) if base else posixpath.normpath(p): t
        for p, t in documents.items()
    }
