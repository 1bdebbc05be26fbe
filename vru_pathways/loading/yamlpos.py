"""YAML text → plain values plus the position of every key and value.

libyaml's C parser composes the node tree (it keeps marks); we construct values ourselves
so that YAML's implicit typing never reaches the model: every scalar stays the text the
user wrote (``no``, ``on``, ``010`` and ``2024-01-02`` are all strings) except the empty
value and ``~``/``null``, which are ``None``. pydantic then converts text to numbers or
dates where the format asks for one, and says so when it cannot.

Duplicate keys are errors. Aliases are shared, not copied, so an alias bomb costs no
more than its text; positions inside an aliased value point at the anchor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is part of the PyYAML wheels
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]
Point = tuple[int, int]
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


@dataclass
class Positions:
    """Where each value (and each mapping key) starts, by path from the document root."""

    values: dict[Path, Point] = field(default_factory=dict)
    keys: dict[Path, Point] = field(default_factory=dict)

    def find(self, path: Path, *, key: bool = False) -> Point:
        """The point for ``path``, else for its deepest known ancestor."""
        table = self.keys if key else self.values
        for cut in range(len(path), -1, -1):
            point = table.get(path[:cut]) or self.keys.get(path[:cut])
            if point is not None:
                return point
        return (1, 1)


@dataclass(frozen=True)
class YamlProblem:
    rule: str
    message: str
    line: int
    col: int


@dataclass
class Parsed:
    value: Any
    positions: Positions
    problems: list[YamlProblem]


def _point(mark: Any) -> Point:
    return (mark.line + 1, mark.column + 1)


class _Builder:
    def __init__(self) -> None:
        self.positions = Positions()
        self.problems: list[YamlProblem] = []
        self._done: dict[int, Any] = {}
        self._open: set[int] = set()

    def build(self, node: yaml.Node, path: Path) -> Any:
        ident = id(node)
        if ident in self._open:
            line, col = _point(node.start_mark)
            message = "an alias refers to the value that contains it"
            self.problems.append(YamlProblem("yaml-syntax", message, line, col))
            return None
        if ident in self._done:
            return self._done[ident]
        self.positions.values[path] = _point(node.start_mark)
        if isinstance(node, yaml.ScalarNode):
            value: Any = None if not node.style and node.value in _NULLS else node.value
            return value
        self._open.add(ident)
        if isinstance(node, yaml.SequenceNode):
            value = [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        else:
            value = self._mapping(node, path)
        self._open.discard(ident)
        self._done[ident] = value
        return value

    def _mapping(self, node: yaml.Node, path: Path) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line, col = _point(key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    YamlProblem("yaml-syntax", "a mapping key must be plain text", line, col)
                )
                continue
            key = key_node.value
            if key in out:
                first_line, first_col = self.positions.keys[(*path, key)]
                self.problems.append(
                    YamlProblem(
                        "duplicate-key",
                        f"duplicate key '{key}' (first defined at line {first_line}, "
                        f"column {first_col}); YAML would silently keep only the last",
                        line,
                        col,
                    )
                )
                continue
            self.positions.keys[(*path, key)] = (line, col)
            out[key] = self.build(value_node, (*path, key))
        return out


def parse(text: str) -> Parsed:
    """Parse one YAML document. Problems are returned, never raised."""
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        past_end = mark is not None and mark.line >= text.count("\n")
        if past_end and exc.context_mark is not None:
            mark = exc.context_mark
        line, col = _point(mark) if mark else (1, 1)
        reason = " ".join(part for part in (exc.context, exc.problem) if part)
        return Parsed(None, Positions(), [YamlProblem("yaml-syntax", reason, line, col)])
    except yaml.YAMLError as exc:
        return Parsed(None, Positions(), [YamlProblem("yaml-syntax", str(exc), 1, 1)])
    if len(nodes) > 1:
        line, col = _point(nodes[1].start_mark)
        problem = YamlProblem(
            "yaml-syntax", "a file holds one document; split this one into its own file", line, col
        )
        return Parsed(None, Positions(), [problem])
    if not nodes:
        return Parsed(None, Positions(), [])
    builder = _Builder()
    value = builder.build(nodes[0], ())
    return Parsed(value, builder.positions, builder.problems)
