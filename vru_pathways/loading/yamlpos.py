"""YAML text → plain values plus the position of every key and value.

libyaml's C parser composes the node tree (it keeps marks); we construct values ourselves
so that YAML's implicit typing never reaches the model: every scalar stays the text the
user wrote (``no``, ``on``, ``010`` and ``2024-01-02`` are all strings) except the empty
value and ``~``/``null``, which are ``None``. pydantic then converts text to numbers or
dates where the format asks for one, and says so when it cannot.

Duplicate keys are errors. Aliases are shared, not copied; positions inside an aliased
value point at the anchor.

Before any value is built, one pass over libyaml's events, in constant memory, refuses
what would cost too much to build or to check: more than :data:`MAX_VALUES` values
(``too-large``), collections nested deeper than :data:`MAX_DEPTH` (``too-deep``), more
than :data:`MAX_ALIASES` aliases or anchors, or aliases that copied would add more than
:data:`MAX_ALIAS_VALUES` values: the "billion laughs" (``too-many-aliases``).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
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
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What libyaml counts as a line break."""

MAX_VALUES = 6_000_000
"""Values (keys included) one file may hold: a national framework of 100,000 services
has 3.1 million, and building each costs about 600 bytes before validation."""
MAX_DEPTH = 100
"""Collections nested deeper than this are refused; the format nests 4 deep at most."""
MAX_ALIASES = 10_000
"""Aliases (``*name``) one file may hold, and anchors (``&name``)."""
MAX_ALIAS_VALUES = 1_000_000
"""Values that aliases may add were each one copied: validation and analysis see every
use of an alias, so a few aliases of aliases (an alias bomb) must not add billions."""


@dataclass
class Positions:
    """Where each value (and each mapping key) starts, by path from the document root."""

    values: dict[Path, int] = field(default_factory=dict)
    keys: dict[Path, int] = field(default_factory=dict)
    """Points are packed into one int each (see :func:`pack`): a national framework has
    millions of values, and a tuple per point would cost hundreds of megabytes."""

    def find(self, path: Path, *, key: bool = False) -> Point:
        """The point for ``path``, else for its deepest known ancestor."""
        table = self.keys if key else self.values
        for cut in range(len(path), -1, -1):
            point = table.get(path[:cut]) or self.keys.get(path[:cut])
            if point is not None:
                return unpack(point)
        return (1, 1)


_COLUMN_BITS = 26
"""Columns up to 64 Mi: more than one line of a file under ``loader.MAX_BYTES`` can hold
(at 24 bits, a column past 16 Mi ran into the line)."""


def pack(line: int, col: int) -> int:
    """``(line, col)`` as one int.

    >>> unpack(pack(12, 7))
    (12, 7)
    """
    return line << _COLUMN_BITS | col


def unpack(point: int) -> Point:
    return point >> _COLUMN_BITS, point & ((1 << _COLUMN_BITS) - 1)


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
            line, col = _point(key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    YamlProblem("yaml-syntax", "a mapping key must be plain text", line, col)
                )
                continue
            key = key_node.value
            if key in out:
                first_line, first_col = unpack(self.positions.keys[(*path, key)])
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
            self.positions.keys[(*path, key)] = pack(line, col)
            out[key] = self.build(value_node, (*path, key))
        return out


def _refuse(text: str) -> YamlProblem | None:
    """Why the text is too costly to build, if it is: one pass over the parser's events
    that keeps only the open collections (at most :data:`MAX_DEPTH`) and the size of
    each anchored value (at most :data:`MAX_ALIASES`)."""
    values = copied = aliases = 0
    sizes: dict[str, int] = {}
    open_: list[tuple[str | None, int]] = []
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.ScalarEvent):
            values += 1
            if event.anchor is not None:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            values += 1
            open_.append((event.anchor, values + copied))
            if len(open_) > MAX_DEPTH:
                return _too_deep(*_point(event.start_mark))
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, start = open_.pop()
            if anchor is not None:
                sizes[anchor] = values + copied - start + 1
            continue
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            copied += sizes.get(event.anchor or "", 1)
        else:
            continue
        if values > MAX_VALUES:
            rule, message = (
                "too-large",
                (
                    f"more than {MAX_VALUES:,} values in one file, the "
                    "most this tool reads: split it into documents "
                    "that 'uses' each other"
                ),
            )
        elif aliases > MAX_ALIASES or len(sizes) > MAX_ALIASES:
            what = "aliases (*name)" if aliases > MAX_ALIASES else "anchors (&name)"
            rule, message = (
                "too-many-aliases",
                (f"more than {MAX_ALIASES:,} {what} in one file, the most this tool reads"),
            )
        elif copied > MAX_ALIAS_VALUES:
            rule, message = (
                "too-many-aliases",
                (
                    f"aliases that would add more than {MAX_ALIAS_VALUES:,} values were each one "
                    "copied (an alias bomb); write the values out, or alias less"
                ),
            )
        else:
            continue
        return YamlProblem(rule, message, *_point(event.start_mark))
    return None


def _too_deep(line: int, col: int) -> YamlProblem:
    message = f"values nested more than {MAX_DEPTH} levels deep (the format nests 4 deep at most)"
    return YamlProblem("too-deep", message, line, col)


def line_col(text: str, index: int) -> Point:
    """The 1-based line and column of ``text[index]``, counting lines as libyaml does."""
    line, start = 1, 0
    for found in _BREAK.finditer(text, 0, index):
        line, start = line + 1, found.end()
    return line, index - start + 1


def _syntax_problem(exc: yaml.YAMLError, text: str) -> YamlProblem:
    """libyaml's error as a located problem, in plainer words where libyaml's are cryptic."""
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(exc.character, int):
        # libyaml reads the text as UTF-8: its position counts bytes
        index = len(text.encode("utf-8")[: exc.position].decode("utf-8", "ignore"))
        hint = (
            "; a file full of them is UTF-16 or binary: save it as UTF-8 text"
            if exc.character == 0
            else "; remove it"
        )
        message = f"character U+{exc.character:04X} is not allowed in YAML text{hint}"
        return YamlProblem("yaml-syntax", message, *line_col(text, index))
    if not isinstance(exc, yaml.MarkedYAMLError):
        return YamlProblem("yaml-syntax", str(exc), 1, 1)
    mark = exc.problem_mark or exc.context_mark
    past_end = mark is not None and mark.line >= len(_BREAK.findall(text))
    if past_end and exc.context_mark is not None:
        mark = exc.context_mark
    line, col = _point(mark) if mark else (1, 1)
    if mark is not None and mark.index >= len(text):  # libyaml ends on a line of its own
        line, col = line_col(text, len(text))
    reason = " ".join(part for part in (exc.context, exc.problem) if part)
    if "exceeded maximum nesting depth" in reason:  # libyaml's own limit, 1000
        return _too_deep(line, col)
    if mark is not None and _is_tab_indent(text, mark.index):
        reason = (
            f"line {line} is indented with a tab: YAML does not allow tabs for "
            "indentation; indent with spaces"
        )
    return YamlProblem("yaml-syntax", reason, line, col)


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
        refused = _refuse(text)
        if refused is not None:
            return Parsed(None, Positions(), [refused])
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.YAMLError as exc:
        return Parsed(None, Positions(), [_syntax_problem(exc, text)])
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
