"""IDs made from a directory's names: kebab-case, short, and unique in their section."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["slug", "unique"]

_ID_LIMIT = 48


def slug(text: str, fallback: str) -> str:
    """A kebab-case ID for ``text``, at most ``_ID_LIMIT`` characters.

    >>> slug("Example Organization Inc.", "partner")
    'example-organization-inc'
    >>> slug("🎉", "service")
    'service'
    """
    spaced = re.sub(r"\s+", " ", text)  # every kind of space and line break divides words
    plain = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode("ascii")
    made = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    if len(made) > _ID_LIMIT:
        made = made[:_ID_LIMIT]
        cut = made.rfind("-")
        if cut > _ID_LIMIT // 2:
            made = made[:cut]
        made = made.strip("-")
    return made or fallback


def unique(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` … the first not in ``taken``; it is then taken.

    >>> taken = {"club"}
    >>> unique("club", taken), unique("club", taken), sorted(taken)
    ('club-2', 'club-3', ['club', 'club-2', 'club-3'])
    """
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident
