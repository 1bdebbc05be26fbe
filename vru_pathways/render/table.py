"""A table diagram (the matrix view) as DOT: one HTML-like table in a plain box, a row a
node, cells marked by symbol and, for gaps, a tinted fill and a bold figure."""

from __future__ import annotations

from .diagram import Diagram, Row, Table
from .dot_text import html, quoted
from .style import LOOKS, SIZES

GAP_FILL = "#F6CFB5"
"""A cell a gap is about: the risk factors' light vermillion, beside its symbol."""


def _font(text: str, *, bold: bool = False) -> str:
    if not text.strip():
        return ""
    body = f"<B>{html(text)}</B>" if bold else html(text)
    return f'<FONT POINT-SIZE="{SIZES.detail:g}">{body}</FONT>'


def _row(diagram: Diagram, row: Row) -> str:
    node = diagram.nodes[row.node]
    look = LOOKS[node.kind]
    label = f'<TD ALIGN="LEFT" BGCOLOR="{look.fill}">{_font(node.title)}</TD>'
    cells = "".join(
        f'<TD BGCOLOR="{GAP_FILL}">{_font(c.text, bold=True)}</TD>'
        if c.marker is not None
        else f'<TD ALIGN="{"LEFT" if n == len(row.cells) - 1 else "CENTER"}">{_font(c.text)}</TD>'
        for n, c in enumerate(row.cells)
    )
    return f"<TR>{label}{cells}</TR>"


def table_label(diagram: Diagram, table: Table) -> str:
    span = len(table.headers) + 1
    head = "".join(f"<TD>{_font(h, bold=True)}</TD>" for h in (table.corner, *table.headers))
    rows = [f"<TR>{head}</TR>"]
    for title, section in table.sections:
        rows.append(
            f'<TR><TD COLSPAN="{span}" ALIGN="LEFT"><I>{_font(title, bold=True)}</I></TD></TR>'
        )
        rows += [_row(diagram, r) for r in section]
    return (
        '<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="1" COLOR="#8C8C8C">'
        + "".join(rows)
        + "</TABLE>>"
    )


def table_lines(diagram: Diagram, table: Table) -> list[str]:
    """The DOT lines that draw the table."""
    return [
        f"  {quoted('matrix')} [shape=plaintext, margin=0, label={table_label(diagram, table)}]"
    ]
