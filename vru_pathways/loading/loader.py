"""The only code that reads framework files: documents, ``uses``, merging and references.

Loading never stops at the first problem. Every file is read once however many roots use
it, every problem in every file is collected, and only then does the caller decide
whether the input can be analysed (no error-severity problems) or not.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..diagnostics import Finding, Location, Severity
from ..framework import Doc, Framework
from ..schema.document import SECTIONS, Document
from . import references, yamlpos
from .errors import dotted, from_validation_error


def display_path(path: str) -> str:
    """A path as the user should read it: relative to the working folder, with ``/``."""
    rel = os.path.relpath(path)
    return (path if rel.startswith("..") and os.path.isabs(path) else rel).replace(os.sep, "/")


MAX_BYTES = 50 * 1024 * 1024
"""Files larger than this are refused unread. A national framework of 100,000 services
is about 30 MiB; loading takes about 70 times the file's size in memory."""

MAX_USES_DEPTH = 100
"""Documents that use each other in a chain longer than this are refused (``too-deep``);
a model uses a region that uses frameworks: three or four."""

_UTF16_32 = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
"""Byte-order marks of encodings that are not UTF-8, longest first."""


def _decode(data: bytes, shown: str) -> tuple[str | None, list[Finding]]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        mark = next((bom for bom in _UTF16_32 if data.startswith(bom)), None)
        if mark is not None:
            message = (
                f"the file is {_UTF16_32[mark]} text (it starts with a {_UTF16_32[mark]} "
                "byte-order mark); save it as UTF-8 (most editors: 'Save with encoding')"
            )
            return None, [Finding(Location(shown), "encoding", message, Severity.ERROR)]
        before = data[: exc.start].decode("utf-8").removeprefix("\ufeff")
        line, col = yamlpos.line_col(before, len(before))
        byte = data[exc.start]
        seen = bytes([byte]).decode("cp1252", "ignore")
        guess = f" ('{seen}' in Windows-1252 or Latin-1?)" if seen.isprintable() and seen else ""
        message = (
            f"byte 0x{byte:02x} is not UTF-8 text{guess}; save the file as UTF-8 "
            "(most editors: 'Save with encoding')"
        )
        return None, [Finding(Location(shown, line, col), "encoding", message, Severity.ERROR)]
    return text.removeprefix("\ufeff"), []


def _read(real: str, shown: str) -> tuple[bytes | None, list[Finding]]:
    """The file's bytes; a file over :data:`MAX_BYTES` is refused before it is read."""
    try:
        with open(real, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            data = handle.read(MAX_BYTES + 1) if size <= MAX_BYTES else b""
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return None, [
            Finding(
                Location(shown), "missing-file", f"cannot read {shown}: {reason}", Severity.ERROR
            )
        ]
    if size > MAX_BYTES or len(data) > MAX_BYTES:
        measured = f" ({size / 2**20:.1f} MiB)" if size > MAX_BYTES else ""
        message = (
            f"the file is over {MAX_BYTES // 2**20} MiB{measured}, the most this tool "
            "reads: split it into documents that 'uses' each other"
        )
        return None, [Finding(Location(shown), "too-large", message, Severity.ERROR)]
    return data, []


def read_document(real: str, shown: str) -> tuple[Doc | None, list[Finding]]:
    """Read, parse and validate one file; return the document if it is usable."""
    data, problems = _read(real, shown)
    if data is None:
        return None, problems
    text, problems = _decode(data, shown)
    if text is None:
        return None, problems
    parsed = yamlpos.parse(text)
    problems = [
        Finding(Location(shown, p.line, p.col), p.rule, p.message, Severity.ERROR)
        for p in parsed.problems
    ]
    if parsed.value is None and not problems:
        message = "the file holds no document; start it with 'format: vru-pathways/1'"
        return None, [Finding(Location(shown), "empty-document", message, Severity.ERROR)]
    if not isinstance(parsed.value, dict):
        if parsed.value is not None:
            held = "a list" if isinstance(parsed.value, list) else "a single value"
            message = (
                "a document must be a mapping of keys, starting 'format: vru-pathways/1'"
                f"; this file holds {held}"
            )
            line, col = parsed.positions.find(())
            problems.append(
                Finding(Location(shown, line, col), "invalid-value", message, Severity.ERROR)
            )
        return None, problems
    try:
        model = Document.model_validate(parsed.value)
    except ValidationError as exc:
        problems += from_validation_error(exc, Document, parsed.positions, shown)
        salvaged = _salvage(parsed.value, exc)
        if salvaged is None:
            return None, problems
        model, broken = salvaged
        return Doc(shown, model, parsed.positions, broken), problems
    return Doc(shown, model, parsed.positions), problems


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


@dataclass
class Loader:
    """Reads documents once each and assembles frameworks from them."""

    documents: dict[str, Doc | None] = field(default_factory=dict)
    findings: set[Finding] = field(default_factory=set)

    def _document(self, real: str) -> Doc | None:
        if real not in self.documents:
            doc, problems = read_document(real, display_path(real))
            self.documents[real] = doc
            self.findings.update(problems)
        return self.documents[real]

    def _visit(self, real: str, stack: list[str], order: list[Doc], seen: set[str]) -> None:
        doc = self._document(real)
        seen.add(real)
        if doc is None:
            return
        stack.append(real)
        folder = os.path.dirname(real)
        for index, used in enumerate(doc.model.uses):
            if "\0" in used:
                self._problem(
                    doc,
                    ("uses", index),
                    "missing-file",
                    f"uses[{index}]: a file name cannot hold a NUL character",
                )
                continue
            target = os.path.realpath(os.path.join(folder, used))
            if target in stack:
                loop = " → ".join(display_path(p) for p in [*stack[stack.index(target) :], target])
                self._problem(
                    doc,
                    ("uses", index),
                    "uses-cycle",
                    f"uses[{index}]: documents use each other in a loop: {loop}",
                )
            elif not os.path.isfile(target):
                looked = display_path(target)
                self._problem(
                    doc,
                    ("uses", index),
                    "missing-file",
                    f"uses[{index}]: no file '{used}' (looked for {looked})",
                )
            elif target in seen:
                continue
            elif len(stack) >= MAX_USES_DEPTH:
                self._problem(
                    doc,
                    ("uses", index),
                    "too-deep",
                    f"uses[{index}]: documents using each other more than "
                    f"{MAX_USES_DEPTH} deep (a model, its region, frameworks: 3 or 4)",
                )
            else:
                self._visit(target, stack, order, seen)
        stack.pop()
        order.append(doc)

    def _problem(
        self,
        doc: Doc,
        path: yamlpos.Path,
        rule: str,
        message: str,
        severity: Severity = Severity.ERROR,
        entity: str = "",
        key: bool = False,
    ) -> None:
        self.findings.add(Finding(doc.at(*path, key=key), rule, message, severity, entity))

    def load(self, root: str) -> Framework | None:
        """The framework rooted at ``root``, or ``None`` when it cannot be assembled."""
        real = os.path.realpath(root)
        if not os.path.isfile(real):
            message = f"no such file: {root}" if not os.path.exists(real) else f"not a file: {root}"
            self.findings.add(
                Finding(Location(display_path(root)), "missing-file", message, Severity.ERROR)
            )
            return None
        order: list[Doc] = []
        self._visit(real, [], order, set())
        if not order or order[-1] is not self.documents.get(real):
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
                        "root-only",
                        f"{section} applies from the root document only; it is "
                        "ignored here, where another document uses this one",
                        Severity.WARNING,
                        key=True,
                    )
        return framework

    def _add(self, framework: Framework, doc: Doc, section: str, ident: str, entity: Any) -> None:
        is_factor = section.endswith("_factors")
        table = framework.factors if is_factor else framework.section(section)
        if ident in table:
            key = (framework.section_of_factor(ident) if is_factor else section, ident)
            first = framework.where(*key)
            self._problem(
                doc,
                (section, ident),
                "duplicate-id",
                f"{dotted((section, ident))} is already defined at {first}",
                entity=dotted((section, ident)),
                key=True,
            )
            return
        table[ident] = entity
        framework.origin[(section, ident)] = doc
        if is_factor:
            framework.factor_kind[ident] = "risk" if section == "risk_factors" else "protective"


@dataclass
class Loaded:
    frameworks: list[Framework]
    findings: list[Finding]

    @property
    def ok(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)


def load(paths: list[str]) -> Loaded:
    """Load every root in ``paths``; shared documents are read once."""
    loader = Loader()
    frameworks = [fw for fw in (loader.load(p) for p in paths) if fw is not None]
    return Loaded(frameworks, sorted(loader.findings))
