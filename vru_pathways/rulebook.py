"""Every rule ID the tool reports, its kind and its one-line summary: the one source.

Code names a rule by its member here (``Rule.AGE_GAP``), never by spelling the ID again;
a member is a ``str``, so it prints, sorts and serialises as the ID itself. This table
feeds the docs, SARIF, JUnit and the check on ``policy.severity`` keys; the gap rules
themselves live in ``analysis.checks``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

Kind = Literal["input", "gap", "hygiene"]


class Rule(StrEnum):
    YAML_SYNTAX = "yaml-syntax"
    DUPLICATE_KEY = "duplicate-key"
    UNKNOWN_KEY = "unknown-key"
    MISSING_KEY = "missing-key"
    INVALID_VALUE = "invalid-value"
    BAD_ID = "bad-id"
    BAD_DATE = "bad-date"
    BAD_AGE_RANGE = "bad-age-range"
    UNKNOWN_ID = "unknown-id"
    DUPLICATE_ID = "duplicate-id"
    USES_CYCLE = "uses-cycle"
    MISSING_FILE = "missing-file"
    USES_OUTSIDE_ROOT = "uses-outside-root"
    ENCODING = "encoding"
    EMPTY_DOCUMENT = "empty-document"
    TOO_LARGE = "too-large"
    TOO_DEEP = "too-deep"
    TOO_MANY_ALIASES = "too-many-aliases"
    ROOT_ONLY = "root-only"
    NO_PATHWAY = "no-pathway"
    DEAD_END = "dead-end"
    TIER_GAP = "tier-gap"
    AGE_GAP = "age-gap"
    AREA_GAP = "area-gap"
    EVIDENCE_GAP = "evidence-gap"
    HARMFUL_APPROACH = "harmful-approach"
    CAPACITY_GAP = "capacity-gap"
    FUNDING_CLIFF = "funding-cliff"
    SINGLE_SERVICE = "single-service"
    UNSUPPORTED_PROTECTIVE = "unsupported-protective"
    ORPHAN_SERVICE = "orphan-service"
    ORPHAN_OUTCOME = "orphan-outcome"
    OUTCOME_CYCLE = "outcome-cycle"
    STAGE_ORDER = "stage-order"
    UNFUNDED_SERVICE = "unfunded-service"
    REFERRAL_TO_INACTIVE = "referral-to-inactive"
    DATE_ORDER = "date-order"


@dataclass(frozen=True)
class RuleInfo:
    id: Rule
    kind: Kind
    summary: str


_TABLE: tuple[tuple[Rule, Kind, str], ...] = (
    (Rule.YAML_SYNTAX, "input", "The file is not well-formed YAML."),
    (Rule.DUPLICATE_KEY, "input", "A key appears twice in one mapping."),
    (Rule.UNKNOWN_KEY, "input", "A key the format does not define (often a typo)."),
    (Rule.MISSING_KEY, "input", "A required key is absent."),
    (Rule.INVALID_VALUE, "input", "A value of the wrong type or outside its allowed set."),
    (Rule.BAD_ID, "input", "An ID that is not lower-case kebab-case."),
    (Rule.BAD_DATE, "input", "A date that is not YYYY-MM-DD, or a month that is not YYYY-MM."),
    (Rule.BAD_AGE_RANGE, "input", 'An age range that is not "10-17" or "18+".'),
    (Rule.UNKNOWN_ID, "input", "A reference to an ID that no loaded document defines."),
    (Rule.DUPLICATE_ID, "input", "An ID defined twice in one section across the documents."),
    (Rule.USES_CYCLE, "input", "Documents that use each other in a loop."),
    (Rule.MISSING_FILE, "input", "A file that does not exist or cannot be read."),
    (
        Rule.USES_OUTSIDE_ROOT,
        "input",
        "A document outside the root folder (the git work tree, the current folder, or "
        "--root DIR): never read.",
    ),
    (Rule.ENCODING, "input", "A file that is not UTF-8 text."),
    (Rule.EMPTY_DOCUMENT, "input", "A file with no document in it."),
    (
        Rule.TOO_LARGE,
        "input",
        "A file over 50 MiB (refused before it is read), or of over 6 million values.",
    ),
    (
        Rule.TOO_DEEP,
        "input",
        "Values nested more than 100 levels deep, or a chain of over 100 documents each using "
        "the next.",
    ),
    (
        Rule.TOO_MANY_ALIASES,
        "input",
        "Over 10,000 aliases or anchors in a file, or aliases that copied would add over "
        "1 million values (an alias bomb).",
    ),
    (Rule.ROOT_ONLY, "input", "scope or policy in a used document, where they are ignored."),
    (Rule.NO_PATHWAY, "gap", "An in-scope risk factor with no covering service."),
    (Rule.DEAD_END, "gap", "Covering services exist, but none reaches an impact outcome."),
    (
        Rule.TIER_GAP,
        "gap",
        "A required tier that no covering service of a high-priority need has.",
    ),
    (Rule.AGE_GAP, "gap", "Ages of a need that no covering service serves."),
    (Rule.AREA_GAP, "gap", "Areas of a need that no covering service reaches."),
    (Rule.EVIDENCE_GAP, "gap", "Every covering service's approach is rated below min_evidence."),
    (Rule.HARMFUL_APPROACH, "gap", "A service whose approach is rated harmful."),
    (Rule.CAPACITY_GAP, "gap", "A need's cohort exceeds the covering services' capacity."),
    (Rule.FUNDING_CLIFF, "gap", "Every covering service's funding ends within the horizon."),
    (Rule.SINGLE_SERVICE, "gap", "A high-priority need carried by one service or one provider."),
    (Rule.UNFUNDED_SERVICE, "gap", "An active service whose every funding source has ended."),
    (
        Rule.REFERRAL_TO_INACTIVE,
        "gap",
        "A referral route to a service that is not active on the as-of date.",
    ),
    (
        Rule.UNSUPPORTED_PROTECTIVE,
        "gap",
        "An in-scope protective factor with no covering service.",
    ),
    (Rule.ORPHAN_SERVICE, "hygiene", "A service that addresses no factor."),
    (Rule.ORPHAN_OUTCOME, "hygiene", "An outcome of the root document nothing contributes to."),
    (Rule.OUTCOME_CYCLE, "hygiene", "Outcomes whose leads_to loops back on itself."),
    (Rule.STAGE_ORDER, "hygiene", "leads_to pointing to an outcome at an earlier stage."),
    (Rule.DATE_ORDER, "hygiene", "An ends before the starts of the same funding or service."),
)

RULES: dict[str, RuleInfo] = {rule: RuleInfo(rule, kind, text) for rule, kind, text in _TABLE}
"""Every rule ID, in the order the docs list them."""

FINDING_RULES: tuple[Rule, ...] = tuple(r.id for r in RULES.values() if r.kind != "input")
"""The rules ``policy.severity`` can set: gap and hygiene findings."""
