"""``timeline``: coverage month by month over the months ahead, and the funding ending
in each, as a table, JSON, CSV or a chart."""

from typing import Annotated

import typer

from ..charts import FORMATS as CHART_FORMATS
from ..diagnostics import ExitCode
from ..reporters import TIMELINE_FORMATS
from .check import stop_unless_analysable
from .errors import run, write_out
from .options import PathsArg, RootOpt, as_of, as_of_option, choice, format_for

MAX_MONTHS = 120
"""The longest timeline (``analysis.timeline.MAX_MONTHS``, which the command does not
import: it would pull in the analysis before ``--help``)."""
FORMATS = (*TIMELINE_FORMATS, *CHART_FORMATS)
SUFFIXES = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".json": "json",
    ".csv": "csv",
    ".txt": "table",
}
"""The format an output file's extension names, when ``--format`` is not given."""


def timeline_format(fmt: str | None, output: str | None) -> str:
    """The format asked for, else the one the output's extension names, else a table."""
    return format_for(
        fmt, output, SUFFIXES, FORMATS, "table", ".svg, .png, .pdf, .json, .csv or .txt"
    )


def timeline(
    paths: PathsArg,
    months: Annotated[
        int,
        typer.Option(min=1, max=MAX_MONTHS, metavar="N", help="Months ahead, from the as-of date."),
    ] = 24,
    fmt: Annotated[
        str | None,
        choice(
            FORMATS,
            "--format",
            "-f",
            help="Output format [default: table; with -o, the file's extension].",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The file to write (needed for svg, png, pdf); table, json and csv print "
            "without it.",
        ),
    ] = None,
    dpi: Annotated[int, typer.Option(min=50, max=1200, help="Resolution of PNG output.")] = 200,
    alt_text: Annotated[
        str | None,
        typer.Option(
            "--alt-text", metavar="FILE", help="Also write what the chart shows, in words."
        ),
    ] = None,
    as_of_text: Annotated[
        str | None,
        as_of_option("The first day of the timeline (YYYY-MM-DD); overrides scope.as_of."),
    ] = None,
    root: RootOpt = None,
) -> None:
    """Coverage month by month, and the funding ending each month: a table, or a chart."""
    chosen = timeline_format(fmt, output)
    if chosen in CHART_FORMATS and not output:
        raise typer.BadParameter(
            f"{chosen} output needs a file: add -o FILE.{chosen}", param_hint="--output"
        )
    day = as_of(as_of_text)

    def body() -> ExitCode:
        from ..edge.files import write  # lazy: its tempfile adds 13 ms to every start-up
        from ..reporters import render_timeline  # lazy: the reporters import the analysis
        from ..use_cases.timeline import timeline as months_ahead  # lazy: loading, analysis

        chart = chosen if chosen in CHART_FORMATS else None
        result = months_ahead(paths, months, day, chart, dpi, root)
        stopped = stop_unless_analysable(result.report)
        if stopped is not None:
            return stopped
        if chart is not None and output:
            write(output, result.chart, result.report.inputs)
        else:
            text = render_timeline(chosen, result)
            if output:
                write(output, text.encode("utf-8"), result.report.inputs)
            else:
                write_out(text, "json" if chosen == "json" else "text")
        if alt_text:
            write(alt_text, result.description.encode("utf-8"), result.report.inputs)
        return ExitCode.OK

    run(body)
