"""Write docs/rules.md from the rule catalogue and each rule module's docstring.

Usage: python scripts/gen_docs.py [--check]   (--check: exit 1 if the file is stale)
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

from vru_pathways.analysis import CHECKS
from vru_pathways.rules import RULES

TARGET = Path(__file__).resolve().parent.parent / "docs" / "rules.md"

INTRO = """\
# Rules

Every finding and every input problem carries one of these rule IDs. Gap and hygiene
rules follow FORMAT.md's "What counts as a gap" (see [format.md](format.md)); their
severity can be changed, or the rule switched off, with `policy.severity` in the root
document. This page is generated from the code by `python scripts/gen_docs.py`; a test
fails when it is stale.

Severity of a gap finding about a factor follows its need's `priority` (high → error,
medium → warning, low → info); a factor in scope with no `needs` entry gives a warning;
hygiene findings are warnings; `harmful-approach` is always an error.

Findings about a factor's *coverage* (dead-end, tier, age, area, evidence, capacity,
funding, single-service) are only judged when the factor has at least one covering
service: with none, `no-pathway` (or `unsupported-protective`) already says everything.
"""


def markdown(doc: str) -> list[str]:
    """A docstring's reStructuredText literals and ``::`` blocks as Markdown."""
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


def render() -> str:
    lines = [INTRO, "## Input problems", "",
             "Any of these makes the input impossible to analyse (exit code 2), except "
             "`root-only`, a warning.", "", "| rule | meaning |", "|---|---|"]
    lines += [f"| `{r.id}` | {r.summary} |" for r in RULES.values() if r.kind == "input"]
    for kind, title in (("gap", "Gap rules"), ("hygiene", "Hygiene rules")):
        lines += ["", f"## {title}", ""]
        for rule in (r for r in RULES.values() if r.kind == kind):
            doc = inspect.getdoc(sys.modules[CHECKS[rule.id].__module__]) or ""
            heading, _, body = doc.partition("\n")
            summary = heading.split(": ", 1)[-1].replace("``", "`")
            lines += [f"### {rule.id}", "", summary[:1].upper() + summary[1:], *markdown(body), ""]
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is stale: run python scripts/gen_docs.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
