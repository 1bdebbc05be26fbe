"""Diagram → Graphviz DOT text.

Columns become clusters drawn left to right, each with a heading; nodes carry HTML-like
labels, so any text is escaped in one place (:func:`html`). The title, the as-of date
and the legend form the graph's own label, so they travel with every rendering.
"""

from __future__ import annotations

from .diagram import (
    BROKEN_TEXT,
    MARKER_TEXT,
    Badge,
    Column,
    Diagram,
    Edge,
    EdgeKind,
    Marker,
    Node,
    NodeKind,
    clip,
)
from .dot_text import WRAP, html, lines, quoted
from .key import graph_label
from .style import BROKEN_LINE, EDGE_COLOUR, ENDED_EDGE, FONT, LOOKS, SIZES, WHITE_FILL, border
from .table import table_lines


def label(node: Node) -> str:
    """The box's HTML-like label: its badges, its title, then its details."""
    rows = [_badge(b) for b in node.badges]
    title = "<BR/>".join(html(line) for line in lines(node.title))
    rows.append(f"<B>{title}</B>" if node.kind is NodeKind.IMPACT else title)
    for detail in (d for d in node.detail if d.strip()):
        small = "<BR/>".join(html(line) for line in lines(detail, WRAP + 6))
        rows.append(f'<FONT POINT-SIZE="{SIZES.detail:g}">{small}</FONT>')
    return "<" + "<BR/>".join(rows) + ">"


def _badge(badge: Badge) -> str:
    """A badge's symbol and word in bold, then what it says here, on the same line when
    short."""
    word = f"<B>{html(MARKER_TEXT[badge.marker])}</B>"
    if not badge.detail:
        return word
    detail = "<BR/>".join(html(line) for line in lines(badge.detail, WRAP + 6))
    joint = " " if len(badge.detail) <= SHORT_DETAIL else "<BR/>"
    return f'{word}{joint}<FONT POINT-SIZE="{SIZES.detail:g}">{detail}</FONT>'


SHORT_DETAIL = 14
"""A badge's detail this short (a date, ages) shares the line of its word."""


def _attrs(pairs: dict[str, str]) -> str:
    return "[" + ", ".join(f"{k}={v}" for k, v in pairs.items()) + "]"


_SHAPES = {NodeKind.OUTPUT: "note", NodeKind.SERVICE_GROUP: "box3d"}


def node_attrs(node: Node) -> dict[str, str]:
    look = LOOKS[node.kind]
    markers = node.markers
    attrs = {
        "label": label(node),
        "fillcolor": quoted("#FFFFFF" if WHITE_FILL & set(markers) else look.fill),
        "fontcolor": quoted(look.text),
        "color": quoted(look.border),
    }
    styles = ["filled"] if node.kind in _SHAPES else ["rounded", "filled"]
    if node.kind in _SHAPES:
        attrs["shape"] = _SHAPES[node.kind]
    line = border(markers)
    if line is not None:
        attrs["color"] = quoted(line.colour)
        attrs["penwidth"] = f"{line.width:g}"
        if line.dash:
            styles.append(_DASH[line.dash])
    if Marker.HARMFUL in markers:
        attrs["peripheries"] = "2"
    attrs["style"] = quoted(",".join(styles))
    return attrs


_DASH = {"6 3": "dashed", "4 4": "dashed", "2 2": "dotted", "1 3": "dotted"}
"""The DOT style of each dash pattern :data:`.style.LINES` uses."""


def _edge(edge: Edge) -> str:
    """A link; a referral route runs any way between columns, so it places nothing
    (``constraint=false``), and one into a service not active is dashed, in the gap
    colour and labelled, so it reads without colour too."""
    line = f"  {quoted(edge.source)} -> {quoted(edge.target)}"
    if edge.kind is EdgeKind.REFERS:
        return line + " [constraint=false]"
    if edge.kind is EdgeKind.BROKEN_REFERRAL:
        return (
            line
            + " "
            + _attrs(
                {
                    "constraint": "false",
                    "fontname": quoted(FONT),
                    "color": quoted(BROKEN_LINE.colour),
                    "fontcolor": quoted(BROKEN_LINE.colour),
                    "style": "dashed",
                    "penwidth": f"{BROKEN_LINE.width:g}",
                    "xlabel": quoted(BROKEN_TEXT),
                    "fontsize": f"{SIZES.detail:g}",
                }
            )
        )
    if edge.ended:
        line += f' [style="dashed", color={quoted(ENDED_EDGE)}]'
    return line


def _heading(title: str) -> str:
    """A column's heading, wrapped so that it is no wider than the column's boxes."""
    return "<BR/>".join(html(line) for line in lines(title, WRAP - 2))


def _column_order(diagram: Diagram) -> list[str]:
    """Invisible links from each column's first box to the next column's, so columns
    keep their order left to right even where no edge runs between them."""
    firsts = [_first(c) for c in diagram.columns]
    return [
        f"  {quoted(a)} -> {quoted(b)} [style=invis]"
        for a, b in zip(firsts, firsts[1:], strict=False)
    ]


def _first(column: Column) -> str:
    """The column's first box: never a group's heading, which a link to the next
    column would pull away from the top of its group."""
    return column.groups[0].nodes[0]


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
                "nodesep": "0.08",
                "ranksep": "0.25",
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
                "fontsize": f"{SIZES.node:g}",
                "margin": quoted("0.07,0.04"),
                "height": "0.3",
            }
        ),
        "  "
        + "edge "
        + _attrs({"color": quoted(EDGE_COLOUR), "arrowsize": "0.6", "penwidth": "0.8"}),
    ]
    if diagram.table is not None:
        out += table_lines(diagram, diagram.table)
    for column in diagram.columns:
        out.append(f"  subgraph {quoted('cluster_' + column.id)} {{")
        out.append(
            f"    label=<<B>{_heading(column.title)}</B>>; fontsize={SIZES.column:g}; "
            'style="rounded"; margin=3; '
            'color="#BFBFBF";'
        )
        for group in column.groups:
            indent = "    "
            if group.title:
                out.append(f"    subgraph {quoted('cluster_' + column.id + '_' + group.id)} {{")
                out.append('      label=""; style="dashed,rounded"; margin=3; color="#BFBFBF";')
                indent = "      "
                heading = quoted(f"heading:{column.id}:{group.id}")
                out.append(
                    f"{indent}{heading} [label=<<I>{html(group.title)}</I>>, "
                    f"shape=plaintext, fontsize={SIZES.group:g}, height=0.2]"
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
    out += [_edge(edge) for edge in diagram.edges]
    out += _column_order(diagram)
    out.append("}")
    return "\n".join(out) + "\n"
