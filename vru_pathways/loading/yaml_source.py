"""YAML text → plain values plus the position of every key and value.

libyaml's C parser composes the node tree (it keeps marks); we construct values ourselves
so that YAML's implicit typing never reaches the model: every scalar stays the text the
user wrote (``no``, ``on``, ``010`` and ``2024-01-02`` are all strings) except the empty
value and ``~``/``null``, which are ``None``. pydantic then converts text to numbers or
dates where the format asks for one, and says so when it cannot.

Duplicate keys are errors. Aliases are shared, not copied; positions inside an aliased
value point at the anchor.

Before any value is built, :mod:`.yaml_guard` refuses what would cost too much to build
or to check.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import yaml

from ..positions import Path, Point, Positions, pack, unpack
from ..rulebook import Rule
from . import yaml_hints
from .yaml_guard import Loader, YamlProblem, point, refuse, too_deep

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What libyaml counts as a line break."""


@dataclass
class Parsed:
    value: Any
    positions: Positions
    problems: list[YamlProblem]


MAX_PROBLEMS = 1000
"""Problems of one rule recorded per file; the rest are counted, in one last problem, so
that a file of a million duplicate keys costs no more than one of a thousand."""


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


def line_col(text: str, index: int) -> Point:
    """The 1-based line and column of ``text[index]``, counting lines as libyaml does."""
    line, start = 1, 0
    for found in _BREAK.finditer(text, 0, index):
        line, start = line + 1, found.end()
    return line, index - start + 1


def _syntax_problem(exc: yaml.YAMLError, text: str) -> YamlProblem:
    """libyaml's error as a located problem, in plainer words where libyaml's are cryptic."""
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(exc.character, int):
        return _bad_character(exc.character, exc.position, text)
    if not isinstance(exc, yaml.MarkedYAMLError):
        return YamlProblem(Rule.YAML_SYNTAX, str(exc), 1, 1)
    mark, (line, col) = _where(exc, text)
    reason = " ".join(part for part in (exc.context, exc.problem) if part)
    if "exceeded maximum nesting depth" in reason:  # libyaml's own limit, 1000
        return too_deep(line, col)
    if mark is not None and _is_tab_indent(text, mark.index):
        reason = (
            f"line {line} is indented with a tab: YAML does not allow tabs for "
            "indentation; indent with spaces"
        )
    elif mark is not None:
        reason = _indentation(reason, text, line, col) or reason
    return YamlProblem(Rule.YAML_SYNTAX, reason, line, col)


def _indentation(reason: str, text: str, line: int, col: int) -> str | None:
    """What to change, for libyaml's two errors that mostly mean a mis-indented key."""
    if reason == "while parsing a block mapping did not find expected key":
        return yaml_hints.unaligned(_BREAK.split(text), line, col)
    if reason.startswith("mapping values are not allowed"):
        return yaml_hints.deeper_than_above(_BREAK.split(text), line, col)
    return None


def _bad_character(character: int, position: int, text: str) -> YamlProblem:
    """A character YAML does not allow; libyaml counts its position in UTF-8 bytes."""
    index = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
    hint = (
        "; a file full of them is UTF-16 or binary: save it as UTF-8 text"
        if character == 0
        else "; remove it"
    )
    message = f"character U+{character:04X} is not allowed in YAML text{hint}"
    return YamlProblem(Rule.YAML_SYNTAX, message, *line_col(text, index))


def _where(exc: yaml.MarkedYAMLError, text: str) -> tuple[Any, Point]:
    """The mark that best places the error, and its point: the problem's, or the
    context's when the problem is past the last line."""
    mark = exc.problem_mark or exc.context_mark
    past_end = mark is not None and mark.line >= len(_BREAK.findall(text))
    if past_end and exc.context_mark is not None:
        mark = exc.context_mark
    if mark is None:
        return None, (1, 1)
    if mark.index >= len(text):  # libyaml ends on a line of its own
        return mark, line_col(text, len(text))
    return mark, point(mark)


def _is_tab_indent(text: str, index: int) -> bool:
    """Whether ``text[index]`` is a tab with nothing but indentation before it."""
    if text[index : index + 1] != "\t":
        return False
    start = max(text.rfind(c, 0, index) for c in "\r\n\x85\u2028\u2029") + 1
    return not text[start:index].strip(" \t-?:")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Building millions of nodes makes Python's cycle collector rescan them over and
    over (on a national framework, 38 s of composing instead of 8); the tree has no
    cycles to collect, so the collector waits until it is built."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse(text: str) -> Parsed:
    """Parse one YAML document. Problems are returned, never raised."""
    with _collector_paused():
        return _parse(text)


def _parse(text: str) -> Parsed:
    try:
        refused = refuse(text)
        if refused is not None:
            return Parsed(None, Positions(), [refused])
        nodes = list(yaml.compose_all(text, Loader=Loader))
    except yaml.YAMLError as exc:
        return Parsed(None, Positions(), [_syntax_problem(exc, text)])
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
