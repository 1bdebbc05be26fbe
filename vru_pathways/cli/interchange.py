"""``export`` and ``import``: spreadsheets, GraphML and service directories."""

from typing import Annotated

import typer

from ..diagnostics import ExitCode
from .check import stop_unless_analysable
from .errors import note, run, warn
from .options import ForceOpt, OutputOpt, PathArg, RootOpt, as_of, as_of_option


def export_xlsx(path: PathArg, output: OutputOpt, root: RootOpt = None) -> None:
    """A workbook with one sheet per section, ID columns and readable lists."""
    from ..edge.files import write  # lazy: its tempfile adds 13 ms to every start-up
    from ..use_cases import interchange  # lazy: openpyxl

    def body() -> ExitCode:
        made = interchange.export_xlsx(path, root)
        stopped = stop_unless_analysable(made.report)
        if stopped is not None:
            return stopped
        write(output, made.data, made.report.inputs)
        return ExitCode.OK

    run(body)


def export_graphml(
    path: PathArg,
    output: OutputOpt,
    as_of_text: Annotated[str | None, as_of_option("The date for pathway status.")] = None,
    root: RootOpt = None,
) -> None:
    """The framework graph as GraphML, for Gephi and other network tools."""
    from ..edge.files import write  # lazy: its tempfile adds 13 ms to every start-up
    from ..use_cases import interchange  # lazy: openpyxl

    day = as_of(as_of_text)

    def body() -> ExitCode:
        made = interchange.export_graphml(path, day, root)
        stopped = stop_unless_analysable(made.report)
        if stopped is not None:
            return stopped
        write(output, made.data, made.report.inputs)
        return ExitCode.OK

    run(body)


def import_xlsx(
    workbook: Annotated[str, typer.Argument(metavar="FILE.xlsx")],
    output: Annotated[
        str,
        typer.Option(
            "--output", "-o", metavar="DIR", help="The folder to write the YAML documents into."
        ),
    ],
    force: ForceOpt = False,
) -> None:
    """A workbook made by 'export xlsx' (and edited) back into YAML documents."""
    from ..edge.files import write_tree  # lazy: its tempfile adds 13 ms to every start-up
    from ..use_cases import interchange  # lazy: openpyxl

    def body() -> ExitCode:
        made = interchange.import_xlsx(workbook)
        stopped = stop_unless_analysable(made.report)
        if stopped is not None:
            return stopped
        replaced = write_tree(output, made.files, workbook, force=force, inputs=made.report.inputs)
        for path in replaced:
            note(f"replaced {path}")
        note(f"wrote {len(made.files)} document(s) under {output}")
        return ExitCode.OK

    run(body)


def import_oruk(
    source: Annotated[str, typer.Argument(metavar="FILE.json")],
    output: OutputOpt,
    force: ForceOpt = False,
) -> None:
    """An Open Referral UK / HSDS 3.0 service directory export as service entries."""
    from ..edge.files import write  # lazy: its tempfile adds 13 ms to every start-up
    from ..use_cases import interchange  # lazy: openpyxl

    def body() -> ExitCode:
        made = interchange.import_oruk(source)
        for text in made.notes:
            warn(text)
        if write(output, made.data, made.report.inputs, replace=force):
            note(f"replaced {output}")
        return ExitCode.OK

    run(body)
