"""YAML text that reads back as exactly the text given: scalars, keys, blocks, comments.

The importers write their YAML line by line, so that each line can be traced to where it
came from (a workbook's cell) and laid out as a person would write it; this module is the
one place that decides how a piece of text is spelled in it.

vru-pathways reads every scalar as text, but editors and other YAML tools type some plain
ones, so text is written plain only when PyYAML reads it back as the same text and it is
neither YAML 1.1's ``y``/``n`` nor a string of digits (a number in YAML 1.2 even as
``0089``): ``yes``, ``off``, ``null``, ``010`` and ``2024-01-02`` are quoted, unless the
caller says the field is a number or a date. A quoted scalar is also a JSON string: the
characters YAML cannot hold raw are written as ``\\uXXXX`` (C0 and C1 controls, DEL, the
line breaks NEL, LS and PS, the byte-order mark and the non-characters U+FFFE and U+FFFF),
and an unpaired surrogate, which no UTF-8 file can hold, becomes U+FFFD.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is part of the PyYAML wheels
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = ["FOLD", "block", "comment", "key", "quoted", "reads_plain", "scalar"]

FOLD = 88
"""Longer one-line text is written as a folded block of lines this long."""

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_YAML_1_1_BOOLEANS = frozenset({"y", "Y", "n", "N"})
"""Booleans in YAML 1.1 that PyYAML reads as text, and so does not flag."""
_DIGITS = re.compile(r"^[0-9]+$")
"""A number in YAML 1.2 even with a leading zero (``0089``), which PyYAML reads as text."""
_STR = "tag:yaml.org,2002:str"
_NOT_RAW = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
"""What a double-quoted scalar cannot hold raw beyond the C0 controls JSON escapes."""
_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_IN_COMMENT = re.compile(
    "[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
"""What may not stand in a comment: anything unprintable, and a line break of any version."""


def quoted(text: str) -> str:
    """``text`` as a double-quoted scalar, on one line; it is also a JSON string.

    >>> print(quoted('a: "b" # c\\n\\u2028 \\x85 \\ud800 🎉'))
    "a: \\"b\\" # c\\n\\u2028 \\u0085 \ufffd 🎉"
    """
    dumped = json.dumps(_SURROGATE.sub("\ufffd", text), ensure_ascii=False)
    return _NOT_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


@lru_cache(maxsize=4096)
def reads_plain(text: str, typed: bool = False) -> bool:
    """Whether ``text`` written plain reads back as itself, as a value and as a list item.

    ``typed``: the field is a number or a date, which are written plain as in the shipped
    documents, so a plain ``010`` or ``2024-01-02`` is what is meant there.

    >>> reads_plain("knife crime"), reads_plain("yes"), reads_plain("n"), reads_plain("a: b")
    (True, False, False, False)
    >>> reads_plain("2024-01-02"), reads_plain("2024-01-02", typed=True)
    (False, True)
    """
    return not _read_otherwise(text, typed) and _composes_to_itself(text, typed)


def _read_otherwise(text: str, typed: bool) -> bool:
    """Whether a plain ``text`` is, or may be read as, something else in some reader;
    PyYAML is asked about the rest."""
    if text in _NULLS or text != text.strip() or "\n" in text or "\t" in text:
        return True
    return not typed and (text in _YAML_1_1_BOOLEANS or _DIGITS.match(text) is not None)


def _composes_to_itself(text: str, typed: bool) -> bool:
    """Whether PyYAML reads a plain ``text`` back as itself, a string unless ``typed``."""
    as_value, as_item = _compose(f"k: {text}\n"), _compose(f"- {text}\n")
    if not isinstance(as_value, yaml.MappingNode) or not isinstance(as_item, yaml.SequenceNode):
        return False
    nodes = (as_value.value[0][1], as_item.value[0]) if as_item.value else ()
    return len(nodes) == 2 and all(
        isinstance(n, yaml.ScalarNode)
        and not n.style
        and n.value == text
        and (typed or n.tag == _STR)
        for n in nodes
    )


def scalar(text: str, typed: bool = False) -> str:
    """``text`` as a scalar on one line: plain when that reads back (see
    :func:`reads_plain`), else quoted.

    >>> print(scalar("Knife crime"), scalar("yes"), scalar("2025-03-31", typed=True))
    Knife crime "yes" 2025-03-31
    """
    return text if reads_plain(text, typed) else quoted(text)


def key(text: str) -> str:
    """``text`` as a mapping key, or as a reference to one: an ID (kebab-case) plain when
    that reads back as text, anything else quoted.

    >>> print(key("knife-crime"), key("no"), key("0x1f"), key("2024-01-02"), key("Knife"))
    knife-crime "no" "0x1f" "2024-01-02" "Knife"
    """
    return text if _ID.match(text) and reads_plain(text) else quoted(text)


@lru_cache(maxsize=1024)
def block(text: str) -> tuple[str, ...] | None:
    """A multi-line text as a literal block (``|-`` or ``|``), a long one as a folded block
    (``>-``), when that reads back exactly: the header, then the lines, to be indented two
    more than the key (an empty line stays empty). ``None``: write it on one line.

    >>> block("first\\n  second")
    ('|-', 'first', '  second')
    >>> block("one line") is None, block(" leading space\\nsecond") is None
    (True, True)
    """
    lines = _literal(text) if "\n" in text else _folded(text)
    if lines is None or not _reads_back(lines, text):
        return None
    return lines


def _literal(text: str) -> tuple[str, ...] | None:
    """Header and lines of a literal block, when its first line sets the indentation and
    no line is only spaces (a block cannot say where such a line's text starts)."""
    body, header = (text[:-1], "|") if text.endswith("\n") else (text, "|-")
    lines = body.split("\n")
    if not lines[0].strip() or lines[0] != lines[0].lstrip() or body.endswith("\n"):
        return None
    if any(line and not line.strip() for line in lines):
        return None
    return (header, *lines)


def _folded(text: str) -> tuple[str, ...] | None:
    """Header and lines of a folded block for a long line, when folding keeps its spaces."""
    if len(text) <= FOLD or "  " in text or text != text.strip():
        return None
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= FOLD:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return (">-", *lines)


def _reads_back(lines: tuple[str, ...], text: str) -> bool:
    indented = (lines[0], *(f"  {line}" if line else "" for line in lines[1:]))
    node = _compose("k: " + "\n".join(indented) + "\n")
    return isinstance(node, yaml.MappingNode) and node.value[0][1].value == text


def comment(text: str) -> str:
    """``text`` made safe to stand after ``#`` on one line: each character a comment
    cannot hold becomes a space.

    >>> comment("models/a.json\\nid: x\\u2028 ")
    'models/a.json id: x'
    """
    return _NOT_IN_COMMENT.sub(" ", text).strip()


def _compose(text: str) -> Any:
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
