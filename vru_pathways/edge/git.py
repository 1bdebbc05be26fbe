"""Reading a model as it was at a git revision (``REV:PATH``), blob by blob.

A :class:`Revision` is a source of documents for the loader: each document a model
``uses`` is read from the same commit with ``git cat-file``, only the blobs the model
needs, and nothing outside the repository's tree can be named. A ``REV:PATH`` is read
from git whenever ``REV`` names a commit; if a file of that very name also exists, the
spec is refused as ambiguous, so a file cannot pose as the base revision.
"""

from __future__ import annotations

import os
import posixpath
import subprocess
from dataclasses import dataclass

from ..diagnostics import InputError

_FILE = "a file"
_MISSING = "missing"
_MODES = {"100644": _FILE, "100755": _FILE, "120000": "a symbolic link", "040000": "a folder"}


class GitError(InputError):
    """A ``REV:PATH`` that cannot be read; the message says why."""


def _git(*args: str, folder: str | None = None) -> bytes:
    command = ["git", *(["-C", folder] if folder else []), *args]
    try:
        done = subprocess.run(command, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed, so REV:PATH cannot be read") from None
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or "git failed")
    return done.stdout


def commit_of(rev: str) -> str | None:
    """The commit ``rev`` names, or ``None``; a revision that looks like an option is
    never passed to git."""
    if not rev or rev.startswith("-"):
        return None
    try:
        found = _git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    except GitError:
        return None
    return found.decode().strip() or None


@dataclass(frozen=True)
class Spec:
    """A parsed ``REV:PATH``: the revision as written, its commit, the path as written."""

    rev: str
    commit: str
    path: str


def split(spec: str) -> Spec | None:
    """The revision and path of ``REV:PATH`` when ``REV`` names a commit; ``None`` for a
    plain path. A spec that is both, or neither, is refused (:class:`GitError`)."""
    rev, colon, path = spec.partition(":")
    if not colon or not path:
        return None
    commit = commit_of(rev)
    if commit is None:
        if os.path.lexists(spec):
            return None
        raise GitError(
            f"'{rev}' is not a revision of the git repository here, and there is no file '{spec}'"
        )
    if os.path.lexists(spec):
        raise GitError(
            f"'{spec}' is both a file here and the path {path} at revision {rev}: refusing "
            f"to guess; write ./{spec} for the file, or name the revision by its commit"
        )
    return Spec(rev, commit, path)


class Revision:
    """The documents of one commit, keyed by their path from the top of the repository.

    The boundary is the repository's tree: a key that climbs above it, or an absolute
    path, is outside. Documents are shown as ``REV:path``.
    """

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.top = _git("rev-parse", "--show-toplevel").decode().strip()
        self.prefix = _git("rev-parse", "--show-prefix").decode().strip()

    def start(self, name: str) -> tuple[str, str]:
        return posixpath.normpath(posixpath.join(self.prefix, name)), ""

    def used(self, by: str, name: str) -> str:
        return posixpath.normpath(posixpath.join(posixpath.dirname(by), name))

    def inside(self, key: str, boundary: str) -> bool:
        return not (key.startswith("/") or key == ".." or key.startswith("../"))

    def kind(self, key: str) -> str:
        if not self.inside(key, "") or key in ("", "."):
            return _MISSING
        listed = _git("ls-tree", "--full-tree", "-z", self.spec.commit, "--", key, folder=self.top)
        entry = next((e for e in listed.split(b"\0") if e.endswith(b"\t" + key.encode())), None)
        if entry is None:
            return _MISSING
        return _MODES.get(entry.split(b" ", 1)[0].decode(), "not a regular file")

    def show(self, key: str) -> str:
        return f"{self.spec.rev}:{key}"

    def size(self, key: str) -> int:
        return int(_git("cat-file", "-s", f"{self.spec.commit}:{key}", folder=self.top))

    def names(self, folder: str) -> list[str]:
        top = folder in ("", ".")
        if not top and (not self.inside(folder, "") or self.kind(folder) != "a folder"):
            return []
        tree = f"{self.spec.commit}:{'' if top else folder}"
        listed = _git("ls-tree", "--name-only", "-z", tree, folder=self.top)
        return sorted(n.decode("utf-8", "replace") for n in listed.split(b"\0") if n)

    def read(self, key: str, limit: int) -> bytes:
        return _git("cat-file", "blob", f"{self.spec.commit}:{key}", folder=self.top)[: limit + 1]
