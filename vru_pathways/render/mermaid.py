"""Diagram → Mermaid flowchart text.

Node IDs come from the data (``factor:school-exclusion`` → ``factor_school_exclusion``);
every label is escaped in one place (:func:`escape`), with Mermaid's ``#code;`` entities
for anything its grammar or its HTML labels would read as syntax.
"""

from __future__ import annotations

import re

from ..escaping import printable
from .diagram import (
    BROKEN_MEANING,
    BROKEN_TEXT,
    MARKER_MEANING,
    MARKER_TEXT,
    Diagram,
    EdgeKind,
    Marker,
    Node,
    NodeKind,
    clip,
)
from .style import BROKEN_LINE, LOOKS, WHITE_FILL, border

_UNSAFE = set('"#&<>[](){}|%`;\\:=')


def escape(text: str) -> str:
    """Text safe inside a quoted Mermaid label, shown as written.

    Mermaid reads a backslash followed by ``n`` as a line break even when the backslash
    is an entity, so an invisible word joiner (U+2060) keeps the two apart.

    >>> escape('A "B" --> {C}')
    'A #34;B#34; --#62; #123;C#125;'
    """
    out = []
    for char in printable(text):
        if char == "\\":
            out.append("#92;#8288;")
        elif char in _UNSAFE:
            out.append(f"#{ord(char)};")
        elif char < " ":
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def ident(node_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", node_id)


def _class(kind: NodeKind) -> str:
    return "k_" + ident(kind.name.lower())


def _marker_class(marker: Marker) -> str:
    return "m_" + ident(marker.name.lower())


def label(node: Node) -> str:
    rows = [
        f"<b>{escape(MARKER_TEXT[b.marker])}</b>" + (f" {escape(b.detail)}" if b.detail else "")
        for b in node.badges
    ]
    rows.append(escape(clip(node.title)))
    rows += [f"<small>{escape(clip(d))}</small>" for d in node.detail]
    return '"' + "<br>".join(rows) + '"'


def _border_classes(diagram: Diagram) -> list[str]:
    """One class per marker that sets a border (the marker whose line a box takes)."""
    out = []
    for marker in diagram.markers():
        line = border((marker,))
        if line is None:
            continue
        dash = f",stroke-dasharray:{line.dash}" if line.dash else ""
        width = line.width * (2 if line.double else 1)
        out.append(
            f"  classDef {_marker_class(marker)} stroke:{line.colour},"
            f"stroke-width:{width:g}px{dash}"
        )
    return out


def _border_marker(node: Node) -> Marker | None:
    """The marker whose line the node's border takes (see :func:`.style.border`)."""
    line = border(node.markers)
    return next((m for m in node.markers if border((m,)) is line), None) if line else None


def _one_line(text: str) -> str:
    return " ".join(text.replace("{", "(").replace("}", ")").split())


def emit(diagram: Diagram) -> str:
    """Mermaid text for ``diagram``; the same diagram always gives the same bytes."""
    out = [
        "flowchart LR",
        f"  accTitle: {_one_line(clip(diagram.title))} ({_one_line(clip(diagram.subtitle))})",
        "  accDescr {",
    ]
    out += [f"    {_one_line(line)}" for line in diagram.description.splitlines() if line.strip()]
    out.append("  }")
    title = f"{clip(diagram.title)} — {clip(diagram.subtitle)}"
    out.append(f'  title_["<b>{escape(title)}</b>"]:::k_title')
    for column in diagram.columns:
        out.append(f'  subgraph {ident(column.id)} ["{escape(column.title)}"]')
        out.append("    direction TB")
        for group in column.groups:
            indent = "    "
            if group.title:
                out.append(
                    f'    subgraph {ident(column.id + "_" + group.id)} ["{escape(group.title)}"]'
                )
                indent = "      "
            for node_id in group.nodes:
                node = diagram.nodes[node_id]
                out.append(f"{indent}{ident(node_id)}[{label(node)}]")
            if group.title:
                out.append("    end")
        out.append("  end")
    broken = []
    for index, edge in enumerate(diagram.edges):
        if edge.kind is EdgeKind.BROKEN_REFERRAL:
            broken.append(index)
            out.append(f'  {ident(edge.source)} -.->|"{BROKEN_TEXT}"| {ident(edge.target)}')
        else:
            arrow = "-.->" if edge.ended else "-->"
            out.append(f"  {ident(edge.source)} {arrow} {ident(edge.target)}")
    out += _legend(diagram)
    out += _classes(diagram)
    line = BROKEN_LINE
    out += [
        f"  linkStyle {i} stroke:{line.colour},stroke-width:{line.width:g}px,color:{line.colour}"
        for i in broken
    ]
    return "\n".join(out) + "\n"


def _legend(diagram: Diagram) -> list[str]:
    out = ['  subgraph legend_ ["Key"]', "    direction TB"]
    for kind in diagram.kinds():
        out.append(f'    legend_{_class(kind)}["{escape(kind.value)}"]:::{_class(kind)}')
    for marker in diagram.markers():
        text = f"<b>{escape(MARKER_TEXT[marker])}</b><br>{escape(MARKER_MEANING[marker])}"
        styled = f":::{_marker_class(marker)}" if border((marker,)) else ""
        out.append(f'    legend_{_marker_class(marker)}["{text}"]{styled}')
    if diagram.broken_routes():
        text = f"<b>- - {escape(BROKEN_TEXT)} →</b><br>{escape(BROKEN_MEANING)}"
        out.append(f'    legend_broken_route["{text}"]')
    out.append("  end")
    out += [f"  style legend_{_marker_class(m)} fill:#FFFFFF" for m in diagram.markers()]
    if diagram.broken_routes():
        out.append(
            f"  style legend_broken_route fill:#FFFFFF,stroke:{BROKEN_LINE.colour},"
            "stroke-dasharray:6 3"
        )
    return out


def _classes(diagram: Diagram) -> list[str]:
    out = ["  classDef k_title fill:none,stroke:none,font-size:18px"]
    for kind in diagram.kinds():
        look = LOOKS[kind]
        out.append(
            f"  classDef {_class(kind)} fill:{look.fill},stroke:{look.border},color:{look.text}"
        )
    out += _border_classes(diagram)
    for kind in diagram.kinds():
        ids = [ident(n.id) for n in diagram.nodes.values() if n.kind is kind]
        out.append(f"  class {','.join(ids)} {_class(kind)}")
    for marker in diagram.markers():
        ids = [ident(n.id) for n in diagram.nodes.values() if _border_marker(n) is marker]
        if ids:
            out.append(f"  class {','.join(ids)} {_marker_class(marker)}")
    blank = [ident(n.id) for n in diagram.nodes.values() if WHITE_FILL & set(n.markers)]
    out += [f"  style {i} fill:#FFFFFF" for i in blank]
    return out
