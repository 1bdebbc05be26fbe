"""``diff``: two versions of a model, from paths or from git revisions (``REV:PATH``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..changes import compare
from ..diagnostics import Finding, Location
from ..edge import git
from ..loading import display_path, load
from ..results import CheckReport, Comparison
from .check import analyse


@contextmanager
def _side(spec: str) -> Iterator[tuple[str, Callable[[Finding], Finding]]]:
    """A path to load for ``spec`` (a path or ``REV:PATH``), and how to show its findings."""
    parsed = git.split(spec)
    if parsed is None:
        yield spec, lambda f: f
        return
    rev, path = parsed
    with git.checkout(rev) as (folder, prefix):
        base = display_path(os.path.join(folder, prefix)).rstrip("/") + "/"

        def show(loc: Location) -> Location:
            if not loc.path.startswith(base):
                return loc
            return dataclasses.replace(loc, path=f"{rev}:{prefix}{loc.path[len(base) :]}")

        def remap(f: Finding) -> Finding:
            return dataclasses.replace(
                f, location=show(f.location), related=tuple(show(r) for r in f.related)
            )

        yield os.path.join(folder, prefix, path), remap


def _shown(report: CheckReport, show: Callable[[Finding], Finding]) -> CheckReport:
    return dataclasses.replace(report, findings=tuple(show(f) for f in report.findings))


def diff(old_spec: str, new_spec: str, as_of: dt.date | None = None) -> Comparison:
    """The gaps a change opened and closed, coverage moved, and services changed."""
    with _side(old_spec) as (old_path, old_show), _side(new_spec) as (new_path, new_show):
        old_loaded, new_loaded = load([old_path]), load([new_path])
        old = _shown(analyse(old_loaded, as_of), old_show)
        new = _shown(analyse(new_loaded, as_of), new_show)
        if not (old.analysable and new.analysable):
            return Comparison(old, new)
        changes = compare(
            old, new, old_loaded.frameworks, new_loaded.frameworks, old_spec, new_spec
        )
        return Comparison(old, new, changes)
