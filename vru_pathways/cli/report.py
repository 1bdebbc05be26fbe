"""``report``: the gap-analysis report for a partnership board."""

from typing import Annotated

import typer

from ..diagnostics import ExitCode
from .check import stop_unless_analysable
from .errors import run
from .options import PathsArg, RootOpt, as_of, as_of_option

REPORT_FORMATS = {
    "html": "html",
    "htm": "html",
    "md": "markdown",
    "markdown": "markdown",
    "docx": "docx",
    "pptx": "pptx",
}
"""File extension → the report's format."""


def report(
    paths: PathsArg,
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE.html|FILE.md|FILE.docx|FILE.pptx",
            help="The report to write; its extension says the format: .html (self-contained, "
            "prints on A4), .md (Markdown), .docx (a Word paper) or .pptx (a 16:9 board deck).",
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
    reference_docx: Annotated[
        str | None,
        typer.Option(
            "--reference-docx",
            metavar="TEMPLATE.docx",
            help="For .docx: take the styles, fonts, colours and margins of this Word "
            "document (its text is left out), as pandoc does.",
        ),
    ] = None,
) -> None:
    """Write the gap-analysis report: a cover with each model at a glance, a one-page
    summary per model (coverage against the target, the top gaps of each board and what
    could close them, the money at risk), coverage charts, diagrams, money and time, and
    an appendix of every finding, the matrices, the funding tables and the sources."""
    from ..edge.files import write  # lazy: its tempfile adds 13 ms to every start-up
    from ..use_cases.report import report as make  # lazy: the report draws diagrams

    suffix = output.rsplit(".", 1)[-1].lower() if "." in output else ""
    fmt = REPORT_FORMATS.get(suffix)
    if fmt is None:
        raise typer.BadParameter(
            f"cannot tell the format from '{output}': the report is .html, .md, .docx or .pptx",
            param_hint="--output",
        )
    if reference_docx is not None and fmt != "docx":
        raise typer.BadParameter(
            "--reference-docx is for a .docx report", param_hint="--reference-docx"
        )
    day = as_of(as_of_text)

    def body() -> ExitCode:
        made = make(paths, fmt, day, root, scenario, reference_docx)
        stopped = stop_unless_analysable(made.report)
        if stopped is not None:
            return stopped
        write(output, made.data, made.report.inputs)
        return ExitCode.OK

    run(body)
