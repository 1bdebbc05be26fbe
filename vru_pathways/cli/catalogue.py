"""``list`` and ``init``: the shipped catalogue's IDs, and a way into a new area."""

from typing import Annotated

import typer

from ..diagnostics import ExitCode, InputError
from .errors import note, run, write_out
from .options import choice, metavar, one_of

KINDS = ("factors", "outcomes", "approaches", "harms", "definitions")
"""What ``list`` lists (``use_cases.catalogue.KINDS``, not imported before ``--help``)."""
LIST_FORMATS = ("table", "json")
LEVELS = ("individual", "relationship", "community", "societal")

FrameworksOpt = Annotated[
    str | None,
    typer.Option(
        "--frameworks",
        metavar="DIR",
        help="The catalogue's folder [default: the nearest frameworks/ at or above the "
        "current folder].",
    ),
]


def list_catalogue(
    kind: Annotated[str, typer.Argument(metavar="|".join(KINDS), callback=one_of(KINDS))],
    harm: Annotated[
        str | None,
        typer.Option(
            "--harm",
            metavar="ID",
            help="Only entries of this harm (factors, outcomes, the approaches working on "
            "its factors, the definitions that cover it).",
        ),
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            metavar=metavar(LEVELS),
            callback=one_of(LEVELS),
            help="Only factors at this ecological level.",
        ),
    ] = None,
    fmt: Annotated[
        str, choice(LIST_FORMATS, "--format", "-f", help="Output format [default: table].")
    ] = "table",
    frameworks: FrameworksOpt = None,
) -> None:
    """Print the catalogue's IDs with their names: factors, outcomes, approaches, harms or
    definitions of serious violence."""
    from ..reporters.catalogue import render  # lazy: loading pulls in pydantic and yaml
    from ..use_cases import catalogue  # lazy: it loads the catalogue

    def body() -> ExitCode:
        result = catalogue.listing(kind, harm, level, frameworks)
        write_out(render(fmt, result), "json" if fmt == "json" else "text")
        return ExitCode.OK

    run(body)


def init(
    folder: Annotated[
        str, typer.Argument(metavar="FOLDER", help="The new model's folder, e.g. models/AREA.")
    ],
    definition: Annotated[
        str,
        typer.Option(
            "--definition",
            metavar="ID",
            help="The definition of serious violence whose harms the model covers "
            "(vru-pathways list definitions).",
        ),
    ] = "serious-violence-duty",
    locality: Annotated[
        list[str] | None,
        typer.Option("--locality", metavar="NAME", help="A locality of the area (repeatable)."),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option("--name", metavar="TEXT", help="The area's name [default: from FOLDER]."),
    ] = None,
    frameworks: FrameworksOpt = None,
) -> None:
    """Write FOLDER/model.yaml: a commented starter model wired to the shipped catalogue,
    with the harms of a definition, the area's localities, one example need and one
    example service. It never replaces a file."""
    import os  # lazy: only init makes folders

    from ..edge.files import write  # lazy: its tempfile adds 13 ms to every start-up
    from ..use_cases import starter  # lazy: it loads the catalogue

    def body() -> ExitCode:
        made = starter.init(folder, definition, locality or [], name, frameworks)
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            raise InputError(f"cannot make {folder}: {exc.strerror or exc}") from None
        write(made.path, made.text.encode("utf-8"), replace=False)
        note(f"wrote {made.path} (definition {made.definition})")
        note(f"next: vru-pathways validate {made.path}")
        return ExitCode.OK

    run(body)
