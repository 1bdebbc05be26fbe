"""libyaml's errors as located problems, in plainer words where libyaml's are cryptic."""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..positions import Point
from ..rulebook import Rule
from .yaml_guard import YamlProblem, point, too_deep

_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What libyaml counts as a line break."""


def line_col(text: str, index: int) -> Point:
    """The 1-based line and column of ``text[index]``, counting lines as libyaml does."""
    line, start = 1, 0
    for found in _BREAK.finditer(text, 0, index):
        line, start = line + 1, found.end()
    return line, index - start + 1


def syntax_problem(exc: yaml.YAMLError, text: str) -> YamlProblem:
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
    return YamlProblem(Rule.YAML_SYNTAX, reason, line, col)


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
