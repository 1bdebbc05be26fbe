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
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from . import __version__
from .diagnostics import ExitCode, Severity
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
    typer.Argument(help="Framework documents to load: each is a root (a model) with its uses.",
                   metavar="PATH..."),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
FailOnOpt = Annotated[
    FailOn,
    typer.Option(help="Exit 1 when a finding is at or above this severity ('never': exit 0)."),
]


def _fail(message: str, code: ExitCode) -> NoReturn:
    typer.echo(f"vru-pathways: {message}", err=True)
    raise typer.Exit(int(code))


def _run(use_case: Callable[[], Report], fmt: str, fail_on: FailOn) -> NoReturn:
    """The one place where outcomes become exit codes."""
    from .diagnostics import exit_code_for
    from .report import render

    try:
        report = use_case()
        sys.stdout.write(render(fmt, report))
    except KeyboardInterrupt:
        _fail("interrupted", ExitCode.INTERNAL)
    except Exception as exc:  # the internal-error boundary: every bug ends here
        if _debug:
            traceback.print_exc()
        hint = "" if _debug else " (run with --debug for the traceback)"
        _fail(f"internal error: {type(exc).__name__}: {exc}{hint}", ExitCode.INTERNAL)
    if not report.analysable:
        raise typer.Exit(int(ExitCode.INPUT))
    threshold = None if fail_on is FailOn.never else Severity.parse(fail_on.value)
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
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")]
    = False,
    version: Annotated[Optional[bool], typer.Option(  # noqa: UP045 - typer needs Optional
        "--version", callback=_version, is_eager=True, help="Show the version and exit.")]
    = None,
) -> None:
    global _debug
    _debug = debug


@app.command()
def validate(
    paths: PathsArg,
    fmt: FormatOpt = Format.table,  # type: ignore[attr-defined]
    fail_on: FailOnOpt = FailOn.error,
) -> None:
    """Check the format, every reference, and hygiene (orphans, outcome loops)."""
    from . import app as use_cases

    _run(lambda: use_cases.validate(paths), fmt.value, fail_on)


@app.command()
def gaps(
    paths: PathsArg,
    fmt: FormatOpt = Format.table,  # type: ignore[attr-defined]
    as_of: Annotated[
        Optional[str],  # noqa: UP045 - typer needs Optional
        typer.Option("--as-of", metavar="DATE",
                     help="The date the picture describes (YYYY-MM-DD); overrides scope.as_of."),
    ] = None,
    fail_on: FailOnOpt = FailOn.error,
) -> None:
    """Find every gap, with coverage; several models add a factor × model matrix."""
    from . import app as use_cases

    day = _as_of(as_of)
    _run(lambda: use_cases.gaps(paths, day), fmt.value, fail_on)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the format (for editors and check-jsonschema)."""
    from . import app as use_cases

    sys.stdout.write(use_cases.schema())


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code instead of raising ``SystemExit``."""
    try:
        app(args=argv, prog_name="vru-pathways")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else int(ExitCode.INPUT)
    return int(ExitCode.OK)
