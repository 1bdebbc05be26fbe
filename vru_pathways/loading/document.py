"""One document: text → positioned values → a validated pydantic document."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..diagnostics import Finding, Location, Severity
from ..framework import Doc
from ..rulebook import Rule
from ..schema.document import SECTIONS, Document
from .pydantic_errors import from_validation_error
from .yaml_hints import comma_cuts
from .yaml_source import parse


def parse_document(text: str, shown: str) -> tuple[Doc | None, list[Finding]]:
    """Parse and validate one document's text; return it if it is usable (a document
    with broken entries is salvaged without them, and they are reported)."""
    parsed = parse(text)
    problems = [
        Finding(Location(shown, p.line, p.col), p.rule, p.message, Severity.ERROR, more=p.more)
        for p in parsed.problems
    ]
    if parsed.value is None and not problems:
        message = "the file holds no document; start it with 'format: vru-pathways/1'"
        return None, [Finding(Location(shown), Rule.EMPTY_DOCUMENT, message, Severity.ERROR)]
    if not isinstance(parsed.value, dict):
        if parsed.value is not None:
            held = "a list" if isinstance(parsed.value, list) else "a single value"
            message = (
                "a document must be a mapping of keys, starting 'format: vru-pathways/1'"
                f"; this file holds {held}"
            )
            line, col = parsed.positions.find(())
            problems.append(
                Finding(Location(shown, line, col), Rule.INVALID_VALUE, message, Severity.ERROR)
            )
        return None, problems
    try:
        model = Document.model_validate(parsed.value)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        bare = any(e["type"] == "extra_forbidden" and e.get("input") is None for e in errors)
        commas = comma_cuts(text) if bare else {}
        problems += from_validation_error(exc, Document, parsed.positions, shown, commas)
        salvaged = _salvage(parsed.value, exc)
        if salvaged is None:
            return None, problems
        model, broken = salvaged
        return Doc(shown, _share_field_sets(model), parsed.positions, broken), problems
    return Doc(shown, _share_field_sets(model), parsed.positions), problems


def _share_field_sets(document: Document) -> Document:
    """The document, its entities that were given the same fields sharing one set of
    those fields' names (pydantic keeps a set for each entity: on a national framework,
    70 MB of identical sets, a third of the entities' memory). The entities are frozen,
    so nothing adds to a set; a copy of an entity gets a set of its own."""
    shared: dict[frozenset[str], set[str]] = {}
    for section in SECTIONS:
        for entity in getattr(document, section).values():
            given = entity.__pydantic_fields_set__
            same = shared.setdefault(frozenset(given), given)
            if same is not given:
                object.__setattr__(entity, "__pydantic_fields_set__", same)
    return document


def _salvage(value: dict[str, Any], exc: ValidationError) -> tuple[Document, frozenset[str]] | None:
    """The document without its invalid entries, so that the rest (its ``uses``, its
    other references) can still be checked in the same run; ``None`` if nothing is left."""
    kept = dict(value)
    broken: set[str] = set()
    copied: set[str] = set()  # each section once: a copy per error is quadratic
    for error in exc.errors(include_url=False):
        loc = error["loc"]
        if len(loc) >= 2 and loc[0] in SECTIONS and isinstance(kept.get(loc[0]), dict):
            if loc[0] not in copied:
                kept[str(loc[0])] = dict(kept[str(loc[0])])
                copied.add(str(loc[0]))
            kept[str(loc[0])].pop(str(loc[1]), None)
            broken.add(str(loc[1]))
        elif loc and loc[0] != "format":
            kept.pop(str(loc[0]), None)
        else:
            return None
    try:
        return Document.model_validate(kept), frozenset(broken)
    except ValidationError:
        return None
