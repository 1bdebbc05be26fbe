"""``report``: the gap-analysis report for a partnership board."""

from __future__ import annotations

from typing import Annotated

import typer

from ..diagnostics import ExitCode
from .check import stop_unless_analysable
from .errors import run
from .options import PathsArg, RootOpt, as_of, as_of_option

REPORT_FORMATS = {"html": "html", "htm": "html", "md": "markdown", "markdown": "markdown"}
"""File extension → the report's format."""


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
    as_of_text: Annotated[
        str | None, as_of_option("The date the picture describes (YYYY-MM-DD).")
    ] = None,
    root: RootOpt = None,
    scenario: Annotated[
        str | None,
        typer.Option(
            metavar="ID", help="The whole report as it would be under this scenario of the models."
        ),
    ] = None,
) -> None:
    """Write the gap-analysis report: figures, gaps by board, matrices, diagrams, money and
    time (coverage as funding ends, funding at risk, scenarios), funding end dates."""
    from ..edge.files import write  # lazy: its tempfile adds 13 ms to every start-up
    from ..use_cases.report import report as make  # lazy: the report draws diagrams

    suffix = output.rsplit(".", 1)[-1].lower() if "." in output else ""
    fmt = REPORT_FORMATS.get(suffix)
    if fmt is None:
        raise typer.BadParameter("the report is .html or .md", param_hint="--output")
    day = as_of(as_of_text)

    def body() -> ExitCode:
        made = make(paths, fmt, day, root, scenario)
        stopped = stop_unless_analysable(made.report)
        if stopped is not None:
            return stopped
        write(output, made.data, made.report.inputs)
        return ExitCode.OK

    run(body)
