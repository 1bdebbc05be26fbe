"""Text from the input made harmless wherever it is shown: one function per kind of output.

A name, an ID or a file name can hold anything: escape sequences that move a terminal's
cursor or retitle its window, a line that GitHub Actions would run as a workflow command
(``::add-mask::…``, or ``##[…]`` anywhere in a line), characters XML forbids. Every
human-facing stream goes through :func:`printable`; machine formats that carry text as
data go through :func:`json_text` (JSON) or keep :func:`printable` text in their XML.
The escapes are shown the way Python writes them (``\\x1b``), so nothing is hidden.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")
"""Control characters (all but tab and line feed), DEL, the C1 controls, the Unicode line
and paragraph separators, and what XML 1.0 forbids besides (noncharacters, surrogates)."""
_COMMAND_START = re.compile(r"^([ \t]*):(?=:)", re.M)
"""A line that a CI runner would read as a workflow command: ``::`` after any spaces."""
_V1_COMMAND = "##["
"""GitHub's older workflow command syntax, recognised anywhere in a line."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    r"""Text safe to print on a terminal or in a CI log, and to put in XML.

    Line feeds and tabs stay; every other control character is shown as an escape; no
    line can start a workflow command.

    >>> printable("a\x1b[31mb\n::warning::x ##[error]y")
    'a\\x1b[31mb\n\\x3a:warning::x #\\x23[error]y'
    >>> printable(printable("\x07::")) == printable("\x07::")
    True
    """
    text = _UNSAFE.sub(_escape, text)
    text = _COMMAND_START.sub(lambda m: m.group(1) + "\\x3a", text)
    return text.replace(_V1_COMMAND, "#\\x23[")


def one_line(text: str) -> str:
    r"""Text for one cell or one line: :func:`printable`, with line breaks shown too.

    >>> one_line("two\nlines")
    'two\\nlines'
    """
    return printable(text.replace("\n", "\\n").replace("\t", "\\x09"))


def json_text(text: str) -> str:
    r"""JSON text (as ``json.dumps`` writes it) with what it leaves raw escaped: DEL, the
    C1 controls, the separators, and ``##[``; the values read back are unchanged.

    >>> json_text('"\x9b ##["')
    '"\\u009b #\\u0023["'
    """
    text = _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
    return text.replace(_V1_COMMAND, "#\\u0023[")


CSV_FORMULA = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP's list)."""


def csv_cell(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula, and that prints
    safely: a leading ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a ``'``.

    >>> csv_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> csv_cell("-1")
    "'-1"
    """
    guarded = "'" + text if text.startswith(CSV_FORMULA) else text
    return one_line(guarded)
