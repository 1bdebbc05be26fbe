"""A drawing's heading as Graphviz draws it: the title and the as-of date on a row of
their own, and beneath them the key to the boxes and markers drawn, in rows of a few
cells, so a key never makes a small drawing wider than it needs to be."""

from __future__ import annotations

from .diagram import BROKEN_MEANING, BROKEN_TEXT, MARKER_MEANING, MARKER_TEXT, Diagram, Marker, clip
from .dot_text import html, lines
from .style import BROKEN_LINE, LOOKS, SIZES, border

PER_ROW = 4
"""Markers explained per row of the key."""
TITLE_WRAP = 50
"""Characters of the title per line."""
MEANING_WRAP = 26
"""Characters of a marker's meaning per line of the key."""
TABLE_PER_ROW = 5
"""Cells per row of a table's key, which names each symbol on one line."""


def _swatches(diagram: Diagram) -> str:
    cells = "".join(
        f'<TD BGCOLOR="{LOOKS[k].fill}" BORDER="1"><FONT COLOR="{LOOKS[k].text}" '
        f'POINT-SIZE="{SIZES.key:g}">{html(k.value)}</FONT></TD>'
        for k in diagram.kinds()
    )
    return f'<TR><TD BORDER="0"><FONT POINT-SIZE="{SIZES.key:g}">Key:</FONT></TD>{cells}</TR>'


def _marker_cell(marker: Marker) -> str:
    line = border((marker,))
    width = 1 if line is None else 3 if line.double else 2
    colour = "#4D4D4D" if line is None else line.colour
    dotted = ("2 2", "1 3")
    dash = ("dotted" if line.dash in dotted else "dashed") if line is not None and line.dash else ""
    style = f' STYLE="{dash}"' if dash else ""
    return (
        f'<TD BORDER="{width}" COLOR="{colour}"{style} ALIGN="LEFT" BALIGN="LEFT">'
        f'<FONT POINT-SIZE="{SIZES.key:g}"><B>{html(MARKER_TEXT[marker])}</B><BR/>'
        f"{'<BR/>'.join(html(line) for line in lines(MARKER_MEANING[marker], MEANING_WRAP))}"
        "</FONT></TD>"
    )


def _broken_cell() -> str:
    """The key's cell for a referral route into a service not active: a dashed arrow."""
    meaning = "<BR/>".join(html(line) for line in lines(BROKEN_MEANING, MEANING_WRAP))
    return (
        f'<TD BORDER="0" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{SIZES.key:g}" '
        f'COLOR="{BROKEN_LINE.colour}"><B>- - {html(BROKEN_TEXT)} →</B></FONT><BR/>'
        f'<FONT POINT-SIZE="{SIZES.key:g}">{meaning}</FONT></TD>'
    )


def _table_legend(diagram: Diagram) -> str:
    """The key of a table (the matrix): its cells show a gap by its symbol alone, so the
    key names each symbol drawn, on one line, after the swatches of the rows' kinds, in
    rows of :data:`TABLE_PER_ROW`: a short key keeps a long table on one page."""
    cells = [
        f'<TD BGCOLOR="{LOOKS[k].fill}" BORDER="1"><FONT COLOR="{LOOKS[k].text}" '
        f'POINT-SIZE="{SIZES.key:g}">{html(k.value)}</FONT></TD>'
        for k in diagram.kinds()
    ] + [
        f'<TD BORDER="1" COLOR="#8C8C8C" ALIGN="LEFT"><FONT POINT-SIZE="{SIZES.key:g}">'
        f"<B>{html(MARKER_TEXT[m])}</B></FONT></TD>"
        for m in diagram.markers()
    ]
    label = f'<TD BORDER="0"><FONT POINT-SIZE="{SIZES.key:g}">Key:</FONT></TD>'
    rows = [
        "<TR>"
        + (label if i == 0 else '<TD BORDER="0"></TD>')
        + "".join(cells[i : i + TABLE_PER_ROW])
        + '<TD BORDER="0"></TD>' * (TABLE_PER_ROW - len(cells[i : i + TABLE_PER_ROW]))
        + "</TR>"
        for i in range(0, len(cells), TABLE_PER_ROW)
    ]
    return f'<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2">{"".join(rows)}</TABLE>'


def legend(diagram: Diagram) -> str:
    """The key: a swatch for each kind of box, then each marker drawn, in its own line
    style, :data:`PER_ROW` to a row; a short last row is filled with empty cells, so the
    markers stand in a grid however wide the key is drawn. A table's key is
    :func:`_table_legend`."""
    if diagram.table is not None:
        return _table_legend(diagram)
    cells = [_marker_cell(m) for m in diagram.markers()]
    if diagram.broken_routes():
        cells.append(_broken_cell())
    width = PER_ROW
    rows = [
        "<TR>"
        + "".join(cells[i : i + width])
        + '<TD BORDER="0"></TD>' * (width - len(cells[i : i + width]))
        + "</TR>"
        for i in range(0, len(cells), width)
    ]
    swatches = (
        f'<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLSPACING="3" CELLPADDING="3">'
        f"{_swatches(diagram)}"
        "</TABLE></TD></TR>"
    )
    marks = (
        f'<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLSPACING="3" CELLPADDING="3">'
        f"{''.join(rows)}</TABLE></TD></TR>"
        if rows
        else ""
    )
    return f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">{swatches}{marks}</TABLE>'


def graph_label(diagram: Diagram) -> str:
    """Title and as-of date on their own rows, the key beneath them; a long title is
    wrapped, so it does not make a small drawing wide."""
    title = "<BR/>".join(html(line) for line in lines(diagram.title, TITLE_WRAP))
    return (
        '<<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="0">'
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{SIZES.title:g}"><B>{title}</B>'
        "</FONT></TD></TR>"
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{SIZES.subtitle:g}">{html(clip(diagram.subtitle))}'
        "</FONT></TD></TR>"
        f'<TR><TD ALIGN="LEFT">{legend(diagram)}</TD></TR></TABLE>>'
    )
