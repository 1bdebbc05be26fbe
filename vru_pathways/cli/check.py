"""``validate``, ``gaps`` and ``schema``."""

import os
from typing import TYPE_CHECKING, Annotated

import typer

from ..diagnostics import DEFAULT_MAX_FINDINGS, ExitCode, exit_code_for
from .errors import Settings, run, write_out
from .options import (
    AsOfOpt,
    FailOnOpt,
    FormatOpt,
    MaxFindingsOpt,
    PathsArg,
    RootOpt,
    as_of,
    max_findings,
    threshold,
)
from .progress import for_paths

if TYPE_CHECKING:
    from ..results import CheckReport

SCHEMA_FILE = "schemas/vru-pathways-1.schema.json"


def show(report: "CheckReport", fmt: str | None) -> ExitCode:
    """Print a check's report and give the exit code it calls for."""
    from ..reporters import STREAMS, render  # lazy: the reporters import the analysis

    name = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") else "table")
    write_out(render(name, report), STREAMS.get(name, "text"))
    if not report.analysable:
        return ExitCode.INPUT
    if report.gates:
        return ExitCode.FINDINGS
    return exit_code_for(list(report.findings), report.fail_on)


def stop_unless_analysable(report: "CheckReport") -> ExitCode | None:
    """Print the problems of input that cannot be analysed, and give exit 2; else ``None``."""
    return show(report, "table") if not report.analysable else None


def validate(
    paths: PathsArg,
    fmt: FormatOpt = None,
    fail_on: FailOnOpt = "error",
    root: RootOpt = None,
    most: MaxFindingsOpt = DEFAULT_MAX_FINDINGS,
) -> None:
    """Check the format, every reference, and hygiene (orphans, outcome loops)."""
    from ..use_cases import check  # lazy: loading pulls in pydantic and yaml

    def body() -> ExitCode:
        Settings.progress = for_paths(paths)
        report = check.validate(
            paths, threshold(fail_on), Settings.progress, root, max_findings(most)
        )
        Settings.progress.done()
        return show(report, fmt)

    run(body)


def gaps(
    paths: PathsArg,
    fmt: FormatOpt = None,
    as_of_text: AsOfOpt = None,
    fail_on: FailOnOpt = "error",
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
    root: RootOpt = None,
    most: MaxFindingsOpt = DEFAULT_MAX_FINDINGS,
) -> None:
    """Find every gap, with coverage; several models add a factor × model matrix."""
    from ..use_cases import check  # lazy: loading pulls in pydantic, yaml and networkx

    day = as_of(as_of_text)

    def body() -> ExitCode:
        Settings.progress = for_paths(paths)
        report = check.gaps(
            paths, day, fail_under, threshold(fail_on), Settings.progress, root, max_findings(most)
        )
        Settings.progress.done()
        return show(report, fmt)

    run(body)


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
    from ..edge.files import write  # lazy: its tempfile adds 13 ms to every start-up
    from ..use_cases import schema as use_case  # lazy: the schema is built from pydantic models

    def body() -> ExitCode:
        text = use_case.schema()
        if output:
            write(output, text.encode("utf-8"))
        else:
            write_out(text, "json")
        return ExitCode.OK

    run(body)
