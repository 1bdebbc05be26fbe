"""The limits on what a YAML file may cost, checked before any value is built.

One pass over libyaml's events, in constant memory, refuses more than
:data:`MAX_VALUES` values (``too-large``), collections nested deeper than
:data:`MAX_DEPTH` (``too-deep``), more than :data:`MAX_ALIASES` aliases or anchors, or
aliases that copied would add more than :data:`MAX_ALIAS_VALUES` values: the "billion
laughs" (``too-many-aliases``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from ..positions import Point
from ..rulebook import Rule

LIBYAML_LEVELS = 1000
"""libyaml refuses the 1000th level of nesting, flow or block, as its scanner reaches it."""


class PureLoader(yaml.SafeLoader):
    """PyYAML's parser written in Python, where libyaml is absent, held to libyaml's limit
    on nesting so that a file reads the same, and fails in the same place, either way."""

    def fetch_flow_collection_start(self, TokenClass: Any) -> None:  # noqa: N803 - PyYAML's
        if self.flow_level + 1 >= LIBYAML_LEVELS:
            self._too_deep("flow")
        super().fetch_flow_collection_start(TokenClass)

    def add_indent(self, column: int) -> bool:
        if self.indent < column and len(self.indents) + 1 >= LIBYAML_LEVELS:
            self._too_deep("block")
        grew: bool = super().add_indent(column)
        return grew

    def process_empty_scalar(self, mark: Any) -> Any:
        """An empty value; in a flow collection libyaml places it where the next token
        starts (``{a: , b}``: at the comma), PyYAML where the ``:`` or ``?`` ends."""
        if self.state in (
            self.parse_flow_mapping_key,
            self.parse_flow_mapping_value,
            self.parse_flow_sequence_entry_mapping_value,
            self.parse_flow_sequence_entry_mapping_end,
        ):
            mark = self.peek_token().start_mark  # type: ignore[no-untyped-call]
        return super().process_empty_scalar(mark)

    def _too_deep(self, what: str) -> None:
        mark = self.get_mark()
        context = f"while increasing {what} level"
        raise yaml.scanner.ScannerError(context, mark, "exceeded maximum nesting depth", mark)


Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = (
    yaml.CSafeLoader if yaml.__with_libyaml__ else PureLoader
)
"""libyaml's parser, in C, where PyYAML has it (its wheels do); else :class:`PureLoader`."""

__all__ = [
    "MAX_ALIASES",
    "MAX_ALIAS_VALUES",
    "MAX_DEPTH",
    "MAX_VALUES",
    "Loader",
    "PureLoader",
    "YamlProblem",
    "point",
    "refuse",
    "too_deep",
]

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


@dataclass(frozen=True)
class YamlProblem:
    rule: str
    message: str
    line: int
    col: int
    more: int = 0
    """Further problems of the rule this one stands for, past the number recorded."""


def point(mark: Any) -> Point:
    return (mark.line + 1, mark.column + 1)


def refuse(text: str) -> YamlProblem | None:
    """Why the text is too costly to build, if it is: one pass over the parser's events
    that keeps only the open collections (at most :data:`MAX_DEPTH`) and the size of
    each anchored value (at most :data:`MAX_ALIASES`)."""
    values = copied = aliases = 0
    sizes: dict[str, int] = {}
    open_: list[tuple[str | None, int]] = []
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.ScalarEvent):
            values += 1
            if event.anchor is not None:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            values += 1
            open_.append((event.anchor, values + copied))
            if len(open_) > MAX_DEPTH:
                return too_deep(*point(event.start_mark))
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
                Rule.TOO_LARGE,
                (
                    f"more than {MAX_VALUES:,} values in one file, the "
                    "most this tool reads: split it into documents "
                    "that 'uses' each other"
                ),
            )
        elif aliases > MAX_ALIASES or len(sizes) > MAX_ALIASES:
            what = "aliases (*name)" if aliases > MAX_ALIASES else "anchors (&name)"
            rule, message = (
                Rule.TOO_MANY_ALIASES,
                (f"more than {MAX_ALIASES:,} {what} in one file, the most this tool reads"),
            )
        elif copied > MAX_ALIAS_VALUES:
            rule, message = (
                Rule.TOO_MANY_ALIASES,
                (
                    f"aliases that would add more than {MAX_ALIAS_VALUES:,} values were each one "
                    "copied (an alias bomb); write the values out, or alias less"
                ),
            )
        else:
            continue
        return YamlProblem(rule, message, *point(event.start_mark))
    return None


def too_deep(line: int, col: int) -> YamlProblem:
    message = f"values nested more than {MAX_DEPTH} levels deep (the format nests 4 deep at most)"
    return YamlProblem(Rule.TOO_DEEP, message, line, col)
