"""Text inside DOT: quoted IDs, HTML-like labels and the lines a box wraps its text into.
Every piece of input text reaches Graphviz through :func:`html` or :func:`quoted`."""

from __future__ import annotations

import textwrap

from ..escaping import one_line, printable
from .diagram import clip

WRAP = 19


def html(text: str) -> str:
    """Text made safe inside a Graphviz HTML-like label.

    >>> html('a <b> & "c"')
    'a &lt;b&gt; &amp; &quot;c&quot;'
    """
    out = printable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    out = out.replace('"', "&quot;").replace("]", "&#93;").replace("[", "&#91;")
    return "".join(c if c >= " " or c == "\t" else " " for c in out)


def quoted(text: str) -> str:
    """A DOT double-quoted ID."""
    return '"' + one_line(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def lines(text: str, width: int = WRAP) -> list[str]:
    """The text in lines of about ``width`` characters, broken at spaces only, so a word
    longer than the line, or a hyphenated one (``right-to-left``), stays whole.

    >>> lines("Reduce <script>alert(1)</script> here", 10)
    ['Reduce', '<script>alert(1)</script>', 'here']
    """
    return [
        line
        for part in clip(text).splitlines() or [""]
        for line in textwrap.wrap(part, width, break_long_words=False, break_on_hyphens=False)
        or [""]
    ]
