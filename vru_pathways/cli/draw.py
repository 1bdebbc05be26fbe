"""``draw``: a logic model, a pathway map or a focus view."""

from __future__ import annotations

from typing import Annotated

import typer

from ..diagnostics import ExitCode
from ..render import IMAGE_FORMATS, TEXT_FORMATS
from ..render.page import PAGES
from ..views import GROUP_BY, MAX_NODES, VIEWS, Options
from .check import stop_unless_analysable
from .errors import run, write_out
from .options import RootOpt, as_of, as_of_option, choice

FORMATS = (*IMAGE_FORMATS, *TEXT_FORMATS)
"""What ``draw`` writes: the images Graphviz makes, and the text emitters."""
SUFFIXES = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
}


def draw_format(fmt: str | None, output: str | None) -> str:
    """The format asked for, else the one the output's extension names, else DOT."""
    if fmt is not None:
        return fmt
    if output:
        suffix = "." + output.rsplit(".", 1)[-1].lower() if "." in output else ""
        if suffix in SUFFIXES:
            return SUFFIXES[suffix]
        raise typer.BadParameter(
            f"cannot tell the format from '{output}'; give --format ({', '.join(FORMATS)})",
            param_hint="--format",
        )
    return "dot"


def options(
    view: str,
    focus: str | None,
    depth: int,
    area: list[str] | None,
    tier: list[str] | None,
    harm: list[str] | None,
    gaps_only: bool,
    group_by: str | None,
    all_factors: bool,
    max_nodes: int,
) -> Options:
    """The view's options, with the filters as the subtitle names them."""
    filters = tuple(
        f"{name} {value}"
        for name, values in (("area", area), ("tier", tier), ("harm", harm))
        for value in values or []
    )
    return Options(
        view,
        focus,
        depth,
        tuple(area or ()),
        tuple(tier or ()),
        tuple(harm or ()),
        gaps_only,
        group_by,
        all_factors,
        max_nodes,
        filters + (("gaps only",) if gaps_only else ()),
    )


def draw(
    path: Annotated[str, typer.Argument(help="The model (root document) to draw.", metavar="PATH")],
    view: Annotated[str, choice(VIEWS, "--view", help="What to draw.")] = "pathways",
    fmt: Annotated[
        str | None,
        choice(
            FORMATS,
            "--format",
            "-f",
            help="Output format; by default it follows the -o file's extension.",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The file to write (needed for svg, png, pdf); dot and mermaid print without it.",
        ),
    ] = None,
    focus: Annotated[
        str | None,
        typer.Option(
            metavar="ID", help="The factor, service or outcome at the centre (--view focus)."
        ),
    ] = None,
    depth: Annotated[
        int, typer.Option(min=1, max=10, help="Steps upstream and downstream of --focus.")
    ] = 2,
    area: Annotated[
        list[str] | None,
        typer.Option(metavar="ID", help="Only services reaching this area (repeatable)."),
    ] = None,
    tier: Annotated[
        list[str] | None,
        typer.Option(metavar="TIER", help="Only services of this tier (repeatable)."),
    ] = None,
    harm: Annotated[
        list[str] | None,
        typer.Option(metavar="ID", help="Only factors driving this harm (repeatable)."),
    ] = None,
    gaps_only: Annotated[
        bool, typer.Option("--gaps-only", help="Only factors and services with a gap.")
    ] = False,
    all_factors: Annotated[
        bool,
        typer.Option(
            "--all-factors", help="Pathways: a box for every factor, not only those with a need."
        ),
    ] = False,
    group_by: Annotated[
        str | None,
        choice(
            GROUP_BY,
            "--group-by",
            help="Collapse services into one box per provider, tier or approach.",
        ),
    ] = None,
    page: Annotated[
        str | None, choice(PAGES, "--page", help="Fit PDF output to one landscape page.")
    ] = None,
    dpi: Annotated[int, typer.Option(min=50, max=1200, help="Resolution of PNG output.")] = 200,
    alt_text: Annotated[
        str | None,
        typer.Option("--alt-text", metavar="FILE", help="Also write a plain-English description."),
    ] = None,
    max_nodes: Annotated[
        int, typer.Option(help="Refuse views with more boxes than this.")
    ] = MAX_NODES,
    as_of_text: Annotated[
        str | None, as_of_option("The date the picture describes (YYYY-MM-DD).")
    ] = None,
    root: RootOpt = None,
) -> None:
    """Draw a logic model, a pathway map or a focus view as SVG, PNG, PDF, DOT or Mermaid."""
    from ..edge.files import write  # lazy: its tempfile adds 13 ms to every start-up
    from ..use_cases.draw import draw as draw_view  # lazy: drawing pulls in the analysis

    chosen = draw_format(fmt, output)
    if chosen in IMAGE_FORMATS and not output:
        raise typer.BadParameter(
            f"{chosen} output needs a file: add -o FILE.{chosen}", param_hint="--output"
        )
    day = as_of(as_of_text)
    chosen_options = options(
        view, focus, depth, area, tier, harm, gaps_only, group_by, all_factors, max_nodes
    )

    def body() -> ExitCode:
        drawing = draw_view(path, chosen_options, chosen, day, dpi, page, root)
        stopped = stop_unless_analysable(drawing.report)
        if stopped is not None:
            return stopped
        if output:
            write(output, drawing.data, drawing.report.inputs)
        else:
            write_out(drawing.data.decode("utf-8"))
        if alt_text:
            write(alt_text, drawing.alt_text.encode("utf-8"), drawing.report.inputs)
        return ExitCode.OK

    run(body)
