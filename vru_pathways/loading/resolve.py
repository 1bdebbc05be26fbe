"""Documents → frameworks: following ``uses``, merging sections, checking references.

Loading never stops at the first problem. Every document is read once however many roots
use it, every problem in every document is collected, and only then does the caller
decide whether the input can be analysed (no error-severity problems) or not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Finding, Location, Severity
from ..framework import Doc, FactorKind, Framework
from ..positions import Path, dotted
from ..rulebook import Rule
from ..schema.document import SECTIONS
from . import files, references, uses_hint
from .document import parse_document
from .files import FILE, MISSING, Files

MAX_USES_DEPTH = 100
"""Documents that use each other in a chain longer than this are refused (``too-deep``);
a model uses a region that uses frameworks: three or four."""


@dataclass
class Loader:
    """Reads documents once each and assembles frameworks from them.

    ``describe`` writes a location into a message ("already defined at …"); a source
    whose locations are not lines of files (a workbook's cells) gives its own.
    """

    files: Files
    describe: Callable[[Location], str] = str
    documents: dict[str, Doc | None] = field(default_factory=dict)
    findings: set[Finding] = field(default_factory=set)
    _keys: dict[int, str] = field(default_factory=dict)
    _closures: dict[int, list[Doc]] = field(default_factory=dict)
    _unresolved: dict[int, list[references.Ref]] = field(default_factory=dict)
    _cut: set[int] = field(default_factory=set)
    """Documents with a ``uses`` entry whose file was not read: missing, or refused
    (see ``references.check``). A file read but broken is reported, not assumed."""

    def document(self, key: str) -> Doc | None:
        """The document at ``key``, read (and its problems kept) the first time only."""
        if key not in self.documents:
            data, problems = self._read(key)
            doc = None
            if data is not None:
                text, problems = files.decode(data, self.files.show(key))
                del data  # the bytes of a national file: not kept while it is parsed
                if text is not None:
                    doc, problems = parse_document(text, self.files.show(key))
            self.documents[key] = doc
            if doc is not None:
                self._keys[id(doc)] = key
            self.findings.update(problems)
        return self.documents[key]

    def _read(self, key: str) -> tuple[bytes | None, list[Finding]]:
        """The bytes of a document; one over :data:`~.files.MAX_BYTES` is refused by its
        size before it is read, and cut off if it is longer than it said."""
        shown = self.files.show(key)
        try:
            size = self.files.size(key)
            data = b"" if size > files.MAX_BYTES else self.files.read(key, files.MAX_BYTES)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            message = f"cannot read {shown}: {reason}"
            return None, [Finding(Location(shown), Rule.MISSING_FILE, message, Severity.ERROR)]
        if size > files.MAX_BYTES or len(data) > files.MAX_BYTES:
            return None, [files.too_large(shown, size)]
        return data, []

    def _visit(
        self, key: str, boundary: str, stack: list[str], order: list[Doc], seen: set[str]
    ) -> None:
        doc = self.document(key)
        seen.add(key)
        if doc is None:
            return
        stack.append(key)
        for index, used in enumerate(doc.model.uses):
            target = self._follow(doc, key, boundary, index, used, stack, seen)
            if target is not None:
                self._visit(target, boundary, stack, order, seen)
            if "\0" in used or self.files.used(key, used) not in self.documents:
                self._cut.add(id(doc))
        stack.pop()
        order.append(doc)

    def _follow(
        self,
        doc: Doc,
        key: str,
        boundary: str,
        index: int,
        used: str,
        stack: list[str],
        seen: set[str],
    ) -> str | None:
        """The document a ``uses`` entry names, if it is still to be read; else ``None``,
        with a finding when the entry is wrong. Nothing outside the boundary is opened."""
        where: Path = ("uses", index)
        if "\0" in used:
            self._problem(doc, where, Rule.MISSING_FILE, "a file name cannot hold a NUL character")
            return None
        target = self.files.used(key, used)
        problem = self._refusal(target, boundary, used, stack)
        if problem is not None:
            self._problem(doc, where, *problem)
            return None
        return None if target in seen else target

    def _refusal(
        self, target: str, boundary: str, used: str, stack: list[str]
    ) -> tuple[str, str] | None:
        """Why a ``uses`` target cannot be read, as (rule, message); ``None`` if it can."""
        if not self.files.inside(target, boundary):
            return Rule.USES_OUTSIDE_ROOT, uses_hint.outside(self.files, stack[-1], used, boundary)
        if target in stack:
            loop = " → ".join(self.files.show(p) for p in [*stack[stack.index(target) :], target])
            return Rule.USES_CYCLE, f"documents use each other in a loop: {loop}"
        kind = self.files.kind(target)
        if kind == MISSING:
            return Rule.MISSING_FILE, uses_hint.missing(self.files, stack[-1], used, boundary)
        if kind != FILE:
            return Rule.MISSING_FILE, f"'{used}' is {kind}, not a file"
        if len(stack) >= MAX_USES_DEPTH:
            return Rule.TOO_DEEP, (
                f"documents using each other more than {MAX_USES_DEPTH} deep "
                "(a model, its region, frameworks: 3 or 4)"
            )
        return None

    def _problem(
        self,
        doc: Doc,
        path: Path,
        rule: str,
        message: str,
        severity: Severity = Severity.ERROR,
        entity: str = "",
        key: bool = False,
        about: bool = True,
    ) -> None:
        """A finding at ``path``; with ``about``, the message opens by naming the place."""
        subject = dotted(path) if about else ""
        text = f"{subject}: {message}" if about else message
        place = doc.at(*path, key=key)
        self.findings.add(Finding(place, rule, text, severity, entity, subject=subject, path=path))

    def load(self, name: str) -> Framework | None:
        """The framework rooted at ``name``, or ``None`` when it cannot be assembled."""
        key, boundary = self.files.start(name)
        refused = self._refuse_root(name, key, boundary)
        if refused is not None:
            self.findings.add(refused)
            return None
        order: list[Doc] = []
        self._visit(key, boundary, [], order, set())
        if not order or order[-1] is not self.documents.get(key):
            return None
        framework = self._merge(order)
        cut = {id(d) for d in order if any(id(c) in self._cut for c in self._closure(d))}
        self.findings.update(references.check(framework, self._candidates(framework), cut))
        return framework

    def _candidates(self, framework: Framework) -> dict[int, list[references.Ref]]:
        """For each document of the framework whose closure (it and all it uses) the
        framework holds, the references its closure leaves unresolved: checked once per
        document however many frameworks share it."""
        held = {id(d) for d in framework.docs}
        out: dict[int, list[references.Ref]] = {}
        for doc in framework.docs:
            closure = self._closure(doc)
            if all(id(d) in held for d in closure):
                if id(doc) not in self._unresolved:
                    self._unresolved[id(doc)] = references.unresolved(doc, closure)
                out[id(doc)] = self._unresolved[id(doc)]
        return out

    def _closure(self, doc: Doc) -> list[Doc]:
        """The document and every document it uses, at any depth, as read."""
        if id(doc) not in self._closures:
            seen: dict[int, Doc] = {}
            todo = [doc]
            while todo:
                current = todo.pop()
                if id(current) in seen:
                    continue
                seen[id(current)] = current
                key = self._keys[id(current)]
                for used in current.model.uses:
                    if "\0" in used:
                        continue
                    target = self.documents.get(self.files.used(key, used))
                    if target is not None:
                        todo.append(target)
            self._closures[id(doc)] = list(seen.values())
        return self._closures[id(doc)]

    def _refuse_root(self, name: str, key: str, boundary: str) -> Finding | None:
        """Why a document named by the caller cannot be read, if it cannot."""
        shown = Location(self.files.show(name))
        kind = self.files.kind(key)
        if kind == MISSING:
            message = f"no such file: {name}"
        elif kind != FILE:
            message = f"not a file: {name} is {kind}"
        elif not self.files.inside(key, boundary):
            return Finding(
                shown,
                Rule.USES_OUTSIDE_ROOT,
                f"{name} leads to {self.files.show(key)}, outside the root folder "
                f"{self.files.show(boundary)}, so it is not read (give --root DIR to read it)",
                Severity.ERROR,
            )
        else:
            return None
        return Finding(shown, Rule.MISSING_FILE, message, Severity.ERROR)

    def _merge(self, order: list[Doc]) -> Framework:
        framework = Framework(root=order[-1], docs=order)
        for doc in order:
            for section in SECTIONS:
                self._add_section(framework, doc, section)
            for section in ("scope", "policy"):
                if doc is not framework.root and getattr(doc.model, section) is not None:
                    self._problem(
                        doc,
                        (section,),
                        Rule.ROOT_ONLY,
                        f"{section} applies from the root document only; it is "
                        "ignored here, where another document uses this one",
                        Severity.WARNING,
                        key=True,
                        about=False,
                    )
        return framework

    def _add_section(self, framework: Framework, doc: Doc, section: str) -> None:
        """A document's entries of one section added to the framework: at once when none
        is defined already (a framework shared by fifty models is copied, not rebuilt
        entry by entry), else one by one, reporting each second definition."""
        entries: dict[str, Any] = getattr(doc.model, section)
        is_factor = section.endswith("_factors")
        table = framework.factors if is_factor else framework.section(section)
        if entries.keys() & table.keys():
            for ident, entity in entries.items():
                self._add(framework, doc, section, ident, entity)
            return
        table.update(entries)
        framework.origin.update({(section, ident): doc for ident in entries})
        if is_factor:
            kind: FactorKind = "risk" if section == "risk_factors" else "protective"
            framework.factor_kind.update(dict.fromkeys(entries, kind))

    def _add(self, framework: Framework, doc: Doc, section: str, ident: str, entity: Any) -> None:
        is_factor = section.endswith("_factors")
        table = framework.factors if is_factor else framework.section(section)
        if ident in table:
            key = (framework.section_of_factor(ident) if is_factor else section, ident)
            first = self.describe(framework.where(*key))
            self._problem(
                doc,
                (section, ident),
                Rule.DUPLICATE_ID,
                f"{dotted((section, ident))} is already defined at {first}",
                entity=dotted((section, ident)),
                key=True,
                about=False,
            )
            return
        table[ident] = entity
        framework.origin[(section, ident)] = doc
        if is_factor:
            framework.factor_kind[ident] = "risk" if section == "risk_factors" else "protective"


@dataclass(frozen=True)
class Loaded:
    """The frameworks that could be assembled, and every problem found on the way."""

    frameworks: list[Framework]
    findings: list[Finding]
    read: tuple[str, ...] = ()
    """The key of every document read (on disk, its real path)."""

    @property
    def ok(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)
