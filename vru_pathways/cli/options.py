"""Options more than one command takes, and the one way a choice is read from a registry.

A choice is a plain ``str`` option checked against the registry's names (the keys of
``FORMATS``, ``VIEWS``…), so a new entry in a registry is a new choice with no change
here, and a wrong one is a usage error with a suggestion.
"""

import datetime as dt
from collections.abc import Callable, Collection
from typing import Annotated

import typer

from ..diagnostics import Severity, suggest
from ..reporters import FORMATS


def metavar(names: Collection[str]) -> str:
    """How help shows a choice: ``<table|json|csv>``."""
    return "<" + "|".join(names) + ">"


def one_of(names: Collection[str]) -> Callable[[str | None], str | None]:
    """A callback that accepts only ``names`` (or no value), with a "did you mean"."""

    def check(value: str | None) -> str | None:
        if value is None or value in names:
            return value
        hint = suggest(value, names)
        text = f"'{value}' is not one of {', '.join(names)}"
        raise typer.BadParameter(f"{text} — did you mean '{hint}'?" if hint else text)

    return check


def choice(names: Collection[str], *flags: str, help: str) -> typer.models.OptionInfo:
    """An option whose value is one of ``names``."""
    option: typer.models.OptionInfo = typer.Option(
        *flags, metavar=metavar(names), callback=one_of(names), help=help
    )
    return option


FAIL_ON = ("error", "warning", "info", "never")


def format_for(
    fmt: str | None,
    output: str | None,
    suffixes: dict[str, str],
    formats: Collection[str],
    default: str,
    named: str = "",
) -> str:
    """The format asked for, else the one the output file's extension names in
    ``suffixes``, else ``default``; an extension it does not know is a usage error that
    lists ``formats`` (and ``named``, the extensions to say, when given)."""
    if fmt is not None:
        return fmt
    if not output:
        return default
    suffix = "." + output.rsplit(".", 1)[-1].lower() if "." in output else ""
    if suffix in suffixes:
        return suffixes[suffix]
    also = f", or name the file {named}" if named else ""
    raise typer.BadParameter(
        f"cannot tell the format from '{output}'; give --format ({', '.join(formats)}){also}",
        param_hint="--format",
    )


def threshold(name: str) -> Severity | None:
    """``--fail-on`` as a severity (``never``: ``None``)."""
    return None if name == "never" else Severity.parse(name)


def as_of(text: str | None) -> dt.date | None:
    """``--as-of`` as a date; anything else is a usage error."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"'{text}' is not a date; write it as YYYY-MM-DD") from None


PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Framework documents to load: each is a root (a model) with its uses.",
        metavar="PATH...",
    ),
]
PathArg = Annotated[str, typer.Argument(metavar="PATH")]
FormatOpt = Annotated[
    str | None,
    choice(
        FORMATS,
        "--format",
        "-f",
        help="Output format [default: github when GITHUB_ACTIONS is set, else table].",
    ),
]
FailOnOpt = Annotated[
    str,
    choice(
        FAIL_ON,
        "--fail-on",
        help="Exit 1 when a finding is at or above this severity ('never': exit 0).",
    ),
]


def as_of_option(help: str) -> typer.models.OptionInfo:
    """``--as-of DATE``, with what the date means to the command."""
    option: typer.models.OptionInfo = typer.Option("--as-of", metavar="DATE", help=help)
    return option


AsOfOpt = Annotated[
    str | None,
    as_of_option("The date the picture describes (YYYY-MM-DD); overrides scope.as_of."),
]
MaxFindingsOpt = Annotated[
    int,
    typer.Option(
        "--max-findings",
        metavar="N",
        min=0,
        help="Show at most N findings of a rule per file, and a line for the rest (0: all).",
    ),
]


def max_findings(value: int) -> int | None:
    """``--max-findings`` as a limit (``0``: none)."""
    return value or None


ForceOpt = Annotated[
    bool, typer.Option("--force", help="Replace files that exist already (each is named).")
]
RootOpt = Annotated[
    str | None,
    typer.Option(
        "--root",
        metavar="DIR",
        help="Read documents only inside DIR [default: the git work tree of each model, "
        "else the current folder].",
    ),
]
OutputOpt = Annotated[
    str, typer.Option("--output", "-o", metavar="FILE", help="The file to write.")
]
