"""The typer application and the options every command shares (``--debug``, ``--version``)."""

from typing import Annotated

import typer

from .. import __version__
from .errors import Settings

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
export_app = typer.Typer(help="Write a model in a format other tools read.", no_args_is_help=True)
import_app = typer.Typer(
    help="Turn files from other tools into framework YAML.", no_args_is_help=True
)


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
    Settings.debug = debug
