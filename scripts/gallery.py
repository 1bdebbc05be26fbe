"""Regenerate docs/gallery/: the example region's diagrams and timeline charts, and
docs/gallery.md.

Usage: python scripts/gallery.py [--check]
       (--check: write nothing; exit 1 and name each stale file if any differs)
Needs Graphviz's dot (./scripts/setup-system installs it); the timeline charts need only
matplotlib.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

from vru_pathways.use_cases.draw import draw
from vru_pathways.use_cases.timeline import timeline
from vru_pathways.views import Options

ROOT = Path(__file__).resolve().parent.parent
GALLERY = ROOT / "docs" / "gallery"

CHARTS_DRAWN_WITH = "3.11.2"
"""The matplotlib the gallery's charts were drawn with. A chart is byte-identical run to
run with one matplotlib, but another release may place a glyph a hundredth of a point
away: --check compares the charts only under this one."""


def charts_comparable() -> bool:
    return matplotlib.__version__ == CHARTS_DRAWN_WITH


PAGE = "a4"
"""Every diagram of the gallery is drawn as it prints on this paper: split into pages
where its text would print under 7 pt, as ``draw --page a4`` does."""

# (file stem, model, options, caption, the options on the command line)
DIAGRAMS: tuple[tuple[str, str, Options, str, str], ...] = tuple(
    (f"{area}-{view}", f"models/{area}/model.yaml", Options(view), caption, f"--view {view}")
    for area in ("northbrook", "southmere", "eastwick")
    for view, caption in (
        ("logic-model", "Logic model: inputs → activities → outputs → outcomes → impact"),
        ("pathways", "Pathway map: factors by level → services by tier → outcomes → impact"),
    )
) + (
    (
        "northbrook-matrix",
        "models/northbrook/model.yaml",
        Options("matrix", filters=("by tier",)),
        "Matrix for a board paper: each factor's live covering services by prevention tier",
        "--view matrix",
    ),
    (
        "southmere-matrix-by-area",
        "models/southmere/model.yaml",
        Options("matrix", columns="area", filters=("by area",)),
        "Matrix by area: each factor's live covering services reaching each locality",
        "--view matrix --columns area",
    ),
    (
        "southmere-focus-school-suspension",
        "models/southmere/model.yaml",
        Options("focus", focus="school-suspension", depth=3),
        "Focus on one factor, three steps upstream and downstream (--view focus --depth 3)",
        "--view focus --focus school-suspension --depth 3",
    ),
    (
        "northbrook-focus-vru-allocation",
        "models/northbrook/model.yaml",
        Options("focus", focus="nb-vru-allocation-2026-27", depth=2),
        "Focus on one funding source: what it pays for and the factors those services cover",
        "--view focus --focus nb-vru-allocation-2026-27",
    ),
    (
        "eastwick-pathways-by-provider",
        "models/eastwick/model.yaml",
        Options("pathways", group_by="provider", filters=("grouped by provider",)),
        "Services collapsed into one box per provider (--group-by provider)",
        "--view pathways --group-by provider",
    ),
    (
        "northbrook-pathways-knife-crime-gaps",
        "models/northbrook/model.yaml",
        Options(
            "pathways",
            harms=("knife-crime",),
            gaps_only=True,
            filters=("harm knife-crime", "gaps only"),
        ),
        "Only knife-crime factors with a gap (--harm knife-crime --gaps-only)",
        "--view pathways --harm knife-crime --gaps-only",
    ),
)


SPOKES = tuple(f"models/{area}/model.yaml" for area in ("eastwick", "northbrook", "southmere"))
# (file stem, models, caption)
TIMELINES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (
        "timeline-northbrook",
        ("models/northbrook/model.yaml",),
        "Coverage over the next 24 months as funding ends, above the funding Gantt",
    ),
    (
        "timeline-region",
        SPOKES,
        "The three spokes side by side: a line each, and their funding grouped by model",
    ),
)


def timeline_files() -> tuple[dict[Path, bytes], list[str]]:
    """The timeline charts, and their section of docs/gallery.md."""
    out: dict[Path, bytes] = {}
    lines: list[str] = []
    for stem, models, caption in TIMELINES:
        result = timeline([str(ROOT / m) for m in models], 24, chart="svg", root=str(ROOT))
        out[GALLERY / f"{stem}.svg"] = result.chart
        command = f"vru-pathways timeline {' '.join(models)} -o {stem}.svg"
        lines += [
            f"## {stem}",
            "",
            caption,
            "",
            f"![{caption}](gallery/{stem}.svg)",
            "",
            "<details><summary>Alt text</summary>",
            "",
            result.description.strip(),
            "",
            "</details>",
            "",
            f"`{command}`",
            "",
        ]
    return out, lines


def files() -> dict[Path, bytes]:
    out: dict[Path, bytes] = {}
    lines = [
        "# Gallery",
        "",
        "The example region's diagrams, drawn by `vru-pathways draw` from the illustrative",
        "Avonvale models, and its timeline charts, drawn by `vru-pathways timeline`.",
        "Regenerate with `python scripts/gallery.py`; a test fails when they are stale.",
        "Each diagram is drawn as it prints on A4 (`--page a4`): where its text would print",
        "under 7 pt it is split into pages, each with its own title and key. Each diagram but",
        "the matrix is also available as Mermaid (`.mmd`), the whole view on one page.",
        "",
    ]
    for stem, model, options, caption, flags in DIAGRAMS:
        drawing = draw(str(ROOT / model), options, "svg", page=PAGE, root=str(ROOT))
        pages = drawing.pages or (drawing.data,)
        names = (
            [f"{stem}-{n}.svg" for n in range(1, len(pages) + 1)]
            if len(pages) > 1
            else [f"{stem}.svg"]
        )
        for name, data in zip(names, pages, strict=True):
            out[GALLERY / name] = data
        if options.view != "matrix":
            mermaid = draw(str(ROOT / model), options, "mermaid", root=str(ROOT))
            out[GALLERY / f"{stem}.mmd"] = mermaid.data
        command = f"vru-pathways draw {model} {flags} --page {PAGE} -o {stem}.svg"
        split = f" ({len(pages)} pages, {names[0]} to {names[-1]})" if len(pages) > 1 else ""
        lines += [f"## {stem}", "", caption + split, ""]
        for number, name in enumerate(names, 1):
            page = f", page {number} of {len(names)}" if len(names) > 1 else ""
            lines += [f"![{caption}{page}](gallery/{name})", ""]
        if options.view != "matrix":
            lines += [f"[Mermaid source](gallery/{stem}.mmd) (the whole view, unsplit)", ""]
        lines += [
            "<details><summary>Alt text</summary>",
            "",
            drawing.alt_text.strip(),
            "",
            "</details>",
            "",
            f"`{command}`",
            "",
        ]
    charts, chart_lines = timeline_files()
    out.update(charts)
    lines += chart_lines
    out[ROOT / "docs" / "gallery.md"] = ("\n".join(lines).rstrip() + "\n").encode("utf-8")
    return out


def main() -> int:
    wanted = files()
    if "--check" in sys.argv:
        charts = set() if charts_comparable() else set(timeline_files()[0])
        if charts:
            print(
                f"charts not compared: drawn with matplotlib {CHARTS_DRAWN_WITH}, "
                f"this is {matplotlib.__version__}",
                file=sys.stderr,
            )
        stale = [
            p
            for p, data in wanted.items()
            if p not in charts and (not p.exists() or p.read_bytes() != data)
        ]
        extra = [p for p in GALLERY.glob("*") if p not in wanted]
        for path in stale + extra:
            print(f"stale: {path.relative_to(ROOT)}", file=sys.stderr)
        if stale or extra:
            print("run: python scripts/gallery.py", file=sys.stderr)
            return 1
        return 0
    GALLERY.mkdir(parents=True, exist_ok=True)
    for path in GALLERY.glob("*"):
        if path not in wanted:
            path.unlink()
    for path, data in wanted.items():
        path.write_bytes(data)
    if not charts_comparable():
        print(f"set CHARTS_DRAWN_WITH = {matplotlib.__version__!r} in {__file__}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
