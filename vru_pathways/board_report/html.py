"""The report as one self-contained HTML file, from the outline's blocks.

Nothing is fetched: the CSS and the drawings (SVG) are inline, there is no script, and a
Content-Security-Policy forbids loading anything at all, so even text that slipped past
escaping could not run. Every piece of text from the YAML goes through :func:`esc`;
links are made only for ``http`` and ``https`` addresses. It prints on A4: parts in
portrait, diagrams and matrices on landscape pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from ..escaping import printable
from .blocks import Block, Drawings, Facts, Figure, Heading, Items, Paper, Paragraph, Part, Table

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

CSS = """
@page { size: A4; margin: 14mm 12mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt;
       color: #111; max-width: 190mm; margin: 0 auto; line-height: 1.35; }
h1 { font-size: 17pt; margin: 0 0 1mm; }
h2 { font-size: 15pt; border-bottom: 2px solid #0072B2; padding-bottom: 1mm;
     margin: 2mm 0 3mm; break-after: avoid; }
h3 { font-size: 12pt; margin: 3mm 0 1mm; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 3mm 0 1mm; break-after: avoid; }
p.note { color: #444; font-size: 9pt; }
p.lead { font-size: 10.5pt; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 8.5pt; }
th, td { border: 1px solid #BFBFBF; padding: 1mm 1.5mm; text-align: left;
         vertical-align: top; }
thead th { background: #EEF4F9; }
tbody th { font-weight: normal; }
tr { break-inside: avoid; }
td.n { text-align: center; width: 11mm; }
dl.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm;
             margin: 2mm 0; }
dl.figures div { border: 1px solid #BFBFBF; border-radius: 2mm; padding: 1mm 2mm; }
dl.figures dt { font-size: 8.5pt; color: #444; }
dl.figures dd { margin: 0; font-size: 14pt; font-weight: bold; }
ul.items { padding-left: 4mm; margin: 1mm 0 2mm; }
ul.items > li { margin-bottom: 1mm; break-inside: avoid; }
p.detail { font-size: 8.5pt; margin: 0.3mm 0 0 0; color: #333; }
tr.marked td { background: #FBE3D3; }
section.part { break-before: page; }
section.summary { font-size: 9.5pt; }
section.part:first-of-type { break-before: auto; }
@page landscape { size: A4 landscape; margin: 8mm; }
section.landscape { page: landscape; max-width: none; }
figure { margin: 1mm 0 2mm; break-inside: avoid; }
figure svg { width: 100%; height: auto; }
figure.diagram + figure.diagram { break-before: page; }
figure.diagram svg { max-height: 170mm; }
figure.chart svg { max-height: 235mm; }
figcaption { font-size: 9pt; color: #444; }
figure.half { display: inline-block; width: 49%; margin: 0 1% 0 0; vertical-align: top; }
section.summary ul.items > li { break-inside: auto; }
section.summary h3 { margin-top: 2mm; }
"""


def esc(text: object) -> str:
    """Any text from the YAML, made inert in HTML (control characters shown as escapes)."""
    return escape(printable(str(text)), quote=True)


URL = re.compile(r"^https?://[^\s\"'<>]+$")


def cell(text: str) -> str:
    """A cell's text; a cell that is an ``http``/``https`` address alone is a link."""
    if URL.match(text):
        return f'<a href="{esc(text)}" rel="noopener noreferrer">{esc(text)}</a>'
    return esc(text)


def inline_svg(svg: str, prefix: str) -> str:
    """An SVG document as an element to embed: no XML prolog, doctype or comments, and
    every ``id`` (and what points at it) given ``prefix``, so that the page's several
    drawings, each with its own ``diagram-title`` and ``clip1``, share no id."""
    svg = re.sub(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", "", svg, flags=re.S)
    ids = set(re.findall(r'\sid="([^"]+)"', svg))
    if not ids:
        return svg.strip()

    def own(match: re.Match[str]) -> str:
        name = match.group(2)
        return f"{match.group(1)}{prefix}-{name}" if name in ids else match.group(0)

    svg = re.sub(r'(\sid="|url\(#|href="#)([^")]+)', own, svg)
    svg = re.sub(
        r'aria-labelledby="([^"]*)"',
        lambda m: (
            'aria-labelledby="'
            + " ".join(f"{prefix}-{n}" if n in ids else n for n in m.group(1).split())
            + '"'
        ),
        svg,
    )
    return svg.strip()


def heading(b: Heading) -> str:
    level = min(b.level + 1, 6)
    return f"<h{level}>{esc(b.text)}</h{level}>"


def paragraph(b: Paragraph) -> str:
    return f'<p class="{b.tone}">{esc(b.text)}</p>'


def facts(b: Facts) -> str:
    pairs = "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in b.pairs)
    return f'<dl class="figures">{pairs}</dl>'


def items(b: Items) -> str:
    out = []
    for i in b.items:
        lead = f"<strong>{esc(i.strong)}</strong> " if i.strong else ""
        detail = "".join(f'<p class="detail">{esc(d)}</p>' for d in i.detail)
        out.append(f"<li>{lead}{esc(i.text)}{detail}</li>")
    return f'<ul class="items">{"".join(out)}</ul>'


def table(b: Table) -> str:
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in b.header)
    rows = []
    for n, row in enumerate(b.rows):
        cells = []
        for c, text in enumerate(row):
            if c == 0 and b.first_column_header:
                cells.append(f'<th scope="row">{esc(text)}</th>')
            else:
                cls = ' class="n"' if b.numeric and c else ""
                cells.append(f"<td{cls}>{cell(text)}</td>")
        marked = ' class="marked"' if n < len(b.marked) and b.marked[n] else ""
        rows.append(f"<tr{marked}>{''.join(cells)}</tr>")
    note = f'<p class="note">{esc(b.note)}</p>' if b.note else ""
    return f"{note}<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def figure(b: Figure, drawings: Drawings) -> str:
    drawn = drawings.get(b.key)
    if drawn is None or drawn.svg is None:
        body = f"<p>{esc(b.reason or b.alt)}</p>"
    else:
        body = inline_svg(drawn.svg, b.key)
    if b.half:  # the chart's own title says what its caption would
        return f'<figure class="{b.kind} half">{body}</figure>'
    return f'<figure class="{b.kind}">{body}<figcaption>{esc(b.caption)}</figcaption></figure>'


WRITERS: dict[type, Callable[[Block], str]] = {
    Heading: heading,  # type: ignore[dict-item]
    Paragraph: paragraph,  # type: ignore[dict-item]
    Facts: facts,  # type: ignore[dict-item]
    Items: items,  # type: ignore[dict-item]
    Table: table,  # type: ignore[dict-item]
}


def block(b: Block, drawings: Drawings) -> str:
    if isinstance(b, Figure):
        return figure(b, drawings)
    return WRITERS[type(b)](b)


def part(p: Part, drawings: Drawings) -> str:
    kinds = ["part", p.orientation] + (["appendix"] if p.appendix else [])
    classes = " ".join(kinds + (["summary"] if p.id.endswith("-summary") else []))
    body = "".join(block(b, drawings) for b in p.blocks)
    return f'<section class="{classes}" id="{esc(p.id)}">{body}</section>'


def render(paper: Paper, drawings: Drawings) -> str:
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(paper.language)}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(paper.title)}</title><style>{CSS}</style></head><body><main>",
        f"<h1>{esc(paper.title)}</h1>",
    ]
    parts += [part(p, drawings) for p in paper.parts]
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"
