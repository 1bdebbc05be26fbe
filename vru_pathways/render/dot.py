"""Diagram → Graphviz DOT text.

Columns become clusters drawn left to right, each with a heading; nodes carry HTML-like
labels, so any text is escaped in one place (:func:`html`). The title, the as-of date
and the legend form the graph's own label, so they travel with every rendering.
"""

from __future__ import annotations

import itertools
import textwrap

from ..escaping import one_line, printable
from .diagram import (
    BROKEN_MEANING,
    BROKEN_TEXT,
    MARKER_MEANING,
    MARKER_TEXT,
    Diagram,
    Edge,
    EdgeKind,
    Marker,
    Node,
    NodeKind,
    clip,
)
from .style import BROKEN_LINE, EDGE_COLOUR, FONT, LINES, LOOKS

WRAP = 30


def html(text: str) -> str:
    """Text made safe inside a Graphviz HTML-like label.

    >>> html('a <b> & "c"')
    'a &lt;b&gt; &amp; &quot;c&quot;'
    """
    out = printable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    out = out.replace('"', "&quot;").replace("]", "&#93;").replace("[", "&#91;")
    return "".join(c if c >= " " or c == "\t" else " " for c in out)


def quoted(text: str) -> str:
    """A DOT double-quoted ID."""
    return '"' + one_line(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _lines(text: str, width: int = WRAP) -> list[str]:
    return [
        line
        for part in clip(text).splitlines() or [""]
        for line in textwrap.wrap(part, width) or [""]
    ]


def label(node: Node) -> str:
    rows = [f"<B>{html(MARKER_TEXT[m])}</B>" for m in node.markers]
    title = "<BR/>".join(html(line) for line in _lines(node.title))
    rows.append(f"<B>{title}</B>" if node.kind is NodeKind.IMPACT else title)
    for detail in (d for d in node.detail if d.strip()):
        small = "<BR/>".join(html(line) for line in _lines(detail, WRAP + 6))
        rows.append(f'<FONT POINT-SIZE="8">{small}</FONT>')
    return "<" + "<BR/>".join(rows) + ">"


def _attrs(pairs: dict[str, str]) -> str:
    return "[" + ", ".join(f"{k}={v}" for k, v in pairs.items()) + "]"


def node_attrs(node: Node) -> dict[str, str]:
    look = LOOKS[node.kind]
    styles = ["rounded", "filled"]
    attrs = {
        "label": label(node),
        "fillcolor": quoted(look.fill),
        "fontcolor": quoted(look.text),
        "color": quoted(look.border),
    }
    if node.kind is NodeKind.OUTPUT:
        attrs["shape"] = "note"
        styles = ["filled"]
    if node.kind is NodeKind.SERVICE_GROUP:
        attrs["shape"] = "box3d"
        styles = ["filled"]
    if Marker.NOT_ACTIVE in node.markers:
        attrs["fillcolor"] = quoted("#FFFFFF")
    # a gap marker outranks "not active" for the border: it is what the reader must see
    for marker in sorted(node.markers, key=lambda m: m is not Marker.NOT_ACTIVE):
        line = LINES[marker]
        attrs["color"] = quoted(line.colour)
        attrs["penwidth"] = f"{line.width:g}"
        if line.double:
            attrs["peripheries"] = "2"
        elif line.dash:
            styles.append(_DASH[marker])
    attrs["style"] = quoted(",".join(dict.fromkeys(styles)))
    return attrs


_DASH = {
    Marker.NO_PATHWAY: "dashed",
    Marker.DEAD_END: "dotted",
    Marker.NOT_ACTIVE: "dashed",
    Marker.NO_ROUTE_IN: "dotted",
}


_ROUTES = (EdgeKind.REFERS, EdgeKind.BROKEN_REFERRAL)


def _column_order(diagram: Diagram) -> list[str]:
    """Referral routes run any way between columns, so they place nothing
    (``constraint=false``): unseen links from each column to the next keep the columns
    in their order instead. Diagrams without routes need none."""
    if not any(e.kind in _ROUTES for e in diagram.edges):
        return []
    firsts = [c.groups[0].nodes[0] for c in diagram.columns if c.groups and c.groups[0].nodes]
    return [f"  {quoted(a)} -> {quoted(b)} [style=invis]" for a, b in itertools.pairwise(firsts)]


def _edge_attrs(edge: Edge) -> str:
    """A referral route into a service not active is dashed, in the gap colour, and
    labelled, so it reads without colour too; every other link is plain."""
    if edge.kind is EdgeKind.REFERS:
        return " [constraint=false]"
    if edge.kind is not EdgeKind.BROKEN_REFERRAL:
        return ""
    line = BROKEN_LINE
    return " " + _attrs(
        {
            "constraint": "false",
            "fontname": quoted(FONT),
            "color": quoted(line.colour),
            "fontcolor": quoted(line.colour),
            "style": "dashed",
            "penwidth": f"{line.width:g}",
            "xlabel": quoted(BROKEN_TEXT),
            "fontsize": "8",
        }
    )


def legend(diagram: Diagram) -> str:
    """The legend as one row of cells (a row never stretches): a swatch for each kind of
    box, then each marker drawn, in its own line style."""
    kinds = "".join(
        f'<TD BGCOLOR="{LOOKS[k].fill}" BORDER="1"><FONT COLOR="{LOOKS[k].text}" '
        f'POINT-SIZE="9">{html(k.value)}</FONT></TD>'
        for k in diagram.kinds()
    )
    markers = ""
    for marker in diagram.markers():
        line = LINES[marker]
        style = f' STYLE="{_DASH[marker]}"' if marker in _DASH else ""
        markers += (
            f'<TD BORDER="{3 if line.double else 2}" COLOR="{line.colour}"{style}>'
            f'<FONT POINT-SIZE="9"><B>{html(MARKER_TEXT[marker])}</B><BR/>'
            f"{html(MARKER_MEANING[marker])}</FONT></TD>"
        )
    if diagram.broken_routes():
        markers += (
            f'<TD BORDER="0"><FONT POINT-SIZE="9" COLOR="{BROKEN_LINE.colour}"><B>'
            f"- - {html(BROKEN_TEXT)} →</B></FONT><BR/>"
            f'<FONT POINT-SIZE="9">{html(BROKEN_MEANING)}</FONT></TD>'
        )
    return (
        '<TABLE BORDER="0" CELLSPACING="3" CELLPADDING="3"><TR><TD BORDER="0">'
        f'<FONT POINT-SIZE="9">Key:</FONT></TD>{kinds}{markers}<TD WIDTH="16"></TD>'
        "</TR></TABLE>"
    )


def graph_label(diagram: Diagram) -> str:
    """Title and as-of date, with the legend beside them (a row of cells never stretches)."""
    heading = (
        '<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="0">'
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="18"><B>{html(clip(diagram.title))}</B>'
        "</FONT></TD></TR>"
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="11">{html(clip(diagram.subtitle))}</FONT>'
        "</TD></TR></TABLE>"
    )
    return (
        f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD ALIGN="LEFT" '
        f'VALIGN="TOP">{heading}</TD><TD WIDTH="24"></TD><TD ALIGN="LEFT" VALIGN="TOP">'
        f"{legend(diagram)}</TD></TR></TABLE>>"
    )


def emit(diagram: Diagram) -> str:
    """DOT text for ``diagram``; the same diagram always gives the same bytes."""
    out = [
        f"digraph {quoted(clip(diagram.title))} {{",
        "  "
        + "graph "
        + _attrs(
            {
                "rankdir": "LR",
                "newrank": "true",
                "splines": "true",
                "nodesep": "0.12",
                "ranksep": "0.55",
                "fontname": quoted(FONT),
                "labelloc": "t",
                "labeljust": "l",
                "pad": "0.3",
                "label": graph_label(diagram),
            }
        ),
        "  "
        + "node "
        + _attrs(
            {
                "shape": "box",
                "fontname": quoted(FONT),
                "fontsize": "10",
                "margin": quoted("0.1,0.05"),
                "height": "0.3",
            }
        ),
        "  "
        + "edge "
        + _attrs({"color": quoted(EDGE_COLOUR), "arrowsize": "0.6", "penwidth": "0.8"}),
    ]
    for column in diagram.columns:
        out.append(f"  subgraph {quoted('cluster_' + column.id)} {{")
        out.append(
            f'    label=<<B>{html(column.title)}</B>>; fontsize=14; style="rounded"; '
            'color="#BFBFBF";'
        )
        for group in column.groups:
            indent = "    "
            if group.title:
                out.append(f"    subgraph {quoted('cluster_' + column.id + '_' + group.id)} {{")
                out.append('      label=""; style="dashed,rounded"; color="#BFBFBF";')
                indent = "      "
                heading = quoted(f"heading:{column.id}:{group.id}")
                out.append(
                    f"{indent}{heading} [label=<<I>{html(group.title)}</I>>, "
                    "shape=plaintext, fontsize=11, height=0.2]"
                )
            for node_id in group.nodes:
                attrs = _attrs(node_attrs(diagram.nodes[node_id]))
                out.append(f"{indent}{quoted(node_id)} {attrs}")
            if group.title:
                out.append("    }")
        out.append("  }")
        if column.aligned:
            ids = [
                quoted(n)
                for g in column.groups
                for n in ([f"heading:{column.id}:{g.id}"] if g.title else []) + list(g.nodes)
            ]
            out.append("  { rank=same; " + " ".join(f"{i};" for i in ids) + " }")
    out += _column_order(diagram)
    for edge in diagram.edges:
        out.append(f"  {quoted(edge.source)} -> {quoted(edge.target)}{_edge_attrs(edge)}")
    out.append("}")
    return "\n".join(out) + "\n"
