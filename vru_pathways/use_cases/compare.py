"""``diff``: two versions of a model, from paths or from git revisions (``REV:PATH``)."""

from __future__ import annotations

import datetime as dt

from ..changes import compare
from ..edge import git
from ..loading import Loaded, load, load_from
from ..results import Comparison
from .check import analyse


def _load(spec: str, root: str | None) -> Loaded:
    """One side: a path on disk, or a path at a revision, read from git."""
    parsed = git.split(spec)
    if parsed is None:
        return load([spec], root)
    return load_from(git.Revision(parsed), [parsed.path])


def diff(
    old_spec: str, new_spec: str, as_of: dt.date | None = None, root: str | None = None
) -> Comparison:
    """The gaps a change opened and closed, coverage moved, and services changed."""
    old_loaded, new_loaded = _load(old_spec, root), _load(new_spec, root)
    old, new = analyse(old_loaded, as_of), analyse(new_loaded, as_of)
    if not (old.analysable and new.analysable):
        return Comparison(old, new)
    changes = compare(old, new, old_loaded.frameworks, new_loaded.frameworks, old_spec, new_spec)
    return Comparison(old, new, changes)
