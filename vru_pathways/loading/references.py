"""The check that every reference between entities resolves (the table: ``schema.references``)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Finding, Severity, suggest
from ..framework import Doc, Framework
from ..positions import dotted
from ..rulebook import FINDING_RULES, Rule
from ..schema.references import NOUN, REFERENCES


def _walk(value: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if value is None:
            return None
        value = getattr(value, part)
    return value


def _ids(value: Any) -> Iterator[tuple[tuple[int | str, ...], str, bool]]:
    """The IDs a field names: (the path under it, the ID, whether it is a mapping key)."""
    if isinstance(value, str):
        yield (), value, False
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (index,), item, False
    elif isinstance(value, dict):
        for item in value:
            yield (item,), item, True


SUGGESTION_BUDGET = 500_000
"""IDs compared, in all, in looking for what each unknown reference meant: thousands of
unknown references among thousands of IDs would take hours (each comparison is
difflib's). Past this, an unknown reference gets no "did you mean"."""


@dataclass
class _Hints:
    left: int = SUGGESTION_BUDGET

    def __call__(self, ident: str, known: dict[str, Any] | tuple[str, ...]) -> str | None:
        if len(known) > self.left:
            return None
        self.left -= len(known)
        return suggest(ident, known)


def _unknown(
    doc: Doc,
    path: tuple[str | int, ...],
    ident: str,
    space: str,
    known: dict[str, Any] | tuple[str, ...],
    hints: _Hints,
    key: bool = False,
    elsewhere: str = "",
) -> Finding:
    unknown = f"unknown {NOUN[space]} '{ident}'"
    text = f"{dotted(path)}: {elsewhere or unknown}"
    hint = None if elsewhere else hints(ident, known)
    if hint:
        text += f" — did you mean '{hint}'?"
    return Finding(
        doc.at(*path, key=key),
        Rule.UNKNOWN_ID,
        text,
        Severity.ERROR,
        dotted(path[:2]),
        subject=dotted(path),
        path=path,
    )


def _elsewhere(framework: Framework, ident: str, space: str) -> str:
    """What to say of an ID used where another kind of entity is wanted, as when a harm
    stands where its factors should (``addresses: [knife-crime]``); empty if it is none."""
    found = next(
        (
            other
            for other in NOUN
            if other not in (space, "rules") and ident in _namespace(framework, other)
        ),
        None,
    )
    if found is None:
        return ""
    text = f"'{ident}' is {_a(NOUN[found])}, not {_a(NOUN[space])}"
    if (found, space) != ("harms", "factors"):
        return text
    of_harm = sorted(f for f, factor in framework.factors.items() if ident in factor.harms)
    if not of_harm:
        return f"{text}: name a factor that leads to it instead"
    shown = ", ".join(f"'{f}'" for f in of_harm[:3])
    more = f" (and {len(of_harm) - 3} more)" if len(of_harm) > 3 else ""
    return f"{text}: name instead the factors of {ident} meant, such as {shown}{more}"


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _namespace(framework: Framework, space: str) -> dict[str, Any] | tuple[str, ...]:
    if space == "rules":
        return FINDING_RULES
    return framework.factors if space == "factors" else framework.section(space)


Ref = tuple[tuple[str | int, ...], str, str, bool]
"""One reference a document makes: its path, the ID it names, the namespace, and whether
it is a mapping key (a need is keyed by the factor it is about)."""


def references(doc: Doc, known: Callable[[str], set[str]] | None = None) -> Iterator[Ref]:
    """Every reference a document makes to another entity, in document order; with
    ``known`` (a namespace → the IDs defined in it), only those that name an ID it lacks.
    A field whose IDs are all known costs one set operation and builds no path: nearly
    every field, on a national framework's 760,000 references."""
    for section, field_path, space in REFERENCES:
        entities = getattr(doc.model, section)
        names = known(space) if known is not None and entities else None
        for ident, entity in entities.items():
            value = _walk(entity, field_path)
            if names is not None and _all_in(value, names):
                continue
            for suffix, ref, is_key in _ids(value):
                if names is None or ref not in names:
                    yield (section, ident, *field_path, *suffix), ref, space, is_key
    factors = known("factors") if known is not None and doc.model.needs else None
    for factor_id in doc.model.needs:
        if factors is None or factor_id not in factors:
            yield ("needs", factor_id), factor_id, "factors", True


def _all_in(value: Any, names: set[str]) -> bool:
    if isinstance(value, str):
        return value in names
    return isinstance(value, list | dict) and names.issuperset(value)


def defined(doc: Doc, space: str) -> Collection[str]:
    """The IDs the document itself defines in namespace ``space``."""
    if space == "factors":
        return doc.model.risk_factors.keys() | doc.model.protective_factors.keys()
    table: dict[str, Any] = getattr(doc.model, space)
    return table.keys()


def unresolved(doc: Doc, closure: list[Doc]) -> list[Ref]:
    """The references of ``doc`` that no document of ``closure`` (``doc`` and everything
    it uses) defines: the only ones another framework holding all of them must check."""
    spaces: dict[str, set[str]] = {}

    def known(space: str) -> set[str]:
        if space not in spaces:
            spaces[space] = set().union(*(defined(d, space) for d in closure))
        return spaces[space]

    return list(references(doc, known))


def check(
    framework: Framework, candidates: dict[int, list[Ref]], cut: set[int] | None = None
) -> list[Finding]:
    """An ``unknown-id`` finding for every reference that names no defined entity.

    ``candidates`` gives, by ``id(doc)``, the references of a document still to check
    (see :func:`unresolved`); a document not in it has all its references checked. A
    document in ``cut`` uses, at some depth, a file that was not read (missing, already
    reported): its references are not checked, since that document may define them."""
    out: list[Finding] = []
    hints = _Hints()
    broken = frozenset().union(*(doc.broken for doc in framework.docs))
    cut = cut or set()
    for doc in framework.docs:
        if id(doc) in cut:
            continue
        todo = candidates.get(id(doc))
        for path, ref, space, key in references(doc) if todo is None else todo:
            known = _namespace(framework, space)
            if ref not in known and ref not in broken:
                elsewhere = _elsewhere(framework, ref, space)
                out.append(_unknown(doc, path, ref, space, known, hints, key, elsewhere))
    if id(framework.root) not in cut:
        out.extend(_check_root(framework, hints))
    return out


def _check_root(framework: Framework, hints: _Hints) -> list[Finding]:
    root = framework.root
    out: list[Finding] = []
    scope, policy = root.model.scope, root.model.policy
    if scope is not None:
        for space in ("harms", "areas"):
            for index, ref in enumerate(getattr(scope, space) or []):
                if ref not in framework.section(space):
                    path: tuple[str | int, ...] = ("scope", space, index)
                    out.append(_unknown(root, path, ref, space, framework.section(space), hints))
    if policy is not None:
        for rule in policy.severity:
            if rule not in FINDING_RULES:
                path = ("policy", "severity", rule)
                out.append(_unknown(root, path, rule, "rules", FINDING_RULES, hints, key=True))
    return out
