"""The text of a new area's starter model: commented YAML wired to the shipped catalogue,
with the harms of one definition of serious violence, the area's localities, one example
need and one example service, that loads with no error as written.

Pure: the catalogue comes in loaded, the relative paths come in worked out, and text
comes out; :mod:`..use_cases.starter` finds the catalogue and writes the file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..diagnostics import InputError
from ..framework import Framework
from ..schema.document import IMPACTS, STAGES
from .yaml_text import comment, key, quoted, scalar

_NOT_ID = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """An ID made from a name: lower case, runs of anything else as one hyphen.

    >>> slug("Bath & North East Somerset")
    'bath-north-east-somerset'
    """
    return _NOT_ID.sub("-", name.lower()).strip("-")


@dataclass(frozen=True)
class Example:
    """The example need and service: a factor of the definition's harms, an approach
    that works on it (the best rated), and an outcome of the same harm that leads to an
    impact."""

    factor: str
    approach: str
    outcome: str


@dataclass(frozen=True)
class Starter:
    """What the starter model is made of."""

    model_id: str
    name: str
    definition: str
    localities: tuple[tuple[str, str], ...]
    """(ID, name) of each locality."""
    uses: tuple[str, ...]
    """The catalogue's documents, relative to the model's folder."""
    schema: str
    """The JSON Schema, relative to the model's folder."""
    command: str
    """How the new model is named on the command line (``models/AREA/model.yaml``)."""


def localities(names: Sequence[str], area_id: str) -> tuple[tuple[str, str], ...]:
    """Each ``--locality`` with the ID made from it; names that make no ID, or the
    same ID twice, are input errors."""
    seen: dict[str, str] = {}
    for name in names:
        ident = slug(name)
        if not ident:
            raise InputError(f"--locality {quoted(name)}: a name needs a letter or a digit")
        if ident in seen or ident == area_id:
            other = seen.get(ident, "the area itself")
            raise InputError(
                f"--locality {quoted(name)} makes the ID '{ident}', as {quoted(other)} does; "
                "give localities names that differ in letters or digits"
            )
        seen[ident] = name
    return tuple((ident, name) for name, ident in ((n, slug(n)) for n in names))


def _reaches_impact(fw: Framework, outcome: str) -> bool:
    seen, todo = set(), [outcome]
    while todo:
        here = todo.pop()
        if fw.outcomes[here].stage == "impact":
            return True
        seen.add(here)
        todo += [o for o in fw.outcomes[here].leads_to if o not in seen and o in fw.outcomes]
    return False


def _outcome_for(fw: Framework, factor: str, harm: str) -> str | None:
    """The outcome that fits a factor best: of the factor's own catalogue document, of
    the harm, naming as few other harms as it can, as early in the chain as possible,
    and leading to an impact."""
    home = fw.origin[(fw.section_of_factor(factor), factor)]
    fits = [
        (fw.origin[("outcomes", ident)] is not home, len(o.harms), STAGES.index(o.stage), ident)
        for ident, o in fw.outcomes.items()
        if harm in o.harms and o.stage != "impact" and _reaches_impact(fw, ident)
    ]
    return min(fits)[-1] if fits else None


EXAMPLES: dict[str, Example] = {
    "knife-crime": Example("gang-involvement", "focused-deterrence", "reduced-gang-association"),
    "youth-violence": Example("school-exclusion", "mentoring", "reduced-exclusions"),
    "domestic-abuse": Example("high-risk-da", "idva-support", "da-victims-supported"),
    "street-community-violence": Example(
        "rough-sleeping", "street-outreach", "outreach-engagement"
    ),
    "sexual-violence": Example("low-reporting-low-trust", "isva-support", "sv-victims-supported"),
}
"""The example a definition starting with each harm gets: a pairing a practitioner would
recognise, from the shipped catalogue."""


def _fits(fw: Framework, e: Example) -> bool:
    return (
        e.factor in fw.factors
        and e.approach in fw.approaches
        and e.outcome in fw.outcomes
        and e.factor in fw.approaches[e.approach].addresses
    )


def example(fw: Framework, harms: Sequence[str]) -> Example:
    """The example of the starter model, chosen the same way every time: the one
    :data:`EXAMPLES` gives the definition's first harm, else a risk factor whose first
    harm is the definition's first (else one that names it), the best-rated approach
    working on it, and the outcome that fits it best."""
    first = harms[0] if harms else ""
    if first in EXAMPLES and _fits(fw, EXAMPLES[first]):
        return EXAMPLES[first]
    candidates = []
    for ident, approach in fw.approaches.items():
        impact = approach.evidence.impact if approach.evidence else None
        rank = -IMPACTS.index(impact) if impact else 1
        for factor in approach.addresses:
            f = fw.factors.get(factor)
            if f is not None and fw.factor_kind[factor] == "risk" and first in f.harms:
                candidates.append((f.harms[0] != first, rank, ident, factor))
    for *_, ident, factor in sorted(candidates):
        outcome = _outcome_for(fw, factor, first)
        if outcome is not None:
            return Example(factor, ident, outcome)
    raise InputError(f"the catalogue has no approach and outcome for a factor of {first}")


def text(fw: Framework, starter: Starter) -> str:
    """The starter model as YAML text."""
    definition = fw.definitions[starter.definition]
    chosen = example(fw, definition.harms)
    return "\n".join(
        [
            *_head(fw, starter),
            *_scope(fw, starter),
            *_organisations(starter),
            *_needs(fw, chosen),
            *_services(fw, starter, chosen),
        ]
    )


def _head(fw: Framework, s: Starter) -> list[str]:
    return [
        f"# yaml-language-server: $schema={s.schema}",
        f"# The logic model of {comment(s.name)}:",
        "# its localities, partners, needs and services, on top of the shipped catalogue of",
        "# harms, risk and protective factors, outcomes and evidence-rated approaches (the",
        "# documents under `uses`).",
        "#",
        "# Written by `vru-pathways init`; the need and the service below are examples to",
        "# replace. Then:",
        "#   vru-pathways list factors --harm HARM     # the factor IDs a need is keyed by",
        "#   vru-pathways list approaches --harm HARM  # approaches, with their evidence",
        f"#   vru-pathways validate {s.command}",
        f"#   vru-pathways gaps {s.command}",
        f"#   vru-pathways report {s.command} -o report.html",
        "format: vru-pathways/1",
        f"id: {key(s.model_id)}",
        f"title: {scalar(s.name + ' logic model')}",
        "uses:",
        *(f"  - {scalar(path)}" for path in s.uses),
        "",
    ]


def _scope(fw: Framework, s: Starter) -> list[str]:
    d = fw.definitions[s.definition]
    cited = ", ".join(d.sources)
    lines = [
        "# The definition of serious violence this model covers:",
        f"#   {comment(d.name)}",
        f"#   (definition {s.definition}; sources: {comment(cited)})",
        "# Every factor of these harms is in scope, and each with no covering service is a",
        "# gap. Change the harms to the partnership's own definition (vru-pathways list harms).",
        "scope:",
        f"  harms: [{', '.join(d.harms)}]",
        '  # ages: "0-25"        # the ages the partnership covers, if not all',
        "  # as_of: 2027-04-01   # the date the picture describes (default: today)",
        "",
        "# The area and its localities; a service with no `areas` serves all of them.",
        "areas:",
        f"  {key(s.model_id)}:",
        f"    name: {scalar(s.name)}",
    ]
    for ident, name in s.localities:
        lines += [f"  {key(ident)}:", f"    name: {scalar(name)}", f"    within: {key(s.model_id)}"]
    return [*lines, ""]


def _organisations(s: Starter) -> list[str]:
    return [
        "# The organisations that fund and run services; `duty` is their part in the",
        "# Serious Violence Duty (specified, relevant, policing-body, none).",
        "partners:",
        "  council:",
        f"    name: {scalar(s.name + ' council')}",
        "    sector: local-authority",
        "    duty: specified",
        "",
        "# The boards that own needs; a board can report to others (reports_to).",
        "boards:",
        "  csp:",
        f"    name: {scalar(s.name + ' Community Safety Partnership')}",
        "",
        "# The money services rest on, with end dates, to find funding cliffs:",
        "# funding:",
        "#   vru-grant: {name: VRU grant, funder: council, amount: 100000, ends: 2027-03-31}",
        "",
    ]


def _needs(fw: Framework, chosen: Example) -> list[str]:
    factor = fw.factors[chosen.factor]
    return [
        "# One entry per factor the strategic needs assessment found, keyed by factor ID.",
        f"# The example is {comment(factor.name)};",
        "# replace it with the area's own.",
        "needs:",
        f"  {chosen.factor}:",
        "    priority: medium",
        "    owner: csp",
        "    # cohort: 40          # people a year who need a service",
        "    # areas: [...]        # the localities where it is concentrated",
        "    evidence: Replace with where the needs assessment says so.",
        "",
    ]


def _services(fw: Framework, s: Starter, chosen: Example) -> list[str]:
    approach = fw.approaches[chosen.approach]
    tier = approach.tiers[0] if approach.tiers else "secondary"
    return [
        "# One entry per activity, with what it works on and the outcomes it contributes to.",
        "# The example is a made-up service: replace it with the area's own.",
        "services:",
        "  example-service:",
        f"    name: {scalar('Example: ' + approach.name)}",
        f"    tier: {tier}",
        "    provider: council",
        f"    approach: {chosen.approach}",
        f"    addresses: [{chosen.factor}]",
        f"    outcomes: [{chosen.outcome}]",
        "    # capacity: 25        # people a year",
        "    # funding: [vru-grant]",
        "    # refers_to: [...]    # the services it refers people on to",
        "",
    ]
