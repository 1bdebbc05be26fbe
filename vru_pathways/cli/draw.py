"""``draw``: a logic model, a pathway map, a focus view or a matrix."""

from dataclasses import dataclass, replace
from typing import Annotated

import typer

from ..diagnostics import ExitCode
from ..render import IMAGE_FORMATS, TEXT_FORMATS
from ..render.page import ORIENTATIONS, PAGES
from ..views import GROUP_BY, MATRIX_BY, MAX_NODES, SPLIT_BY, VIEWS, Options
from .check import stop_unless_analysable
from .errors import run, write_out
from .options import RootOpt, as_of, as_of_option, choice, format_for

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
    return format_for(fmt, output, SUFFIXES, FORMATS, "dot")


def numbered(output: str, number: int) -> str:
    """The file of one page of several: ``map.svg`` → ``map-2.svg``.

    >>> numbered("out/map.svg", 2)
    'out/map-2.svg'
    """
    stem, dot, suffix = output.rpartition(".")
    return f"{stem}-{number}.{suffix}" if dot and "/" not in suffix else f"{output}-{number}"


@dataclass(frozen=True)
class Filters:
    """The filters as given on the command line, each repeatable."""

    area: list[str] | None = None
    tier: list[str] | None = None
    harm: list[str] | None = None
    level: list[str] | None = None
    board: list[str] | None = None

    def named(self) -> tuple[str, ...]:
        """Each filter as the subtitle names it: ``harm knife-crime``."""
        return tuple(
            f"{name} {value}"
            for name in ("area", "tier", "harm", "level", "board")
            for value in getattr(self, name) or []
        )


def options(view: str, filters: Filters, gaps_only: bool, columns: str) -> Options:
    """The view's options, with the filters as the subtitle names them."""
    named = filters.named() + (("gaps only",) if gaps_only else ())
    if view == "matrix":
        named += (f"by {columns}",)
    return Options(
        view=view,
        areas=tuple(filters.area or ()),
        tiers=tuple(filters.tier or ()),
        harms=tuple(filters.harm or ()),
        levels=tuple(filters.level or ()),
        boards=tuple(filters.board or ()),
        gaps_only=gaps_only,
        filters=named,
        columns=columns,
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
            help="The file to write (needed for svg, png, pdf); dot and mermaid print without "
            "it. SVG or PNG split into pages are FILE-1.svg, FILE-2.svg…",
        ),
    ] = None,
    focus: Annotated[
        str | None,
        typer.Option(
            metavar="ID",
            help="The factor, service, outcome, approach, funding or partner at the centre "
            "(--view focus); kind:ID when an ID is used twice.",
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
    level: Annotated[
        list[str] | None,
        typer.Option(metavar="LEVEL", help="Only factors at this ecological level (repeatable)."),
    ] = None,
    board: Annotated[
        list[str] | None,
        typer.Option(metavar="ID", help="Only factors whose need this board owns (repeatable)."),
    ] = None,
    gaps_only: Annotated[
        bool,
        typer.Option(
            "--gaps-only",
            help="Only factors and services with a finding of gaps (drawn as badges), and the "
            "services working on those factors (the logic model names them in each box).",
        ),
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
    columns: Annotated[
        str,
        choice(MATRIX_BY, "--columns", help="Matrix: a column per prevention tier or per area."),
    ] = "tier",
    page: Annotated[
        str | None,
        choice(
            PAGES,
            "--page",
            help="Set svg, png or pdf on true pages of this paper, splitting a drawing whose "
            "text would print under 7 pt.",
        ),
    ] = None,
    orientation: Annotated[
        str,
        choice(
            ORIENTATIONS,
            "--orientation",
            help="With --page: the page's orientation ('auto': whichever prints larger).",
        ),
    ] = "auto",
    split_by: Annotated[
        str | None,
        choice(
            (*SPLIT_BY, "none"),
            "--split-by",
            help="With --page: how a drawing too small to read is split into pages, each "
            "with its own title and key, a part still too small continued over more pages "
            "[default: level, else harm, else board; the logic model first runs of its "
            "services]; 'none': refuse instead.",
        ),
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
    """Draw a logic model, a pathway map, a focus view or a matrix as SVG, PNG, PDF, DOT or
    Mermaid."""
    from ..edge.files import write  # lazy: its tempfile adds 13 ms to every start-up
    from ..use_cases.draw import draw as draw_view  # lazy: drawing pulls in the analysis

    chosen = draw_format(fmt, output)
    if chosen in IMAGE_FORMATS and not output:
        raise typer.BadParameter(
            f"{chosen} output needs a file: add -o FILE.{chosen}", param_hint="--output"
        )
    day = as_of(as_of_text)
    chosen_options = replace(
        options(view, Filters(area, tier, harm, level, board), gaps_only, columns),
        focus=focus,
        depth=depth,
        group_by=group_by,
        all_factors=all_factors,
        max_nodes=max_nodes,
    )

    def body() -> ExitCode:
        drawing = draw_view(
            path, chosen_options, chosen, day, dpi, page, root, orientation, split_by
        )
        stopped = stop_unless_analysable(drawing.report)
        if stopped is not None:
            return stopped
        inputs = drawing.report.inputs
        if drawing.pages and output:
            for number, data in enumerate(drawing.pages, 1):
                write(numbered(output, number), data, inputs)
        elif output:
            write(output, drawing.data, inputs)
        else:
            write_out(drawing.data.decode("utf-8"))
        if alt_text:
            write(alt_text, (drawing.alt_text.rstrip("\n") + "\n").encode("utf-8"), inputs)
        return ExitCode.OK

    run(body)
