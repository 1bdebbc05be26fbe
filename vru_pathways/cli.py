"""The command line: parse options, call one use-case, print it, map it to an exit code.

Exit codes (see :class:`~vru_pathways.diagnostics.ExitCode`): 0 nothing at or above
``--fail-on``; 1 findings at or above it; 2 input that cannot be analysed, or a usage
error; 3 internal error.
"""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from collections.abc import Callable
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from . import __version__
from .diagnostics import ExitCode, Severity
from .progress import Progress, for_paths
from .report import FORMATS

if TYPE_CHECKING:
    from .app import Report

app = typer.Typer(
    name="vru-pathways",
    help="Framework-as-code for serious violence prevention: declare risk factors, "
    "services and outcomes in YAML, and find the gaps.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

Format = Enum("Format", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


_debug = False

PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Framework documents to load: each is a root (a model) with its uses.",
        metavar="PATH...",
    ),
]
FormatOpt = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format [default: github when GITHUB_ACTIONS is set, else table].",
    ),
]
FailOnOpt = Annotated[
    FailOn,
    typer.Option(help="Exit 1 when a finding is at or above this severity ('never': exit 0)."),
]


def _fail(message: str, code: ExitCode) -> NoReturn:
    typer.echo(f"vru-pathways: {message}", err=True)
    raise typer.Exit(int(code))


def _write(path: str, data: bytes) -> None:
    """Write a file atomically (the previous one stays whole if this fails); a file that
    cannot be written is a message and exit 2, not a traceback."""
    from .export import write_atomic

    try:
        write_atomic(path, data)
    except OSError as exc:
        _fail(f"cannot write {path}: {exc.strerror or exc}", ExitCode.INPUT)


_progress = Progress(enabled=False)


def _start(paths: list[str]) -> Progress:
    """A progress line for a long load, on a terminal only (see :mod:`.progress`)."""
    global _progress
    _progress = for_paths(paths)
    return _progress


def _internal(exc: Exception) -> NoReturn:
    _progress.done()
    if _debug:
        traceback.print_exc()
    hint = "" if _debug else " (run with --debug for the traceback)"
    _fail(f"internal error: {type(exc).__name__}: {exc}{hint}", ExitCode.INTERNAL)


T = TypeVar("T")


def _attempt(action: Callable[[], T], *expected: type[Exception]) -> T:
    """Run a use-case: an ``expected`` error is a message and exit 2; any other is an
    internal error, exit 3."""
    try:
        return action()
    except expected as exc:
        _fail(str(exc), ExitCode.INPUT)
    except Exception as exc:  # the internal-error boundary
        _internal(exc)


def _stop_unless_analysable(report: Report) -> None:
    """Print the problems of input that cannot be analysed, and exit 2."""
    if not report.analysable:
        from .report import render

        sys.stdout.write(render("table", report))
        raise typer.Exit(int(ExitCode.INPUT))


def _run(use_case: Callable[[], Report], fmt: Enum | None, fail_on: FailOn) -> NoReturn:
    """The one place where outcomes become exit codes."""
    import os

    from .diagnostics import exit_code_for
    from .report import render

    name = str(fmt.value) if fmt else "github" if os.environ.get("GITHUB_ACTIONS") else "table"
    threshold = None if fail_on is FailOn.never else Severity.parse(fail_on.value)
    try:
        report = use_case()
        _progress.done()
        report.fail_on = threshold
        sys.stdout.write(render(name, report))
    except KeyboardInterrupt:
        _fail("interrupted", ExitCode.INTERNAL)
    except Exception as exc:  # the internal-error boundary: every bug ends here
        _internal(exc)
    if not report.analysable:
        raise typer.Exit(int(ExitCode.INPUT))
    if report.gates:
        raise typer.Exit(int(ExitCode.FINDINGS))
    raise typer.Exit(int(exit_code_for(report.findings, threshold)))


def _as_of(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"'{text}' is not a date; write it as YYYY-MM-DD") from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"vru-pathways {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of internal errors.")
    ] = False,
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = None,
) -> None:
    global _debug
    _debug = debug


@app.command()
def validate(
    paths: PathsArg,
    fmt: FormatOpt = None,
    fail_on: FailOnOpt = FailOn.error,
) -> None:
    """Check the format, every reference, and hygiene (orphans, outcome loops)."""
    from . import app as use_cases

    _run(lambda: use_cases.validate(paths, _start(paths)), fmt, fail_on)


@app.command()
def gaps(
    paths: PathsArg,
    fmt: FormatOpt = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="The date the picture describes (YYYY-MM-DD); overrides scope.as_of.",
        ),
    ] = None,
    fail_on: FailOnOpt = FailOn.error,
    fail_under: Annotated[
        float | None,
        typer.Option(
            metavar="PCT",
            min=0,
            max=100,
            help="Exit 1 when a model's coverage is under PCT percent (overrides "
            "policy.fail_under).",
        ),
    ] = None,
) -> None:
    """Find every gap, with coverage; several models add a factor × model matrix."""
    from . import app as use_cases

    day = _as_of(as_of)
    _run(lambda: use_cases.gaps(paths, day, fail_under, _start(paths)), fmt, fail_on)


DRAW_FORMATS = ("svg", "png", "pdf", "dot", "mermaid")
_SUFFIX = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
}
View = Enum("View", {v: v for v in ("logic-model", "pathways", "focus")}, type=str)  # type: ignore[misc]
DrawFormat = Enum("DrawFormat", {f: f for f in DRAW_FORMATS}, type=str)  # type: ignore[misc]
GroupBy = Enum("GroupBy", {g: g for g in ("provider", "tier", "approach")}, type=str)  # type: ignore[misc]


class Page(StrEnum):
    a4 = "a4"
    a3 = "a3"


def _draw_format(fmt: Enum | None, output: str | None) -> str:
    if fmt is not None:
        return str(fmt.value)
    if output:
        suffix = "." + output.rsplit(".", 1)[-1].lower() if "." in output else ""
        if suffix in _SUFFIX:
            return _SUFFIX[suffix]
        raise typer.BadParameter(
            f"cannot tell the format from '{output}'; give --format ({', '.join(DRAW_FORMATS)})",
            param_hint="--format",
        )
    return "dot"


@app.command()
def draw(
    path: Annotated[str, typer.Argument(help="The model (root document) to draw.", metavar="PATH")],
    view: Annotated[View, typer.Option(help="What to draw.")] = View.pathways,  # type: ignore[attr-defined]
    fmt: Annotated[
        DrawFormat | None,
        typer.Option(
            "--format", "-f", help="Output format; by default it follows the -o file's extension."
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The file to write (needed for svg, png, pdf); dot and mermaid print without it.",
        ),
    ] = None,
    focus: Annotated[
        str | None,
        typer.Option(
            metavar="ID", help="The factor, service or outcome at the centre (--view focus)."
        ),
    ] = None,
    depth: Annotated[
        int, typer.Option(min=1, max=10, help="Steps upstream and downstream of --focus.")
    ] = 2,
    area: Annotated[
        list[str] | None,
        typer.Option(metavar="ID", help="Only services reaching this area (repeatable)."),
    ] = None,
    tier: Annotated[
        list[str] | None,
        typer.Option(metavar="TIER", help="Only services of this tier (repeatable)."),
    ] = None,
    harm: Annotated[
        list[str] | None,
        typer.Option(metavar="ID", help="Only factors driving this harm (repeatable)."),
    ] = None,
    gaps_only: Annotated[
        bool, typer.Option("--gaps-only", help="Only factors and services with a gap.")
    ] = False,
    all_factors: Annotated[
        bool,
        typer.Option(
            "--all-factors", help="Pathways: a box for every factor, not only those with a need."
        ),
    ] = False,
    group_by: Annotated[
        GroupBy | None,
        typer.Option(help="Collapse services into one box per provider, tier or approach."),
    ] = None,
    page: Annotated[Page | None, typer.Option(help="Fit PDF output to one landscape page.")] = None,
    dpi: Annotated[int, typer.Option(min=50, max=1200, help="Resolution of PNG output.")] = 200,
    alt_text: Annotated[
        str | None,
        typer.Option("--alt-text", metavar="FILE", help="Also write a plain-English description."),
    ] = None,
    max_nodes: Annotated[int, typer.Option(help="Refuse views with more boxes than this.")] = 150,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", metavar="DATE", help="The date the picture describes (YYYY-MM-DD)."
        ),
    ] = None,
) -> None:
    """Draw a logic model, a pathway map or a focus view as SVG, PNG, PDF, DOT or Mermaid."""
    from . import app as use_cases
    from .export import ExportError
    from .views import Options, ViewError

    chosen = _draw_format(fmt, output)
    if chosen in ("svg", "png", "pdf") and not output:
        raise typer.BadParameter(
            f"{chosen} output needs a file: add -o FILE.{chosen}", param_hint="--output"
        )
    day = _as_of(as_of)
    filters = tuple(
        f"{name} {value}"
        for name, values in (("area", area), ("tier", tier), ("harm", harm))
        for value in values or []
    )
    options = Options(
        view.value,
        focus,
        depth,
        tuple(area or ()),
        tuple(tier or ()),
        tuple(harm or ()),
        gaps_only,
        group_by.value if group_by else None,
        all_factors,
        max_nodes,
        filters + (("gaps only",) if gaps_only else ()),
    )
    drawing = _attempt(
        lambda: use_cases.draw(path, options, chosen, day, dpi, page.value if page else None),
        ViewError,
        ExportError,
    )
    _stop_unless_analysable(drawing.report)
    if output:
        _write(output, drawing.data)
    else:
        sys.stdout.write(drawing.data.decode("utf-8"))
    if alt_text:
        _write(alt_text, drawing.alt_text.encode("utf-8"))


DiffFormat = Enum("DiffFormat", {f: f for f in ("text", "markdown", "json")}, type=str)  # type: ignore[misc]


class FailOnNew(StrEnum):
    error = "error"
    warning = "warning"
    never = "never"


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="The model before: a path, or REV:PATH from git.")],
    new: Annotated[str, typer.Argument(help="The model after: a path, or REV:PATH from git.")],
    fmt: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DiffFormat.text,  # type: ignore[attr-defined]
    fail_on_new: Annotated[
        FailOnNew,
        typer.Option(
            help="Exit 1 when the change opens a gap (or raises one) to this severity or above."
        ),
    ] = FailOnNew.error,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", metavar="DATE", help="Analyse both sides as of this date (YYYY-MM-DD)."
        ),
    ] = None,
) -> None:
    """Compare two versions of a model: gaps opened and closed, coverage, services."""
    from . import app as use_cases
    from .gitread import GitError
    from .report import render
    from .report.diff import DIFF_FORMATS

    day = _as_of(as_of)
    try:
        compared = use_cases.diff(old, new, day)
    except GitError as exc:
        _fail(str(exc), ExitCode.INPUT)
    except Exception as exc:  # the internal-error boundary
        _internal(exc)
    if compared.diff is None:
        for side in (compared.old, compared.new):
            if not side.analysable:
                sys.stdout.write(render("table", side))
        raise typer.Exit(int(ExitCode.INPUT))
    sys.stdout.write(DIFF_FORMATS[fmt.value](compared.diff))
    if fail_on_new is not FailOnNew.never and compared.diff.introduced(
        Severity.parse(fail_on_new.value)
    ):
        raise typer.Exit(int(ExitCode.FINDINGS))


@app.command()
def report(
    paths: PathsArg,
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE.html|FILE.md",
            help="The report to write; .html (self-contained, prints on A4) or .md (Markdown).",
        ),
    ],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", metavar="DATE", help="The date the picture describes (YYYY-MM-DD)."
        ),
    ] = None,
) -> None:
    """Write the gap-analysis report: figures, matrices, gaps by board, diagrams, funding."""
    from . import app as use_cases
    from .export import ExportError

    suffix = output.rsplit(".", 1)[-1].lower() if "." in output else ""
    fmt = {"html": "html", "htm": "html", "md": "markdown", "markdown": "markdown"}.get(suffix)
    if fmt is None:
        raise typer.BadParameter("the report is .html or .md", param_hint="--output")
    day = _as_of(as_of)
    made = _attempt(lambda: use_cases.paper(paths, fmt, day), ExportError)
    _stop_unless_analysable(made.report)
    _write(output, made.text.encode("utf-8"))


export_app = typer.Typer(help="Write a model in a format other tools read.", no_args_is_help=True)
import_app = typer.Typer(
    help="Turn files from other tools into framework YAML.", no_args_is_help=True
)
app.add_typer(export_app, name="export")
app.add_typer(import_app, name="import")

OutputOpt = Annotated[
    str, typer.Option("--output", "-o", metavar="FILE", help="The file to write.")
]


def _loaded_or_exit(path: str) -> Any:
    """The framework rooted at ``path``; prints the problems and exits 2 if it has any."""
    from .loading.loader import load
    from .report import render

    loaded = load([path])
    if not loaded.ok:
        from . import app as use_cases

        report = use_cases.Report("export", loaded.findings, False, [])
        sys.stdout.write(render("table", report))
        raise typer.Exit(int(ExitCode.INPUT))
    return loaded.frameworks[0]


@export_app.command("xlsx")
def export_xlsx(path: Annotated[str, typer.Argument(metavar="PATH")], output: OutputOpt) -> None:
    """A workbook with one sheet per section, ID columns and readable lists."""
    from .interchange.xlsx import export_workbook

    framework = _loaded_or_exit(path)
    try:
        data = export_workbook(framework.docs)
    except Exception as exc:  # the internal-error boundary
        _internal(exc)
    _write(output, data)


@export_app.command("graphml")
def export_graphml(
    path: Annotated[str, typer.Argument(metavar="PATH")],
    output: OutputOpt,
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="DATE", help="The date for pathway status.")
    ] = None,
) -> None:
    """The framework graph as GraphML, for Gephi and other network tools."""
    from .analysis.context import Context
    from .interchange.graphml import to_graphml

    day = _as_of(as_of)
    framework = _loaded_or_exit(path)
    try:
        text = to_graphml(Context(framework, day))
    except Exception as exc:  # the internal-error boundary
        _internal(exc)
    _write(output, text.encode("utf-8"))


@import_app.command("xlsx")
def import_xlsx(
    workbook: Annotated[str, typer.Argument(metavar="FILE.xlsx")],
    output: Annotated[
        str,
        typer.Option(
            "--output", "-o", metavar="DIR", help="The folder to write the YAML documents into."
        ),
    ],
) -> None:
    """A workbook made by 'export xlsx' (and edited) back into YAML documents."""
    from pathlib import Path

    from .interchange.xlsx import import_workbook
    from .report import render

    try:
        data = Path(workbook).read_bytes()
    except OSError as exc:
        _fail(f"cannot read {workbook}: {exc.strerror}", ExitCode.INPUT)
    try:
        documents, problems = import_workbook(data, Path(workbook).name)
    except Exception as exc:  # the internal-error boundary
        _internal(exc)
    if any(p.severity is Severity.ERROR for p in problems):
        from . import app as use_cases

        sys.stdout.write(render("table", use_cases.Report("import", problems, False, [])))
        raise typer.Exit(int(ExitCode.INPUT))
    for relative, text in documents.items():
        if relative.startswith("/") or ".." in relative.split("/"):
            _fail(f"{workbook}: refusing to write outside {output}: {relative}", ExitCode.INPUT)
        target = Path(output) / relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _fail(f"cannot make {target.parent}: {exc.strerror or exc}", ExitCode.INPUT)
        _write(str(target), text.encode("utf-8"))
    typer.echo(f"wrote {len(documents)} document(s) under {output}", err=True)


@import_app.command("oruk")
def import_oruk(
    source: Annotated[str, typer.Argument(metavar="FILE.json")],
    output: OutputOpt,
) -> None:
    """An Open Referral UK / HSDS 3.0 service directory export as service entries."""
    import json
    from pathlib import Path

    from .interchange.oruk import import_directory

    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))
    except OSError as exc:
        _fail(f"cannot read {source}: {exc.strerror}", ExitCode.INPUT)
    except (ValueError, UnicodeDecodeError) as exc:
        _fail(f"{source} is not JSON: {exc}", ExitCode.INPUT)
    except RecursionError:
        _fail(f"{source}: values nested too deep to read", ExitCode.INPUT)
    try:
        text, warnings = import_directory(data, Path(source).name)
    except ValueError as exc:
        _fail(f"{source}: {exc}", ExitCode.INPUT)
    except Exception as exc:  # the internal-error boundary
        _internal(exc)
    for warning in warnings:
        typer.echo(f"vru-pathways: warning: {warning}", err=True)
    _write(output, text.encode("utf-8"))


SCHEMA_FILE = "schemas/vru-pathways-1.schema.json"


@app.command()
def schema(
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help=f"Write it to FILE (the project keeps it in {SCHEMA_FILE}).",
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of the format (for editors and check-jsonschema)."""
    from . import app as use_cases

    text = use_cases.schema()
    if output:
        _write(output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code instead of raising ``SystemExit``."""
    try:
        app(args=argv, prog_name="vru-pathways")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else int(ExitCode.INPUT)
    return int(ExitCode.OK)
