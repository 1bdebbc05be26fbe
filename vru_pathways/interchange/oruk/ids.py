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


def unique(base: str, taken: dict[str, int]) -> str:
    """``base``, or ``base-2``, ``base-3`` … the first not taken; it is then taken.
    ``taken`` maps each ID made to the next number to try after it, so ten thousand
    services of one name take linear time, not quadratic.

    >>> taken: dict[str, int] = {}
    >>> unique("club", taken), unique("club", taken), unique("club", taken)
    ('club', 'club-2', 'club-3')
    >>> unique("club-2", taken)
    'club-2-2'
    """
    if base not in taken:
        taken[base] = 2
        return base
    n = taken[base]
    while f"{base}-{n}" in taken:
        n += 1
    ident = f"{base}-{n}"
    taken[base] = n + 1
    taken[ident] = 2
    return ident
