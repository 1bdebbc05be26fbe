"""The edge that reads a model as it was at a git revision (``REV:PATH``).

The whole tree of the revision is exported to a temporary folder, so the documents a
model ``uses`` are read at the same revision too.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from ..diagnostics import InputError


class GitError(InputError):
    """A ``REV:PATH`` that cannot be read; the message says why."""


def _git(*args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed, so REV:PATH cannot be read") from None
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or "git failed")
    return done.stdout


def split(spec: str) -> tuple[str, str] | None:
    """``("main", "models/x.yaml")`` for ``main:models/x.yaml``; ``None`` for a plain path.

    A spec that names an existing file is a path even if it holds a colon.
    """
    if os.path.exists(spec) or ":" not in spec:
        return None
    rev, _, path = spec.partition(":")
    return (rev, path) if rev and path else None


@contextmanager
def checkout(rev: str) -> Iterator[tuple[str, str]]:
    """The revision's tree in a temporary folder: yields (folder, prefix of the working
    folder inside the repository), and removes the folder afterwards."""
    try:
        commit = _git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"'{rev}' is not a revision of the git repository here") from None
    prefix = _git("rev-parse", "--show-prefix").decode().strip()
    top = _git("rev-parse", "--show-toplevel").decode().strip()
    data = _git("-C", top, "archive", "--format=tar", commit)
    with tempfile.TemporaryDirectory(prefix="vru-rev-") as folder:
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            try:
                archive.extractall(folder, filter="data")
            except TypeError:  # Python before 3.11.4 has no filters; git's own archive
                archive.extractall(folder)  # noqa: S202
        yield folder, prefix
