"""GitHub Actions workflow commands: one annotation per finding, on its line.

Annotations are grouped per file (``::group::``); the full table follows, because GitHub
shows only the first few annotations of a step. Escaping follows GitHub's own toolkit
(``@actions/core``, ``command.ts``): in the message ``%``, CR and LF; in properties also
``:`` and ``,``.
"""

from __future__ import annotations

from itertools import groupby

from ..diagnostics import Finding, Severity
from ..escaping import one_line, printable
from ..results import CheckReport
from . import table

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message.

    >>> escape_data("50% done\\nnext")
    '50%25 done%0Anext'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command's property value.

    >>> escape_property("a:b,c")
    'a%3Ab%2Cc'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    loc = finding.location
    props = {
        "file": loc.path,
        "line": str(loc.line),
        "col": str(loc.col),
        "title": f"vru-pathways {finding.rule}",
    }
    joined = ",".join(f"{k}={escape_property(one_line(v))}" for k, v in props.items())
    message = finding.message + (f" (board: {finding.board})" if finding.board else "")
    return f"::{LEVEL[finding.severity]} {joined}::{escape_data(one_line(message))}"


def render(report: CheckReport) -> str:
    lines: list[str] = []
    for path, findings in groupby(report.shown, key=lambda f: f.location.path):
        lines.append(f"::group::{escape_data(one_line(path))}")
        lines += [annotation(f) for f in findings]
        lines.append("::endgroup::")
    # the table is for people: as printable as the table format, so that no name in it
    # (a file name holding a line break, ``##[``) is a command to the runner
    return "\n".join(lines) + ("\n" if lines else "") + printable(table.render(report))
