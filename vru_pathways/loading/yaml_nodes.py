"""YAML text → values and positions by composing libyaml's node tree and walking it.

The reader that handles every document: anchors and aliases (shared, not copied;
positions inside an aliased value point at the anchor), duplicate keys, keys that are
not text, several documents in one file. :mod:`.yaml_events` reads most documents
faster, in one pass over the parser's events, and leaves the others to this one.

Before any node is built, :func:`.yaml_guard.refuse` refuses what would cost too much to
build or to check.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..positions import Path, Point, Positions, pack, unpack
from ..rulebook import Rule
from . import yaml_guard
from .parsed import MAX_PROBLEMS, NULLS, Parsed
from .yaml_errors import syntax_problem
from .yaml_guard import YamlProblem, point, refuse


class _Builder:
    def __init__(self) -> None:
        self.positions = Positions()
        self.problems: list[YamlProblem] = []
        self._done: dict[int, Any] = {}
        self._open: set[int] = set()
        self._counts: dict[str, int] = {}
        self._first_unrecorded: dict[str, Point] = {}

    def problem(self, rule: str, message: str, line: int, col: int) -> None:
        """Record a problem, or past :data:`MAX_PROBLEMS` of its rule only count it."""
        count = self._counts[rule] = self._counts.get(rule, 0) + 1
        if count <= MAX_PROBLEMS:
            self.problems.append(YamlProblem(rule, message, line, col))
        else:
            self._first_unrecorded.setdefault(rule, (line, col))

    def summary(self) -> list[YamlProblem]:
        """One problem per rule that went past the limit, saying how many more it had."""
        out = []
        for rule, (line, col) in self._first_unrecorded.items():
            more = self._counts[rule] - MAX_PROBLEMS
            message = f"and {more:,} more {rule} problems in this file, not listed one by one"
            out.append(YamlProblem(rule, message, line, col, more - 1))
        return out

    def build(self, node: yaml.Node, path: Path) -> Any:
        ident = id(node)
        if ident in self._open:
            line, col = point(node.start_mark)
            self.problem(
                Rule.YAML_SYNTAX, "an alias refers to the value that contains it", line, col
            )
            return None
        if ident in self._done:
            return self._done[ident]
        mark = node.start_mark
        self.positions.values[path] = pack(mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            value: Any = None if not node.style and node.value in NULLS else node.value
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
            line, col = point(key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(Rule.YAML_SYNTAX, "a mapping key must be plain text", line, col)
                continue
            key = key_node.value
            if key in out:
                first_line, first_col = unpack(self.positions.keys[(*path, key)])
                self.problem(
                    Rule.DUPLICATE_KEY,
                    f"duplicate key '{key}' (first defined at line {first_line}, "
                    f"column {first_col}); YAML would silently keep only the last",
                    line,
                    col,
                )
                continue
            self.positions.keys[(*path, key)] = pack(line, col)
            out[key] = self.build(value_node, (*path, key))
        return out


def parse(text: str) -> Parsed:
    """Parse one YAML document. Problems are returned, never raised."""
    try:
        refused = refuse(text)
        if refused is not None:
            return Parsed(None, Positions(), [refused])
        nodes = list(yaml.compose_all(text, Loader=yaml_guard.Loader))
    except yaml.YAMLError as exc:
        return Parsed(None, Positions(), [syntax_problem(exc, text)])
    if len(nodes) > 1:
        line, col = point(nodes[1].start_mark)
        problem = YamlProblem(
            Rule.YAML_SYNTAX,
            "a file holds one document; split this one into its own file",
            line,
            col,
        )
        return Parsed(None, Positions(), [problem])
    if not nodes:
        return Parsed(None, Positions(), [])
    builder = _Builder()
    value = builder.build(nodes[0], ())
    return Parsed(value, builder.positions, builder.problems + builder.summary())
