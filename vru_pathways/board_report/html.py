"""The report as one self-contained HTML file.

Nothing is fetched: the CSS and the diagrams (SVG) are inline, there is no script, and a
Content-Security-Policy forbids loading anything at all, so even text that slipped past
escaping could not run. Every piece of text from the YAML goes through :func:`esc`;
links are made only for ``http`` and ``https`` addresses.
"""

from __future__ import annotations

import re
from html import escape

from ..escaping import printable
from .model import BoardGroup, BoardReport, FundingRow, Listing, Matrix, Section
from .money import (
    COVERAGE_HEADER,
    RISK_HEADER,
    SCENARIO_HEADER,
    coverage_rows,
    risk_rows,
    scenario_rows,
)

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

CSS = """
@page { size: A4; margin: 14mm 12mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt;
       color: #111; max-width: 190mm; margin: 0 auto; line-height: 1.35; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; border-bottom: 2px solid #0072B2; padding-bottom: 1mm;
     margin-top: 8mm; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
p.meta, p.note { color: #444; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 8.5pt; }
th, td { border: 1px solid #BFBFBF; padding: 1mm 1.5mm; text-align: left;
         vertical-align: top; }
th { background: #EEF4F9; }
tr { break-inside: avoid; }
td.n { text-align: center; width: 11mm; }
dl.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm;
             margin: 3mm 0; }
dl.figures div { border: 1px solid #BFBFBF; border-radius: 2mm; padding: 2mm; }
dl.figures dt { font-size: 8pt; color: #444; }
dl.figures dd { margin: 0; font-size: 13pt; font-weight: bold; }
.sev { font-weight: bold; white-space: nowrap; }
.sev-error { color: #A33C00; }
.sev-warning { color: #6B5200; }
.sev-info { color: #004C78; }
ul.gaps { padding-left: 4mm; }
ul.gaps > li { margin-bottom: 2.5mm; break-inside: avoid; }
.where { color: #555; font-size: 8pt; }
.fix { font-size: 8.5pt; margin: 0.5mm 0 0 0; }
tr.soon td { background: #FBE3D3; }
@page diagram { size: A4 landscape; margin: 8mm; }
figure { margin: 3mm 0 6mm; break-inside: avoid; page: diagram; }
figure svg { width: 100%; height: auto; max-height: 178mm; }
@page chart { size: A4 portrait; margin: 10mm; }
div.chart, figure.chart { page: chart; }
figure.chart { max-width: 170mm; }
figure.chart svg { max-height: 255mm; }
td.date { white-space: nowrap; }
figcaption { font-size: 9pt; color: #444; }
section.model { break-before: page; }
"""


def esc(text: object) -> str:
    """Any text from the YAML, made inert in HTML (control characters shown as escapes)."""
    return escape(printable(str(text)), quote=True)


def link(url: str | None, text: str) -> str:
    if url and re.match(r"^https?://[^\s\"'<>]+$", url):
        return f'<a href="{esc(url)}" rel="noopener noreferrer">{esc(text)}</a>'
    return esc(text)


def matrix(m: Matrix) -> str:
    head = "".join(f"<th>{esc(c)}</th>" for c in ["", *m.columns])
    rows = "".join(
        f"<tr><th>{esc(name)}</th>"
        + "".join(f'<td class="n">{esc(c)}</td>' for c in cells)
        + "</tr>"
        for name, cells in m.rows
    )
    return (
        f'<h4>{esc(m.title)}</h4><p class="note">{esc(m.note)}</p>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def gaps(groups: list[BoardGroup]) -> str:
    if not groups:
        return "<p>No gaps.</p>"
    out = []
    for group in groups:
        out.append(f'<h4>{esc(group.board)}</h4><ul class="gaps">')
        for item in group.items:
            f = item.finding
            parts = [
                f'<span class="sev sev-{f.severity.label}">{esc(f.severity.label)}</span> '
                f"<code>{esc(f.rule)}</code> {esc(f.message)} "
                f'<span class="where">{esc(f.location)}</span>'
            ]
            if item.remedies:
                parts.append(
                    f'<p class="fix">What could close it: {esc("; ".join(item.remedies))}</p>'
                )
            if item.elsewhere:
                parts.append(
                    f'<p class="fix">Already covered elsewhere: '
                    f"{esc('; '.join(item.elsewhere))}</p>"
                )
            out.append("<li>" + "".join(parts) + "</li>")
        out.append("</ul>")
    return "".join(out)


def funding(rows: list[FundingRow]) -> str:
    if not rows:
        return "<p>No service has a funding end date.</p>"
    body = "".join(
        f'<tr class="{"soon" if r.soon else ""}"><td class="date">{esc(r.ends.isoformat())}</td>'
        f"<td>{esc(r.service)}</td><td>{esc(r.detail)}</td></tr>"
        for r in rows
    )
    return (
        "<table><thead><tr><th>Ends</th><th>Service</th><th>Funding</th></tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


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


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


CHART = "chart"
"""The key, beside a section's id, of its timeline chart among the drawings."""


def money_html(s: Section, chart: str | None) -> list[str]:
    """Money and time: the timeline chart, coverage as funding ends, what rests on each
    source, scenarios."""
    m = s.money
    if m is None:
        return []
    if chart:
        out = [
            '<div class="chart"><h3>Money and time</h3>',
            f'<figure class="chart">{inline_svg(chart, f"{s.id}-{CHART}")}'
            f"<figcaption>Coverage over the next {len(m.timeline.months)} months as "
            "funding ends, above the funding that pays for it</figcaption></figure></div>",
        ]
    else:
        out = ["<h3>Money and time</h3>"]
    out += [
        '<p class="note">Coverage on the first day of each quarter ahead, as each funding '
        "source's end date takes its services' cover away.</p>",
        _table(COVERAGE_HEADER, coverage_rows(m)),
        "<h4>What rests on each funding source</h4>",
    ]
    if m.risks:
        out += [
            '<p class="note">Each source as if it alone ended now: the funding a board '
            "should look at first before renewals.</p>",
            _table(RISK_HEADER, risk_rows(m)),
        ]
    else:
        out.append("<p>No funding source's ending alone would open a gap.</p>")
    if m.scenarios:
        out += [
            "<h4>Scenarios</h4>",
            '<p class="note">Each scenario of the model against the unchanged model on the '
            "same date.</p>",
            _table(SCENARIO_HEADER, scenario_rows(m)),
        ]
    return out


def listing(x: Listing) -> str:
    body = _table(x.header, x.rows) if x.rows else f"<p>{esc(x.empty)}</p>"
    return f'<h3>{esc(x.title)}</h3><p class="note">{esc(x.note)}</p>{body}'


def section(s: Section, svgs: dict[tuple[str, str], str]) -> str:
    figures = "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in s.figures)
    out = [
        f'<section class="model"><h2>{esc(s.title)}</h2>',
        f'<p class="meta">Model <code>{esc(s.id)}</code> · as of {esc(s.as_of.isoformat())}'
        f" · funding horizon to {esc(s.horizon_end.isoformat())}</p>",
        f'<dl class="figures">{figures}</dl>',
        "<h3>Gaps, by the board that owns them</h3>",
        gaps(s.boards),
        *(listing(x) for x in s.listings),
        "<h3>Coverage</h3>",
        *(matrix(m) for m in s.matrices),
        "<h3>Diagrams</h3>",
    ]
    for n, (caption, diagram) in enumerate(s.diagrams, 1):
        svg = svgs.get((s.id, caption))
        body = inline_svg(svg, f"{s.id}-{n}") if svg else f"<p>{esc(diagram)}</p>"
        out.append(f"<figure>{body}<figcaption>{esc(caption)}</figcaption></figure>")
    out += money_html(s, svgs.get((s.id, CHART)))
    out += [
        "<h3>Funding end dates, soonest first</h3>",
        f'<p class="note">Shaded rows end by {esc(s.horizon_end.isoformat())}.</p>',
        funding(s.funding),
        "</section>",
    ]
    return "".join(out)


def render(paper: BoardReport, svgs: dict[tuple[str, str], str]) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(paper.title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{esc(paper.title)}</h1>",
        '<p class="meta">Made by vru-pathways from the framework YAML. Severity follows each '
        "need's priority: error (high), warning (medium or no need recorded), info (low).</p>",
    ]
    if paper.comparison:
        parts.append("<h2>Across the areas</h2>")
        parts += [matrix(m) for m in paper.comparison]
    parts += [section(s, svgs) for s in paper.sections]
    rows = "".join(
        f"<tr><td><code>{esc(ident)}</code></td><td>{link(src.url, src.title)}</td>"
        f"<td>{esc(src.publisher or '')}</td><td>{esc(src.year or '')}</td></tr>"
        for ident, src in paper.sources
    )
    parts.append(
        '<section class="model"><h2>Evidence appendix</h2>'
        '<p class="note">Every source the frameworks cite.</p>'
        "<table><thead><tr><th>ID</th><th>Source</th><th>Publisher</th><th>Year</th>"
        f"</tr></thead><tbody>{rows}</tbody></table></section>"
    )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
