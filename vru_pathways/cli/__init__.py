"""The command line: parse options, call one use-case, print it, map it to an exit code.

One module per command group; shared options in :mod:`.options`; every command ends in
:func:`.errors.run`, the one table from outcomes to exit codes: 0 nothing at or above
``--fail-on``; 1 findings at or above it; 2 input that cannot be analysed, or a usage
error; 3 internal error.
"""

from __future__ import annotations

import io
import sys

import typer

from ..collector import freeze_what_loading_builds
from ..diagnostics import ExitCode
from ..escaping import printable
from . import catalogue, check, compare, draw, interchange, report, timeline, whatif
from .app import app, export_app, import_app
from .errors import Settings, say

app.command()(check.validate)
app.command()(check.gaps)
app.command()(draw.draw)
app.command()(compare.diff)
app.command()(whatif.whatif)
app.command()(timeline.timeline)
app.command()(report.report)
app.command()(check.schema)
app.command("init")(catalogue.init)
app.command("list")(catalogue.list_catalogue)
export_app.command("xlsx")(interchange.export_xlsx)
export_app.command("graphml")(interchange.export_graphml)
import_app.command("xlsx")(interchange.import_xlsx)
import_app.command("oruk")(interchange.import_oruk)
app.add_typer(export_app, name="export")
app.add_typer(import_app, name="import")

_USAGE_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)
"""click's base class of the errors it prints as usage (typer may carry its own click)."""

__all__ = [
    "app",
    "catalogue",
    "check",
    "compare",
    "draw",
    "interchange",
    "main",
    "report",
    "timeline",
    "whatif",
]


def _tolerant_streams() -> None:
    """Standard output and error in a locale that cannot encode some text (Latin-1,
    ASCII) show it as escapes instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code instead of raising ``SystemExit``. Usage errors
    are printed as click words them, made printable (an option's value can hold
    anything); an interrupt at any moment, even while a command is still starting, is
    one line and exit 130."""
    _tolerant_streams()
    if argv is None:
        freeze_what_loading_builds()  # the program itself: one command, then exit
    Settings.ended = False
    try:
        code = app(args=argv, prog_name="vru-pathways", standalone_mode=False)
    except _USAGE_ERROR as exc:
        shown = io.StringIO()
        exc.show(file=shown)  # type: ignore[attr-defined]  # a ClickException
        say(printable(shown.getvalue().rstrip("\n")))
        return int(exc.exit_code)  # type: ignore[attr-defined]
    except (typer.Abort, KeyboardInterrupt):
        code = int(ExitCode.INTERRUPTED)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else int(ExitCode.INPUT)
    code = code if isinstance(code, int) else int(ExitCode.OK)
    if code == ExitCode.INTERRUPTED and not Settings.ended:
        say("vru-pathways: interrupted")
    return code
