"""The only code that reads input: files or texts → documents → resolved frameworks.

:func:`load` reads files from disk; :func:`load_texts` reads documents held in memory
(a workbook being imported), so nothing is written to check them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ..collector import paused
from ..diagnostics import Location
from .files import DiskFiles, Files, MemoryFiles, display_path
from .resolve import Loaded, Loader

__all__ = ["Files", "Loaded", "display_path", "load", "load_from", "load_texts"]


def load(paths: Sequence[str], root: str | None = None) -> Loaded:
    """Load every root in ``paths``; shared documents are read once. Nothing outside the
    root folder is read (see :class:`~.files.DiskFiles`)."""
    return load_from(DiskFiles(root), paths)


def load_from(files: Files, paths: Sequence[str]) -> Loaded:
    """Load every root in ``paths`` from ``files`` (a folder on disk, texts in memory,
    a git revision)."""
    loader = Loader(files)
    with paused(lasting=True):
        frameworks = [fw for fw in (loader.load(p) for p in paths) if fw is not None]
    return Loaded(frameworks, sorted(loader.findings), tuple(loader.documents))


def load_texts(
    texts: Mapping[str, str],
    roots: Sequence[str],
    describe: Callable[[Location], str] = str,
    home: str = "",
) -> Loaded:
    """Load the documents of ``texts`` (POSIX path relative to ``home`` → YAML text) as
    the frameworks rooted at ``roots``; a document no root reaches is still read and
    checked on its own. See :class:`~.files.MemoryFiles` for ``home``."""
    files = MemoryFiles(texts, home)
    loader = Loader(files, describe)
    with paused():
        frameworks = [fw for fw in (loader.load(r) for r in roots) if fw is not None]
        for key in files.texts:
            loader.document(key)
    return Loaded(frameworks, sorted(loader.findings))
