"""Use-cases: each takes plain arguments and returns a value; no printing, no exit codes."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import export, views
from .diagnostics import Finding
from .loading.loader import load

__all__ = ["Drawing", "Report", "draw", "gaps", "load", "schema", "validate"]

if TYPE_CHECKING:
    from .analysis.coverage import Coverage


@dataclass
class Report:
    """What ``validate`` and ``gaps`` produce: findings, and for ``gaps`` coverage."""

    command: str
    findings: list[Finding]
    analysable: bool
    models: list[str] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)
    factor_names: dict[str, str] = field(default_factory=dict)


def validate(paths: list[str]) -> Report:
    """Format, references and hygiene findings (the rules that need no as-of date)."""
    from .analysis import HYGIENE
    from .analysis.context import Context
    from .analysis.engine import merge, run

    loaded = load(paths)
    found = list(loaded.findings)
    if loaded.ok:
        for framework in loaded.frameworks:
            found += run(Context(framework), HYGIENE)
    models = [fw.id for fw in loaded.frameworks]
    return Report("validate", merge(found), loaded.ok, models)


def gaps(paths: list[str], as_of: dt.date | None = None) -> Report:
    """Every finding of FORMAT.md's "What counts as a gap", and coverage per model."""
    from .analysis import CHECKS
    from .analysis.context import Context
    from .analysis.coverage import coverage
    from .analysis.engine import merge, run

    loaded = load(paths)
    found = list(loaded.findings)
    report = Report("gaps", found, loaded.ok, [fw.id for fw in loaded.frameworks])
    if not loaded.ok:
        report.findings = merge(found)
        return report
    for framework in loaded.frameworks:
        ctx = Context(framework, as_of)
        found += run(ctx, CHECKS)
        report.coverage.append(coverage(ctx))
        for f in ctx.in_scope:
            report.factor_names.setdefault(f, framework.factors[f].name)
    report.findings = merge(found)
    return report


def schema() -> str:
    """The JSON Schema of the format, as text (sorted keys, one trailing newline)."""
    from .schema.jsonschema import document_schema

    document: dict[str, Any] = document_schema()
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@dataclass
class Drawing:
    """What ``draw`` produces: the bytes of the file, or the findings that stopped it."""

    report: Report
    data: bytes = b""
    alt_text: str = ""


def draw(path: str, options: views.Options, fmt: str, as_of: dt.date | None = None,
         dpi: int = 200, page: str | None = None) -> Drawing:
    """One view of one model as ``fmt`` (svg, png, pdf, dot or mermaid)."""
    from .analysis.context import Context
    from .render import EMITTERS

    loaded = load([path])
    report = Report("draw", list(loaded.findings), loaded.ok,
                    [fw.id for fw in loaded.frameworks])
    if not loaded.ok:
        return Drawing(report)
    diagram = views.build(Context(loaded.frameworks[0], as_of), options)
    if fmt not in export.IMAGE_FORMATS:
        return Drawing(report, EMITTERS[fmt](diagram).encode("utf-8"), diagram.description)
    attributes = {"dpi": str(dpi)} if fmt == "png" else {}
    if page and fmt == "pdf":
        attributes.update(export.page_attributes(page))
    dot = export.with_graph_attributes(EMITTERS["dot"](diagram), attributes)
    data = export.run_dot(dot, fmt)
    if fmt == "svg":
        data = export.accessible_svg(data, f"{diagram.title} ({diagram.subtitle})",
                                     diagram.description)
    return Drawing(report, data, diagram.description)
