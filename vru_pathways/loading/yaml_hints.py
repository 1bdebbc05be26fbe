"""YAML's slips said as what to change.

libyaml reports a key that lines up with no mapping as "while parsing a block mapping did
not find expected key", and a key indented deeper than the one above it, or a value that
holds ``: ``, as "mapping values are not allowed in this context". Both are read from the
text around the error: the keys of the lines above, and the column each starts in.

A comma inside an unquoted value in braces is no error to YAML at all: it ends the value,
and what follows becomes a key with no value (``{name: Exclusion, school or college}``).
The format then finds an unknown key, and :func:`comma_cuts` says what was meant.
"""

from __future__ import annotations

import re

import yaml

from ..positions import Path
from . import yaml_guard

_KEY = re.compile(r"^(?P<indent>[ ]*(?:-[ ]+)*)(?P<key>[^\s#:][^:#]*?)[ ]*:(?:[ ]|$)")


def _key(line: str) -> tuple[int, str] | None:
    """The 1-based column and text of the key a line opens with, if it opens with one."""
    found = _KEY.match(line)
    return (len(found["indent"]) + 1, found["key"]) if found else None


def _content(lines: list[str], below: int) -> list[tuple[int, int, str]]:
    """The lines above ``below`` that open with a key, nearest first, as (line number,
    column, key)."""
    out = []
    for number in range(below - 1, -1, -1):
        found = _key(lines[number])
        if found is not None:
            out.append((number + 1, *found))
    return out


def _open(lines: list[str], below: int) -> list[tuple[int, int, str]]:
    """The keys above line ``below`` whose mappings are still open there: the nearest,
    then each key further up that starts to the left of the last one found."""
    out: list[tuple[int, int, str]] = []
    for number, col, key in _content(lines, below):
        if not out or col < out[-1][1]:
            out.append((number, col, key))
    return out


def unaligned(lines: list[str], line: int, col: int) -> str | None:
    """A key at ``line``, ``col`` (1-based) that lines up with no open mapping above it."""
    here = _key(lines[line - 1]) if line <= len(lines) else None
    if here is None or "-" in lines[line - 1][: here[0]]:
        return None
    keys = _open(lines, line - 1)
    deeper = [k for k in keys if k[1] > here[0]][-1:]
    shallower = [k for k in keys if k[1] < here[0]][:1]
    if not deeper and not shallower:
        return None
    ways = ", or ".join(
        f"to column {c} to line up with '{k}' (line {n})" for n, c, k in [*deeper, *shallower]
    )
    return (
        f"'{here[1]}' (column {here[0]}) lines up with no key above it, and the keys of one "
        f"mapping start in the same column: indent it {ways}"
    )


def _has_value(lines: list[str], line: int) -> bool:
    """Whether the key that opens line ``line`` has its value on the same line."""
    value = lines[line - 1].split(":", 1)[1].strip()
    return bool(value) and not value.startswith("#")


def deeper_than_above(lines: list[str], line: int, col: int) -> str | None:
    """A key indented under a key that already has a value, or a value holding ': '."""
    text = lines[line - 1] if line <= len(lines) else ""
    here = _key(text)
    above = _content(lines, line - 1)[:1]
    if here is not None and above and here[0] > above[0][1] and _has_value(lines, above[0][0]):
        _, column, key = above[0]
        return (
            f"'{here[1]}' is indented more than '{key}' on the line above, which has a "
            f"value already, so YAML reads it as more of that value: indent '{here[1]}' "
            f"to column {column}, as '{key}' is"
        )
    if here is not None and col > len(here[1]) + here[0]:
        value = text.split(":", 1)[1].strip()
        return (
            f"the value of '{here[1]}' holds ': ', which YAML reads as a key of its own: "
            f'put the value in quotes, {here[1]}: "{value}"'
        )
    return None


def comma_cuts(text: str) -> dict[Path, str]:
    """The keys of flow mappings in ``text`` that a comma cut from the plain value before
    them, each with what that value was meant to be (``name: "Exclusion, school or
    college"``). Composed again only when a document has an unknown key with no value,
    so that well-formed documents pay nothing for it."""
    try:
        root = yaml.compose(text, Loader=yaml_guard.Loader)
    except yaml.YAMLError:
        return {}
    out: dict[Path, str] = {}
    seen: set[int] = set()
    todo: list[tuple[yaml.Node, Path]] = [(root, ())] if root is not None else []
    while todo:
        node, path = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            todo += [(item, (*path, index)) for index, item in enumerate(node.value)]
        elif isinstance(node, yaml.MappingNode):
            if node.flow_style:
                out.update(_cut(node, path))
            todo += [(v, (*path, k.value)) for k, v in node.value if isinstance(k, yaml.ScalarNode)]
    return out


def _bare(key: yaml.Node, value: yaml.Node) -> bool:
    """Whether a flow mapping's entry is a key with no ``:`` after it."""
    return (
        isinstance(key, yaml.ScalarNode)
        and isinstance(value, yaml.ScalarNode)
        and not value.value
        and value.start_mark.index == key.end_mark.index
    )


def _cut(node: yaml.MappingNode, path: Path) -> dict[Path, str]:
    """The bare keys of one flow mapping that follow a plain value, each with the value
    they were cut from, joined back together."""
    out: dict[Path, str] = {}
    current: tuple[str, list[str]] | None = None
    for key, value in [*node.value, (None, None)]:
        if current is not None and key is not None and _bare(key, value):
            current[1].append(key.value)
            continue
        if current is not None and len(current[1]) > 1:
            out.update(_joined(path, *current))
        plain = isinstance(value, yaml.ScalarNode) and not value.style and value.value
        current = (str(key.value), [value.value]) if plain else None
    return out


def _joined(path: Path, owner: str, parts: list[str]) -> dict[Path, str]:
    whole = ", ".join(parts)
    quoted = f'"{whole}"' if '"' not in whole else "'" + whole.replace("'", "''") + "'"
    return {(*path, part): f"{owner}: {quoted}" for part in parts[1:]}
