"""The catalogue of rule IDs: every kind of problem and finding the tool can report.

This table feeds the docs, the JSON output and the checks on ``policy.severity`` keys.
It is metadata only; the gap rules themselves live in ``analysis.rules``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["input", "gap", "hygiene"]


@dataclass(frozen=True)
class RuleInfo:
    id: str
    kind: Kind
    summary: str


_TABLE: tuple[tuple[str, Kind, str], ...] = (
    ("yaml-syntax", "input", "The file is not well-formed YAML."),
    ("duplicate-key", "input", "A key appears twice in one mapping."),
    ("unknown-key", "input", "A key the format does not define (often a typo)."),
    ("missing-key", "input", "A required key is absent."),
    ("invalid-value", "input", "A value of the wrong type or outside its allowed set."),
    ("bad-id", "input", "An ID that is not lower-case kebab-case."),
    ("bad-date", "input", "A date that is not YYYY-MM-DD, or a month that is not YYYY-MM."),
    ("bad-age-range", "input", 'An age range that is not "10-17" or "18+".'),
    ("unknown-id", "input", "A reference to an ID that no loaded document defines."),
    ("duplicate-id", "input", "An ID defined twice in one section across the documents."),
    ("uses-cycle", "input", "Documents that use each other in a loop."),
    ("missing-file", "input", "A file that does not exist or cannot be read."),
    ("encoding", "input", "A file that is not UTF-8 text."),
    ("empty-document", "input", "A file with no document in it."),
    (
        "too-large",
        "input",
        "A file over 50 MiB (refused before it is read), or of over 6 million values.",
    ),
    (
        "too-deep",
        "input",
        "Values nested more than 100 levels deep, or a chain of over 100 documents each using "
        "the next.",
    ),
    (
        "too-many-aliases",
        "input",
        "Over 10,000 aliases or anchors in a file, or aliases that copied would add over "
        "1 million values (an alias bomb).",
    ),
    ("root-only", "input", "scope or policy in a used document, where they are ignored."),
    ("no-pathway", "gap", "An in-scope risk factor with no covering service."),
    ("dead-end", "gap", "Covering services exist, but none reaches an impact outcome."),
    ("tier-gap", "gap", "A required tier that no covering service of a high-priority need has."),
    ("age-gap", "gap", "Ages of a need that no covering service serves."),
    ("area-gap", "gap", "Areas of a need that no covering service reaches."),
    ("evidence-gap", "gap", "Every covering service's approach is rated below min_evidence."),
    ("harmful-approach", "gap", "A service whose approach is rated harmful."),
    ("capacity-gap", "gap", "A need's cohort exceeds the covering services' capacity."),
    ("funding-cliff", "gap", "Every covering service's funding ends within the horizon."),
    ("single-service", "gap", "A high-priority need carried by one service or one provider."),
    ("unsupported-protective", "gap", "An in-scope protective factor with no covering service."),
    ("orphan-service", "hygiene", "A service that addresses no factor."),
    ("orphan-outcome", "hygiene", "An outcome of the root document nothing contributes to."),
    ("outcome-cycle", "hygiene", "Outcomes whose leads_to loops back on itself."),
    ("stage-order", "hygiene", "leads_to pointing to an outcome at an earlier stage."),
)

RULES: dict[str, RuleInfo] = {rule: RuleInfo(rule, kind, text) for rule, kind, text in _TABLE}
"""Every rule ID, in the order the docs list them."""

FINDING_RULES: tuple[str, ...] = tuple(r.id for r in RULES.values() if r.kind != "input")
"""The rules ``policy.severity`` can set: gap and hygiene findings."""
