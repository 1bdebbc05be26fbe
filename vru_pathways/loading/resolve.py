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
from ..framework import Doc, Framework
from ..positions import Path, dotted
from ..rulebook import Rule
from ..schema.document import SECTIONS
from . import references
from .document import parse_document
from .files import Files

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

    def document(self, key: str) -> Doc | None:
        """The document at ``key``, read (and its problems kept) the first time only."""
        if key not in self.documents:
            data, problems = self.files.read(key)
            doc = None
            if data is not None:
                doc, problems = parse_document(data, self.files.show(key))
            self.documents[key] = doc
            self.findings.update(problems)
        return self.documents[key]

    def _visit(self, key: str, stack: list[str], order: list[Doc], seen: set[str]) -> None:
        doc = self.document(key)
        seen.add(key)
        if doc is None:
            return
        stack.append(key)
        for index, used in enumerate(doc.model.uses):
            target = self._follow(doc, key, index, used, stack, seen)
            if target is not None:
                self._visit(target, stack, order, seen)
        stack.pop()
        order.append(doc)

    def _follow(
        self, doc: Doc, key: str, index: int, used: str, stack: list[str], seen: set[str]
    ) -> str | None:
        """The document a ``uses`` entry names, if it is still to be read; else ``None``,
        with a finding when the entry is wrong."""
        where: Path = ("uses", index)
        if "\0" in used:
            self._problem(
                doc,
                where,
                Rule.MISSING_FILE,
                "a file name cannot hold a NUL character",
            )
            return None
        target = self.files.used(key, used)
        if target in stack:
            loop = " → ".join(self.files.show(p) for p in [*stack[stack.index(target) :], target])
            self._problem(
                doc,
                where,
                Rule.USES_CYCLE,
                f"documents use each other in a loop: {loop}",
            )
        elif not self.files.is_file(target):
            looked = self.files.show(target)
            self._problem(
                doc,
                where,
                Rule.MISSING_FILE,
                f"no file '{used}' (looked for {looked})",
            )
        elif target in seen:
            pass
        elif len(stack) >= MAX_USES_DEPTH:
            self._problem(
                doc,
                where,
                Rule.TOO_DEEP,
                f"documents using each other more than "
                f"{MAX_USES_DEPTH} deep (a model, its region, frameworks: 3 or 4)",
            )
        else:
            return target
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
        key = self.files.root(name)
        if not self.files.is_file(key):
            message = (
                f"no such file: {name}" if not self.files.exists(key) else f"not a file: {name}"
            )
            shown = Location(self.files.show(name))
            self.findings.add(Finding(shown, Rule.MISSING_FILE, message, Severity.ERROR))
            return None
        order: list[Doc] = []
        self._visit(key, [], order, set())
        if not order or order[-1] is not self.documents.get(key):
            return None
        framework = self._merge(order)
        self.findings.update(references.check(framework))
        return framework

    def _merge(self, order: list[Doc]) -> Framework:
        framework = Framework(root=order[-1], docs=order)
        for doc in order:
            for section in SECTIONS:
                for ident, entity in getattr(doc.model, section).items():
                    self._add(framework, doc, section, ident, entity)
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

    @property
    def ok(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)
