"""Write docs/rules.md from the rule catalogue and each rule module's docstring.

Usage: python scripts/gen_docs.py [--check]   (--check: exit 1 if the file is stale)
"""

from __future__ import annotations

import sys
from pathlib import Path

from vru_pathways.analysis.help import rule_help
from vru_pathways.rulebook import RULES

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


def render() -> str:
    lines = [
        INTRO,
        "## Input problems",
        "",
        "Any of these makes the input impossible to analyse (exit code 2), except "
        "`root-only`, a warning.",
        "",
        "| rule | meaning |",
        "|---|---|",
    ]
    lines += [f"| `{r.id}` | {r.summary} |" for r in RULES.values() if r.kind == "input"]
    for kind, title in (("gap", "Gap rules"), ("hygiene", "Hygiene rules")):
        lines += ["", f"## {title}", ""]
        for rule in (r for r in RULES.values() if r.kind == kind):
            summary, body = rule_help(rule.id)
            lines += [f"### {rule.id}", "", summary, "", body, ""]
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
