"""Use-cases: each takes plain arguments and returns a value; no printing, no exit codes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import export, views
from .diagnostics import Finding, Location, Severity
from .loading.loader import Loaded, display_path, load

__all__ = ["Drawing", "Report", "draw", "gaps", "load", "schema", "validate"]

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .analysis.coverage import Coverage
    from .compare import Diff
    from .progress import Progress


@dataclass
class Report:
    """What ``validate`` and ``gaps`` produce: findings, and for ``gaps`` coverage."""

    command: str
    findings: list[Finding]
    analysable: bool
    models: list[str] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)
    factor_names: dict[str, str] = field(default_factory=dict)
    fail_on: Severity | None = Severity.ERROR
    """The threshold the command fails at; reports that mark failures (JUnit) use it."""
    gates: list[str] = field(default_factory=list)
    """Coverage gates not met (``--fail-under``, ``policy.fail_under``); each fails the run."""


def validate(paths: list[str], progress: Progress | None = None) -> Report:
    """Format, references and hygiene findings (the rules that need no as-of date)."""
    from .analysis import HYGIENE
    from .analysis.context import Context
    from .analysis.engine import merge, run

    if progress:
        progress.stage(f"reading and checking {len(paths)} model(s), {progress.size / 1e6:.0f} MB")
    loaded = load(paths)
    found = list(loaded.findings)
    if progress:
        progress.stage("checking hygiene")
    if loaded.ok:
        for framework in loaded.frameworks:
            found += run(Context(framework), HYGIENE)
    models = [fw.id for fw in loaded.frameworks]
    return Report("validate", merge(found), loaded.ok, models)


def gaps(
    paths: list[str],
    as_of: dt.date | None = None,
    fail_under: float | None = None,
    progress: Progress | None = None,
) -> Report:
    """Every finding of FORMAT.md's "What counts as a gap", and coverage per model."""
    if progress:
        progress.stage(f"reading and checking {len(paths)} model(s), {progress.size / 1e6:.0f} MB")
    loaded = load(paths)
    if progress:
        progress.stage("finding the gaps")
    return _analyse(loaded, as_of, fail_under)


def _analyse(loaded: Loaded, as_of: dt.date | None, fail_under: float | None) -> Report:
    from .analysis import CHECKS
    from .analysis.context import Context
    from .analysis.coverage import coverage
    from .analysis.engine import merge, run

    found = list(loaded.findings)
    report = Report("gaps", found, loaded.ok, [fw.id for fw in loaded.frameworks])
    if not loaded.ok:
        report.findings = merge(found)
        return report
    for framework in loaded.frameworks:
        ctx = Context(framework, as_of)
        found += run(ctx, CHECKS)
        cov = coverage(ctx)
        report.coverage.append(cov)
        floor = fail_under if fail_under is not None else framework.policy.fail_under
        if floor is not None and cov.overall.percent < floor:
            report.gates.append(
                f"{cov.model}: coverage {cov.overall.percent:g}% is under the {floor:g}% required"
            )
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


def draw(
    path: str,
    options: views.Options,
    fmt: str,
    as_of: dt.date | None = None,
    dpi: int = 200,
    page: str | None = None,
) -> Drawing:
    """One view of one model as ``fmt`` (svg, png, pdf, dot or mermaid)."""
    from .analysis.context import Context
    from .render import EMITTERS

    loaded = load([path])
    report = Report("draw", list(loaded.findings), loaded.ok, [fw.id for fw in loaded.frameworks])
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
        data = export.accessible_svg(
            data, f"{diagram.title} ({diagram.subtitle})", diagram.description
        )
    return Drawing(report, data, diagram.description)


@dataclass
class Compared:
    """What ``diff`` produces: the comparison, or the reports that stopped it."""

    old: Report
    new: Report
    diff: Diff | None = None


@contextmanager
def _side(spec: str) -> Iterator[tuple[str, Callable[[Finding], Finding]]]:
    """A path to load for ``spec`` (a path or ``REV:PATH``), and how to show its findings."""
    from . import gitread

    parsed = gitread.split(spec)
    if parsed is None:
        yield spec, lambda f: f
        return
    rev, path = parsed
    with gitread.checkout(rev) as (folder, prefix):
        base = display_path(os.path.join(folder, prefix)).rstrip("/") + "/"

        def show(loc: Location) -> Location:
            if not loc.path.startswith(base):
                return loc
            return dataclasses.replace(loc, path=f"{rev}:{prefix}{loc.path[len(base) :]}")

        def remap(f: Finding) -> Finding:
            return dataclasses.replace(
                f, location=show(f.location), related=tuple(show(r) for r in f.related)
            )

        yield os.path.join(folder, prefix, path), remap


def diff(old_spec: str, new_spec: str, as_of: dt.date | None = None) -> Compared:
    """The gaps a change opened and closed, coverage moved, and services changed."""
    from .compare import compare

    with _side(old_spec) as (old_path, old_show), _side(new_spec) as (new_path, new_show):
        old_loaded, new_loaded = load([old_path]), load([new_path])
        old, new = _analyse(old_loaded, as_of, None), _analyse(new_loaded, as_of, None)
        old.findings = [old_show(f) for f in old.findings]
        new.findings = [new_show(f) for f in new.findings]
        result = Compared(old, new)
        if old.analysable and new.analysable:
            result.diff = compare(
                old, new, old_loaded.frameworks, new_loaded.frameworks, old_spec, new_spec
            )
    return result


@dataclass
class Paper:
    """What ``report`` produces: the file's text, or the findings that stopped it."""

    report: Report
    text: str = ""


def paper(paths: list[str], fmt: str, as_of: dt.date | None = None) -> Paper:
    """The gap-analysis report of the models, as ``html`` or ``markdown``."""
    from .paper import content
    from .paper import html as html_paper
    from .paper import markdown as markdown_paper

    loaded = load(paths)
    report = Report("report", list(loaded.findings), loaded.ok, [fw.id for fw in loaded.frameworks])
    if not loaded.ok:
        return Paper(report)
    built = content.build(loaded.frameworks, as_of)
    if fmt == "markdown":
        return Paper(report, markdown_paper.render(built))
    from .diagram import Diagram
    from .render.dot import emit

    svgs = {}
    for section in built.sections:
        for caption, diagram in section.diagrams:
            if isinstance(diagram, Diagram):
                data = export.run_dot(emit(diagram), "svg")
                svgs[(section.id, caption)] = export.accessible_svg(
                    data, diagram.title, diagram.description
                ).decode("utf-8")
    return Paper(report, html_paper.render(built, svgs))
