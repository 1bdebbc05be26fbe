"""JSON from other tools (a service directory export), under the limits YAML has.

The file's size is checked before it is read, the nesting of its arrays and objects in
one pass before it is parsed; ``NaN`` and ``Infinity``, which JSON does not allow, are
refused, and so are numbers too long to read.
"""

from __future__ import annotations

import json
from typing import Any

from ..diagnostics import InputError
from .files import MAX_BYTES, read_input
from .yaml_guard import MAX_DEPTH


def depth_over(text: str, limit: int) -> int | None:
    """The index where arrays and objects first nest deeper than ``limit``, or ``None``;
    brackets inside strings do not count.

    >>> depth_over('[[["]]]]"]]]', 2)
    2
    >>> depth_over('{"a": [1, 2]}', 2) is None
    True
    """
    depth = 0
    in_string = escaped = False
    for index, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return index
        elif char in "]}":
            depth -= 1
    return None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def read_json(path: str) -> Any:
    """The parsed contents of a JSON file; anything else is an
    :class:`~vru_pathways.diagnostics.InputError` saying why."""
    raw, size = read_input(path, MAX_BYTES)
    if size > MAX_BYTES or len(raw) > MAX_BYTES:
        raise InputError(
            f"{path} is {max(size, len(raw)) / 2**20:.1f} MiB, over the "
            f"{MAX_BYTES // 2**20} MiB this tool reads: export fewer services at a time"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not JSON: {exc}") from None
    deep = depth_over(text, MAX_DEPTH)
    if deep is not None:
        raise InputError(
            f"{path}: values nested more than {MAX_DEPTH} levels deep (at character "
            f"{deep + 1}), more than a directory export holds"
        )
    try:
        return json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:
        raise InputError(f"{path} is not JSON: {exc}") from None
