"""Reading the values of an HSDS record, which a directory may give in any JSON type.

Each reader returns what the format can use, or ``None``, never raising: a directory
export is someone else's data.
"""

from __future__ import annotations

__all__ = ["Obj", "as_id", "as_items", "as_obj", "as_text"]

Obj = dict[str, object]
"""A JSON object."""


def as_obj(value: object) -> Obj | None:
    return value if isinstance(value, dict) else None


def as_text(value: object) -> str | None:
    """A non-blank string, stripped; anything else is ``None``.

    >>> as_text("  Youth club "), as_text(" "), as_text(3)
    ('Youth club', None, None)
    """
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def as_id(value: object) -> str | None:
    """An identifier as text (HSDS ids are strings; tolerate numbers).

    >>> as_id(42), as_id(True), as_id(" a1 ")
    ('42', None, 'a1')
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | str):
        return as_text(str(value))
    return None


def as_items(value: object) -> list[object]:
    """A list as it is, one object as a list of it, anything else as none."""
    if isinstance(value, list):
        return value
    return [value] if isinstance(value, dict) else []
