"""libyaml's errors as located problems, in plainer words where libyaml's are cryptic."""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..positions import Point
from ..rulebook import Rule
from . import yaml_hints
from .yaml_guard import YamlProblem, point, too_deep

_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What libyaml counts as a line break."""


_LIBYAML_WORDS = [
    (re.compile(pattern), words)
    for pattern, words in (
        (r"^expected ',' or '([]}])', but got .*", r"did not find expected ',' or '\1'"),
        (r"^expected <block end>, but found '-'$", "did not find expected key"),
        (r"^expected <block end>, but found ':'$", "did not find expected key"),
        (r"^expected <block end>, but found '\?'$", "did not find expected '-' indicator"),
        (r"^expected <block end>, but found .*", "did not find expected key"),
        (r"^expected the node content, but found .*", "did not find expected node content"),
        (r"^expected '<document start>', but found .*", "did not find expected <document start>"),
        (
            r"^(mapping values|mapping keys) are not allowed here$",
            r"\1 are not allowed in this context",
        ),
        (
            r"^sequence entries are not allowed here$",
            "block sequence entries are not allowed in this context",
        ),
        (
            r"^found character .* that cannot start any token$",
            "found character that cannot start any token",
        ),
        (
            r"^expected alphabetic or numeric character, but found .*",
            "did not find expected alphabetic or numeric character",
        ),
        (
            r"^expected a comment or a line break, but found .*",
            "did not find expected comment or line break",
        ),
        (
            r"^expected chomping or indentation indicators, but found .*",
            "did not find expected comment or line break",
        ),
        (r"^expected ' ', but found .*", "did not find expected whitespace or line break"),
        (
            r"^(found undefined alias|found undefined tag handle|found unknown escape "
            r"character) .*",
            r"\1",
        ),
        (
            r"^found duplicate anchor '.*'; first occurrence$",
            "found duplicate anchor; first occurrence",
        ),
        (r"^found duplicate YAML directive$", "found duplicate %YAML directive"),
        (r"^duplicate tag handle .*", "found duplicate %TAG directive"),
        (r"^found incompatible YAML document .*", "found incompatible YAML document"),
        (r"^while scanning a double-quoted scalar$", "while parsing a quoted scalar"),
        (
            r"^expected escape sequence of \d+ hexadecimal numbers, .*",
            "did not find expected hexdecimal number",
        ),
    )
]
"""PyYAML's parser in Python says in its own words what libyaml says in these: where it
reads a file (libyaml absent), its words are put back into libyaml's."""


def libyaml_words(text: str) -> str:
    """libyaml's words for what PyYAML's Python parser says in ``text``; else ``text``."""
    for pattern, words in _LIBYAML_WORDS:
        if pattern.match(text):
            return pattern.sub(words, text, count=1)
    return text


def line_col(text: str, index: int) -> Point:
    """The 1-based line and column of ``text[index]``, counting lines as libyaml does."""
    line, start = 1, 0
    for found in _BREAK.finditer(text, 0, index):
        line, start = line + 1, found.end()
    return line, index - start + 1


def syntax_problem(exc: yaml.YAMLError, text: str) -> YamlProblem:
    """libyaml's error as a located problem, in plainer words where libyaml's are cryptic."""
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(exc.character, int):
        index = exc.position  # PyYAML's own reader counts characters, libyaml UTF-8 bytes
        if exc.encoding != "unicode":
            index = len(text.encode("utf-8")[:index].decode("utf-8", "ignore"))
        return _bad_character(exc.character, index, text)
    if not isinstance(exc, yaml.MarkedYAMLError):
        return YamlProblem(Rule.YAML_SYNTAX, str(exc), 1, 1)
    mark, (line, col) = _where(exc, text)
    reason = " ".join(libyaml_words(part) for part in (exc.context, exc.problem) if part)
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


def _bad_character(character: int, index: int, text: str) -> YamlProblem:
    """A character YAML does not allow, at ``text[index]``."""
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
