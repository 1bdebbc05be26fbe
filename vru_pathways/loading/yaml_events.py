"""YAML text → values and positions in one pass over the parser's events.

Most documents hold one document with plain keys, no anchors, aliases or tag
directives, and nothing the limits refuse; this reads those, building each value and
its position straight from libyaml's events, with no node tree between. Anything else
(and any syntax error) it leaves to :mod:`.yaml_nodes`, which reads every document and
whose answers these must equal.

Positions are kept to the depth of an entity (``services.mentors``); inside one, they
are read again from that entity's own lines when a message first needs them (see
:class:`~vru_pathways.positions.Positions`), so a national framework keeps a few hundred
thousand positions instead of millions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
)

from ..positions import Path, Positions
from . import yaml_guard, yaml_nodes
from .parsed import NULLS, Parsed

ENTITY_DEPTH = 2
"""Paths this long (a section and an ID) have their positions kept as they are read."""
_COLUMN_BITS = 26  # as positions.pack: inlined, since it runs once a value
_SPAN_BITS = 32


class Unusual(Exception):
    """The document holds what only :mod:`.yaml_nodes` reads."""


class _Reader:
    """Builds one document from the parser's events: positions to :attr:`eager`'s depth,
    then for each value there its span in the text and its insides without positions."""

    def __init__(self, text: str, eager: int | None) -> None:
        self.parser = yaml_guard.Loader(text)
        self.get: Callable[[], Any] = self.parser.get_event
        self.end: Any = None
        """The end event of the last collection read without positions."""
        self.eager = eager
        self.values: dict[Path, int] = {}
        self.keys: dict[Path, int] = {}
        self.spans: dict[Path, int] = {}
        self.strings: dict[str, str] = {}
        """One string object for each text that recurs (keys, tiers, IDs named again)."""
        self.room = yaml_guard.MAX_VALUES

    def document(self) -> Any:
        """The one document's value (``Unusual`` for anything else); ``NULLS`` for none."""
        get = self.get
        get()  # the stream's start
        start = get()
        if start.__class__ is StreamEndEvent:
            return NULLS
        if start.tags:  # handles declared for the whole document
            raise Unusual
        value = self.node(get(), ())
        get()  # the document's end
        if get().__class__ is not StreamEndEvent:
            raise Unusual
        return value

    def node(self, event: Any, path: Path) -> Any:
        """A value whose position is kept."""
        mark = event.start_mark
        self.values[path] = (mark.line + 1) << _COLUMN_BITS | (mark.column + 1)
        kind = event.__class__
        if kind is ScalarEvent:
            return self.scalar(event)
        if kind is AliasEvent or event.anchor is not None:
            raise Unusual
        level = len(path) + 1
        if level > yaml_guard.MAX_DEPTH:
            raise Unusual
        self.room -= 1
        if len(path) == self.eager:
            value = self.collection(kind, level)
            self.spans[path] = mark.index << _SPAN_BITS | self.end.end_mark.index
            return value
        if kind is MappingStartEvent:
            return self.mapping(path)
        return self.sequence(path)

    def scalar(self, event: Any) -> str | None:
        if event.anchor is not None:
            raise Unusual
        self.room -= 1
        if self.room < 0:
            raise Unusual
        value: str = event.value
        if not event.style and value in NULLS:
            return None
        return self.strings.setdefault(value, value)

    def mapping(self, path: Path) -> dict[str, Any]:
        out: dict[str, Any] = {}
        get, strings = self.get, self.strings
        while (event := get()).__class__ is not MappingEndEvent:
            key = self.key(event, out)
            mark = event.start_mark
            self.keys[(*path, key)] = (mark.line + 1) << _COLUMN_BITS | (mark.column + 1)
            out[strings.setdefault(key, key)] = self.node(get(), (*path, key))
        return out

    def sequence(self, path: Path) -> list[Any]:
        out: list[Any] = []
        get = self.get
        while (event := get()).__class__ is not SequenceEndEvent:
            out.append(self.node(event, (*path, len(out))))
        return out

    def key(self, event: Any, out: dict[str, Any]) -> str:
        """The text of a key that is plain, single and new, else ``Unusual``."""
        if event.__class__ is not ScalarEvent or event.anchor is not None:
            raise Unusual
        key: str = event.value
        self.room -= 1
        if key in out:
            raise Unusual
        return key

    # --- insides, without positions ------------------------------------------------------

    def collection(self, kind: type, level: int) -> Any:
        """A mapping or sequence whose start event was ``kind``, read to its end event
        (kept in :attr:`end`), nothing inside it positioned."""
        if self.room < 0 or level > yaml_guard.MAX_DEPTH:
            raise Unusual
        if kind is MappingStartEvent:
            return self.mapping_inside(level)
        return self.sequence_inside(level)

    def inner(self, event: Any, level: int) -> Any:
        """A value inside an unpositioned collection."""
        kind = event.__class__
        if kind is ScalarEvent:
            return self.scalar(event)
        if kind is AliasEvent or event.anchor is not None:
            raise Unusual
        self.room -= 1
        return self.collection(kind, level + 1)

    def mapping_inside(self, level: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        get, strings, room = self.get, self.strings, self.room
        while (event := get()).__class__ is ScalarEvent:
            key = event.value
            if event.anchor is not None or key in out:
                raise Unusual
            value = get()
            if value.__class__ is ScalarEvent and value.anchor is None:
                text = value.value
                room -= 2
                if room < 0:
                    raise Unusual
                out[strings.setdefault(key, key)] = (
                    None if not value.style and text in NULLS else strings.setdefault(text, text)
                )
            else:
                self.room = room - 1
                out[strings.setdefault(key, key)] = self.inner(value, level)
                room = self.room
        if event.__class__ is not MappingEndEvent:
            raise Unusual
        self.room, self.end = room, event
        return out

    def sequence_inside(self, level: int) -> list[Any]:
        out: list[Any] = []
        get, strings, room = self.get, self.strings, self.room
        while (event := get()).__class__ is not SequenceEndEvent:
            if event.__class__ is ScalarEvent and event.anchor is None:
                text = event.value
                room -= 1
                if room < 0:
                    raise Unusual
                out.append(
                    None if not event.style and text in NULLS else strings.setdefault(text, text)
                )
            else:
                self.room = room
                out.append(self.inner(event, level))
                room = self.room
        self.room, self.end = room, event
        return out


def read(text: str) -> Parsed | None:
    """The document, if it is one this reads; ``None`` to leave it to :mod:`.yaml_nodes`."""
    try:
        reader = _Reader(text, ENTITY_DEPTH)
    except yaml.YAMLError:  # PyYAML's own reader checks every character first
        return None
    try:
        value = reader.document()
    except (Unusual, yaml.YAMLError):
        return None
    finally:
        reader.parser.dispose()
    if reader.room < 0:
        return None
    if value is NULLS:
        return Parsed(None, Positions(), [])
    inside = _Inside(text, reader.values, reader.spans)
    positions = Positions(reader.values, reader.keys, ENTITY_DEPTH, inside)
    return Parsed(value, positions, [])


class _Inside:
    """The positions inside one entity, read again from its own lines of the text."""

    def __init__(self, text: str, values: dict[Path, int], spans: dict[Path, int]) -> None:
        self.text = text
        self.values = values
        self.spans = spans

    def __call__(self, head: Path) -> Positions:
        span = self.spans.get(head)
        if span is None:
            return Positions()
        start, end = span >> _SPAN_BITS, span & ((1 << _SPAN_BITS) - 1)
        at = self.values[head]
        line, col = at >> _COLUMN_BITS, at & ((1 << _COLUMN_BITS) - 1)
        try:
            found = positions_of(" " * (col - 1) + self.text[start:end])
        except (Unusual, yaml.YAMLError):  # never seen: the composing reader is exact
            return _part(yaml_nodes.parse(self.text).positions, head)
        shift = (line - 1) << _COLUMN_BITS
        return Positions(
            {path: point + shift for path, point in found.values.items()},
            {path: point + shift for path, point in found.keys.items()},
        )


def _part(positions: Positions, head: Path) -> Positions:
    """The positions under ``head``, by path relative to it."""
    cut = len(head)
    return Positions(
        {p[cut:]: v for p, v in positions.values.items() if p[:cut] == head},
        {p[cut:]: v for p, v in positions.keys.items() if p[:cut] == head},
    )


def positions_of(text: str) -> Positions:
    """Every position of a document this reads, at every depth."""
    reader = _Reader(text, None)
    try:
        reader.document()
    finally:
        reader.parser.dispose()
    return Positions(reader.values, reader.keys)
