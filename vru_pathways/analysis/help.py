"""Each rule's user documentation, from its module docstring, as Markdown.

One source for docs/rules.md and for the help text SARIF carries per rule.
"""

from __future__ import annotations

import inspect
import sys

from ..rulebook import RULES
from . import CHECKS


def markdown(doc: str) -> list[str]:
    """A docstring's reStructuredText literals and ``::`` blocks as Markdown lines."""
    out: list[str] = []
    block: list[str] | None = None
    for line in [*doc.replace("``", "`").splitlines(), "."]:
        if block is not None and (line.startswith(" ") or not line):
            block.append(line[4:])
            continue
        if block is not None:
            while block and not block[-1]:
                block.pop()
            while block and not block[0]:
                block.pop(0)
            out += ["```yaml", *block, "```", ""]
            block = None
        if line.endswith("::"):
            out += [line[:-1], ""]
            block = []
        else:
            out.append(line)
    while out and out[-1] in ("", "."):
        out.pop()
    return out


def rule_help(rule_id: str) -> tuple[str, str]:
    """The one-line summary and the Markdown body of a rule's documentation."""
    if rule_id not in CHECKS:
        return RULES[rule_id].summary, ""
    doc = inspect.getdoc(sys.modules[CHECKS[rule_id].__module__]) or ""
    heading, _, body = doc.partition("\n")
    summary = heading.split(": ", 1)[-1].replace("``", "`")
    return summary[:1].upper() + summary[1:], "\n".join(markdown(body)).strip()
