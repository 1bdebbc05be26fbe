"""``whatif``: what a scenario would do, and which funding sources matter most."""

from typing import Annotated

import typer

from ..diagnostics import ExitCode, Severity
from ..reporters import CHANGE_FORMATS, render_whatif
from .check import stop_unless_analysable
from .compare import FAIL_ON_NEW
from .errors import run, write_out
from .options import PathsArg, RootOpt, as_of, as_of_option, choice

Ids = Annotated[list[str] | None, typer.Option(metavar="ID")]


def whatif(
    paths: PathsArg,
    scenario: Annotated[
        str | None,
        typer.Option(
            metavar="ID",
            help="A scenario of the model (its scenarios section), or 'all' for every one.",
        ),
    ] = None,
    end_funding: Annotated[
        list[str] | None,
        typer.Option(
            "--end-funding", metavar="ID", help="Funding that ends the day before (repeatable)."
        ),
    ] = None,
    close: Annotated[
        list[str] | None, typer.Option(metavar="ID", help="A service that closes (repeatable).")
    ] = None,
    start: Annotated[
        list[str] | None,
        typer.Option(metavar="ID", help="A service that starts, active (repeatable)."),
    ] = None,
    each_funding: Annotated[
        bool,
        typer.Option(
            "--each-funding",
            help="Rank every funding source by what its ending alone would do.",
        ),
    ] = False,
    fmt: Annotated[str, choice(CHANGE_FORMATS, "--format", "-f", help="Output format.")] = "text",
    fail_on_new: Annotated[
        str,
        choice(
            FAIL_ON_NEW,
            "--fail-on-new",
            help="Exit 1 when a scenario opens a gap (or raises one) to this severity or above.",
        ),
    ] = "never",
    as_of_text: Annotated[
        str | None,
        as_of_option("The date to judge on (YYYY-MM-DD); a named scenario's own as_of judges it."),
    ] = None,
    root: RootOpt = None,
) -> None:
    """What a scenario would do: gaps opened and closed, coverage; or rank funding sources."""
    day = as_of(as_of_text)
    adhoc = bool(end_funding or close or start)
    if scenario is None and not adhoc and not each_funding:
        raise typer.BadParameter(
            "say what to judge: --scenario ID (or all), --end-funding ID, --close ID, "
            "--start ID, or --each-funding"
        )

    def body() -> ExitCode:
        from ..analysis.scenarios import Change  # lazy: the analysis pulls in networkx
        from ..use_cases.whatif import whatif as judge  # lazy: loading and analysis

        change = None
        if adhoc:
            change = Change(
                "command-line",
                "as given on the command line",
                None,
                tuple(end_funding or ()),
                tuple(close or ()),
                tuple(start or ()),
            )
        result = judge(paths, scenario, change, day, each_funding, root)
        stopped = stop_unless_analysable(result.report)
        if stopped is not None:
            return stopped
        write_out(render_whatif(fmt, result), "json" if fmt == "json" else "text")
        if fail_on_new == "never":
            return ExitCode.OK
        threshold = Severity.parse(fail_on_new)
        opened = any(s.changes.introduced(threshold) for s in result.scenarios)
        return ExitCode.FINDINGS if opened else ExitCode.OK

    run(body)
