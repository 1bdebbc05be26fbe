"""``diff``: what a change to a model opens, closes and moves."""

from typing import Annotated

import typer

from ..diagnostics import ExitCode, Severity
from ..reporters import CHANGE_FORMATS, render_changes
from .check import show
from .errors import run, write_out
from .options import RootOpt, as_of, as_of_option, choice

FAIL_ON_NEW = ("error", "warning", "never")


def diff(
    old: Annotated[str, typer.Argument(help="The model before: a path, or REV:PATH from git.")],
    new: Annotated[str, typer.Argument(help="The model after: a path, or REV:PATH from git.")],
    fmt: Annotated[str, choice(CHANGE_FORMATS, "--format", "-f", help="Output format.")] = "text",
    fail_on_new: Annotated[
        str,
        choice(
            FAIL_ON_NEW,
            "--fail-on-new",
            help="Exit 1 when the change opens a gap (or raises one) to this severity or above.",
        ),
    ] = "error",
    as_of_text: Annotated[
        str | None, as_of_option("Analyse both sides as of this date (YYYY-MM-DD).")
    ] = None,
    root: RootOpt = None,
) -> None:
    """Compare two versions of a model: gaps opened and closed, coverage, services."""
    from ..use_cases.compare import diff as compare  # lazy: loading and analysis

    day = as_of(as_of_text)

    def body() -> ExitCode:
        compared = compare(old, new, day, root)
        if compared.changes is None:
            for side in (compared.old, compared.new):
                if not side.analysable:
                    show(side, "table")
            return ExitCode.INPUT
        write_out(render_changes(fmt, compared.changes), "json" if fmt == "json" else "text")
        if fail_on_new != "never" and compared.changes.introduced(Severity.parse(fail_on_new)):
            return ExitCode.FINDINGS
        return ExitCode.OK

    run(body)
